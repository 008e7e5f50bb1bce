import { type DataSource, type EntityManager } from 'typeorm';
import { hasScope, isStaff, type RequestContext } from '../../graphql/context.js';
import { ForbiddenError, Problems } from '../../graphql/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../graphql/pagination.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { InstitutionsService } from '../institutions/institutions.service.js';
import { Registration, RegistrationStatus, SCHEDULE_EXPECTING_STATUSES, SEAT_HOLDING_STATUSES } from './registration.entity.js';
import type { RegistrationFilter } from './registration.types.js';

/** Registration rules arrive with the registration issue; today it counts seats and lists registrations. */
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
  ) {}

  /** Seats held per group. Pass the transaction's manager when called inside one. */
  async seatsTakenByGroupIds(groupIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { group_id: string; taken: number }[] = await em.query(
      `SELECT group_id, count(*)::int AS taken FROM registration
        WHERE group_id = ANY($1) AND status = ANY($2) GROUP BY group_id`,
      [groupIds, [...SEAT_HOLDING_STATUSES]],
    );
    return new Map(rows.map((row) => [row.group_id, row.taken]));
  }

  /** The people who expect a group's sessions (confirmed or waiting), with their status. */
  async expectingPeopleOfGroup(groupId: string, em: EntityManager = this.dataSource.manager): Promise<{ personId: string; status: RegistrationStatus }[]> {
    const rows: { person_id: string; status: RegistrationStatus }[] = await em.query(
      `SELECT person_id, status FROM registration WHERE group_id = $1 AND status = ANY($2) ORDER BY created_at, id`,
      [groupId, [...SCHEDULE_EXPECTING_STATUSES]],
    );
    return rows.map((row) => ({ personId: row.person_id, status: row.status }));
  }

  /** The groups in which the person is expected (confirmed or waiting). */
  async expectedGroupIdsOfPerson(personId: string): Promise<string[]> {
    const rows: { group_id: string }[] = await this.dataSource.query(
      `SELECT group_id FROM registration WHERE person_id = $1 AND status = ANY($2)`,
      [personId, [...SCHEDULE_EXPECTING_STATUSES]],
    );
    return rows.map((row) => row.group_id);
  }

  /**
   * Newest first. Staff see every registration; a coordinator and an API token with
   * REGISTRATIONS_READ only those of persons employed today at their institution(s).
   */
  async listRegistrations(ctx: RequestContext, filter: RegistrationFilter = {}, pageArgs?: PageArgs): Promise<Page<Registration>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    for (const field of ['institutionId', 'groupId', 'courseId'] as const) {
      const value = filter[field];
      if (value !== undefined && value !== null && !isUuid(value)) problems.add(`filter.${field}`, 'INVALID_ID', `${field} is not a valid id`);
    }
    problems.throwIfAny();

    const qb = this.dataSource.getRepository(Registration).createQueryBuilder('r');
    const institutionIds = this.visibleInstitutionIds(ctx, filter.institutionId ?? undefined);
    if (institutionIds) {
      const employees = this.institutions.currentEmployeePersonIdsQuery(institutionIds);
      qb.andWhere(`r.person_id IN (${employees.getQuery()})`, employees.getParameters());
    }
    if (filter.groupId) qb.andWhere('r.group_id = :groupId', { groupId: filter.groupId });
    // Plain SQL over the scheduling table: SchedulingService depends on this service (seats), not the reverse.
    if (filter.courseId) qb.andWhere('r.group_id IN (SELECT g.id FROM course_group g WHERE g.course_id = :courseId)', { courseId: filter.courseId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });

    const [items, total] = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  /** The institutions whose employees' registrations the viewer may read; null: all of them (staff, no filter). */
  private visibleInstitutionIds(ctx: RequestContext, requested: string | undefined): string[] | null {
    const viewer = ctx.viewer;
    if (isStaff(viewer)) return requested ? [requested] : null;
    if (viewer?.kind === 'token') {
      if (!hasScope(viewer, ApiScope.REGISTRATIONS_READ) || !viewer.institutionId) throw new ForbiddenError('This API token has no scope for this');
      if (requested && requested !== viewer.institutionId) throw new ForbiddenError("An API token reads only its own institution's registrations");
      return [viewer.institutionId];
    }
    const own = viewer?.coordinatorInstitutionIds ?? [];
    if (own.length === 0) throw new ForbiddenError();
    if (!requested) return own;
    if (!own.includes(requested)) throw new ForbiddenError('A coordinator reads only their own institutions');
    return [requested];
  }
}
