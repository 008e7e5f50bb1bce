import { type DataSource, type EntityManager } from 'typeorm';
import { SEAT_HOLDING_STATUSES } from './registration.entity.js';

/** Registration rules arrive with the registration issue; today it answers how many seats are taken. */
export class RegistrationService {
  constructor(private readonly dataSource: DataSource) {}

  /** Seats held per group. Pass the transaction's manager when called inside one. */
  async seatsTakenByGroupIds(groupIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows: { group_id: string; taken: number }[] = await em.query(
      `SELECT group_id, count(*)::int AS taken FROM registration
        WHERE group_id = ANY($1) AND status = ANY($2) GROUP BY group_id`,
      [groupIds, [...SEAT_HOLDING_STATUSES]],
    );
    return new Map(rows.map((row) => [row.group_id, row.taken]));
  }
}
