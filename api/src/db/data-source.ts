import { DataSource, type Logger } from 'typeorm';
import { processLogger } from '../common/logger.js';
import { entities, migrations } from './entities.js';
import { guardTransactions, type TransactionLeakError } from './transaction-guard.js';

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

/**
 * Outside production a forgotten `em` throws (tests find it); in production it is logged, since on a
 * real PostgreSQL server such a query still works, only slower and outside the transaction.
 */
function onTransactionLeak(error: TransactionLeakError): void {
  if (process.env.NODE_ENV !== 'production') throw error;
  processLogger.error('A query ran outside its transaction', error);
}

export function createDataSource({ url, poolSize = 10, logger }: DataSourceOptions): DataSource {
  const dataSource = new DataSource({
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
  return guardTransactions(dataSource, onTransactionLeak);
}
