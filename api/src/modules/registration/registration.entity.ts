import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITING = 'WAITING',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'CONFIRMED holds a seat; WAITING is on the waiting list; CANCELLED is kept for history.',
});

/** Statuses whose people expect the group's sessions, and are told when the schedule changes. */
export const SCHEDULE_EXPECTING_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING] as const;

/** Statuses that hold a seat in the group. */
export const SEAT_HOLDING_STATUSES = [RegistrationStatus.CONFIRMED] as const;

/**
 * A person's place in a group. At most one registration that is not cancelled per (person, group):
 * a unique partial index enforces it (R-REG-4).
 */
@ObjectType({ description: "A person's place in a group." })
@Entity('registration')
export class Registration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Field(() => RegistrationStatus)
  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
