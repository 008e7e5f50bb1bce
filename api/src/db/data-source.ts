import { DataSource, type Logger } from 'typeorm';
import { processLogger } from '../common/logger.js';
import { entities, migrations } from './entities.js';

/** Counts statements; tests use it to prove that nested queries do not grow with the data. */
export class QueryCounter implements Logger {
  count = 0;
  constructor(private readonly echo = false) {}
  logQuery(query: string): void {
    this.count += 1;
    if (this.echo) processLogger.info(`[sql] ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) processLogger.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logger?: Logger;
}

export function createDataSource({ url, poolSize = 10, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: logger ? ['query', 'error'] : false,
    logger,
    extra: { max: poolSize, application_name: 'mps' },
  });
}
