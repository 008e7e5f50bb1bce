import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum ScheduleChangeKind {
  /** Sessions added, moved, re-placed, re-assigned or removed in one save. */
  SESSIONS_CHANGED = 'SESSIONS_CHANGED',
  GROUP_CANCELLED = 'GROUP_CANCELLED',
  GROUP_CONFIRMED = 'GROUP_CONFIRMED',
}
registerEnumType(ScheduleChangeKind, { name: 'ScheduleChangeKind' });

/** A session as it was before or after a change: what e-mails and live updates need. */
export interface SessionSnapshot {
  id: string;
  startsAt: string;
  endsAt: string;
  placeId: string | null;
  onlineUrl: string | null;
  lecturerId: string | null;
  sequence: number;
}

export interface SessionChangeRecord {
  sessionId: string;
  before: SessionSnapshot | null;
  after: SessionSnapshot | null;
}

/**
 * One save that changed a group's schedule: the event behind its e-mails (idempotency keys name
 * it) and behind live updates (instances load it by id when PostgreSQL notifies them).
 */
@Entity('schedule_change')
export class ScheduleChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ type: 'text' })
  kind: ScheduleChangeKind;

  @Column({ type: 'jsonb' })
  sessions: SessionChangeRecord[];

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
