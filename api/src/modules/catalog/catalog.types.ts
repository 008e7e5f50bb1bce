import { Field, ID, InputType, Int, Float, ObjectType, registerEnumType } from 'type-graphql';
import { SortOrder } from '../../common/pagination.js';
import { Course, CourseFormat, CourseVisibility, InstructionLanguage } from './course.entity.js';
import { Topic } from './topic.entity.js';

export enum PriceKind {
  FREE = 'FREE',
  PAID = 'PAID',
}
registerEnumType(PriceKind, { name: 'PriceKind' });

export enum CourseSortField {
  TITLE = 'TITLE',
  CODE = 'CODE',
  NEXT_DATE = 'NEXT_DATE',
  PRICE = 'PRICE',
  HOURS = 'HOURS',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CourseSortField, { name: 'CourseSortField' });

@InputType({ description: 'Every criterion narrows the list; omitted ones do not.' })
export class CourseFilter {
  @Field({ nullable: true, description: 'Words in code, title, summary, description or audience; diacritics optional.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  topicId?: string;

  @Field({ nullable: true, description: 'YYYY-MM: has a session in that month (Europe/Riga).' })
  month?: string;

  @Field(() => CourseFormat, { nullable: true })
  format?: CourseFormat;

  @Field(() => InstructionLanguage, { nullable: true })
  language?: InstructionLanguage;

  @Field(() => PriceKind, { nullable: true })
  price?: PriceKind;

  @Field({ nullable: true, description: 'true: has an upcoming session in a published group; false: "no date yet".' })
  hasDate?: boolean;

  @Field(() => CourseVisibility, { nullable: true })
  visibility?: CourseVisibility;

  @Field(() => [ID], { nullable: true, description: 'Only these courses (at most 100).' })
  ids?: string[];
}

@InputType()
export class CourseSort {
  @Field(() => CourseSortField, { defaultValue: CourseSortField.TITLE })
  field: CourseSortField = CourseSortField.TITLE;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

@ObjectType()
export class CoursePage {
  @Field(() => [Course])
  items: Course[];

  @Field(() => Int)
  total: number;
}

@ObjectType()
export class TopicPage {
  @Field(() => [Topic])
  items: Topic[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class TopicFilter {
  @Field({ nullable: true })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@InputType()
export class TopicInput {
  @Field()
  code: string;

  @Field()
  nameLv: string;

  @Field()
  nameEn: string;

  @Field(() => Int, { nullable: true })
  sortOrder?: number;
}

@InputType({ description: 'Omitted fields keep their value on update; on create the required ones must be given.' })
export class CourseInput {
  @Field({ nullable: true })
  code?: string;

  @Field(() => ID, { nullable: true })
  topicId?: string;

  @Field({ nullable: true })
  titleLv?: string;

  @Field({ nullable: true })
  titleEn?: string;

  @Field({ nullable: true })
  summaryLv?: string;

  @Field({ nullable: true })
  summaryEn?: string;

  @Field({ nullable: true })
  descriptionLv?: string;

  @Field({ nullable: true })
  descriptionEn?: string;

  @Field({ nullable: true })
  targetAudienceLv?: string;

  @Field({ nullable: true })
  targetAudienceEn?: string;

  @Field(() => InstructionLanguage, { nullable: true })
  language?: InstructionLanguage;

  @Field(() => CourseFormat, { nullable: true })
  format?: CourseFormat;

  @Field(() => Float, { nullable: true })
  hours?: number;

  @Field(() => Int, { nullable: true })
  priceCents?: number;

  @Field(() => Int, { nullable: true, description: 'Days before a session for its reminder, 0 to 14 (0: none). Default 1.' })
  reminderDaysBefore?: number;

  @Field(() => Int, { nullable: true, description: 'The share of session hours to attend for completion, 0 to 100. Default 80.' })
  minAttendancePercent?: number;
  @Field(() => ID, { nullable: true, description: 'The evaluation questionnaire; "" removes it. Unset: unchanged.' })
  questionnaireId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Reminders to fill the questionnaire, every 2 days, 0 to 10. Default 3.' })
  questionnaireReminders?: number;

  @Field(() => CourseVisibility, { nullable: true })
  visibility?: CourseVisibility;

  @Field(() => [ID], { nullable: true, description: 'For RESTRICTED courses: who may register people.' })
  allowedInstitutionIds?: string[];

  @Field(() => ID, { nullable: true, description: 'The EU-funded project (R-FIN-2); "" removes it. Unset: unchanged.' })
  euProjectId?: string | null;
}
