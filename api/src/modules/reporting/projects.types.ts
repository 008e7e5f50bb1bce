import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AgeBand, EducationLevel, EmploymentStatus, EuFund, EuProject, Gender } from './project.entity.js';

@InputType()
export class EuIndicatorInput {
  @Field({ description: 'E.g. EECO01; letters, digits, dots, dashes, underscores.' })
  code: string;

  @Field()
  nameLv: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => Int, { description: 'The target value, 0 or more.' })
  target: number;
}

@InputType({ description: 'Omitted fields keep their value on update; on create the required ones must be given.' })
export class EuProjectInput {
  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true })
  nameLv?: string;

  @Field({ nullable: true })
  nameEn?: string;

  @Field(() => EuFund, { nullable: true })
  fund?: EuFund;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  startsOn?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, not before startsOn.' })
  endsOn?: string;

  @Field(() => [EuIndicatorInput], { nullable: true, description: 'Replaces the whole list; codes unique within the project.' })
  indicators?: EuIndicatorInput[];
}

@InputType()
export class EuProjectFilter {
  @Field(() => String, { nullable: true, description: 'Part of the code or the name.' })
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}

@ObjectType()
export class EuProjectPage {
  @Field(() => [EuProject])
  items: EuProject[];

  @Field(() => Int)
  total: number;
}

@InputType({
  description:
    'What the ESF+ common indicators need (Regulation (EU) 2021/1057, Annex I), asked when registering into a project group. ' +
    'A null answer means "prefers not to say". consent must be true.',
})
export class IndicatorDataInput {
  @Field({ description: 'The person agrees that these answers are kept and reported (anonymously, in totals) for the project.' })
  consent: boolean;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field(() => AgeBand, {
    nullable: true,
    description: 'Only used when the personal code carries no birth date (new-format codes); otherwise it is computed from the code.',
  })
  ageBand?: AgeBand | null;

  @Field(() => EmploymentStatus, { nullable: true })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel | null;

  @Field(() => Boolean, { nullable: true })
  disability?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  thirdCountryNational?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  foreignBackground?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  minority?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  homeless?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  rural?: boolean | null;
}

@ObjectType()
export class EuIndicatorCount {
  @Field()
  code: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'One group of the project in the period.' })
export class EuReportGroupRow {
  @Field(() => ID)
  groupId: string;

  @Field()
  groupCode: string;

  @Field()
  courseCode: string;

  @Field()
  courseTitle: string;

  @Field({ description: 'YYYY-MM-DD, Riga time: the first session.' })
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD, Riga time: the last session.' })
  endsOn: string;

  @Field(() => Int, { description: 'CONFIRMED registrations.' })
  participants: number;

  @Field(() => Float, { description: "The group's session hours (one participant's schedule)." })
  plannedHours: number;

  @Field(() => Float, { description: 'Hours attended, summed over participants (person-hours).' })
  attendedHours: number;

  @Field(() => Int, { description: 'Participants who met the attendance rule (the certificate rule).' })
  completions: number;

  @Field(() => Int, { description: 'Participants whose indicator data is kept.' })
  withIndicatorData: number;

  @Field(() => [EuIndicatorCount])
  indicators: EuIndicatorCount[];
}

@ObjectType()
export class EuReportTotals {
  @Field(() => Int)
  groups: number;

  @Field(() => Int)
  participants: number;

  @Field(() => Float)
  plannedHours: number;

  @Field(() => Float)
  attendedHours: number;

  @Field(() => Int)
  completions: number;

  @Field(() => Int)
  withIndicatorData: number;

  @Field(() => Float, { description: 'withIndicatorData / participants, 0 to 1 (0 without participants).' })
  indicatorDataShare: number;

  @Field(() => [EuIndicatorCount])
  indicators: EuIndicatorCount[];
}

@ObjectType({ description: "A project's indicator against its target." })
export class EuIndicatorProgress {
  @Field()
  code: string;

  @Field()
  nameLv: string;

  @Field()
  nameEn: string;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { nullable: true, description: 'Counted in the period; null for an indicator this system does not count.' })
  count: number | null;
}

@ObjectType({ description: 'Participants, hours, completions and indicators of a project in a period (R-FIN-2).' })
export class EuProjectReport {
  @Field(() => EuProject)
  project: EuProject;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => [EuReportGroupRow])
  groups: EuReportGroupRow[];

  @Field(() => EuReportTotals)
  totals: EuReportTotals;

  @Field(() => [EuIndicatorProgress])
  indicators: EuIndicatorProgress[];
}
