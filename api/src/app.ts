import type { Logger as TypeOrmLogger } from 'typeorm';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres.js';
import { seedDemoData } from './db/seed/seed.js';
import { startServer, type Logger, type RunningServer } from './server.js';
import { createServices, type Services } from './services.js';

export interface App {
  url: string;
  databaseUrl: string;
  dataSource: DataSource;
  services: Services;
  server: RunningServer;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides the database of the config (tests pass their own). */
  databaseUrl?: string;
  queryLogger?: TypeOrmLogger;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => (error === undefined ? console.error(message) : console.error(message, error)),
};

export async function startApp(config: Config, log: Logger = consoleLogger, options: StartOptions = {}): Promise<App> {
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = options.databaseUrl ?? config.databaseUrl?.reveal();
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    databaseUrl = embedded.url;
    log.info(`Embedded PostgreSQL (PGlite) in ${config.dataDir}`);
  }
  const dataSource = createDataSource({ url: databaseUrl, logger: options.queryLogger });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log.info(`Applied ${applied.length} database migration(s)`);
    if (config.demoData && (await seedDemoData(dataSource))) log.info('Loaded demo data');
    const services = createServices(dataSource, config);
    const server = await startServer(config, dataSource, services, log);
    let stopping: Promise<void> | null = null;
    return {
      url: server.url,
      databaseUrl,
      dataSource,
      services,
      server,
      stop: () =>
        (stopping ??= (async () => {
          await server.stop();
          await dataSource.destroy();
          await embedded?.stop();
        })()),
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
}
