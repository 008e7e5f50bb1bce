import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot } from '../config.js';
import { UPCOMING_PUBLISHED_GROUP } from '../modules/catalog/published-groups.js';
import { createTestDatabase } from '../test/harness.js';
import { cpuMs, postgresCpu, startChildServer, type ChildServer } from './bench-process.js';
import { node22 } from './node22.js';

/**
 * `npm run bench` (issue 16): the portal's catalog page (20 courses with open groups, sessions,
 * places and lecturers, over 1,000 courses) from MPS, next to PostGraphile 5 over the same tables
 * and two baselines, all on the same real PostgreSQL in the same run: one SQL statement building
 * the page's JSON with json_agg over plain HTTP, and hand-written SQL with one query per level.
 * Every contender is a process of its own (catalog-server.ts; PostGraphile in postgraphile-server.mjs
 * on Node 22), so the CPU each used per request is read apart from the load generator's, and
 * PostgreSQL's too. Rounds are interleaved, so a busy machine slows every contender alike.
 */

const COURSES = 1000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',');
/** A folder for a CPU profile of the MPS process (node --cpu-prof), written when it stops. */
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const QUERY = `query Catalog($page: Int) { courses(page: $page, perPage: 20, sort: { field: CODE }) { total items {
  id code title summary priceCents hasDate
  openGroups { id code status seatsLeft sessions { startsAt endsAt onlineUrl place { name room } lecturer { name } } } } } }`;

/** The same page from PostGraphile: its names for the same tables, the computed parts as SQL functions. */
const POSTGRAPHILE_QUERY = `query Catalog($offset: Int) { allCourses(first: 20, offset: $offset, orderBy: CODE_ASC, condition: { visibility: "PUBLIC" }) {
  totalCount nodes { id code titleLv summaryLv priceCents hasDate
    openGroups { nodes { id code status seatsLeft
      sessionsByGroupId(orderBy: STARTS_AT_ASC) { nodes { startsAt endsAt onlineUrl placeByPlaceId { name room } lecturerByLecturerId { name } } } } } } } }`;

