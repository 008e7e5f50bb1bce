import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortOrder } from '../../common/pagination.js';
import { Group, GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { Session } from './session.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';

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

  @Field(() => String, { nullable: true, description: 'Told to participants when the group is cancelled.' })
  cancellationReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The group\'s own EU-funded project (R-FIN-2); "" removes it (the course\'s applies). Unset: unchanged.' })
  euProjectId?: string | null;
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

  @Field(() => Boolean, { nullable: true, description: 'Save even when the lecturer or the place is busy at that time (SCHEDULE_CONFLICT otherwise).' })
  overrideConflicts?: boolean | null;
}

@InputType()
export class SessionUpdate {
  @Field(() => ID)
  id: string;

  @Field(() => SessionInput)
  input: SessionInput;
}

@InputType({ description: "Edits of one group's sessions saved together: one change, one e-mail per person." })
export class GroupScheduleInput {
  @Field(() => [SessionInput], { nullable: true, description: 'New sessions (groupId may be left out).' })
  create?: SessionInput[];

  @Field(() => [SessionUpdate], { nullable: true })
  update?: SessionUpdate[];

  @Field(() => [ID], { nullable: true })
  delete?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Save even when a lecturer or a place is busy at that time.' })
  overrideConflicts?: boolean | null;
}

/** What saveSchedule takes (GroupScheduleInput, or one session's edit). */
export interface ScheduleEdits {
  create?: SessionInput[];
  update?: { id: string; input: SessionInput }[];
  delete?: string[];
  overrideConflicts?: boolean | null;
}

export enum ConflictKind {
  LECTURER = 'LECTURER',
  PLACE = 'PLACE',
}
registerEnumType(ConflictKind, { name: 'ConflictKind', description: 'What two sessions at the same time share.' });

/** One clash; also the shape of SCHEDULE_CONFLICT's `extensions.conflicts`. */
export interface ConflictDetail {
  /** Null for a session not yet saved. */
  sessionId: string | null;
  startsAt: Date;
  kinds: ConflictKind[];
  otherSessionId: string | null;
  otherGroupId: string;
  otherGroupCode: string;
  otherStartsAt: Date;
  otherEndsAt: Date;
}

@ObjectType({ description: 'Another session at the same time with the same lecturer or place.' })
export class ScheduleConflict {
  @Field(() => [ConflictKind])
  kinds: ConflictKind[];

  @Field(() => ID)
  otherSessionId: string;

  @Field(() => ID)
  otherGroupId: string;

  @Field()
  otherGroupCode: string;

  @Field()
  otherStartsAt: Date;

  @Field()
  otherEndsAt: Date;
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

  @Field(() => ID, { nullable: true, description: 'The person who signs in as this lecturer (gets the LECTURER role); null unlinks.' })
  personId?: string | null;
}

@InputType()
export class PlaceInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  address?: string;

  @Field(() => String, { nullable: true, description: 'In English; empty when the Latvian name serves.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  room?: string | null;

  @Field(() => String, { nullable: true, description: 'In English; empty when the Latvian one serves.' })
  roomEn?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number;
}

export enum ScheduleRole {
  PARTICIPANT = 'PARTICIPANT',
  LECTURER = 'LECTURER',
}
registerEnumType(ScheduleRole, { name: 'ScheduleRole', description: 'Why a session is in a personal schedule.' });

@ObjectType({ description: "A session in the signed-in person's own schedule." })
export class MySession {
  @Field(() => Session)
  session: Session;

  @Field(() => ScheduleRole)
  role: ScheduleRole;

  @Field(() => RegistrationStatus, { nullable: true, description: 'For a participant: confirmed or waiting.' })
  registrationStatus: RegistrationStatus | null;
}
