import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Course } from '../catalog/course.entity.js';
import { Person, UserRole } from '../people/person.entity.js';
import { SupportQuestion } from './support-question.entity.js';
import { SupportService } from './support.service.js';
import { QuestionFilter, QuestionInput, QuestionPage } from './support.types.js';

@Resolver()
export class SupportResolver {
  constructor(private readonly support: SupportService) {}

  @Mutation(() => SupportQuestion, {
    description:
      'Anyone asks the school a question (R-SUP-1); the answer comes by e-mail. At most 5 an hour per address or person (RATE_LIMITED). Not API tokens.',
  })
  askQuestion(@Ctx() ctx: Context, @Arg('input', () => QuestionInput) input: QuestionInput) {
    return this.support.ask(ctx, input);
  }

  @Authorized()
  @Query(() => [SupportQuestion], { description: "The signed-in person's questions with their answers, newest first." })
  myQuestions(@Ctx() ctx: Context) {
    return this.support.mine(ctx);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => QuestionPage, { description: 'Staff: the questions; filtered by status, the oldest first.' })
  supportQuestions(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => QuestionFilter, { nullable: true }) filter?: QuestionFilter) {
    return this.support.list(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => SupportQuestion, { description: 'Staff: who handles the question; without personId, the viewer.' })
  assignQuestion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('personId', () => ID, { nullable: true }) personId?: string | null) {
    return this.support.assign(ctx, id, personId);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => SupportQuestion, { description: "Staff: the answer goes to the asker's e-mail in their language; the question becomes ANSWERED." })
  answerQuestion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('answer') answer: string) {
    return this.support.answer(ctx, id, answer);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => SupportQuestion, { description: 'Staff: nothing more to do.' })
  closeQuestion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.support.close(ctx, id);
  }
}

@Resolver(() => SupportQuestion)
export class SupportQuestionEntityResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The asker (when signed in as them) and staff; null for others.' })
  email(@Root() question: SupportQuestion, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) || (question.personId && question.personId === ctx.viewer?.personId) ? question.email : null;
  }

  @FieldResolver(() => Course, { nullable: true, description: 'The course asked about, when the viewer may see it.' })
  course(@Root() question: SupportQuestion, @Ctx() ctx: Context) {
    return question.courseId ? ctx.loaders.visibleCourse.load(question.courseId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Staff: who handles the question.' })
  assignedTo(@Root() question: SupportQuestion, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) && question.assignedToId ? ctx.loaders.person.load(question.assignedToId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Staff: who answered.' })
  answeredBy(@Root() question: SupportQuestion, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) && question.answeredById ? ctx.loaders.person.load(question.answeredById) : null;
  }
}
