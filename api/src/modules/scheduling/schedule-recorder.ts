import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { isUuid } from '../../common/pagination.js';
import type { Group } from './group.entity.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { ScheduleChange, ScheduleChangeKind, type SessionChangeRecord, type SessionSnapshot } from './schedule-change.entity.js';
import type { ScheduleEvents } from './schedule-events.js';
import type { ScheduleNotices } from './schedule-notices.js';
import type { Session } from './session.entity.js';

/** A session as a schedule change records it. */
export function snapshot(s: Session): SessionSnapshot {
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    placeId: s.placeId,
    onlineUrl: s.onlineUrl,
    lecturerId: s.lecturerId,
    sequence: s.sequence,
  };
}

/** Records schedule changes of groups and sessions: stored, with their e-mails and live event, in the caller's transaction. */
export class ScheduleRecorder {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly notices: ScheduleNotices,
    private readonly events: ScheduleEvents,
  ) {}

  /** Stores the change, queues its e-mails and its live event, all in the caller's transaction. */
  async record(em: EntityManager, ctx: RequestContext, group: Group, kind: ScheduleChangeKind, records: SessionChangeRecord[]): Promise<ScheduleChange | null> {
    if (records.length === 0 && kind === ScheduleChangeKind.SESSIONS_CHANGED) return null;
    const change = await em.save(
      em.create(ScheduleChange, {
        groupId: group.id,
        kind,
        sessions: records,
        changedBy: ctx.viewer?.kind === 'person' && isUuid(ctx.viewer.personId) ? ctx.viewer.personId : null,
      }),
    );
    await this.notifications.enqueue(em, await this.notices.emailsFor(em, change, group));
    await this.events.publish(em, change);
    return change;
  }

  /** Once committed: the local worker delivers at once, and local subscribers hear of it. */
  afterCommit(change: ScheduleChange | null): void {
    if (!change) return;
    this.notifications.queued();
    this.events.committed(change);
  }
}
