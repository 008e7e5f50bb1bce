import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { KnowledgeTest, KnowledgeTestAttempt } from './knowledge-test.entity.js';
import { KnowledgeTestsService } from './knowledge-tests.service.js';
import {
  KnowledgeTestFilter,
  KnowledgeTestInput,
  KnowledgeTestInvitationResult,
  KnowledgeTestPage,
  KnowledgeTestResultFilter,
  KnowledgeTestResultPage,
  MyKnowledgeTest,
  TestAnswerInput,
} from './knowledge-tests.types.js';

@Resolver()
export class KnowledgeTestsResolver {
  constructor(private readonly tests: KnowledgeTestsService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => KnowledgeTestPage, { description: 'Staff: the knowledge tests, by title.' })
  knowledgeTests(
    @Ctx() ctx: Context,
    @Arg('filter', () => KnowledgeTestFilter, { nullable: true }) filter: KnowledgeTestFilter | undefined,
    @Args() page: PageArgs,
  ) {
    return this.tests.list(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => KnowledgeTest, { description: 'Staff: one knowledge test with its questions and correct options.' })
  knowledgeTest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.tests.get(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => KnowledgeTest, { description: 'Staff: a new knowledge test, as a draft.' })
  createKnowledgeTest(@Ctx() ctx: Context, @Arg('input', () => KnowledgeTestInput) input: KnowledgeTestInput) {
    return this.tests.create(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => KnowledgeTest, { description: 'Staff: saves the test. TEST_LOCKED when attempts exist and the questions or pass mark would change.' })
  updateKnowledgeTest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => KnowledgeTestInput) input: KnowledgeTestInput) {
    return this.tests.update(ctx, id, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => KnowledgeTest, { description: 'Staff: people can be invited and take it. VALIDATION without questions.' })
  publishKnowledgeTest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.tests.publish(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => KnowledgeTestInvitationResult, {
    description: "Staff: invites the group's confirmed participants to a published test, each once, with an e-mail. TEST_NOT_PUBLISHED for a draft.",
  })
  inviteGroupToKnowledgeTest(@Ctx() ctx: Context, @Arg('testId', () => ID) testId: string, @Arg('groupId', () => ID) groupId: string) {
    return this.tests.inviteGroup(ctx, testId, groupId);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => KnowledgeTestResultPage, { description: 'Staff: per invitation of a test and/or a group, the attempts and the best result.' })
  knowledgeTestResults(@Ctx() ctx: Context, @Arg('filter', () => KnowledgeTestResultFilter) filter: KnowledgeTestResultFilter, @Args() page: PageArgs) {
    return this.tests.results(ctx, filter, page);
  }

  @Authorized()
  @Query(() => [MyKnowledgeTest], { description: 'The signed-in person: the tests they are invited to take, the newest first. Not API tokens.' })
  myKnowledgeTests(@Ctx() ctx: Context) {
    return this.tests.mine(ctx);
  }

  @Authorized()
  @Query(() => MyKnowledgeTest, { description: "The signed-in person's test invitation; NOT_FOUND when it is not theirs." })
  myKnowledgeTest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.tests.mineOne(ctx, id);
  }

  @Authorized()
  @Mutation(() => KnowledgeTestAttempt, {
    description: 'Starts an attempt on the invitation, or gives back the one in progress. ATTEMPTS_USED_UP, TEST_NOT_PUBLISHED.',
  })
  startKnowledgeTestAttempt(@Ctx() ctx: Context, @Arg('invitationId', () => ID) invitationId: string) {
    return this.tests.start(ctx, invitationId);
  }

  @Authorized()
  @Mutation(() => KnowledgeTestAttempt, {
    description: 'Saves the answers given so far (they replace the saved ones). ATTEMPT_CLOSED once submitted or past the time.',
  })
  saveTestAnswers(@Ctx() ctx: Context, @Arg('attemptId', () => ID) attemptId: string, @Arg('answers', () => [TestAnswerInput]) answers: TestAnswerInput[]) {
    return this.tests.saveAnswers(ctx, attemptId, answers);
  }

  @Authorized()
  @Mutation(() => KnowledgeTestAttempt, {
    description: 'Scores the attempt, once (ATTEMPT_CLOSED after). Answers, when given, replace the saved ones, except past the time limit.',
  })
  submitKnowledgeTestAttempt(
    @Ctx() ctx: Context,
    @Arg('attemptId', () => ID) attemptId: string,
    @Arg('answers', () => [TestAnswerInput], { nullable: true }) answers: TestAnswerInput[] | null,
  ) {
    return this.tests.submit(ctx, attemptId, answers ?? null);
  }
}
