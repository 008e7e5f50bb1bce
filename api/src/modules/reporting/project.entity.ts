import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EuFund {
  ESF_PLUS = 'ESF+',
  ERAF = 'ERAF',
  CF = 'CF',
  RRF = 'RRF',
  OTHER = 'OTHER',
}
registerEnumType(EuFund, {
  name: 'EuFund',
  description: 'ESF_PLUS: European Social Fund Plus; ERAF: European Regional Development Fund; CF: Cohesion Fund; RRF: Recovery and Resilience Facility.',
});

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
}
registerEnumType(Gender, { name: 'Gender' });

/** Age at registration (ESF+ Annex I: below 30, 55 and over). */
export enum AgeBand {
  UNDER_30 = 'UNDER_30',
  FROM_30_TO_54 = 'FROM_30_TO_54',
  FROM_55 = 'FROM_55',
}
registerEnumType(AgeBand, { name: 'AgeBand', description: 'Age on the day of registration: below 30, 30 to 54, 55 and over.' });

export enum EmploymentStatus {
  EMPLOYED = 'EMPLOYED',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  UNEMPLOYED = 'UNEMPLOYED',
  LONG_TERM_UNEMPLOYED = 'LONG_TERM_UNEMPLOYED',
  INACTIVE = 'INACTIVE',
}
registerEnumType(EmploymentStatus, { name: 'EmploymentStatus' });

export enum EducationLevel {
  ISCED_0_2 = 'ISCED_0_2',
  ISCED_3_4 = 'ISCED_3_4',
  ISCED_5_8 = 'ISCED_5_8',
}
registerEnumType(EducationLevel, { name: 'EducationLevel', description: 'ISCED 2011 levels: 0-2 basic, 3-4 secondary and post-secondary, 5-8 tertiary.' });

/** One indicator the project reports on, with its target. */
@ObjectType('EuIndicator')
export class EuIndicator {
  @Field({ description: 'E.g. EECO01 (participants), EECO07 (below 30); see docs/reports.md for the codes counted.' })
  code: string;

  @Field()
  nameLv: string;

  @Field()
  nameEn: string;

  @Field(() => Int)
  target: number;
}

@ObjectType({ description: 'An EU-funded project (R-FIN-2): courses and groups belong to one; staff report on it.' })
@Entity('eu_project')
export class EuProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The project number, e.g. 4.2.1.1/23/ESF+/001.' })
  @Column({ unique: true })
  code: string;

  @Field()
  @Column({ name: 'name_lv' })
  nameLv: string;

  @Field()
  @Column({ name: 'name_en', default: '' })
  nameEn: string;

  @Field(() => EuFund)
  @Column({ type: 'text' })
  fund: EuFund;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Field(() => [EuIndicator])
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  indicators: EuIndicator[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * What a participant told for the ESF+ indicators when registering into a project group: a snapshot
 * that later profile changes leave alone. A null answer is "prefers not to say".
 */
@ObjectType({ description: 'Personal data: its person and staff only.' })
@Entity('registration_indicator_data')
export class RegistrationIndicatorData {
  @Field(() => ID)
  @PrimaryColumn({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @Field(() => Date)
  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt: Date;

  @Field(() => Gender, { nullable: true })
  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @Field(() => AgeBand, { nullable: true })
  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Field(() => EmploymentStatus, { nullable: true })
  @Column({ name: 'employment_status', type: 'text', nullable: true })
  employmentStatus: EmploymentStatus | null;

  @Field(() => EducationLevel, { nullable: true })
  @Column({ name: 'education_level', type: 'text', nullable: true })
  educationLevel: EducationLevel | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  disability: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'third_country_national', type: 'boolean', nullable: true })
  thirdCountryNational: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'foreign_background', type: 'boolean', nullable: true })
  foreignBackground: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  minority: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  homeless: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  rural: boolean | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
