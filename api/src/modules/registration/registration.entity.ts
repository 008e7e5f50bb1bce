import type { PostalAddress } from '../../common/postal-address.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITING = 'WAITING',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'CONFIRMED holds a seat; WAITING is on the waiting list; CANCELLED is kept for history.',
});

export enum PayerKind {
  /** A free course: nobody pays. */
  NONE = 'NONE',
  PRIVATE = 'PRIVATE',
  INSTITUTION = 'INSTITUTION',
}
registerEnumType(PayerKind, {
  name: 'PayerKind',
  description: 'NONE: a free course. PRIVATE: the person at their declared address. INSTITUTION: a billing account or employer requisites.',
});

export enum RegistrationSource {
  SELF = 'SELF',
  COORDINATOR = 'COORDINATOR',
  STAFF = 'STAFF',
}
registerEnumType(RegistrationSource, { name: 'RegistrationSource', description: 'Who made the registration: the person, a coordinator or staff.' });

/** Statuses whose people expect the group's sessions, and are told when the schedule changes. */
export const SCHEDULE_EXPECTING_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING] as const;

/** Statuses that count as registered: at most one of these per person and group (R-REG-4). */
export const ACTIVE_STATUSES = SCHEDULE_EXPECTING_STATUSES;

/** Statuses that hold a seat in the group. */
export const SEAT_HOLDING_STATUSES = [RegistrationStatus.CONFIRMED] as const;

/** The requisites an invoice for this registration goes to, as they were when the person registered. */
export interface PayerSnapshot {
  name: string;
  registrationNumber: string | null;
  vatNumber: string | null;
  /** In parts since addresses have them; snapshots taken before keep their text. */
  address: PostalAddress | string | null;
  email: string | null;
  iban: string | null;
}

/**
 * A person's place in a group. At most one active registration per (person, group): a unique
 * partial index enforces it (R-REG-4). The waiting list is ordered by `waitingPosition`, given
 * under the group's row lock, never by creation time (a bulk registration is one transaction).
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

  @Field(() => Int, { nullable: true, description: 'WAITING: the order on the waiting list (the lowest moves up first). Null otherwise.' })
  @Column({ name: 'waiting_position', type: 'int', nullable: true })
  waitingPosition: number | null;

  @Field(() => PayerKind)
  @Column({ name: 'payer_kind', type: 'text', default: PayerKind.NONE })
  payerKind: PayerKind;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'billing_account_id', type: 'uuid', nullable: true })
  billingAccountId: string | null;

  @Column({ name: 'payer_snapshot', type: 'jsonb', nullable: true })
  payerSnapshot: PayerSnapshot | null;

  @Field(() => Int, { description: 'The price in euro cents, frozen when the registration was made.' })
  @Column({ name: 'price_cents', type: 'int', default: 0 })
  priceCents: number;

  @Field(() => RegistrationSource)
  @Column({ type: 'text', default: RegistrationSource.SELF })
  source: RegistrationSource;

  @Column({ name: 'registered_by_id', type: 'uuid', nullable: true })
  registeredById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by_id', type: 'uuid', nullable: true })
  cancelledById: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
