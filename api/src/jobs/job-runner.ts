import os from 'node:os';
import { Agenda, type AgendaBackend, type Job, type JobId } from 'agenda';
import type { MongoJobRepository } from '@agendajs/mongo-backend';
import { PostgresBackend, PostgresNotificationChannel, getCreateIndexesSQL, getCreateTableSQL, getUpdateTimestampTriggerSQL } from '@agendajs/postgres-backend';
import pg from 'pg';
import { ConnectionLink, isConnectionError } from '../db/connection-health.js';

const TABLE = 'agenda_jobs';
const MONGO_COLLECTION = 'agendaJobs';

/** The job store cannot be used; main prints only the message, which says what to do. */
export class JobStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobStoreError';
  }
}

export interface JobLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface JobOptions {
  /** How many of this job one runner runs at once (Agenda's default: 5). */
  concurrency?: number;
  /** Overrides the runner's lockLifetimeMs for this job. */
  lockLifetimeMs?: number;
}

export interface JobRunner {
  readonly store: 'PostgreSQL' | 'MongoDB';
  /** Whether the job store answers; while it does not, jobs wait and run once it is back. */
  readonly link: ConnectionLink;
  define<T = unknown>(name: string, handler: (data: T, job: Job<T>) => Promise<void>, options?: JobOptions): void;
  /** One recurring job of this name, however often and by however many instances this is called. */
  every(intervalMs: number, name: string): Promise<void>;
  /**
   * A job to run as soon as a runner is free. Embedded PostgreSQL serves one connection while a
   * transaction is open, so call this after the commit, never inside a transaction.
   */
  now<T>(name: string, data?: T): Promise<void>;
  /** Takes no new jobs, waits for running ones (up to drainTimeoutMs), then closes the store. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  /** Where jobs are kept unless mongodbUrl is set. */
  databaseUrl: string;
  mongodbUrl: string | null;
  /** PGlite served over a socket: no LISTEN/NOTIFY, so due jobs are found by polling alone. */
  embedded: boolean;
  processEveryMs: number;
  log: JobLog;
  /** Registers the jobs before the first look for due ones. */
  define?: (runner: JobRunner) => void;
  /** False: this instance only schedules jobs (MPS_ROLE=api); workers run them. Default true. */
  runJobs?: boolean;
  /** False when a migration creates the agenda table (instances starting together would race). Default true. */
  ensureSchema?: boolean;
  /** How long an unreachable MongoDB may take to be reported. Default 5000. */
  connectTimeoutMs?: number;
  /** How long stop() waits for running jobs. Default 30000. */
  drainTimeoutMs?: number;
  /**
   * After this long without finishing, a job counts as dead (its runner crashed) and another runner
   * takes it. Agenda looks at a running job every half of this, and that timer holds the process
   * open as long after the job ends, so tests pass a short one. Default 10 minutes.
   */
  lockLifetimeMs?: number;
  /** Where the state of the job store's connection is reported (/health); one of its own when unset. */
  link?: ConnectionLink;
  /** The longest wait between attempts to listen for new jobs again after the connection was lost. Default 5000. */
  maxReconnectDelayMs?: number;
}

/**
 * The statements, one each, that create Agenda's PostgreSQL table as its backend would, for a
 * migration. Agenda's logs table is not among them: it is used only when Agenda's `logging`
 * option is on, and it is off here.
 */
export function agendaTableSql(): string[] {
  const unindented = (sql: string) =>
    sql
      .split('\n')
      .map((line) => line.trim())
      .join('\n');
  return [getCreateTableSQL(TABLE), ...getCreateIndexesSQL(TABLE), getUpdateTimestampTriggerSQL(TABLE)]
    .map(unindented)
    .flatMap((sql) => sql.split(/\n\n+/)) // the trigger comes as function, drop and create
    .map((sql) => sql.trim().replace(/;$/, ''))
    .filter(Boolean);
}

interface Store {
  name: JobRunner['store'];
  backend: AgendaBackend;
  /** Tells other runners of new jobs at once (PostgreSQL LISTEN/NOTIFY); without it they poll. */
  channel?: PostgresNotificationChannel;
  close(): Promise<void>;
}

