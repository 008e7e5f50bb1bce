import { Field, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity.js';
import { Person, UserRole } from './person.entity.js';

@ObjectType({ description: 'The signed-in person and what they may do.' })
export class Me {
  @Field(() => Person)
  person: Person;

  @Field(() => [UserRole])
  roles: UserRole[];

  @Field(() => [Institution], { description: 'Institutions this person coordinates.' })
  coordinatedInstitutions: Institution[];
}
