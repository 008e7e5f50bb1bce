import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ForbiddenError, NotFoundError } from '../../common/errors.js';
import { PageArgs } from '../../common/pagination.js';
import { Person, UserRole } from '../people/person.entity.js';
import { Course } from './course.entity.js';
import { InterestRequest } from './interest-request.entity.js';
import { InterestService } from './interest.service.js';
import { CourseDemandFilter, CourseDemandPage, InterestRequestFilter, InterestRequestPage } from './interest.types.js';

@Resolver()
export class InterestResolver {
  constructor(private readonly interests: InterestService) {}

  @Authorized()
  @Mutation(() => InterestRequest, {
    description:
      '"Pieteikties nākamajai grupai": the signed-in person is e-mailed when a new group of the course is published. ' +
      'NOT_FOUND for a course they may not see; ALREADY_EXISTS when they already asked. Allowed also while a group is open.',
  })
  requestNextGroup(@Ctx() ctx: Context, @Arg('courseId', () => ID) courseId: string) {
    return this.interests.requestNextGroup(ctx, courseId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Withdraws the signed-in person's interest request for the course; true when one was removed." })
  withdrawInterestRequest(@Ctx() ctx: Context, @Arg('courseId', () => ID) courseId: string) {
    return this.interests.withdraw(ctx, courseId);
  }

  @Authorized()
  @Query(() => [InterestRequest], { description: "The signed-in person's active interest requests, newest first." })
  myInterestRequests(@Ctx() ctx: Context) {
    return this.interests.myRequests(ctx);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => CourseDemandPage, { description: 'Staff: courses with active interest requests, the most requested first.' })
  courseDemand(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => CourseDemandFilter, { nullable: true }) filter?: CourseDemandFilter) {
    return this.interests.courseDemand(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => InterestRequestPage, { description: 'Staff: the people with active interest requests (for a course), those who asked first first.' })
  interestRequests(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => InterestRequestFilter, { nullable: true }) filter?: InterestRequestFilter,
  ) {
    return this.interests.listRequests(ctx, filter, page);
  }
}

@Resolver(() => InterestRequest)
export class InterestRequestEntityResolver {
  constructor(private readonly interests: InterestService) {}

  @FieldResolver(() => Course)
  async course(@Root() request: InterestRequest, @Ctx() ctx: Context) {
    const course = await ctx.loaders.visibleCourse.load(request.courseId);
    if (!course) throw new NotFoundError('Course', request.courseId);
    return course;
  }

  @FieldResolver(() => Person, { description: 'Staff and the person themself.' })
  async person(@Root() request: InterestRequest, @Ctx() ctx: Context) {
    if (!this.interests.canSeePerson(ctx, request)) throw new ForbiddenError();
    const person = await ctx.loaders.person.load(request.personId);
    if (!person) throw new NotFoundError('Person', request.personId);
    return person;
  }
}

@Resolver(() => Course)
export class CourseInterestResolver {
  @FieldResolver(() => InterestRequest, {
    nullable: true,
    description: "The viewer's own active interest request for this course; null when none or anonymous.",
  })
  myInterestRequest(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders.myInterestRequest.load(course.id);
  }
}
