import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { Institution } from '../institutions/institution.entity.js';
import { Language } from '../people/person.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Course } from './course.entity.js';
import { Topic } from './topic.entity.js';

/** English falls back to Latvian where a text has not been translated yet. */
const localized = (ctx: Context, lv: string, en: string) => (ctx.lang === Language.EN && en ? en : lv);

@Resolver(() => Course)
export class CourseEntityResolver {
  @FieldResolver(() => String, { description: 'Title in the request language.' })
  title(@Root() course: Course, @Ctx() ctx: Context) {
    return localized(ctx, course.titleLv, course.titleEn);
  }

  @FieldResolver(() => String)
  summary(@Root() course: Course, @Ctx() ctx: Context) {
    return localized(ctx, course.summaryLv, course.summaryEn);
  }

  @FieldResolver(() => String)
  description(@Root() course: Course, @Ctx() ctx: Context) {
    return localized(ctx, course.descriptionLv, course.descriptionEn);
  }

  @FieldResolver(() => String)
  targetAudience(@Root() course: Course, @Ctx() ctx: Context) {
    return localized(ctx, course.targetAudienceLv, course.targetAudienceEn);
  }

  @FieldResolver(() => Topic)
  async topic(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders.topic.load(course.topicId);
  }

  @FieldResolver(() => [Group], { description: 'Published groups that have not ended, soonest first.' })
  openGroups(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders.upcomingGroups.load(course.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Start of the next session in a published group.' })
  nextSessionStartsAt(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders.nextSessionStart.load(course.id);
  }

  @FieldResolver(() => Boolean, { description: 'false: "no date yet"; the portal offers an interest request instead (R-CAT-3).' })
  async hasDate(@Root() course: Course, @Ctx() ctx: Context) {
    return (await ctx.loaders.nextSessionStart.load(course.id)) !== null;
  }

  @FieldResolver(() => [Institution], {
    description: 'Who may register people for a restricted course. Staff see all; a coordinator only their own; others none.',
  })
  async allowedInstitutions(@Root() course: Course, @Ctx() ctx: Context) {
    const links = await ctx.loaders.allowedInstitutionIds.load(course.id);
    const own = new Set(ctx.viewer?.coordinatorInstitutionIds ?? []);
    const visible = isStaff(ctx.viewer) ? links : links.filter((link) => own.has(link.institutionId));
    const institutions = await ctx.loaders.institution.loadMany(visible.map((link) => link.institutionId));
    return institutions.filter((i): i is Institution => i instanceof Institution);
  }
}

@Resolver(() => Topic)
export class TopicEntityResolver {
  @FieldResolver(() => String, { description: 'Name in the request language.' })
  name(@Root() topic: Topic, @Ctx() ctx: Context) {
    return localized(ctx, topic.nameLv, topic.nameEn);
  }
}
