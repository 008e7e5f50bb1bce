import type { Pool } from 'pg';
import { MigrationExecutor, type DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { processLogger, type Logger } from './common/logger.js';
import type { Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres.js';
import { seedDemoData } from './db/seed/seed.js';
import { createFileStorage, type FileStorage } from './common/file-storage.js';
import { PersonalCodeCipher } from './modules/people/personal-code.js';
import { bindPort, startServer, type RunningServer } from './server.js';
import { createServices, type Services } from './services.js';
import { startWorker, type Worker } from './jobs/worker.js';
import type { DeliveryOptions } from './modules/notifications/outbox-delivery.js';

export interface App {
  url: string;
  databaseUrl: string;
  dataSource: DataSource;
  services: Services;
  server: RunningServer;
  /** Null with MPS_ROLE=api: another process runs the jobs. */
  worker: Worker | null;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides the database of the config (tests pass their own). */
  databaseUrl?: string;
  queryLogger?: TypeOrmLogger;
  /** Delivery tuning (tests shorten retry delays). */
  delivery?: DeliveryOptions;
  jobs?: { lockLifetimeMs?: number };
}

/** Any number that no other part of the system uses as an advisory lock key. */
const MIGRATION_LOCK = 726_300_001;

/**
 * Migrations and demo data, one process at a time (api and worker instances start together, and
 * TypeORM takes no lock of its own): one transaction on one connection holding an advisory lock.
 * A session-level lock would not do: on PGlite every connection shares one backend session.
 */
async function prepareDatabase(dataSource: DataSource, demoData: boolean, codes: PersonalCodeCipher, storage: FileStorage, log: Logger): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const migrations = new MigrationExecutor(dataSource, runner);
    migrations.transaction = 'none'; // already inside ours
    const applied = await migrations.executePendingMigrations();
    const seeded = demoData && (await seedDemoData(runner.manager, codes, new Date(), storage));
    await runner.commitTransaction();
    if (applied.length > 0) log.info(`Applied ${applied.length} database migration(s)`);
    if (seeded) log.info('Loaded demo data');
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** How long each step of the start took, for the one line that says so (and `npm run bench`). */
class StartPhases {
  private readonly steps: string[] = [];
  private last = performance.now();
  constructor() {
    // Everything before startApp is loading modules (and in main.ts reading the config).
    this.steps.push(`modules ${seconds(performance.now())}`);
  }
  mark(name: string): void {
    const now = performance.now();
    this.steps.push(`${name} ${seconds(now - this.last)}`);
    this.last = now;
  }
  toString(): string {
    return `Started in ${seconds(performance.now())}: ${this.steps.join(', ')}`;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function startApp(config: Config, log: Logger = processLogger, options: StartOptions = {}): Promise<App> {
  const phases = new StartPhases();
  // First, so that a busy port is known in a moment, not after the migrations and demo data.
  const httpServer = await bindPort(config);
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = options.databaseUrl ?? config.databaseUrl?.reveal();
  if (!databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, {
        log,
        // Nothing can be drained or closed on a backend that will not answer again: stop now, one line, and let the supervisor start MPS again.
        onPanic: (message) => {
          log.error(
            `The embedded database in ${config.dataDir} stopped (PANIC: ${message}) and cannot go on in this process. If its disk is full, make room, then start MPS again`,
          );
          process.exit(1);
        },
      });
    } catch (error) {
      httpServer.close();
      throw error;
    }
    databaseUrl = embedded.url;
    log.info(`Embedded PostgreSQL (PGlite) in ${config.dataDir}`);
    phases.mark('embedded database');
  }
  const dataSource = createDataSource({ url: databaseUrl, logger: options.queryLogger });
  const started: (() => Promise<void>)[] = [];
  try {
    await dataSource.initialize();
    phases.mark('connect');
    const codes = new PersonalCodeCipher(config.secret.reveal());
    const storage = createFileStorage(config.files);
    log.info(`Uploaded files in the ${storage.description}`);
    await prepareDatabase(dataSource, config.demoData, codes, storage, log);
    phases.mark('migrations and demo data');
    // PGlite (ours, or a test's) has no working LISTEN/NOTIFY and serves one query at a time.
    const [{ version }] = await dataSource.query('SELECT version()');
    const pglite = String(version).includes('PGlite');
    const services = createServices(dataSource, config, codes, { crossInstance: pglite ? null : { databaseUrl }, log, storage });
    await services.scheduleEvents.start();
    started.push(() => services.scheduleEvents.stop());
    phases.mark('services');
    const worker =
      config.role === 'api'
        ? null
        : await startWorker({ config, databaseUrl, embedded: pglite, dataSource, services, log, delivery: options.delivery, jobs: options.jobs });
    if (worker) {
      started.push(() => worker.stop());
      log.info(`Job worker started (jobs in ${worker.runner.store}; e-mail ${config.smtpUrl ? 'over SMTP' : 'kept in the console mailbox'})`);
      phases.mark('job worker');
    }
    // On a real PostgreSQL every instance counts rate limits in one table; PGlite is one process.
    const limitsPool = pglite ? null : ((dataSource.driver as unknown as { master: Pool }).master ?? null);
    const server = await startServer(config, dataSource, services, log, { httpServer, limitsPool, dataDir: embedded ? config.dataDir : null });
    phases.mark('GraphQL and HTTP');
    log.info(phases.toString());
    let stopping: Promise<void> | null = null;
    return {
      url: server.url,
      databaseUrl,
      dataSource,
      services,
      server,
      worker,
      stop: () =>
        (stopping ??= (async () => {
          // Requests first (they may queue mail), then the worker drains, then the database closes.
          await server.stop();
          await worker?.stop();
          await services.scheduleEvents.stop();
          await dataSource.destroy();
          await embedded?.stop();
        })()),
    };
  } catch (error) {
    for (const stop of started.reverse()) await stop().catch(() => {});
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    httpServer.close();
    throw error;
  }
}
