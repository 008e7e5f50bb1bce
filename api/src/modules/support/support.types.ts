import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { QuestionStatus, SupportQuestion } from './support-question.entity.js';

@InputType({ description: 'A question to the school. Signed in: name and e-mail default to the profile.' })
export class QuestionInput {
  @Field(() => String, { nullable: true, description: 'Required when not signed in; at most 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the answer goes. Required when not signed in or the profile has none.' })
  email?: string | null;

  @Field(() => ID, { nullable: true, description: 'The course the question is about, if any.' })
  courseId?: string | null;

  @Field({ description: '10 to 4000 characters.' })
  text: string;
}

@InputType()
export class QuestionFilter {
  @Field(() => QuestionStatus, { nullable: true })
  status?: QuestionStatus;

  @Field(() => Boolean, { nullable: true, description: 'true: only those assigned to the viewer.' })
  mine?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these questions (at most 100).' })
  ids?: string[];
}

@ObjectType()
export class QuestionPage {
  @Field(() => [SupportQuestion])
  items: SupportQuestion[];

  @Field(() => Int)
  total: number;
}
