import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortOrder } from '../../graphql/pagination.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { Session } from './session.entity.js';

export enum GroupSortField {
  CODE = 'CODE',
  STATUS = 'STATUS',
  STARTS_AT = 'STARTS_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(GroupSortField, { name: 'GroupSortField' });

@InputType()
export class GroupFilter {
  @Field({ nullable: true, description: 'Words in the group code or the course code and title.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  courseId?: string;

  @Field(() => [GroupStatus], { nullable: true })
  statuses?: GroupStatus[];

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@InputType()
export class GroupSort {
  @Field(() => GroupSortField, { defaultValue: GroupSortField.STARTS_AT })
  field: GroupSortField = GroupSortField.STARTS_AT;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

@ObjectType()
export class GroupPage {
  @Field(() => [Group])
  items: Group[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'Omitted fields keep their value on update; on create the required ones must be given.' })
export class GroupInput {
  @Field({ nullable: true })
  code?: string;

  @Field(() => ID, { nullable: true })
  courseId?: string;

  @Field(() => GroupStatus, { nullable: true })
  status?: GroupStatus;

  @Field(() => Int, { nullable: true })
  minSize?: number;

  @Field(() => Int, { nullable: true })
  maxSize?: number;

  @Field(() => Date, { nullable: true })
  registrationDeadline?: Date | null;

  @Field(() => Int, { nullable: true })
  priceOverrideCents?: number | null;
}

@InputType()
export class SessionFilter {
  @Field(() => ID, { nullable: true })
  groupId?: string;

  @Field(() => ID, { nullable: true })
  lecturerId?: string;

  @Field(() => ID, { nullable: true })
  placeId?: string;

  @Field(() => Date, { nullable: true, description: 'Sessions ending after this moment.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Sessions starting before this moment.' })
  to?: Date;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class SessionPage {
  @Field(() => [Session])
  items: Session[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'A place, an online link, or both (hybrid). Omitted fields keep their value on update.' })
export class SessionInput {
  @Field(() => ID, { nullable: true })
  groupId?: string;

  @Field(() => Date, { nullable: true })
  startsAt?: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date;

  @Field(() => ID, { nullable: true })
  placeId?: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => ID, { nullable: true })
  lecturerId?: string | null;
}

@InputType()
export class NameFilter {
  @Field({ nullable: true })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class LecturerPage {
  @Field(() => [Lecturer])
  items: Lecturer[];

  @Field(() => Int)
  total: number;
}

@ObjectType()
export class PlacePage {
  @Field(() => [Place])
  items: Place[];

  @Field(() => Int)
  total: number;
}

@InputType()
export class LecturerInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType()
export class PlaceInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  room?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number;
}
