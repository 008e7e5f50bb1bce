import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One dated meeting of a group.' })
@Entity('session')
export class Session {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Field()
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Field()
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'place_id', type: 'uuid', nullable: true })
  placeId: string | null;

  /** Read rules live on the GraphQL field: only the group's participants, lecturers and staff see it. */
  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'lecturer_id', type: 'uuid', nullable: true })
  lecturerId: string | null;

  @Field(() => Int, { description: 'Grows with every change that calendars must pick up (the iCalendar SEQUENCE).' })
  @Column({ type: 'int', default: 0 })
  sequence: number;
}
