import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { Group } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';
import { GroupsService } from './groups.service.js';
import { MyScheduleService } from './my-schedule.service.js';
import { SessionsService } from './sessions.service.js';
import {
  GroupFilter,
  GroupInput,
  GroupPage,
  GroupSort,
  LecturerInput,
  LecturerPage,
  NameFilter,
  PlaceInput,
  PlacePage,
  SessionFilter,
  SessionInput,
  SessionPage,
  GroupScheduleInput,
  MySession,
} from './scheduling.types.js';
import { GroupSeatsEvent, ScheduleChangeEvent } from './schedule-events.js';
import { Session } from './session.entity.js';

@Resolver()
export class SchedulingResolver {
  constructor(
    private readonly groupsService: GroupsService,
    private readonly sessionsService: SessionsService,
    private readonly mySchedule: MyScheduleService,
  ) {}

  @Authorized(UserRole.STAFF)
  @Query(() => GroupPage, { description: 'Every group, for planning. The catalog shows published groups through Course.openGroups.' })
  groups(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => GroupFilter, { nullable: true }) filter?: GroupFilter,
    @Arg('sort', () => GroupSort, { nullable: true }) sort?: GroupSort,
  ) {
    return this.groupsService.listGroups(ctx, filter, sort, page);
  }

  @Query(() => Group, { description: 'Staff see any group; others a published one of a course they may see.' })
  group(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.groupsService.getGroup(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => SessionPage)
  sessions(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => SessionFilter, { nullable: true }) filter?: SessionFilter) {
    return this.sessionsService.listSessions(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => Session)
  session(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.sessionsService.getSession(ctx, id);
  }

  @Authorized()
  @Query(() => [MySession], { description: 'The signed-in person\'s sessions, as participant and as lecturer, in time order ("Manas mācības").' })
  mySessions(@Ctx() ctx: Context) {
    return this.mySchedule.mySessions(ctx);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => LecturerPage)
  lecturers(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true }) filter?: NameFilter) {
    return this.sessionsService.listLecturers(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Query(() => PlacePage)
  places(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => NameFilter, { nullable: true }) filter?: NameFilter) {
    return this.sessionsService.listPlaces(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Group)
  createGroup(@Ctx() ctx: Context, @Arg('input') input: GroupInput) {
    return this.groupsService.createGroup(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Group)
  updateGroup(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: GroupInput) {
    return this.groupsService.updateGroup(ctx, id, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Session)
  createSession(@Ctx() ctx: Context, @Arg('input') input: SessionInput) {
    return this.sessionsService.createSession(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Session)
  updateSession(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: SessionInput) {
    return this.sessionsService.updateSession(ctx, id, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Session)
  deleteSession(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.sessionsService.deleteSession(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Group, { description: "Several edits of one group's sessions in one save: one e-mail per person (R-SCH-2)." })
  async saveGroupSchedule(@Ctx() ctx: Context, @Arg('groupId', () => ID) groupId: string, @Arg('input') input: GroupScheduleInput) {
    await this.sessionsService.saveSchedule(ctx, groupId, input);
    return this.groupsService.getGroup(ctx, groupId);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Group, { description: 'Cancels the group: its participants and lecturers are told, with the reason, and their calendar entries removed.' })
  cancelGroup(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason?: string | null) {
    return this.groupsService.cancelGroup(ctx, id, reason ?? null);
  }

  @Subscription(() => ScheduleChangeEvent, {
    description:
      'Schedule changes from now on: without groupIds, of the groups the viewer is registered in or teaches (staff: all); with groupIds, of those groups when the viewer may see them.',
    subscribe: ({ args, context }) => (context as Context).live.scheduleChanges((args.groupIds as string[] | undefined) ?? null),
  })
  scheduleChanged(@Root() event: ScheduleChangeEvent, @Ctx() ctx: Context, @Arg('groupIds', () => [ID], { nullable: true }) _groupIds?: string[]) {
    // A WebSocket's context, and its loaders' caches, last as long as the connection: each event reads afresh.
    for (const loader of Object.values(ctx.loaders)) loader.clearAll();
    return event;
  }

  @Subscription(() => GroupSeatsEvent, {
    description:
      'Seat counts from now on of the groups asked for (at most 50) that the viewer may see, as their course page shows them: after registrations, cancellations and moves from the waiting list.',
    subscribe: ({ args, context }) => (context as Context).live.seatChanges(args.groupIds as string[]),
  })
  groupSeatsChanged(@Root() event: GroupSeatsEvent, @Arg('groupIds', () => [ID]) _groupIds: string[]) {
    return event;
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Lecturer)
  createLecturer(@Ctx() ctx: Context, @Arg('input') input: LecturerInput) {
    return this.sessionsService.saveLecturer(ctx, null, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Lecturer)
  updateLecturer(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: LecturerInput) {
    return this.sessionsService.saveLecturer(ctx, id, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Place)
  createPlace(@Ctx() ctx: Context, @Arg('input') input: PlaceInput) {
    return this.sessionsService.savePlace(ctx, null, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Place)
  updatePlace(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: PlaceInput) {
    return this.sessionsService.savePlace(ctx, id, input);
  }
}
