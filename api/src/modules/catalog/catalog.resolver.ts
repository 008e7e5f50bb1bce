import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver, Authorized } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { primeCoursePage } from '../../graphql/loaders.js';
import { selectedFields } from '../../graphql/lookahead.js';
import { coursePagePlan } from './course-page.js';
import { PageArgs } from '../../common/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { CatalogService } from './catalog.service.js';
import { CourseFilter, CourseInput, CoursePage, CourseSort, TopicFilter, TopicInput, TopicPage } from './catalog.types.js';
import { Course } from './course.entity.js';
import { Topic } from './topic.entity.js';

@Resolver()
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Query(() => CoursePage, { description: 'The catalog. Anyone may ask; restricted courses appear only to those allowed (R-CAT-4).' })
  async courses(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => CourseFilter, { nullable: true }) filter?: CourseFilter,
    @Arg('sort', () => CourseSort, { nullable: true }) sort?: CourseSort,
  ) {
    // What the query asks below the courses is read with the page and handed to the loaders (issue 16).
    const result = await this.catalog.listCourses(ctx, filter, sort, page, coursePagePlan(selectedFields(info)));
    primeCoursePage(ctx.loaders, result.items, result.related);
    return result;
  }

  @Query(() => Course, { description: 'One course; NOT_FOUND also when the viewer may not see it.' })
  course(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.catalog.getCourse(ctx, id);
  }

  @Query(() => TopicPage)
  topics(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => TopicFilter, { nullable: true }) filter?: TopicFilter) {
    return this.catalog.listTopics(ctx, filter, page);
  }

  @Query(() => Topic)
  topic(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.catalog.getTopic(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Topic)
  createTopic(@Ctx() ctx: Context, @Arg('input') input: TopicInput) {
    return this.catalog.createTopic(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Topic)
  updateTopic(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: TopicInput) {
    return this.catalog.updateTopic(ctx, id, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Topic, { description: 'Only a topic without courses can be deleted (IN_USE otherwise).' })
  deleteTopic(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.catalog.deleteTopic(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Course)
  createCourse(@Ctx() ctx: Context, @Arg('input') input: CourseInput) {
    return this.catalog.createCourse(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Course)
  updateCourse(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: CourseInput) {
    return this.catalog.updateCourse(ctx, id, input);
  }
}
