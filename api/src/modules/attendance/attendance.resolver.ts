import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { Registration, RegistrationStatus } from '../registration/registration.entity.js';
import { AttendanceService } from './attendance.service.js';
import { AttendanceMarkInput, AttendanceSummary, SessionAttendance } from './attendance.types.js';

@Resolver()
export class AttendanceResolver {
  constructor(private readonly attendance: AttendanceService) {}

  @Authorized(UserRole.STAFF, UserRole.LECTURER)
  @Query(() => SessionAttendance, { description: "A session's attendance list: staff for any session, a lecturer for the sessions they teach." })
  sessionAttendance(@Ctx() ctx: Context, @Arg('sessionId', () => ID) sessionId: string) {
    return this.attendance.sessionAttendance(ctx, sessionId);
  }

  @Authorized(UserRole.STAFF, UserRole.LECTURER)
  @Mutation(() => SessionAttendance, {
    description:
      'Marks confirmed participants of a started session PRESENT, ABSENT or EXCUSED, all or nothing: staff for any session, a lecturer for the sessions they teach.',
  })
  markAttendance(@Ctx() ctx: Context, @Arg('sessionId', () => ID) sessionId: string, @Arg('marks', () => [AttendanceMarkInput]) marks: AttendanceMarkInput[]) {
    return this.attendance.markAttendance(ctx, sessionId, marks);
  }
}

@Resolver(() => Registration)
export class RegistrationAttendanceResolver {
  @Authorized()
  @FieldResolver(() => AttendanceSummary, {
    nullable: true,
    description: "CONFIRMED: the person's attendance of the group and the course's completion rule; null otherwise. Seen by whoever sees the registration.",
  })
  async attendance(@Root() registration: Registration, @Ctx() ctx: Context) {
    if (registration.status !== RegistrationStatus.CONFIRMED) return null;
    return (await ctx.loaders.attendance.load(registration.groupId)).get(registration.personId) ?? null;
  }
}
