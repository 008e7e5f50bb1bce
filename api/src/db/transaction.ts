import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors.js';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

/** The PostgreSQL error code and constraint of a failed query, whatever layer wrapped it. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } {
  const e = error as PgError;
  return { code: e?.driverError?.code ?? e?.code, constraint: e?.driverError?.constraint ?? e?.constraint };
}

/**
 * Runs business rules in one transaction. Inside, every query must use `em`: embedded PGlite runs one
 * transaction at a time, and a query on another connection would wait for this one forever.
 * A unique violation that slipped past a rule's own check (a race) becomes ALREADY_EXISTS.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    const { code, constraint } = pgErrorOf(error);
    if (code === '23505') {
      throw new DomainError(ErrorCode.ALREADY_EXISTS, 'A record with the same unique value already exists', { constraint });
    }
    throw error;
  }
}
