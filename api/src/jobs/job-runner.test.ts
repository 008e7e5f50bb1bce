import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { agendaTableSql, JobStoreError, startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner.js';

// Unhandled rejections: jest replaces the process's 'unhandledRejection' listeners with its own
// while tests run (a listener added here is never called) and fails the running test with the
// rejection. So each test below waits out the window in which a stray rejection would arrive.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function sql<T extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const errors: string[] = [];
const log = { info: () => {}, error: (message: string, error?: unknown) => errors.push(`${message}: ${String(error)}`) };
const runners: JobRunner[] = [];

async function start(url: string, options: Partial<JobRunnerOptions> = {}): Promise<JobRunner> {
  const runner = await startJobRunner({
    databaseUrl: url,
    mongodbUrl: null,
    embedded: !process.env.DATABASE_URL,
    processEveryMs: 100,
    lockLifetimeMs: 2000, // see lockLifetimeMs: a long one keeps jest waiting after the last test
    log,
    ...options,
  });
  runners.push(runner);
  return runner;
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  const logged = errors.splice(0);
  expect(logged).toEqual([]);
});

describe('on PostgreSQL, with the table from agendaTableSql() as a migration creates it', () => {
  let db: TestDatabase;
  const run = (options: Partial<JobRunnerOptions> = {}) => start(db.url, { ensureSchema: false, ...options });

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const statement of agendaTableSql()) await sql(db.url, statement);
  });
  afterAll(() => db?.drop());

  test('a defined job runs with its data when scheduled with now()', async () => {
    const received: unknown[] = [];
    const runner = await run({ define: (jobs) => jobs.define('deliver-email', async (data) => void received.push(data)) });
    expect(runner.store).toBe('PostgreSQL');
    await runner.now('deliver-email', { outboxId: 'o-1' });
    await waitFor('the job to run', () => received.length === 1);
    expect(received).toEqual([{ outboxId: 'o-1' }]);
    // Agenda's logs table is not needed: nothing created it, and nothing missed it.
    expect(await sql(db.url, "SELECT to_regclass('agenda_logs') AS logs")).toEqual([{ logs: null }]);
  });

  test('every() keeps one recurring job, called twice, by two runners at once, and after a restart', async () => {
    let runs = 0;
    const define = (jobs: JobRunner) => jobs.define('questionnaire-reminder', async () => void runs++);
    const [a, b] = await Promise.all([run({ define }), run({ define })]);
    await Promise.all([a, a, b, b].map((runner) => runner.every(60_000, 'questionnaire-reminder')));
    const rows = () => sql<{ next_run_at: Date }>(db.url, "SELECT next_run_at FROM agenda_jobs WHERE name = 'questionnaire-reminder'");
    expect(await rows()).toHaveLength(1);
    await waitFor('the first run', () => runs === 1);
    await waitFor('the next run to be planned', async () => (await rows())[0].next_run_at.getTime() > Date.now());
    const planned = (await rows())[0].next_run_at;

    await a.stop();
    const restarted = await run({ define });
    await restarted.every(60_000, 'questionnaire-reminder');
    await sleep(500);
    expect(await rows()).toEqual([{ next_run_at: planned }]);
    expect(runs).toBe(1);
  });

  test('stop() waits for a running job to finish before it closes the store', async () => {
    const started = gate();
    const release = gate();
    let finished = false;
    const runner = await run();
    runner.define('issue-certificates', async () => {
      started.open();
      await release.opened;
      finished = true;
    });
    await runner.now('issue-certificates');
    await started.opened;

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(500);
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect(finished).toBe(true);
    // The job's end was recorded before the connection closed.
    const [job] = await sql(db.url, "SELECT locked_at, last_finished_at FROM agenda_jobs WHERE name = 'issue-certificates'");
    expect(job.locked_at).toBeNull();
    expect(job.last_finished_at).toBeInstanceOf(Date);
  });

  test('two runners on one database never run one job twice, nor at the same time', async () => {
    const runs = new Map<string, number>();
    const running = new Set<string>();
    let overlaps = 0;
    const define = (jobs: JobRunner) =>
      jobs.define('send-invoice', async (_data, job) => {
        const id = String(job.attrs._id);
        if (running.has(id)) overlaps++;
        running.add(id);
        runs.set(id, (runs.get(id) ?? 0) + 1);
        await sleep(20);
        running.delete(id);
      });
    const [a, b] = await Promise.all([run({ define }), run({ define })]);
    for (let n = 0; n < 40; n++) await (n % 2 ? a : b).now('send-invoice', { n });
    await waitFor('all 40 jobs to run', () => runs.size === 40);
    await sleep(500); // time enough for a second run of any of them
    expect([...runs.values()].filter((count) => count !== 1)).toEqual([]);
    expect(overlaps).toBe(0);
  });

  test('a job still running when stop() stops waiting stays locked; jobs it had not started go to another runner', async () => {
    const release = gate();
    const ranByFirst: number[] = [];
    const ranBySecond: number[] = [];
    // Locks that outlive the test: the second runner must not take the running job by its lock expiring.
    const lockLifetimeMs = 10_000;
    const first = await run({
      lockLifetimeMs,
      drainTimeoutMs: 300,
      define: (jobs) =>
        jobs.define<{ n: number }>(
          'export-report',
          async ({ n }) => {
            ranByFirst.push(n);
            await release.opened;
          },
          { concurrency: 1 },
        ),
    });
    await first.now('export-report', { n: 1 });
    await first.now('export-report', { n: 2 });
    const lockedJobs = async () =>
      (await sql<{ count: string }>(db.url, "SELECT count(*) FROM agenda_jobs WHERE name = 'export-report' AND locked_at IS NOT NULL"))[0].count;
    await waitFor('the first runner to take both jobs', async () => ranByFirst.length === 1 && (await lockedJobs()) === '2');
    const [running] = ranByFirst;
    const notStarted = 3 - running;

    await first.stop();
    expect(errors.splice(0)).toEqual([expect.stringContaining('Stopped waiting after 300 ms for 1 running job(s)')]);
    await run({ lockLifetimeMs, define: (jobs) => jobs.define<{ n: number }>('export-report', async ({ n }) => void ranBySecond.push(n)) });
    await waitFor(`the second runner to take job ${notStarted}`, () => ranBySecond.length > 0);
    await sleep(500);
    expect({ ranByFirst, ranBySecond }).toEqual({ ranByFirst: [running], ranBySecond: [notStarted] });

    // The running job ends after its runner closed the store: Agenda drops the record of its end
    // (the job runs again once its lock expires), without an error or an unhandled rejection.
    release.open();
    await sleep(300);
  });

  test('a failing job is logged with its name, and the runner goes on', async () => {
    let runs = 0;
    const runner = await run();
    runner.define('import-participants', async () => {
      runs++;
      throw new Error('CSV row 3 has no personal code');
    });
    await runner.now('import-participants');
    await waitFor('the failure to be logged', () => errors.length > 0);
    expect(errors.splice(0)).toContainEqual(expect.stringContaining('Job import-participants failed: Error: CSV row 3 has no personal code'));
    runner.define('after-the-failure', async () => void runs++);
    await runner.now('after-the-failure');
    await waitFor('the next job', () => runs === 2);
  });

  test('an instance that only schedules (MPS_ROLE=api) runs nothing; a worker runs what it scheduled', async () => {
    const ran: string[] = [];
    const define = (who: string) => (jobs: JobRunner) => jobs.define('deliver-email', async () => void ran.push(who));
    const api = await run({ runJobs: false, define: define('api') });
    await api.now('deliver-email');
    await run({ define: define('worker') });
    await waitFor('the worker to run the job', () => ran.length > 0);
    await sleep(300);
    expect(ran).toEqual(['worker']);
  });
});

