import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { Language, UserRole } from '../people/person.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Course } from './course.entity.js';
import { CourseMaterial, MaterialKind } from './material.entity.js';
import { MaterialsService, materialFilePath } from './materials.service.js';
import { CourseMaterialFilter, CourseMaterialInput, CourseMaterialPage, CourseMaterialUpdate } from './materials.types.js';

@Resolver()
export class MaterialsResolver {
  constructor(private readonly service: MaterialsService) {}

  @Query(() => CourseMaterialPage, {
    description: 'Course materials the viewer may see (R-CAT-5): public ones, and those of courses they took part in or teach; staff see all.',
  })
  courseMaterials(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => CourseMaterialFilter, { nullable: true }) filter?: CourseMaterialFilter) {
    return this.service.list(ctx, filter, page);
  }

  @Query(() => CourseMaterial, { description: 'One material the viewer may see; NOT_FOUND otherwise.' })
  courseMaterial(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.get(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => CourseMaterial, {
    description: 'Staff: a link or an uploaded file for a course or one of its groups. VALIDATION `titleLv` `url` `fileId` `groupId`.',
  })
  createCourseMaterial(@Ctx() ctx: Context, @Arg('input', () => CourseMaterialInput) input: CourseMaterialInput) {
    return this.service.create(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => CourseMaterial, { description: 'Staff: changes a material; a new `fileId` replaces its file (the old one is removed).' })
  updateCourseMaterial(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => CourseMaterialUpdate) input: CourseMaterialUpdate) {
    return this.service.update(ctx, id, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => CourseMaterial, { description: 'Staff: removes a material and its file; answers the material as it was.' })
  deleteCourseMaterial(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.remove(ctx, id);
  }
}

const localized = (ctx: Context, lv: string, en: string) => (ctx.lang === Language.EN && en ? en : lv);

/** Whoever reached a material may see all of it: the rule is applied where materials are listed. */
@Resolver(() => CourseMaterial)
export class CourseMaterialEntityResolver {
  @FieldResolver(() => String, { description: 'In the request language.' })
  title(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return localized(ctx, material.titleLv, material.titleEn);
  }

  @FieldResolver(() => String, { description: 'In the request language.' })
  description(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return localized(ctx, material.descriptionLv, material.descriptionEn);
  }

  @FieldResolver(() => MaterialKind)
  kind(@Root() material: CourseMaterial) {
    return material.fileId ? MaterialKind.FILE : MaterialKind.LINK;
  }

  @FieldResolver(() => String, { description: "A link's address, or the file's download path on this server." })
  async url(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    if (!material.fileId) return material.url ?? '';
    const file = await ctx.loaders.storedFile.load(material.fileId);
    return materialFilePath(material.id, file?.fileName ?? 'file');
  }

  @FieldResolver(() => String, { nullable: true, description: 'A file’s name; null for a link.' })
  async fileName(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return material.fileId ? ((await ctx.loaders.storedFile.load(material.fileId))?.fileName ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'A file’s type (MIME); null for a link.' })
  async contentType(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return material.fileId ? ((await ctx.loaders.storedFile.load(material.fileId))?.contentType ?? null) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'A file’s size in bytes; null for a link.' })
  async sizeBytes(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return material.fileId ? ((await ctx.loaders.storedFile.load(material.fileId))?.sizeBytes ?? null) : null;
  }

  @FieldResolver(() => Course, { nullable: true, description: 'Null when the viewer may not see the course itself.' })
  course(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return ctx.loaders.visibleCourse.load(material.courseId);
  }

  @FieldResolver(() => Group, { nullable: true })
  group(@Root() material: CourseMaterial, @Ctx() ctx: Context) {
    return material.groupId ? ctx.loaders.group.load(material.groupId) : null;
  }
}

@Resolver(() => Course)
export class CourseMaterialsResolver {
  @FieldResolver(() => [CourseMaterial], {
    description: 'What the viewer may see of the course’s materials (R-CAT-5), course-wide ones first, in their order.',
  })
  materials(@Root() course: Course, @Ctx() ctx: Context) {
    return ctx.loaders.courseMaterials.load(course.id);
  }
}
