import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * "Pieteikties nākamajai grupai" (R-CAT-3): a person asks to be told when a new group of a course is
 * published. One per person and course. Withdrawing deletes it; it is fulfilled (and no longer
 * listed or told) while the person holds an active registration in a group of the course made after
 * it. `lastNotifiedGroupId` records the last group the person was told about.
 */
@ObjectType({ description: 'A request to be told when a new group of a course is published (R-CAT-3).' })
@Entity('interest_request')
@Index('interest_request_person_course_uq', ['personId', 'courseId'], { unique: true })
export class InterestRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Index('interest_request_course_idx')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_notified_group_id', type: 'uuid', nullable: true })
  lastNotifiedGroupId: string | null;

  @Column({ name: 'last_notified_at', type: 'timestamptz', nullable: true })
  lastNotifiedAt: Date | null;
}
