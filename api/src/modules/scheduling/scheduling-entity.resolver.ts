import { Authorized, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { Person, UserRole } from '../people/person.entity.js';
import { ScheduleChangeEvent } from './schedule-events.js';
import { ScheduleConflict } from './scheduling.types.js';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { Course } from '../catalog/course.entity.js';
import { Group } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place, placeIn } from './place.entity.js';
import { Session } from './session.entity.js';

@Resolver(() => Group)
export class GroupEntityResolver {
  @FieldResolver(() => Course, { nullable: true, description: 'Null when the viewer may not see the course.' })
  course(@Root() group: Group, @Ctx() ctx: Context) {
    return ctx.loaders.visibleCourse.load(group.courseId);
  }

  @FieldResolver(() => [Session], { description: 'In time order.' })
  sessions(@Root() group: Group, @Ctx() ctx: Context) {
    return ctx.loaders.sessions.load(group.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Start of the first session; null while none is planned.' })
  async startsAt(@Root() group: Group, @Ctx() ctx: Context) {
    return (await ctx.loaders.sessions.load(group.id))[0]?.startsAt ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'End of the last session.' })
  async endsAt(@Root() group: Group, @Ctx() ctx: Context) {
    const sessions = await ctx.loaders.sessions.load(group.id);
    return sessions.reduce<Date | null>((latest, s) => (!latest || s.endsAt > latest ? s.endsAt : latest), null);
  }

  @FieldResolver(() => Int)
  seatsTaken(@Root() group: Group, @Ctx() ctx: Context) {
    return ctx.loaders.seatsTaken.load(group.id);
  }

  @FieldResolver(() => Int)
  async seatsLeft(@Root() group: Group, @Ctx() ctx: Context) {
    return Math.max(0, group.maxSize - (await ctx.loaders.seatsTaken.load(group.id)));
  }

  @FieldResolver(() => Boolean, { description: 'No seat left: a new registration would go to the waiting list (R-REG-5).' })
  async isFull(@Root() group: Group, @Ctx() ctx: Context) {
    return (await ctx.loaders.seatsTaken.load(group.id)) >= group.maxSize;
  }

  @FieldResolver(() => Int, { nullable: true, description: "What a participant pays: the group's override or the course price." })
  async priceCents(@Root() group: Group, @Ctx() ctx: Context) {
    if (group.priceOverrideCents !== null) return group.priceOverrideCents;
    return (await ctx.loaders.visibleCourse.load(group.courseId))?.priceCents ?? null;
  }
}

@Resolver(() => Session)
export class SessionEntityResolver {
  @FieldResolver(() => Place, { nullable: true })
  place(@Root() session: Session, @Ctx() ctx: Context) {
    return session.placeId ? ctx.loaders.place.load(session.placeId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The online meeting link: only for the group's confirmed participants, its lecturers and staff; null for everyone else.",
  })
  async onlineUrl(@Root() session: Session, @Ctx() ctx: Context) {
    if (!session.onlineUrl) return null;
    return (await ctx.loaders.meetingAccess.load(session.groupId)) ? session.onlineUrl : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the session is held online (or hybrid), also for those who may not see the link.' })
  isOnline(@Root() session: Session) {
    return !!session.onlineUrl;
  }

  @FieldResolver(() => Lecturer, { nullable: true })
  lecturer(@Root() session: Session, @Ctx() ctx: Context) {
    return session.lecturerId ? ctx.loaders.lecturer.load(session.lecturerId) : null;
  }

  @FieldResolver(() => Group)
  group(@Root() session: Session, @Ctx() ctx: Context) {
    return ctx.loaders.group.load(session.groupId);
  }

  @Authorized(UserRole.STAFF)
  @FieldResolver(() => [ScheduleConflict], {
    description: 'Other sessions at the same time with the same lecturer or place (cancelled groups aside). Staff only.',
  })
  conflicts(@Root() session: Session, @Ctx() ctx: Context) {
    return ctx.loaders.sessionConflicts.load(session.id);
  }
}

@Resolver(() => Place)
export class PlaceEntityResolver {
  @FieldResolver(() => String, { description: 'Name in the request language.' })
  localName(@Root() place: Place, @Ctx() ctx: Context) {
    return placeIn(place, ctx.lang).name;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Room in the request language.' })
  localRoom(@Root() place: Place, @Ctx() ctx: Context) {
    return placeIn(place, ctx.lang).room;
  }
}

@Resolver(() => ScheduleChangeEvent)
export class ScheduleChangeEventResolver {
  @FieldResolver(() => Group)
  group(@Root() event: ScheduleChangeEvent, @Ctx() ctx: Context) {
    return ctx.loaders.group.load(event.groupId);
  }

  @FieldResolver(() => [Session], { description: 'The current state of the sessions added or changed.' })
  async sessions(@Root() event: ScheduleChangeEvent, @Ctx() ctx: Context) {
    const sessions = await ctx.loaders.session.loadMany(event.sessionIds);
    return sessions.filter((s): s is Session => !!s && !(s instanceof Error));
  }
}

@Resolver(() => Lecturer)
export class LecturerEntityResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Staff only; null for everyone else.' })
  email(@Root() lecturer: Lecturer, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) ? lecturer.email : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The person who signs in as this lecturer. Staff only; null for everyone else.' })
  personId(@Root() lecturer: Lecturer, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) ? lecturer.personId : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person who signs in as this lecturer. Staff only; null for everyone else.' })
  person(@Root() lecturer: Lecturer, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) && lecturer.personId ? ctx.loaders.person.load(lecturer.personId) : null;
  }
}