/** MPS's rules for the computed fields (the same UPCOMING_PUBLISHED_GROUP), as PostGraphile computed columns. */
const POSTGRAPHILE_FUNCTIONS = `
  CREATE FUNCTION course_has_date(c course) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM course_group g JOIN session s ON s.group_id = g.id
                    WHERE g.course_id = c.id AND s.starts_at > now() AND ${UPCOMING_PUBLISHED_GROUP}) $$;
  CREATE FUNCTION course_open_groups(c course) RETURNS SETOF course_group LANGUAGE sql STABLE AS $$
    SELECT g.* FROM course_group g WHERE g.course_id = c.id AND ${UPCOMING_PUBLISHED_GROUP}
     ORDER BY (SELECT min(s.starts_at) FROM session s WHERE s.group_id = g.id) ASC NULLS LAST, g.code $$;
  CREATE FUNCTION course_group_seats_left(g course_group) RETURNS int LANGUAGE sql STABLE AS $$
    SELECT greatest(0, g.max_size - (SELECT count(*) FROM registration r WHERE r.group_id = g.id AND r.status = 'CONFIRMED')::int) $$;
  -- PostGraphile offers conditions on indexed columns only, unless told.
  COMMENT ON COLUMN course.visibility IS E'@behavior +filterBy';`;

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
    ${POSTGRAPHILE_FUNCTIONS}
    ANALYZE;`);
  await client.end();
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** CPU per answered request: the contender's process, and PostgreSQL's (null when it is not on this machine). */
  nodeCpuMs: number;
  pgCpuMs: number | null;
}

interface Contender {
  name: string;
  server: ChildServer;
  options: autocannon.Options;
  rounds: Measurement[];
}

async function measure(contender: Contender, pgCpu: (() => () => number) | null, duration = DURATION_S): Promise<Measurement> {
  const times: number[] = [];
  const node0 = cpuMs(contender.server.pid);
  const pgCount = pgCpu?.();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration, ...contender.options }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const answered = Math.max(1, times.length);
  const nodeCpu = (cpuMs(contender.server.pid) - node0) / answered;
  const pgCpuPerRequest = pgCount ? pgCount() / answered : null;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    requestsPerSecond: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    errors: result.errors + result.non2xx,
    nodeCpuMs: nodeCpu,
    pgCpuMs: pgCpuPerRequest,
  };
}

const post = (query: string, variables: Record<string, unknown>) => ({
  method: 'POST' as const,
  body: JSON.stringify({ query, variables }),
  headers: { 'content-type': 'application/json' },
});

/** What every answer must agree on: the courses in order, and per group its code and session count. */
function shape(answer: any): string {
  const courses = answer.data?.courses ?? answer.data?.allCourses;
  if (!courses) throw new Error(`no courses in ${JSON.stringify(answer).slice(0, 500)}`);
  const list = <T>(value: T[] | { nodes: T[] }) => (Array.isArray(value) ? value : value.nodes);
  return JSON.stringify({
    total: courses.total ?? courses.totalCount,
    items: list<any>(courses.items ?? courses).map((c) => ({
      code: c.code,
      hasDate: c.hasDate,
      groups: list<any>(c.openGroups).map((g) => `${g.code}:${g.seatsLeft}:${list<any>(g.sessions ?? g.sessionsByGroupId).length}`),
    })),
  });
}

async function main(): Promise<void> {
  const postgres = realPostgres();
  process.env.DATABASE_URL = postgres.url;
  const database = await createTestDatabase();
  const servers: ChildServer[] = [];
  const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'production' };
  const contenderScript = path.join(repoRoot, 'api/dist-tools/bench/catalog-server.js');
  try {
    // MPS first: its start migrates the empty database, which the fill and the others need.
    const profile = PROFILE_DIR
      ? process.env.BENCH_HEAP
        ? ['--heap-prof', `--heap-prof-dir=${PROFILE_DIR}`]
        : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]
      : [];
    const mps = await startChildServer(process.execPath, [...profile, contenderScript, 'mps'], env, 'MPS');
    servers.push(mps);
    await fill(database.url);
    const pages = Array.from({ length: 10 }, (_, i) => i + 1);
    const sqlContender = async (name: string, kind: string): Promise<Contender> => {
      const server = await startChildServer(process.execPath, [contenderScript, kind], env, name);
      servers.push(server);
      return { name, server, rounds: [], options: { url: server.url, requests: pages.map((page) => ({ method: 'GET' as const, path: `/?page=${page}` })) } };
    };
    const postgraphile = await startChildServer(node22(), [path.join(repoRoot, 'api/src/bench/postgraphile-server.mjs')], env, 'PostGraphile');
    servers.push(postgraphile);
    const contenders: Contender[] = [
      {
        name: 'MPS (Apollo, TypeGraphQL)',
        server: mps,
        rounds: [],
        options: { url: `${mps.url}/graphql`, requests: pages.map((page) => post(QUERY, { page })) },
      },
      {
        name: 'PostGraphile 5',
        server: postgraphile,
        rounds: [],
        options: { url: `${postgraphile.url}/graphql`, requests: pages.map((page) => post(POSTGRAPHILE_QUERY, { offset: (page - 1) * 20 })) },
      },
      await sqlContender('one SQL statement (json_agg)', 'sql-one'),
      await sqlContender('SQL per level, plain code', 'sql-levels'),
    ].filter((c) => !ONLY || ONLY.some((word) => c.name.toLowerCase().includes(word.toLowerCase())));

    // The same answer from all of them, before timing anything.
    for (const page of [1, 3, 10]) {
      const answers = await Promise.all(
        contenders.map(async (c) => {
          const request = c.options.requests![page - 1] as { method: string; path?: string; body?: string; headers?: Record<string, string> };
          const response = await fetch(`${c.options.url}${request.path ?? ''}`, { method: request.method, body: request.body, headers: request.headers });
          return shape(await response.json());
        }),
      );
      answers.forEach((answer, i) => {
        if (answer !== answers[0]) throw new Error(`${contenders[i].name} and ${contenders[0].name} disagree on page ${page}:\n${answer}\n${answers[0]}`);
      });
    }

    const pgCpu = await postgresCpu(database.url);
    for (const contender of contenders) await measure(contender, pgCpu, 2); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of contenders) contender.rounds.push(await measure(contender, pgCpu));
    }
    report(contenders);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`Database kept (BENCH_KEEP_DATABASE): ${database.url}`);
    else await database.drop();
    postgres.stop();
  }
}

function report(contenders: Contender[]): void {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary = (rounds: Measurement[]): Measurement => ({
    requestsPerSecond: mean(rounds.map((m) => m.requestsPerSecond)),
    p50: mean(rounds.map((m) => m.p50)),
    p95: mean(rounds.map((m) => m.p95)),
    errors: rounds.reduce((sum, m) => sum + m.errors, 0),
    nodeCpuMs: mean(rounds.map((m) => m.nodeCpuMs)),
    pgCpuMs: rounds[0].pgCpuMs === null ? null : mean(rounds.map((m) => m.pgCpuMs!)),
  });
  const row = (name: string, m: Measurement) =>
    `${name.padEnd(36)} ${m.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${m.p50.toFixed(1).padStart(6)} ms  p95 ${m.p95.toFixed(1).padStart(6)} ms  ` +
    `CPU/req: server ${m.nodeCpuMs.toFixed(1).padStart(5)} ms, PostgreSQL ${m.pgCpuMs === null ? '  n/a' : m.pgCpuMs.toFixed(1).padStart(5)} ms  errors ${m.errors}`;
  console.log(
    `\ncatalog page: 20 of ${COURSES} courses, 2 groups x 3 sessions each; ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${DURATION_S} s, ` +
      `real PostgreSQL, ${os.availableParallelism()} cores`,
  );
  for (const contender of contenders) contender.rounds.forEach((m, i) => console.log(row(`${contender.name} #${i + 1}`, m)));
  const means = new Map(contenders.map((c) => [c.name, summary(c.rounds)]));
  for (const [name, m] of means) console.log(row(`${name} (mean)`, m));
  const mps = [...means.entries()].find(([name]) => name.startsWith('MPS'))?.[1];
  if (!mps) return;
  const compare = (prefix: string, goal: number) => {
    const other = [...means.entries()].find(([name]) => name.startsWith(prefix))?.[1];
    if (!other) return;
    const throughput = mps.requestsPerSecond / other.requestsPerSecond;
    const p95 = mps.p95 / other.p95;
    console.log(
      `MPS vs ${prefix}: throughput ${throughput.toFixed(2)}x (goal >= ${goal}x: ${throughput >= goal ? 'met' : 'NOT met'}), ` +
        `p95 ${p95.toFixed(2)}x of its p95 (goal <= ${(1 / goal).toFixed(2)}x: ${p95 <= 1 / goal ? 'met' : 'NOT met'})`,
    );
  };
  compare('PostGraphile 5', 1.2);
  compare('one SQL statement', 0.5);
}

await main();
