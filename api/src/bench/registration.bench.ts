import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { startApp } from '../app.js';
import { loadConfig, repoRoot } from '../config.js';
import { SESSION_COOKIE } from '../http/cookies.js';
import { createTestDatabase } from '../test/harness.js';
import { NO_LIMITS } from './bench-limits.js';

/**
 * `npm run bench` (issue 9): 1,000 people send `register` for one 20-seat group at the same moment,
 * over HTTP, to one api instance on a real PostgreSQL: the time until every answer is in, and the
 * p50/p99 of the answers. Then exactly 20 must hold a seat and 980 wait in positions 1..980. The
 * baseline: the same number of plain single-row INSERTs of a registration, just as concurrent,
 * through a pool of the api's size (10), in the same run on the same server.
 */

const PEOPLE = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
const SEATS = 20;
const POOL = 10;

/** A real server: DATABASE_URL when given, otherwise one started from this machine's binaries. */
function realPostgres(): { url: string; stop(): void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const out = execFileSync('bash', [path.join(repoRoot, 'scripts/pg-start.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  const state = /PG_STATE_FILE=(\S+)/.exec(out)?.[1];
  if (!url || !state) throw new Error(`scripts/pg-start.sh gave no DATABASE_URL:\n${out}`);
  return { url, stop: () => execFileSync('bash', [path.join(repoRoot, 'scripts/pg-stop.sh'), state], { stdio: 'inherit' }) };
}

interface World {
  groupId: string;
  baselineGroupId: string;
  personIds: string[];
  cookies: string[];
}

/** A free public course with two 20-seat groups, and PEOPLE persons with an e-mail and a session each. */
async function fill(client: pg.Client): Promise<World> {
  const {
    rows: [course],
  } = await client.query<{ id: string }>(
    `WITH t AS (INSERT INTO topic (code, name_lv, name_en) VALUES ('BENCH', 'Tēma', 'Topic') RETURNING id)
     INSERT INTO course (code, topic_id, title_lv, title_en, summary_lv, language, format, hours, price_cents, search_text)
     SELECT 'BENCH-1', t.id, 'Kurss', 'Course', '', 'LV', 'IN_PERSON', 8, 0, 'kurss' FROM t RETURNING id`,
  );
  const { rows: groups } = await client.query<{ id: string }>(
    `INSERT INTO course_group (code, course_id, status, min_size, max_size) VALUES ('BENCH-G1', $1, 'OPEN', $2, $2), ('BENCH-G2', $1, 'OPEN', $2, $2) RETURNING id`,
    [course.id, SEATS],
  );
  await client.query(
    `INSERT INTO session (group_id, starts_at, ends_at, online_url)
     SELECT $1, now() + interval '30 days', now() + interval '30 days 3 hours', 'https://vas.example.lv/meet/1'`,
    [groups[0].id],
  );
  const { rows: persons } = await client.query<{ id: string }>(
    `INSERT INTO person (given_name, family_name, email, preferred_language)
     SELECT 'Dalībnieks', 'Nr. ' || i, 'p' || i || '@example.lv', 'lv' FROM generate_series(1, $1) i RETURNING id`,
    [PEOPLE],
  );
  const tokens = persons.map(() => randomBytes(32).toString('base64url'));
  await client.query(
    `INSERT INTO auth_session (token_hash, person_id, provider, last_seen_at, expires_at)
     SELECT unnest($1::text[]), unnest($2::uuid[]), 'bench', now(), now() + interval '1 day'`,
    [tokens.map((token) => createHash('sha256').update(token).digest('base64url')), persons.map((p) => p.id)],
  );
  return {
    groupId: groups[0].id,
    baselineGroupId: groups[1].id,
    personIds: persons.map((p) => p.id),
    cookies: tokens.map((token) => `${SESSION_COOKIE}=${token}`),
  };
}

const now = () => process.hrtime.bigint();
const msSince = (start: bigint) => Number(now() - start) / 1e6;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Round {
  settledMs: number;
  p50: number;
  p99: number;
  failures: string[];
}

/** Starts every call at once; each one's latency from the common start. */
async function allAtOnce(calls: (() => Promise<void>)[]): Promise<Round> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const start = now();
  await Promise.all(
    calls.map(async (call) => {
      try {
        await call();
      } catch (error) {
        failures.push(String((error as Error)?.message ?? error));
      }
      latencies.push(msSince(start));
    }),
  );
  const settledMs = msSince(start);
  latencies.sort((a, b) => a - b);
  return { settledMs, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures };
}

async function main(): Promise<void> {
  const server = realPostgres();
  process.env.DATABASE_URL = server.url;
  const database = await createTestDatabase();
  // MPS_ROLE=api: no worker (its job lock timer would keep the process alive); the e-mails stay queued in the outbox.
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    MPS_SECRET: 'b'.repeat(40),
    MPS_PUBLIC_URL: 'https://mps.example.lv',
    MPS_OIDC_ISSUER: 'https://id.example.lv',
    MPS_OIDC_CLIENT_ID: 'bench',
    MPS_OIDC_CLIENT_SECRET: 'bench',
    HOST: '127.0.0.1',
    PORT: '0',
    MPS_DEMO_DATA: 'false',
    MPS_ROLE: 'api',
    ...NO_LIMITS,
    // The rush is the point: every request waits its turn at the admission line instead of a 503
    // (which the line gives beyond 200 waiting or 3 s; overload.bench.ts measures that).
    MPS_LIMIT_QUEUE_LENGTH: String(PEOPLE + 100),
    MPS_LIMIT_QUEUE_WAIT_MS: '600000',
  });
  const app = await startApp(config, { info: () => {}, error: (m, e) => console.error(m, e) }, { databaseUrl: database.url });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const pool = new pg.Pool({ connectionString: database.url, max: POOL });
  try {
    const world = await fill(client);
    const body = JSON.stringify({
      query: `mutation($input: RegisterInput!) { register(input: $input) { status } }`,
      variables: { input: { groupId: world.groupId } },
    });
    // One connection per request, as 1,000 browsers would have.
    const register = (cookie: string) => () =>
      new Promise<void>((resolve, reject) => {
        const request = http.request(
          `${app.url}/graphql`,
          { method: 'POST', agent: false, headers: { 'content-type': 'application/json', cookie, origin: config.publicUrl } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
              const answer = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
              if (response.statusCode === 200 && !answer.errors) resolve();
              else reject(new Error(`${response.statusCode} ${answer.errors?.[0]?.extensions?.code ?? ''}`));
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const graph = await allAtOnce(world.cookies.map(register));

    const { rows: outcome } = await client.query<{ status: string; n: number; positions: string }>(
      `SELECT status, count(*)::int AS n, coalesce(min(waiting_position), 0) || '..' || coalesce(max(waiting_position), 0) AS positions
         FROM registration WHERE group_id = $1 GROUP BY status ORDER BY status`,
      [world.groupId],
    );
    const confirmed = outcome.find((r) => r.status === 'CONFIRMED')?.n ?? 0;
    const waiting = outcome.find((r) => r.status === 'WAITING');
    const correct = confirmed === SEATS && waiting?.n === PEOPLE - SEATS && waiting.positions === `1..${PEOPLE - SEATS}`;

    const insert = (personId: string) => async () => {
      await pool.query(`INSERT INTO registration (person_id, group_id, status) VALUES ($1, $2, 'CONFIRMED')`, [personId, world.baselineGroupId]);
    };
    const baseline = await allAtOnce(world.personIds.map(insert));

    const row = (name: string, r: Round) =>
      `${name.padEnd(44)} settled ${r.settledMs.toFixed(0).padStart(6)} ms   p50 ${r.p50.toFixed(0).padStart(6)} ms   p99 ${r.p99.toFixed(0).padStart(6)} ms   failures ${r.failures.length}`;
    console.log(`\nregistration: ${PEOPLE} people register at once for a ${SEATS}-seat group; one api instance (pool ${POOL}), real PostgreSQL`);
    console.log(row('register over HTTP (GraphQL, row lock, outbox)', graph));
    console.log(row(`baseline: ${PEOPLE} plain INSERTs (pool ${POOL})`, baseline));
    console.log(`ratio: settled ${(graph.settledMs / baseline.settledMs).toFixed(1)}x of baseline`);
    console.log(
      `outcome: ${outcome.map((r) => `${r.status} ${r.n}${r.status === 'WAITING' ? ` (positions ${r.positions})` : ''}`).join(', ')}: ${correct ? 'correct' : 'WRONG'}`,
    );
    if (graph.failures.length > 0) console.log(`failures: ${[...new Set(graph.failures)].join('; ')}`);
    if (!correct || graph.failures.length > 0) process.exitCode = 1;
  } finally {
    await pool.end();
    await client.end();
    await app.stop();
    await database.drop();
    server.stop();
  }
}

await main();
