import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/** Who is changing data, for the audit log's triggers (R-NF-3). None: the system itself (jobs, seeding). */
export interface AuditActor {
  personId: string | null;
  tokenId: string | null;
  ip: string | null;
}

const actors = new AsyncLocalStorage<AuditActor>();

/** Runs `work` (a request's handling) with its actor; the GraphQL context fills in who once the session is read. */
export function runWithAuditActor<T>(actor: AuditActor, work: () => T): T {
  return actors.run(actor, work);
}

/** The actor of this async flow, if a request set one. */
export function currentAuditActor(): AuditActor | undefined {
  return actors.getStore();
}

/**
 * Tells the audit triggers who acts, for this transaction only (`set_config(..., true)` ends with
 * it, so a pooled connection carries nothing over to the next request). Called right after BEGIN.
 */
export async function declareAuditActor(queryRunner: QueryRunner): Promise<void> {
  const actor = actors.getStore();
  if (!actor || (!actor.personId && !actor.tokenId && !actor.ip)) return;
  await queryRunner.query(`SELECT set_config('mps.actor_person', $1, true), set_config('mps.actor_token', $2, true), set_config('mps.actor_ip', $3, true)`, [
    actor.personId ?? '',
    actor.tokenId ?? '',
    actor.ip ?? '',
  ]);
}
