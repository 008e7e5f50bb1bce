import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp } from '../app.js';
import { loadConfig, repoRoot } from '../config.js';
import { createTestDatabase } from '../test/harness.js';
import { NO_LIMITS } from './bench-limits.js';

/**
 * `npm run bench`: the catalog page (20 courses with open groups, sessions and lecturers, over
 * 1,000 courses) through the GraphQL stack, next to two baselines serving the same page from the
 * same real PostgreSQL in the same run: one SQL statement building the JSON with json_agg over
 * plain HTTP (issue 16), and hand-written SQL with one query per level. Rounds are interleaved, so
 * a busy machine slows every contender alike. PostGraphile 5, which issue 16 also compares with,
 * needs Node 22 (its packages say so, and it fails on Node 20, which this project supports).
 */

const COURSES = 1000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const QUERY = `query Catalog($page: Int) { courses(page: $page, perPage: 20, sort: { field: CODE }) { total items {
  id code title summary priceCents hasDate
  openGroups { id code status seatsLeft sessions { startsAt endsAt onlineUrl place { name room } lecturer { name } } } } } }`;

/** A real server: DATABASE_URL when given, otherwise one started from this machine's binaries. */
function realPostgres(): { url: string; stop(): void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => {} };
  const script = path.join(repoRoot, 'scripts/pg-start.sh');
  const out = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
  const state = /PG_STATE_FILE=(\S+)/.exec(out)?.[1];
  if (!url || !state) throw new Error(`scripts/pg-start.sh gave no DATABASE_URL:\n${out}`);
  return { url, stop: () => execFileSync('bash', [path.join(repoRoot, 'scripts/pg-stop.sh'), state], { stdio: 'inherit' }) };
}

