import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { startApp } from '../app.js';
import { loadConfig } from '../config.js';
import { NO_LIMITS } from './bench-limits.js';

/**
 * One contender of the catalog benchmark, run as a process of its own so that its CPU can be read
 * apart from the load generator's: `node catalog-server.js mps|sql-one|sql-levels` with
 * DATABASE_URL set (already migrated and filled). Prints "READY <url>" once it listens; SIGTERM
 * stops it. The SQL contenders answer `GET /?page=N` with the page's JSON.
 */

/** The same page by hand, one round trip per level, assembled in plain code. */
function perLevelServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
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

/** MPS itself, as `npm start` runs it in production, minus the job worker and the rate limits. */
async function mpsServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
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
      // No job worker: its lock timer kept the process alive minutes after the end.
      MPS_ROLE: 'api',
      ...NO_LIMITS,
    }),
    { info: () => {}, error: (m, e) => console.error(m, e) },
    { databaseUrl: url },
  );
  return { url: app.url, close: () => app.stop() };
}

const contenders = { mps: mpsServer, 'sql-one': singleStatementServer, 'sql-levels': perLevelServer };
const kind = process.argv[2] as keyof typeof contenders;
const databaseUrl = process.env.DATABASE_URL;
if (!contenders[kind] || !databaseUrl) throw new Error(`usage: DATABASE_URL=... node catalog-server.js ${Object.keys(contenders).join('|')}`);
const server = await contenders[kind](databaseUrl);
process.on('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
console.log(`READY ${server.url}`);
