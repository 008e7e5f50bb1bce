import type { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, Problems } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { currentAuditActor } from '../../db/audit-actor.js';
import { AuditAction, AuditEntry } from './audit-entry.entity.js';
import type { AuditChange, AuditFilter } from './audit.types.js';

/** What a read, export or erasure records beside the triggers' rows. */
export interface AuditEvent {
  action: AuditAction.READ | AuditAction.EXPORT | AuditAction.ERASE;
  entity: string;
  entityId: string;
  personId: string | null;
  /** The fields read or affected; values are never copied here. */
  fields?: string[];
  note?: string;
}

/**
 * The audit log (R-NF-3). Changes are recorded by database triggers (see the audit-log migration),
 * so no code path can forget them; this service records what triggers cannot see (a full personal
 * code shown, a data export, an erasure) and lets staff search the log. Nothing here updates or
 * deletes a row, and the database refuses it too.
 */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds an event, as the request's actor, in `em`'s transaction when given. */
  async record(event: AuditEvent, em?: EntityManager): Promise<void> {
    const actor = currentAuditActor();
    const changes = Object.fromEntries((event.fields ?? []).map((field) => [field, { old: null, new: null }]));
    await (em ?? this.dataSource).query(
      `INSERT INTO audit_log (actor_person_id, actor_token_id, actor_ip, action, entity, entity_id, person_id, changes, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor?.personId ?? null,
        actor?.tokenId ?? null,
        actor?.ip ?? null,
        event.action,
        event.entity,
        event.entityId,
        event.personId,
        changes,
        event.note ?? null,
      ],
    );
  }

  /** Full personal codes shown to someone other than their owner, in one statement for a page of people. */
  async recordPersonalCodeReads(personIds: readonly string[]): Promise<void> {
    const actor = currentAuditActor();
    await this.dataSource.query(
      `INSERT INTO audit_log (actor_person_id, actor_token_id, actor_ip, action, entity, entity_id, person_id, changes)
       SELECT $1, $2, $3, 'READ', 'person', id::text, id, '{"personalCode": {"old": null, "new": null}}'::jsonb FROM unnest($4::uuid[]) AS id`,
      [actor?.personId ?? null, actor?.tokenId ?? null, actor?.ip ?? null, [...new Set(personIds)]],
    );
  }

  /** Staff: the log, newest first, narrowed by the filter. */
  async list(ctx: RequestContext, filter: AuditFilter = {}, pageArgs?: PageArgs): Promise<Page<AuditEntry>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 25 }, problems);
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId.trim() });
    for (const key of ['personId', 'actorPersonId'] as const) {
      const id = filter[key];
      if (!id) continue;
      problems.check(isUuid(id), `filter.${key}`, 'INVALID_ID', `${key} must be an id`);
      qb.andWhere(`a.${key === 'personId' ? 'person_id' : 'actor_person_id'} = :${key}`, { [key]: id });
    }
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    const ids = filter.ids ?? undefined;
    if (ids) {
      problems.check(ids.length <= 100 && ids.every((id) => /^\d{1,18}$/.test(id)), 'filter.ids', 'INVALID_ID', 'ids must be at most 100 row numbers');
      qb.andWhere(ids.length ? 'a.id IN (:...ids)' : 'false', { ids });
    }
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('a.id', 'DESC').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }
}

/** The changes of a row, field by field, values as JSON text. */
export function auditChanges(entry: AuditEntry): AuditChange[] {
  const text = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));
  return Object.entries(entry.changes ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, change]) => ({ field, old: text(change?.old), new: text(change?.new) }));
}
