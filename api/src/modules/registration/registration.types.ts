import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Registration, RegistrationStatus } from './registration.entity.js';

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

@ObjectType()
export class RegistrationPage {
  @Field(() => [Registration])
  items: Registration[];

  @Field(() => Int)
  total: number;
}
