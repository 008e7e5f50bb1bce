import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Question, QuestionKind, QuestionOption, Questionnaire, QuestionnaireVersion } from './questionnaire.entity.js';

@InputType()
export class QuestionnaireOptionInput {
  @Field(() => ID, { nullable: true, description: 'Kept when given (a draft being edited); made up when not.' })
  id?: string | null;

  @Field({ description: '1 to 300 characters.' })
  textLv: string;

  @Field(() => String, { nullable: true, description: 'At most 300 characters; empty: the Latvian text is shown.' })
  textEn?: string | null;
}

@InputType()
export class QuestionnaireQuestionInput {
  @Field(() => ID, { nullable: true, description: 'Kept when given (a draft being edited); made up when not.' })
  id?: string | null;

  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field({ description: '1 to 1000 characters.' })
  textLv: string;

  @Field(() => String, { nullable: true, description: 'At most 1000 characters; empty: the Latvian text is shown.' })
  textEn?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  required: boolean;

  @Field(() => [QuestionnaireOptionInput], { nullable: true, description: 'Choice questions: 2 to 20 options. Others: none.' })
  options?: QuestionnaireOptionInput[] | null;
}

@InputType({ description: 'A questionnaire as the editor saves it: the questions go into its draft version.' })
export class QuestionnaireInput {
  @Field({ description: '1 to 200 characters.' })
  title: string;

  @Field(() => [QuestionnaireQuestionInput], { description: 'At most 100; at least one to publish.' })
  questions: QuestionnaireQuestionInput[];
}

@InputType()
export class QuestionnaireFilter {
  @Field({ nullable: true, description: 'Words of the title.' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class QuestionnairePage {
  @Field(() => [Questionnaire])
  items: Questionnaire[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'The answer to one question: `scale` for SCALE, `optionIds` for choices (one for SINGLE_CHOICE), `text` for TEXT.' })
export class AnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => Int, { nullable: true })
  scale?: number | null;

  @Field(() => [ID], { nullable: true })
  optionIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'At most 4000 characters.' })
  text?: string | null;
}

@ObjectType({ description: 'A questionnaire the signed-in person is asked to fill, for one group they took part in (R-AFT-1).' })
export class MyQuestionnaire {
  @Field(() => ID, { description: 'The group it is about.' })
  groupId: string;

  @Field()
  groupCode: string;

  @Field()
  courseCode: string;

  @Field({ description: 'In the request language.' })
  courseTitle: string;

  @Field()
  invitedAt: Date;

  @Field({ description: 'Filled: the certificate may be issued; the answers are not shown again (they are stored apart from who gave them).' })
  completed: boolean;

  @Field(() => [Question], { description: 'The version the person was invited to fill.' })
  questions: Question[];
}

@InputType({ description: 'Exactly one of them.' })
export class QuestionnaireReportFilter {
  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => ID, { nullable: true })
  lecturerId?: string | null;
}

@ObjectType()
export class OptionCount {
  @Field(() => QuestionOption)
  option: QuestionOption;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'The answers to one question, without names.' })
export class QuestionReport {
  @Field(() => Question)
  question: Question;

  @Field(() => Int, { description: 'Responses that answered it.' })
  answered: number;

  @Field(() => Float, { nullable: true, description: 'SCALE: the mean, null without answers.' })
  average: number | null;

  @Field(() => [Int], { description: 'SCALE: how many answered 1, 2, 3, 4, 5. Empty for the others.' })
  distribution: number[];

  @Field(() => [OptionCount], { description: 'Choices: how many chose each option.' })
  options: OptionCount[];

  @Field(() => [String], { description: 'TEXT: the answers, in no meaningful order.' })
  texts: string[];
}

@ObjectType({ description: 'The responses to one questionnaire version.' })
export class VersionReport {
  @Field()
  questionnaireTitle: string;

  @Field(() => QuestionnaireVersion)
  version: QuestionnaireVersion;

  @Field(() => Int)
  responses: number;

  @Field(() => [QuestionReport])
  questions: QuestionReport[];
}

@ObjectType({ description: 'Aggregated answers of a group, a course or a lecturer (R-AFT-2): no names, no times.' })
export class QuestionnaireReport {
  @Field(() => Int, { description: 'People invited to fill it.' })
  invited: number;

  @Field(() => Int)
  responses: number;

  @Field(() => [VersionReport], { description: 'Per version answered, the newest first.' })
  versions: VersionReport[];
}
