import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { KnowledgeTest, KnowledgeTestAttempt, TestQuestion, TestQuestionKind } from './knowledge-test.entity.js';

@InputType()
export class TestOptionInput {
  @Field(() => ID, { nullable: true, description: 'Kept when given; made up when not.' })
  id?: string | null;

  @Field({ description: '1 to 300 characters.' })
  textLv: string;

  @Field(() => String, { nullable: true, description: 'At most 300 characters; empty: the Latvian text is shown.' })
  textEn?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  correct: boolean;
}

@InputType()
export class TestQuestionInput {
  @Field(() => ID, { nullable: true, description: 'Kept when given; made up when not.' })
  id?: string | null;

  @Field(() => TestQuestionKind)
  kind: TestQuestionKind;

  @Field({ description: '1 to 1000 characters.' })
  textLv: string;

  @Field(() => String, { nullable: true, description: 'At most 1000 characters.' })
  textEn?: string | null;

  @Field(() => Int, { description: '1 to 100.' })
  points: number;

  @Field(() => [TestOptionInput], { description: '2 to 20; SINGLE: exactly one correct, MULTIPLE: at least one.' })
  options: TestOptionInput[];
}

@InputType({ description: 'A knowledge test as the console saves it.' })
export class KnowledgeTestInput {
  @Field({ description: '1 to 200 characters.' })
  titleLv: string;

  @Field(() => String, { nullable: true })
  titleEn?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 4000 characters.' })
  instructionsLv?: string | null;

  @Field(() => String, { nullable: true })
  instructionsEn?: string | null;

  @Field(() => Int, { description: '0 to 100.' })
  passPercent: number;

  @Field(() => Int, { description: '1 to 20.' })
  attemptsAllowed: number;

  @Field(() => Int, { nullable: true, description: '1 to 600 minutes; null: untimed.' })
  timeLimitMinutes?: number | null;

  @Field(() => [TestQuestionInput], { description: 'At most 100; at least one to publish. Frozen once someone has started an attempt.' })
  questions: TestQuestionInput[];
}

@InputType()
export class KnowledgeTestFilter {
  @Field({ nullable: true, description: 'Words of the title.' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class KnowledgeTestPage {
  @Field(() => [KnowledgeTest])
  items: KnowledgeTest[];

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'What inviting a group did.' })
export class KnowledgeTestInvitationResult {
  @Field(() => Int, { description: 'Newly invited (each gets the e-mail).' })
  invited: number;

  @Field(() => Int, { description: 'Confirmed participants who had been invited before.' })
  alreadyInvited: number;
}

@InputType({ description: 'The options chosen for one question (SINGLE: at most one).' })
export class TestAnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => [ID])
  optionIds: string[];
}

@ObjectType({ description: 'A test the signed-in person is invited to take, for one group.' })
export class MyKnowledgeTest {
  @Field(() => ID, { description: 'The invitation: attempts are started on it.' })
  id: string;

  @Field(() => ID)
  testId: string;

  @Field({ description: 'In the request language.' })
  title: string;

  @Field({ description: 'In the request language.' })
  instructions: string;

  @Field()
  groupCode: string;

  @Field({ description: 'In the request language.' })
  courseTitle: string;

  @Field()
  invitedAt: Date;

  @Field(() => Int)
  passPercent: number;

  @Field(() => Int)
  attemptsAllowed: number;

  @Field(() => Int, { nullable: true })
  timeLimitMinutes: number | null;

  @Field(() => Int)
  maxScore: number;

  @Field(() => [TestQuestion], { description: 'Without which options are correct.' })
  questions: TestQuestion[];

  @Field(() => [KnowledgeTestAttempt], { description: 'Oldest first.' })
  attempts: KnowledgeTestAttempt[];

  @Field(() => Boolean, { description: 'Published, an attempt in progress or one left.' })
  canStart: boolean;

  @Field(() => KnowledgeTestAttempt, { nullable: true, description: 'The final result: the best closed attempt.' })
  best: KnowledgeTestAttempt | null;
}

@InputType({ description: 'At least one of them.' })
export class KnowledgeTestResultFilter {
  @Field(() => ID, { nullable: true })
  testId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;
}

@ObjectType({ description: "One invitation's result: the best closed attempt counts." })
export class KnowledgeTestResult {
  @Field(() => ID, { description: 'The invitation.' })
  id: string;

  @Field(() => ID)
  testId: string;

  @Field()
  testTitle: string;

  @Field(() => ID)
  personId: string;

  @Field()
  personName: string;

  @Field(() => ID)
  groupId: string;

  @Field()
  groupCode: string;

  @Field()
  invitedAt: Date;

  @Field(() => Int, { description: 'Attempts started.' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'Of the best closed attempt; null before any.' })
  bestScore: number | null;

  @Field(() => Int, { nullable: true })
  maxScore: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Null: no closed attempt yet.' })
  passed: boolean | null;
}

@ObjectType()
export class KnowledgeTestResultPage {
  @Field(() => [KnowledgeTestResult])
  items: KnowledgeTestResult[];

  @Field(() => Int)
  total: number;
}
