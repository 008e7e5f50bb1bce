import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum QuestionKind {
  SCALE = 'SCALE',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  TEXT = 'TEXT',
}
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'SCALE: a whole number from 1 to 5. SINGLE_CHOICE: one option. MULTIPLE_CHOICE: any number of options. TEXT: free text.',
});

@ObjectType()
export class QuestionOption {
  @Field(() => ID, { description: 'Stable within the version: answers name options by it.' })
  id: string;

  @Field()
  textLv: string;

  @Field()
  textEn: string;
}

@ObjectType({ description: 'One question of a questionnaire version; texts in Latvian and English.' })
export class Question {
  @Field(() => ID, { description: 'Stable within the version: answers name questions by it.' })
  id: string;

  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  textLv: string;

  @Field()
  textEn: string;

  @Field()
  required: boolean;

  @Field(() => [QuestionOption], { description: 'The options of a choice question; empty for the others.' })
  options: QuestionOption[];
}

@ObjectType({ description: 'A questionnaire staff attach to courses (R-AFT-1); its questions live in versions.' })
@Entity('questionnaire')
export class Questionnaire {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'For staff, in the console and the course form.' })
  @Column()
  title: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Not a column: the service loads them with the questionnaire. */
  @Field(() => [QuestionnaireVersion], { description: 'The newest first: a draft (if any), then the published ones.' })
  versions: QuestionnaireVersion[];
}

@ObjectType({ description: 'One version of a questionnaire. Published: never changes; a draft is the one being edited.' })
@Entity('questionnaire_version')
export class QuestionnaireVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId: string;

  @Field(() => Int, { description: '1, 2, ... in the order they were made.' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => [Question])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  questions: Question[];

  @Field(() => Date, { nullable: true, description: 'Null: the draft.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A person was asked to fill a version for a group; written by the sweep once the group's last session ended. */
@Entity('questionnaire_invitation')
export class QuestionnaireInvitation {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;
}

/** That a person filled the group's questionnaire; deliberately without a time (see QuestionnaireResponse). */
@Entity('questionnaire_completion')
export class QuestionnaireCompletion {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;
}

/** One answer to one question: `scale` for SCALE, `optionIds` for choices, `text` for TEXT. */
export interface Answer {
  questionId: string;
  scale?: number;
  optionIds?: string[];
  text?: string;
}

/**
 * What someone answered, apart from who: no person and only the day of submission, so it cannot
 * be joined to the completion written in the same transaction.
 */
@Entity('questionnaire_response')
export class QuestionnaireResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  /** The group's lecturers when it was filled, for per-lecturer reports. */
  @Column({ name: 'lecturer_ids', type: 'uuid', array: true, default: () => `'{}'` })
  lecturerIds: string[];

  /** YYYY-MM-DD in Riga. */
  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn: string;

  @Column({ type: 'jsonb' })
  answers: Answer[];
}
