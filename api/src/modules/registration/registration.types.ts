import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IndicatorDataInput } from '../reporting/projects.types.js';
import { PayerKind, Registration, RegistrationStatus } from './registration.entity.js';

@InputType({ description: 'Every criterion narrows the list. institutionId: registrations of persons employed there today.' })
export class RegistrationFilter {
  @Field(() => ID, { nullable: true, description: "Coordinators: one of theirs (default: all of theirs). API tokens: the token's own (the default)." })
  institutionId?: string;

  @Field(() => ID, { nullable: true })
  groupId?: string;

  @Field(() => ID, { nullable: true })
  courseId?: string;

  @Field(() => RegistrationStatus, { nullable: true })
  status?: RegistrationStatus;
}

export enum RegistrationOrder {
  NEWEST = 'NEWEST',
  LIST = 'LIST',
}
registerEnumType(RegistrationOrder, {
  name: 'RegistrationOrder',
  description: "NEWEST: the latest first. LIST: a group's list: confirmed, then waiting in their order, then cancelled; by family name within each.",
});

@ObjectType()
export class RegistrationPage {
  @Field(() => [Registration])
  items: Registration[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'The signed-in person registers themself into a group.' })
export class RegisterInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => PayerKind, { nullable: true, description: 'Who pays: required unless the course is free (then ignored).' })
  payer?: PayerKind;

  @Field(() => ID, {
    nullable: true,
    description: "INSTITUTION: a billing account of the person's current employer; without it the employer requisites of the profile are used.",
  })
  billingAccountId?: string;

  @Field(() => IndicatorDataInput, {
    nullable: true,
    description: 'Required (with consent) when the group belongs to an EU-funded project (Group.euProject); ignored otherwise.',
  })
  indicatorData?: IndicatorDataInput | null;
}

@InputType({ description: 'A coordinator (or staff) registers employees of one institution into a group.' })
export class EmployeeRegistrationInput {
  @Field(() => ID)
  groupId: string;

  @Field(() => ID)
  institutionId: string;

  @Field(() => [ID], { description: 'Current employees of the institution, at most 200; over the free seats they wait in this order.' })
  personIds: string[];

  @Field(() => ID, { nullable: true, description: "The institution's billing account that pays; required unless the course is free." })
  billingAccountId?: string;
}

@InputType()
export class CancelRegistrationInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Why, at most 500 characters; kept with the registration.' })
  reason?: string;
}
