import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Institution } from './institution.entity.js';

@InputType()
export class InstitutionFilter {
  @Field({ nullable: true })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class InstitutionPage {
  @Field(() => [Institution])
  items: Institution[];

  @Field(() => Int)
  total: number;
}