describe('on PostgreSQL, creating its own table', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  test('creates the same table, indexes and trigger as agendaTableSql()', async () => {
    await start(db.url, { define: (jobs) => jobs.define('noop', async () => {}) });
    const frozen = await createTestDatabase();
    try {
      for (const statement of agendaTableSql()) await sql(frozen.url, statement);
      const shape = async (url: string) => ({
        columns: await sql(
          url,
          "SELECT column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'agenda_jobs' ORDER BY column_name",
        ),
        indexes: await sql(url, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'agenda_jobs' ORDER BY indexname"),
        triggers: await sql(url, "SELECT tgname FROM pg_trigger WHERE tgrelid = 'agenda_jobs'::regclass AND NOT tgisinternal"),
      });
      const [own, migrated] = [await shape(db.url), await shape(frozen.url)];
      expect(migrated).toEqual(own);
      expect(own.indexes).toContainEqual(expect.objectContaining({ indexname: 'agenda_jobs_single_job_idx' }));
      expect(own.triggers).toHaveLength(1);
    } finally {
      await frozen.drop();
    }
  });

  test('database errors while polling are logged, not thrown', async () => {
    await start(db.url, { define: (jobs) => jobs.define('noop', async () => {}) });
    await sql(db.url, 'DROP TABLE agenda_jobs');
    await waitFor('the error to be logged', () => errors.length > 0);
    expect(errors.splice(0)[0]).toMatch(/^Job runner error: .*agenda_jobs/);
  });
});

