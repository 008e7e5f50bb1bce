import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CoordinatorNomination, NominationStatus } from './coordinator-nomination.entity.js';

@InputType({ description: "A person asks to become an institution's coordinator." })
export class NominationInput {
  @Field({ description: "The institution's registration number, 11 digits." })
  registrationNumber: string;

  @Field({ description: "The institution's name (staff create the institution from it if it is new to the system)." })
  institutionName: string;

  @Field({ description: "The person's position at the institution." })
  position: string;

  @Field(() => String, { nullable: true, description: 'At most 1000 characters.' })
  note?: string | null;
}

@InputType()
export class NominationFilter {
  @Field(() => NominationStatus, { nullable: true })
  status?: NominationStatus;
}

@ObjectType()
export class NominationPage {
  @Field(() => [CoordinatorNomination])
  items: CoordinatorNomination[];

  @Field(() => Int)
  total: number;
}