/**
 * Agenda on MongoDB (mongodbUrl) or else on PostgreSQL, connected and, unless runJobs is false,
 * running due jobs. A store that cannot be reached is an error here, never a crash later.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { log, runJobs = true, drainTimeoutMs = 30_000 } = options;
  const link = options.link ?? new ConnectionLink('The job store', log);
  const store = await connectStore(options, link);
  const agenda = new Agenda({
    backend: alreadyConnected(store, link),
    name: `${os.hostname()}:${process.pid}`,
    processEvery: options.processEveryMs,
    defaultLockLifetime: options.lockLifetimeMs ?? 10 * 60_000,
  });
  // A lost connection is reported once (the link), not at every poll until it is back.
  agenda.on('error', (error) => (isConnectionError(error) ? link.lost(error) : log.error('Job runner error', error)));
  agenda.on('fail', (error: Error | string, job: { attrs?: { name: string } }, remote?: boolean) => {
    if (!remote) log.error(`Job ${job.attrs?.name} failed`, error);
  });

  let stopping: Promise<void> | null = null;
  const runner: JobRunner = {
    store: store.name,
    link,
    define(name, handler, { concurrency, lockLifetimeMs } = {}) {
      agenda.define(name, (job: Job<any>) => handler(job.attrs.data, job), { concurrency, lockLifetime: lockLifetimeMs });
    },
    async every(intervalMs, name) {
      try {
        await agenda.every(intervalMs, name);
      } catch (error) {
        // MongoDB: two instances upserting the same new job at once; the loser now finds the winner's.
        if ((error as { code?: number }).code !== 11000) throw error;
        await agenda.every(intervalMs, name);
      }
    },
    async now(name, data) {
      await agenda.now(name, data);
    },
    stop: () =>
      (stopping ??= (async () => {
        if (runJobs) await drain(agenda, drainTimeoutMs, log);
        else await store.channel?.disconnect();
        await store.close();
      })()),
  };

  try {
    await agenda.ready;
    options.define?.(runner);
    // Scheduling alone still announces new jobs, so that workers take them at once.
    if (runJobs) await agenda.start();
    else await store.channel?.connect();
  } catch (error) {
    await store.close();
    throw error;
  }
  log.info(`Jobs are kept in ${store.name}${runJobs ? `; looking for due jobs every ${options.processEveryMs} ms` : '; this instance does not run them'}`);
  return runner;
}

/**
 * Connects before Agenda sees the backend: Agenda's constructor connects without catching, so an
 * unreachable store would be an unhandled rejection (and end the process) instead of an error here.
 */
async function connectStore(options: JobRunnerOptions, link: ConnectionLink): Promise<Store> {
  return options.mongodbUrl ? connectMongo(options.mongodbUrl, options) : connectPostgres(options, link);
}

