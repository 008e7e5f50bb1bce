import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CourseMaterial, MaterialVisibility } from './material.entity.js';

@InputType({ description: 'A new course material: a link (`url`) or an uploaded file (`fileId`), exactly one.' })
export class CourseMaterialInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => ID, { nullable: true, description: 'Only for this group of the course.' })
  groupId?: string | null;

  @Field()
  titleLv: string;

  @Field({ nullable: true })
  titleEn?: string;

  @Field({ nullable: true })
  descriptionLv?: string;

  @Field({ nullable: true })
  descriptionEn?: string;

  @Field(() => MaterialVisibility)
  visibility: MaterialVisibility;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  url?: string | null;

  @Field(() => ID, { nullable: true, description: 'What POST /api/materials/files answered.' })
  fileId?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType({ description: 'Changes to a material; unset fields stay. A link stays a link and a file a file (a new `fileId` replaces the file).' })
export class CourseMaterialUpdate {
  @Field(() => ID, { nullable: true, description: 'Another group of the same course; null: the whole course.' })
  groupId?: string | null;

  @Field({ nullable: true })
  titleLv?: string;

  @Field({ nullable: true })
  titleEn?: string;

  @Field({ nullable: true })
  descriptionLv?: string;

  @Field({ nullable: true })
  descriptionEn?: string;

  @Field(() => MaterialVisibility, { nullable: true })
  visibility?: MaterialVisibility;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => ID, { nullable: true })
  fileId?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
export class CourseMaterialFilter {
  @Field(() => String, { nullable: true, description: 'Words of the title, the description or the course title.' })
  q?: string | null;

  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only materials of courses the viewer took part in or teaches ("Mācību materiāli"); false: only public ones.',
  })
  mine?: boolean | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}

@ObjectType()
export class CourseMaterialPage {
  @Field(() => [CourseMaterial])
  items: CourseMaterial[];

  @Field(() => Int)
  total: number;
}
