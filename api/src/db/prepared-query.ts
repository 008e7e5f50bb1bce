import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * Runs a statement as a named prepared statement: PostgreSQL plans it once per connection and
 * may then keep a generic plan, instead of planning it at every call (issue 16: the catalog page's
 * statement took longer to plan than to run). The name is a hash of the text, so one text is one
 * statement on each connection, and a different text never takes another's name.
 *
 * Only for a server of its own: on embedded PGlite every connection shares one backend session,
 * where a second connection's PREPARE of the same name would fail. There `prepared` is false and
 * the statement runs as any other. Nor through a pooler that hands a connection out per transaction
 * (PgBouncer's transaction mode before 1.21): MPS connects to PostgreSQL itself. Logged like
 * TypeORM's own queries (tests count them).
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, parameters: unknown[], prepared: boolean): Promise<T[]> {
  if (!prepared) return dataSource.query(text, parameters);
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    dataSource.logger.logQuery(text, parameters, runner);
    try {
      return (await client.query({ name: statementName(text), text, values: parameters })).rows as T[];
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, parameters, runner);
      throw new QueryFailedError(text, parameters, error as Error);
    }
  } finally {
    await runner.release();
  }
}

const names = new Map<string, string>();
/** Texts are few (one per shape of a query); the map is emptied should something make many. */
const MAX_NAMES = 500;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `mps_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}