async function connectPostgres(
  { databaseUrl, embedded, ensureSchema = true, log, maxReconnectDelayMs = 5000 }: JobRunnerOptions,
  link: ConnectionLink,
): Promise<Store> {
  // Our own pool, because the backend's has no 'error' listener: a dropped idle connection
  // (a database restart) would otherwise be an uncaught exception. end() resolves before the
  // connections have closed; what happens to them after that does not matter.
  const pool = new pg.Pool({ connectionString: databaseUrl, application_name: 'mps-jobs' });
  let closing = false;
  pool.on('error', (error) => closing || (isConnectionError(error) ? link.lost(error) : log.error('Job store connection error', error)));
  // Our own channel too: the backend's emits 'error' with nobody listening (an uncaught exception
  // when the database restarts) and gives up after ten attempts (about 80 s), after which new jobs
  // were only found by polling. This one tries for as long as the process runs.
  const channel = embedded
    ? undefined
    : new PostgresNotificationChannel({
        pool,
        reconnect: { enabled: true, maxAttempts: Number.POSITIVE_INFINITY, initialDelayMs: 250, maxDelayMs: maxReconnectDelayMs },
      });
  channel?.on('error', (error: unknown) => {
    if (closing) return;
    if (isConnectionError(error)) link.lost(error);
    else log.error('Job notifications failed', error);
  });
  channel?.on('stateChange', (state: string) => state === 'connected' && link.restored());
  const backend = new PostgresBackend({ pool, tableName: TABLE, ensureSchema, disableNotifications: true });
  const close = () => {
    closing = true;
    return pool.end();
  };
  try {
    await backend.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { name: 'PostgreSQL', backend, channel, close };
}

async function connectMongo(url: string, { connectTimeoutMs = 5000 }: JobRunnerOptions): Promise<Store> {
  // Loaded only here: the MongoDB driver costs about a second of start that the embedded shape never uses.
  const { MongoBackend } = await import('@agendajs/mongo-backend');
  const backend = new MongoBackend({
    address: url,
    collection: MONGO_COLLECTION,
    options: { serverSelectionTimeoutMS: connectTimeoutMs, connectTimeoutMS: connectTimeoutMs, appName: 'mps' },
  });
  const close = () => backend.disconnect();
  try {
    await backend.connect();
    // Agenda keeps one document per recurring job by upserting on its name; only a unique index
    // keeps two instances starting together from inserting one each.
    await (backend.repository as MongoJobRepository)
      .getDb()
      .collection(MONGO_COLLECTION)
      .createIndex({ name: 1 }, { name: 'single_job_idx', unique: true, partialFilterExpression: { type: 'single' } });
  } catch (error) {
    await close().catch(() => {});
    const reason = withoutPassword((error as Error)?.message ?? String(error), url);
    throw new JobStoreError(
      `Cannot reach MongoDB at MONGODB_URL (${reason}). Check the address, the user and password, and that the server is running; ` +
        'without MONGODB_URL jobs are kept in PostgreSQL.',
    );
  }
  return { name: 'MongoDB', backend, close };
}

function withoutPassword(message: string, url: string): string {
  const password = /^[^:]+:\/\/[^:@/]*:([^@/]+)@/.exec(url)?.[1];
  return password ? message.split(password).join('***') : message;
}

/**
 * The backend as Agenda sees it: already connected, closed by us after draining, with our
 * notification channel, and a repository that reports to the link whether the store answers.
 */
function alreadyConnected({ backend, channel }: Store, link: ConnectionLink): AgendaBackend {
  return {
    name: backend.name,
    repository: reporting(backend.repository, link, channel),
    notificationChannel: channel ?? backend.notificationChannel,
    logger: backend.logger,
    ownsConnection: false,
    connect: async () => {},
    disconnect: async () => {},
  };
}

/** Every call that answers says the store is back (unless new-job notifications are still reconnecting); a lost connection says it is gone. */
function reporting<T extends object>(repository: T, link: ConnectionLink, channel: PostgresNotificationChannel | undefined): T {
  const answered = () => (!channel || channel.state === 'connected') && link.restored();
  const failed = (error: unknown) => isConnectionError(error) && link.lost(error);
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (result instanceof Promise) result.then(answered, failed);
        return result;
      };
    },
  });
}

/** What drain() leaves undone is done on Agenda's job processor, which is not public. */
interface JobProcessor {
  isJobQueueFilling: Map<string, boolean>;
  stop(): Job[];
}

async function drain(agenda: Agenda, timeoutMs: number, log: JobLog): Promise<void> {
  const processor = (agenda as unknown as { jobProcessor?: JobProcessor }).jobProcessor;
  const result = await agenda.drain({ timeout: timeoutMs });
  if (result.timedOut) {
    log.error(`Stopped waiting after ${timeoutMs} ms for ${result.running} running job(s); another runner retries them when their lock expires`);
  }
  if (!processor) return;
  // A look for due jobs already under way goes on after drain() and may lock more: let it end
  // before the store closes under it.
  const deadline = Date.now() + 5000;
  while (processor.isJobQueueFilling.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  // Jobs locked but not started (due within one poll, or held back by a concurrency limit) would
  // stay locked until their lock expires; handed back, another runner takes them at once.
  const waiting = processor
    .stop()
    .map((job) => job.attrs._id)
    .filter((id): id is JobId => id !== undefined);
  if (waiting.length > 0) await agenda.db.unlockJobs(waiting);
}
