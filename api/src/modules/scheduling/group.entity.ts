import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum GroupStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(GroupStatus, {
  name: 'GroupStatus',
  description: 'PLANNED: staff only. OPEN: published, taking registrations. CONFIRMED: minimum size reached, it will run. CANCELLED. COMPLETED: held.',
});

/** The statuses in which a group is published in the catalog. */
export const PUBLISHED_GROUP_STATUSES = [GroupStatus.OPEN, GroupStatus.CONFIRMED] as const;

@ObjectType({ description: 'One run of a course for a set of participants.' })
@Entity('course_group')
export class Group {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ unique: true })
  code: string;

  @Field(() => ID)
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field(() => GroupStatus)
  @Column({ type: 'text', default: GroupStatus.PLANNED })
  status: GroupStatus;

  @Field(() => Int)
  @Column({ name: 'min_size', type: 'int' })
  minSize: number;

  @Field(() => Int)
  @Column({ name: 'max_size', type: 'int' })
  maxSize: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'registration_deadline', type: 'timestamptz', nullable: true })
  registrationDeadline: Date | null;

  @Field(() => Int, { nullable: true, description: "Replaces the course's price for this group when set." })
  @Column({ name: 'price_override_cents', type: 'int', nullable: true })
  priceOverrideCents: number | null;

  @Field(() => String, { nullable: true, description: 'Why the group was cancelled, as told to its participants.' })
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason: string | null;

  @Field(() => ID, { nullable: true, description: "The group's own EU-funded project (R-FIN-2); null: the course's project, if any (see euProject)." })
  @Column({ name: 'eu_project_id', type: 'uuid', nullable: true })
  euProjectId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
