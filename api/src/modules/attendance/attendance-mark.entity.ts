import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'PRESENT; ABSENT; EXCUSED: absent for a reason the school accepts (it still does not count as attended).',
});

/**
 * Whether one person attended one session (R-AFT-5): one row per (session, person), changed in
 * place, so it always says who marked it last and when.
 */
@ObjectType({ description: "A participant's attendance of one session, as a lecturer or staff last marked it." })
@Entity('attendance_mark')
export class AttendanceMark {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Field(() => ID)
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => AttendanceStatus)
  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ name: 'marked_by_id', type: 'uuid' })
  markedById: string;

  @Field()
  @Column({ name: 'marked_at', type: 'timestamptz' })
  markedAt: Date;
}