describe('an unreachable MongoDB', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  async function failure(mongodbUrl: string): Promise<{ error: unknown; ms: number }> {
    const t0 = Date.now();
    const error = await startJobRunner({ databaseUrl: db.url, mongodbUrl, embedded: false, processEveryMs: 100, log, connectTimeoutMs: 1000 }).then(
      (runner) => (runners.push(runner), null),
      (error: unknown) => error,
    );
    const ms = Date.now() - t0;
    await sleep(300); // a stray rejection from the driver would surface here and fail the test
    return { error, ms };
  }

  const expectClearError = (error: unknown) => {
    expect(error).toBeInstanceOf(JobStoreError);
    expect((error as Error).message).toMatch(/^Cannot reach MongoDB at MONGODB_URL \(.+\)\. Check the address/);
    expect((error as Error).message).toContain('without MONGODB_URL jobs are kept in PostgreSQL.');
  };

  test('refusing connections gives a JobStoreError within the connect timeout', async () => {
    const { error, ms } = await failure('mongodb://127.0.0.1:1/mps');
    expectClearError(error);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(ms).toBeLessThan(4000);
  });

  test('a server that never answers gives a JobStoreError within the connect timeout', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { error, ms } = await failure(`mongodb://127.0.0.1:${(silent.address() as net.AddressInfo).port}/mps`);
      expectClearError(error);
      expect(ms).toBeLessThan(4000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('a malformed address gives a JobStoreError', async () => {
    expectClearError((await failure('mongodb://127.0.0.1:99999/mps')).error);
  });

  test('the password never appears in the message', async () => {
    const { error } = await failure('mongodb://mps:hunter2@127.0.0.1:1/mps?authSource=admin');
    expectClearError(error);
    expect((error as Error).message).not.toContain('hunter2');
  });
});

const MONGODB_URL = process.env.MONGODB_URL;

(MONGODB_URL ? describe : describe.skip)(MONGODB_URL ? 'with MongoDB at MONGODB_URL' : 'with MongoDB (skipped: set MONGODB_URL to run)', () => {
  const dbName = `mps_test_${randomBytes(6).toString('hex')}`;
  // The same server, a database of this test's own.
  const url = (MONGODB_URL ?? '').replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*/, `$1/${dbName}`);
  let db: TestDatabase;
  const run = (options: Partial<JobRunnerOptions> = {}) => start(db.url, { mongodbUrl: url, ...options });

  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => {
    const client = await MongoClient.connect(url);
    await client.db(dbName).dropDatabase();
    await client.close();
    await db?.drop();
  });

  test('stores jobs in MongoDB and runs them', async () => {
    const received: unknown[] = [];
    const runner = await run({ define: (jobs) => jobs.define('deliver-email', async (data) => void received.push(data)) });
    expect(runner.store).toBe('MongoDB');
    await runner.now('deliver-email', { outboxId: 'o-1' });
    await waitFor('the job to run', () => received.length === 1);
    expect(received).toEqual([{ outboxId: 'o-1' }]);
    expect(await sql(db.url, "SELECT to_regclass('agenda_jobs') AS jobs")).toEqual([{ jobs: null }]);
  });

  test('every() keeps one recurring job when two runners call it at once', async () => {
    const define = (jobs: JobRunner) => jobs.define('questionnaire-reminder', async () => {});
    const [a, b] = await Promise.all([run({ define }), run({ define })]);
    await Promise.all([a, a, b, b].map((runner) => runner.every(60_000, 'questionnaire-reminder')));
    const client = await MongoClient.connect(url);
    try {
      expect(await client.db(dbName).collection('agendaJobs').countDocuments({ name: 'questionnaire-reminder' })).toBe(1);
    } finally {
      await client.close();
    }
  });

  test('stop() waits for a running job to finish', async () => {
    const started = gate();
    const release = gate();
    const runner = await run({ define: (jobs) => jobs.define('issue-certificates', async () => (started.open(), release.opened)) });
    await runner.now('issue-certificates');
    await started.opened;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await sleep(500);
    expect(stopped).toBe(false);
    release.open();
    await stopping;
  });

  test('wrong credentials give a JobStoreError', async () => {
    const wrong = url.replace(/^(mongodb(?:\+srv)?:\/\/)(?:[^@/]*@)?/, '$1nobody:wrong-password@');
    const error = await startJobRunner({ databaseUrl: db.url, mongodbUrl: wrong, embedded: false, processEveryMs: 100, log, connectTimeoutMs: 3000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobStoreError);
    expect((error as Error).message).not.toContain('wrong-password');
  });
});