async function fill(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO topic (code, name_lv, name_en) SELECT 'T' || i, 'Tēma ' || i, 'Topic ' || i FROM generate_series(1, 8) i;
    INSERT INTO lecturer (name, email) SELECT 'Pasniedzējs ' || i, 'l' || i || '@example.lv' FROM generate_series(1, 40) i;
    INSERT INTO place (name, address, room, capacity) SELECT 'VAS', 'Raiņa bulvāris 4, Rīga', i || '. telpa', 30 FROM generate_series(1, 10) i;
    INSERT INTO course (code, topic_id, title_lv, title_en, summary_lv, language, format, hours, price_cents, search_text)
      SELECT 'B-' || lpad(i::text, 4, '0'), (SELECT id FROM topic ORDER BY code OFFSET i % 8 LIMIT 1), 'Kurss ' || i, 'Course ' || i,
             'Apraksts ' || i, 'LV', 'IN_PERSON', 8, (i % 4) * 1000, 'kurss ' || i
      FROM generate_series(1, ${COURSES}) i;
    INSERT INTO course_group (code, course_id, status, min_size, max_size)
      SELECT c.code || '-G' || g, c.id, 'OPEN', 5, 20 FROM course c, generate_series(1, 2) g;
    INSERT INTO session (group_id, starts_at, ends_at, place_id, lecturer_id)
      SELECT g.id, now() + (s * 7 + 10) * interval '1 day', now() + (s * 7 + 10) * interval '1 day' + interval '3 hours',
             (SELECT id FROM place ORDER BY room OFFSET (abs(hashtext(g.code)) + s) % 10 LIMIT 1),
             (SELECT id FROM lecturer ORDER BY name OFFSET (abs(hashtext(g.code)) + s) % 40 LIMIT 1)
      FROM course_group g, generate_series(1, 3) s;
    ANALYZE;`);
  await client.end();
}

/** The baseline: the same page by hand, one round trip per level, assembled in plain code. */
function baselineServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = http.createServer((req, res) => {
    answer(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
    const [
      {
        rows: [{ total }],
      },
      { rows: courses },
    ] = await Promise.all([
      pool.query(`SELECT count(*)::int AS total FROM course WHERE visibility = 'PUBLIC'`),
      pool.query(
        `SELECT id, code, title_lv AS title, summary_lv AS summary, price_cents AS "priceCents" FROM course
                  WHERE visibility = 'PUBLIC' ORDER BY code LIMIT 20 OFFSET $1`,
        [(page - 1) * 20],
      ),
    ]);
    const courseIds = courses.map((c) => c.id);
    const { rows: groups } = await pool.query(
      `SELECT g.id, g.code, g.status, g.course_id, g.max_size - (SELECT count(*) FROM registration r WHERE r.group_id = g.id AND r.status = 'CONFIRMED')::int AS "seatsLeft"
       FROM course_group g WHERE g.course_id = ANY($1) AND g.status IN ('OPEN', 'CONFIRMED') ORDER BY g.code`,
      [courseIds],
    );
    const { rows: sessions } = await pool.query(
      `SELECT s.group_id, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.online_url AS "onlineUrl",
              p.name AS place_name, p.room, l.name AS lecturer_name
       FROM session s LEFT JOIN place p ON p.id = s.place_id LEFT JOIN lecturer l ON l.id = s.lecturer_id
       WHERE s.group_id = ANY($1) ORDER BY s.starts_at`,
      [groups.map((g) => g.id)],
    );
    const items = courses.map((c) => {
      const own = groups.filter((g) => g.course_id === c.id);
      const openGroups = own.map((g) => ({
        id: g.id,
        code: g.code,
        status: g.status,
        seatsLeft: g.seatsLeft,
        sessions: sessions
          .filter((s) => s.group_id === g.id)
          .map((s) => ({
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            onlineUrl: s.onlineUrl,
            place: s.place_name ? { name: s.place_name, room: s.room } : null,
            lecturer: s.lecturer_name ? { name: s.lecturer_name } : null,
          })),
      }));
      return { ...c, hasDate: openGroups.some((g) => g.sessions.length > 0), openGroups };
    });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { courses: { total, items } } }));
  };
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        close: async () => {
          server.closeAllConnections();
          await new Promise((r) => server.close(r));
          await pool.end();
        },
      }),
    ),
  );
}

/** Serves `answer(page)` as JSON on `/?page=N` from a bare http server. */
function pageServer(answer: (page: number) => Promise<string>, close: () => Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
    answer(page).then(
      (body) => {
        res.setHeader('content-type', 'application/json');
        res.end(body);
      },
      (error) => {
        res.statusCode = 500;
        res.end(String(error));
      },
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        close: async () => {
          server.closeAllConnections();
          await new Promise((r) => server.close(r));
          await close();
        },
      }),
    ),
  );
}

/** The floor: PostgreSQL builds the whole answer in one statement; Node only passes the text on. */
function singleStatementServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const sql = `SELECT json_build_object('data', json_build_object('courses', json_build_object(
      'total', (SELECT count(*) FROM course WHERE visibility = 'PUBLIC'),
      'items', COALESCE((SELECT json_agg(c ORDER BY c.code) FROM (
        SELECT c.id, c.code, c.title_lv AS title, c.summary_lv AS summary, c.price_cents AS "priceCents",
               EXISTS (SELECT 1 FROM course_group g JOIN session s ON s.group_id = g.id
                        WHERE g.course_id = c.id AND g.status IN ('OPEN', 'CONFIRMED')) AS "hasDate",
               COALESCE((SELECT json_agg(g ORDER BY g.code) FROM (
                 SELECT g.id, g.code, g.status,
                        g.max_size - (SELECT count(*) FROM registration r WHERE r.group_id = g.id AND r.status = 'CONFIRMED')::int AS "seatsLeft",
                        COALESCE((SELECT json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'onlineUrl', s.online_url,
                                    'place', CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('name', p.name, 'room', p.room) END,
                                    'lecturer', CASE WHEN l.id IS NULL THEN NULL ELSE json_build_object('name', l.name) END) ORDER BY s.starts_at)
                                  FROM session s LEFT JOIN place p ON p.id = s.place_id LEFT JOIN lecturer l ON l.id = s.lecturer_id
                                 WHERE s.group_id = g.id), '[]') AS sessions
                   FROM course_group g WHERE g.course_id = c.id AND g.status IN ('OPEN', 'CONFIRMED')) g), '[]') AS "openGroups"
          FROM course c WHERE c.visibility = 'PUBLIC' ORDER BY c.code LIMIT 20 OFFSET $1) c), '[]'))))::text AS body`;
  return pageServer(
    async (page) => (await pool.query<{ body: string }>(sql, [(page - 1) * 20])).rows[0].body,
    () => pool.end(),
  );
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

async function measure(options: autocannon.Options): Promise<Measurement> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { requestsPerSecond: result.requests.average, p50: at(0.5), p95: at(0.95), errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const server = realPostgres();
  process.env.DATABASE_URL = server.url;
  // MPS_ROLE=api: no job worker, whose job lock timer (10 minutes' lifetime) kept the process alive minutes after the end.
  const database = await createTestDatabase();
  const app = await startApp(
    loadConfig({
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
    }),
    {
      info: () => {},
      error: (m, e) => console.error(m, e),
    },
    { databaseUrl: database.url },
  );
  const baseline = await baselineServer(database.url);
  const single = await singleStatementServer(database.url);
  try {
    await fill(database.url);
    const post = (query: string, variables: Record<string, unknown>) => ({
      method: 'POST' as const,
      body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json' },
    });
    const ask = async (url: string, init?: RequestInit) => (await fetch(url, init)).json() as Promise<any>;
    // The same answer from all three, before timing anything.
    const viaGraph = await ask(`${app.url}/graphql`, post(QUERY, { page: 3 }));
    if (viaGraph.data.courses.items.length !== 20 || viaGraph.data.courses.total !== COURSES) throw new Error('unexpected GraphQL answer');
    const codes = (d: any) => d.data.courses.items.map((c: any) => `${c.code}:${c.openGroups.map((g: any) => g.sessions.length).join(',')}`);
    const expected = JSON.stringify(codes(viaGraph));
    for (const [name, url] of [
      ['per-level SQL', baseline.url],
      ['single-statement SQL', single.url],
    ]) {
      if (JSON.stringify(codes(await ask(`${url}/?page=3`))) !== expected) throw new Error(`the ${name} baseline and the graph disagree`);
    }

    const pages = Array.from({ length: 10 }, (_, i) => i + 1);
    const contenders: { name: string; options: autocannon.Options; rounds: Measurement[] }[] = [
      { name: 'MPS GraphQL (Apollo + TypeGraphQL)', options: { url: `${app.url}/graphql`, requests: pages.map((page) => post(QUERY, { page })) }, rounds: [] },
      {
        name: 'one SQL statement (json_agg), http',
        options: { url: single.url, requests: pages.map((page) => ({ method: 'GET' as const, path: `/?page=${page}` })) },
        rounds: [],
      },
      {
        name: 'SQL per level, http',
        options: { url: baseline.url, requests: pages.map((page) => ({ method: 'GET' as const, path: `/?page=${page}` })) },
        rounds: [],
      },
    ];
    for (const contender of contenders) await measure({ ...contender.options, duration: 2 }); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of contenders) contender.rounds.push(await measure(contender.options));
    }

    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const summary = (rounds: Measurement[]): Measurement => ({
      requestsPerSecond: mean(rounds.map((m) => m.requestsPerSecond)),
      p50: mean(rounds.map((m) => m.p50)),
      p95: mean(rounds.map((m) => m.p95)),
      errors: rounds.reduce((sum, m) => sum + m.errors, 0),
    });
    const row = (name: string, m: Measurement) =>
      `${name.padEnd(38)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s   p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   errors ${m.errors}`;
    console.log(
      `\ncatalog page: 20 of ${COURSES} courses, 2 groups x 3 sessions each; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s, real PostgreSQL`,
    );
    for (const contender of contenders) {
      contender.rounds.forEach((m, i) => console.log(row(`${contender.name} #${i + 1}`, m)));
    }
    const [mps, sql] = contenders.map((c) => summary(c.rounds));
    for (const contender of contenders) console.log(row(`${contender.name} (mean)`, summary(contender.rounds)));
    const ratio = (name: string, other: Measurement, goal: number) =>
      `MPS vs ${name}: throughput ${(mps.requestsPerSecond / other.requestsPerSecond).toFixed(2)}x (goal >= ${goal}x), ` +
      `p95 ${(mps.p95 / other.p95).toFixed(2)}x of its p95 (goal <= ${(1 / goal).toFixed(2)}x)`;
    console.log(ratio('one SQL statement', sql, 0.5));
  } finally {
    await single.close();
    await baseline.close();
    await app.stop();
    await database.drop();
    server.stop();
  }
}

await main();
