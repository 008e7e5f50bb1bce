import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Person, UserRole } from './person.entity.js';

@InputType({ description: 'Every criterion narrows the list.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Words of the name or e-mail (diacritics optional), or a whole personal code.' })
  q?: string;

  @Field(() => UserRole, { nullable: true, description: 'Only people who have this role now.' })
  role?: UserRole;

  @Field(() => [ID], { nullable: true, description: 'Only these people (at most 100).' })
  ids?: string[];
}

@ObjectType()
export class PersonPage {
  @Field(() => [Person])
  items: Person[];

  @Field(() => Int)
  total: number;
}
