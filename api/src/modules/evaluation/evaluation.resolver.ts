import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { Questionnaire } from './questionnaire.entity.js';
import { EvaluationService } from './evaluation.service.js';
import {
  AnswerInput,
  MyQuestionnaire,
  QuestionnaireFilter,
  QuestionnaireInput,
  QuestionnairePage,
  QuestionnaireReport,
  QuestionnaireReportFilter,
} from './evaluation.types.js';

@Resolver()
export class EvaluationResolver {
  constructor(private readonly evaluation: EvaluationService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => QuestionnairePage, { description: 'Staff: the questionnaires, by title.' })
  questionnaires(
    @Ctx() ctx: Context,
    @Arg('filter', () => QuestionnaireFilter, { nullable: true }) filter: QuestionnaireFilter | undefined,
    @Args() page: PageArgs,
  ) {
    return this.evaluation.list(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => Questionnaire, { description: 'Staff: one questionnaire with its versions.' })
  questionnaire(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.evaluation.get(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Questionnaire, { description: 'Staff: a new questionnaire; its questions are the draft of version 1.' })
  createQuestionnaire(@Ctx() ctx: Context, @Arg('input', () => QuestionnaireInput) input: QuestionnaireInput) {
    return this.evaluation.create(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Questionnaire, { description: 'Staff: saves the title and the draft; a published version is never changed (a new draft is made).' })
  updateQuestionnaire(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => QuestionnaireInput) input: QuestionnaireInput) {
    return this.evaluation.update(ctx, id, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Questionnaire, { description: 'Staff: the draft is published; invitations from now on use it. VALIDATION without a draft or questions.' })
  publishQuestionnaire(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.evaluation.publish(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => QuestionnaireReport, { description: 'Staff: the answers of a group, a course or a lecturer, aggregated, without names (R-AFT-2).' })
  questionnaireReport(@Ctx() ctx: Context, @Arg('filter', () => QuestionnaireReportFilter) filter: QuestionnaireReportFilter) {
    return this.evaluation.report(ctx, filter);
  }

  @Authorized()
  @Query(() => [MyQuestionnaire], { description: 'The signed-in person: questionnaires they are invited to fill (those to fill first). Not API tokens.' })
  myQuestionnaires(@Ctx() ctx: Context) {
    return this.evaluation.mine(ctx);
  }

  @Authorized()
  @Query(() => MyQuestionnaire, { description: "The signed-in person's questionnaire of one group; NOT_FOUND when they are not invited." })
  myQuestionnaire(@Ctx() ctx: Context, @Arg('groupId', () => ID) groupId: string) {
    return this.evaluation.mineForGroup(ctx, groupId);
  }

  @Authorized()
  @Mutation(() => MyQuestionnaire, {
    description:
      'The invited person files their answers, once (ALREADY_EXISTS after). VALIDATION lists problems as `answers.<questionId>`. ' +
      'The answers are stored without the person.',
  })
  submitQuestionnaire(@Ctx() ctx: Context, @Arg('groupId', () => ID) groupId: string, @Arg('answers', () => [AnswerInput]) answers: AnswerInput[]) {
    return this.evaluation.submit(ctx, groupId, answers);
  }
}
