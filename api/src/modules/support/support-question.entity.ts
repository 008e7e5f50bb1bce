import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from '../people/person.entity.js';

export enum QuestionStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(QuestionStatus, { name: 'QuestionStatus', description: 'OPEN until staff answer; CLOSED when nothing more is to be done.' });

/**
 * A question to the school (R-SUP-1), from anyone: signed-in people have it linked to them and see
 * the answer in the portal; everyone gets the answer by e-mail.
 */
@ObjectType({ description: 'A question sent to the school through the portal.' })
@Entity('support_question')
export class SupportQuestion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Field({ description: 'Who asks, as they wrote it.' })
  @Column({ type: 'text' })
  name: string;

  /** Read rules live on the GraphQL field (the asker and staff). */
  @Column({ type: 'text' })
  email: string;

  @Field(() => Language, { description: 'The language of the answer e-mail.' })
  @Column({ type: 'text' })
  language: Language;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => QuestionStatus)
  @Column({ type: 'text', default: QuestionStatus.OPEN })
  status: QuestionStatus;

  @Column({ name: 'assigned_to', type: 'uuid', nullable: true })
  assignedToId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
