import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Course } from './course.entity.js';
import { InterestRequest } from './interest-request.entity.js';

@InputType()
export class CourseDemandFilter {
  @Field({ nullable: true, description: 'Words in the course code or title; diacritics optional.' })
  q?: string;

  @Field({ nullable: true, description: 'true: only courses that have an upcoming published group; false: only those without.' })
  hasOpenGroup?: boolean;
}

@ObjectType({ description: 'The interest in one course: how many people wait for its next group.' })
export class CourseDemand {
  @Field(() => Course)
  course: Course;

  @Field(() => Int, { description: 'Active interest requests (withdrawn and fulfilled ones do not count).' })
  requestCount: number;

  @Field(() => Date, { nullable: true })
  latestRequestAt: Date | null;

  @Field({ description: 'The course has a published group that has not ended.' })
  hasOpenGroup: boolean;
}

@ObjectType()
export class CourseDemandPage {
  @Field(() => [CourseDemand])
  items: CourseDemand[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class InterestRequestFilter {
  @Field(() => ID, { nullable: true })
  courseId?: string;
}

@ObjectType()
export class InterestRequestPage {
  @Field(() => [InterestRequest])
  items: InterestRequest[];

  @Field(() => Int)
  total: number;
}
