import { DomainError, ErrorCode } from '../../common/errors.js';

/**
 * Runs `work` (one transaction) again when it lost a race on a unique index, e.g. two requests
 * creating the same new person for different institutions: the retry finds the winner's record and
 * decides on what is now there. Our own ALREADY_EXISTS refusals carry no constraint and pass through.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const raced = error instanceof DomainError && error.code === ErrorCode.ALREADY_EXISTS && 'constraint' in error.details;
      if (!raced || attempt >= attempts) throw error;
    }
  }
}
