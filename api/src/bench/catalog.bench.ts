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
 * 1,000 courses) through the GraphQL stack, next to the same data fetched by hand-written SQL and
 * served by a bare HTTP server: the baseline. Both on the same real PostgreSQL, in the same run.
 */

const COURSES = 1000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

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
  try {
    await fill(database.url);
    const body = (page: number) => JSON.stringify({ query: QUERY, variables: { page } });
    // The same answer from both, before timing anything.
    const viaGraph: any = await (await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(3) })).json();
    const viaSql: any = await (await fetch(`${baseline.url}/?page=3`)).json();
    if (viaGraph.data.courses.items.length !== 20 || viaGraph.data.courses.total !== COURSES) throw new Error('unexpected GraphQL answer');
    const codes = (d: any) => d.data.courses.items.map((c: any) => `${c.code}:${c.openGroups.map((g: any) => g.sessions.length).join(',')}`);
    if (JSON.stringify(codes(viaGraph)) !== JSON.stringify(codes(viaSql))) throw new Error('the baseline and the graph disagree');

    const requests = Array.from({ length: 10 }, (_, i) => ({ method: 'POST' as const, body: body(i + 1), headers: { 'content-type': 'application/json' } }));
    await measure({ url: `${app.url}/graphql`, requests, duration: 2 }); // warm-up
    const graph = await measure({ url: `${app.url}/graphql`, requests });
    await measure({ url: `${baseline.url}/?page=1`, duration: 2 });
    const sql = await measure({
      url: `${baseline.url}/?page=1`,
      requests: Array.from({ length: 10 }, (_, i) => ({ method: 'GET' as const, path: `/?page=${i + 1}` })),
    });

    const row = (name: string, m: Measurement) =>
      `${name.padEnd(34)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${m.p50.toFixed(1).padStart(6)} ms   p95 ${m.p95.toFixed(1).padStart(6)} ms   errors ${m.errors}`;
    console.log(`\ncatalog page: 20 of ${COURSES} courses, 2 groups x 3 sessions each; ${CONNECTIONS} connections, ${DURATION_S} s, real PostgreSQL`);
    console.log(row('GraphQL (Apollo + TypeGraphQL)', graph));
    console.log(row('baseline (hand-written SQL, http)', sql));
    console.log(`ratio: throughput ${(graph.requestsPerSecond / sql.requestsPerSecond).toFixed(2)}x of baseline, p95 ${(graph.p95 / sql.p95).toFixed(2)}x`);
  } finally {
    await baseline.close();
    await app.stop();
    await database.drop();
    server.stop();
  }
}

await main();
