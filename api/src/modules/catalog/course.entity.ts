import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { numericToNumber } from '../../db/columns.js';

export enum CourseFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
}
registerEnumType(CourseFormat, { name: 'CourseFormat' });

export enum InstructionLanguage {
  LV = 'LV',
  EN = 'EN',
  RU = 'RU',
}
registerEnumType(InstructionLanguage, { name: 'InstructionLanguage', description: 'The language a course is taught in.' });

export enum CourseVisibility {
  PUBLIC = 'PUBLIC',
  RESTRICTED = 'RESTRICTED',
}
registerEnumType(CourseVisibility, {
  name: 'CourseVisibility',
  description: 'RESTRICTED courses are for named institutions only: not in the public catalog (R-CAT-4).',
});

@ObjectType({ description: 'A catalog entry: what is taught. Localized fields follow the request language.' })
@Entity('course')
export class Course {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ unique: true })
  code: string;

  @Field(() => ID)
  @Column({ name: 'topic_id', type: 'uuid' })
  topicId: string;

  @Field()
  @Column({ name: 'title_lv' })
  titleLv: string;

  @Field()
  @Column({ name: 'title_en', type: 'text', default: '' })
  titleEn: string;

  @Field()
  @Column({ name: 'summary_lv', type: 'text', default: '' })
  summaryLv: string;

  @Field()
  @Column({ name: 'summary_en', type: 'text', default: '' })
  summaryEn: string;

  @Field()
  @Column({ name: 'description_lv', type: 'text', default: '' })
  descriptionLv: string;

  @Field()
  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Field()
  @Column({ name: 'target_audience_lv', type: 'text', default: '' })
  targetAudienceLv: string;

  @Field()
  @Column({ name: 'target_audience_en', type: 'text', default: '' })
  targetAudienceEn: string;

  @Field(() => InstructionLanguage)
  @Column({ type: 'text' })
  language: InstructionLanguage;

  @Field(() => CourseFormat)
  @Column({ type: 'text' })
  format: CourseFormat;

  @Field(() => Float, { description: 'Academic hours.' })
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numericToNumber })
  hours: number;

  @Field(() => Int, { description: 'Price per participant in euro cents; 0 is free.' })
  @Column({ name: 'price_cents', type: 'int' })
  priceCents: number;

  @Field(() => Int, { description: 'Days before each session that its confirmed participants get a reminder (0: none; at most 14).' })
  @Column({ name: 'reminder_days_before', type: 'int', default: 1 })
  reminderDaysBefore: number;

  @Field(() => Int, {
    description: 'The share of the planned session hours a participant must attend to complete the course (0 to 100; excused absences do not count).',
  })
  @Column({ name: 'min_attendance_percent', type: 'int', default: 80 })
  minAttendancePercent: number;
  @Field(() => ID, { nullable: true, description: 'The evaluation questionnaire its participants fill after the last session of their group (R-AFT-1).' })
  @Column({ name: 'questionnaire_id', type: 'uuid', nullable: true })
  questionnaireId: string | null;

  @Field(() => ID, { nullable: true, description: 'The EU-funded project the course belongs to (R-FIN-2); its groups inherit it unless they name their own.' })
  @Column({ name: 'eu_project_id', type: 'uuid', nullable: true })
  euProjectId: string | null;

  @Field(() => Int, { description: 'How many reminders, every 2 days, until the questionnaire is filled (0: none; at most 10).' })
  @Column({ name: 'questionnaire_reminders', type: 'int', default: 3 })
  questionnaireReminders: number;

  @Field(() => CourseVisibility)
  @Column({ type: 'text', default: CourseVisibility.PUBLIC })
  visibility: CourseVisibility;

  /** Lower-cased, diacritics removed: what catalog search matches against. */
  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('course_allowed_institution')
export class CourseAllowedInstitution {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;
}
