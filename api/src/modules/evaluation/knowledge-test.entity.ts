import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserRole } from '../people/person.entity.js';

export enum TestQuestionKind {
  SINGLE = 'SINGLE',
  MULTIPLE = 'MULTIPLE',
}
registerEnumType(TestQuestionKind, {
  name: 'TestQuestionKind',
  description:
    'SINGLE: exactly one option is correct; its points are earned when that option alone is chosen. ' +
    'MULTIPLE: one or more options are correct; its points are earned only when exactly the correct set is chosen (no partial points).',
});

@ObjectType()
export class TestOption {
  @Field(() => ID, { description: 'Stable within the test: answers name options by it.' })
  id: string;

  @Field()
  textLv: string;

  @Field()
  textEn: string;

  /** Staff only: a participant never learns which options are correct (not even after submitting). */
  @Authorized(UserRole.STAFF)
  @Field({ description: 'Staff only.' })
  correct: boolean;
}

@ObjectType({ description: 'One question of a knowledge test; texts in Latvian and English.' })
export class TestQuestion {
  @Field(() => ID, { description: 'Stable within the test: answers name questions by it.' })
  id: string;

  @Field(() => TestQuestionKind)
  kind: TestQuestionKind;

  @Field()
  textLv: string;

  @Field()
  textEn: string;

  @Field(() => Int, { description: 'Earned whole or not at all (see TestQuestionKind).' })
  points: number;

  @Field(() => [TestOption])
  options: TestOption[];
}

@ObjectType({ description: 'A knowledge test (R-AFT-4): questions with points, a pass mark, attempts and an optional time limit.' })
@Entity('knowledge_test')
export class KnowledgeTest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'title_lv' })
  titleLv: string;

  @Field()
  @Column({ name: 'title_en', default: '' })
  titleEn: string;

  @Field()
  @Column({ name: 'instructions_lv', default: '' })
  instructionsLv: string;

  @Field()
  @Column({ name: 'instructions_en', default: '' })
  instructionsEn: string;

  @Field(() => Int, { description: 'Passed: score * 100 >= passPercent * maxScore.' })
  @Column({ name: 'pass_percent', type: 'int' })
  passPercent: number;

  @Field(() => Int)
  @Column({ name: 'attempts_allowed', type: 'int' })
  attemptsAllowed: number;

  @Field(() => Int, { nullable: true, description: 'Null: untimed.' })
  @Column({ name: 'time_limit_minutes', type: 'int', nullable: true })
  timeLimitMinutes: number | null;

  @Field(() => [TestQuestion])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  questions: TestQuestion[];

  @Field(() => Date, { nullable: true, description: 'Null: a draft nobody can be invited to.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Not a column: whether anyone has started it (then its questions and pass mark are frozen). */
  @Field({ description: 'Someone has started an attempt: questions and pass mark can no longer change.' })
  hasAttempts: boolean;
}

/** Staff asked a person of a group to take a test; unique per (test, person, group). */
@Entity('knowledge_test_invitation')
export class KnowledgeTestInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'test_id', type: 'uuid' })
  testId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;
}

/** The options chosen for one question. */
export interface TestAnswer {
  questionId: string;
  optionIds: string[];
}

@ObjectType('TestAnswer')
export class TestAnswerView implements TestAnswer {
  @Field(() => ID)
  questionId: string;

  @Field(() => [ID])
  optionIds: string[];
}

export enum AttemptClosedBy {
  PERSON = 'PERSON',
  DEADLINE = 'DEADLINE',
}
registerEnumType(AttemptClosedBy, {
  name: 'AttemptClosedBy',
  description: 'PERSON: submitted. DEADLINE: the time ran out and the answers saved until then were scored.',
});

@ObjectType({ description: 'One attempt at a test: answers are saved as the person works; the score is set once it is closed.' })
@Entity('knowledge_test_attempt')
export class KnowledgeTestAttempt {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invitation_id', type: 'uuid' })
  invitationId: string;

  @Field(() => Int, { description: '1, 2, ... up to the attempts allowed.' })
  @Column({ type: 'int' })
  number: number;

  @Field()
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Timed tests: answers saved after it (and a short grace) are refused and the attempt is closed.' })
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Field(() => [TestAnswerView])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  answers: TestAnswer[];

  @Field(() => Date, { nullable: true, description: 'Null: in progress.' })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => AttemptClosedBy, { nullable: true })
  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: AttemptClosedBy | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'max_score', type: 'int', nullable: true })
  maxScore: number | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;
}
