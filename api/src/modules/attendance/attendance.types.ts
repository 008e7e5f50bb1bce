import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Session } from '../scheduling/session.entity.js';
import { AttendanceStatus } from './attendance-mark.entity.js';

@InputType({ description: "One participant's attendance of the session being marked." })
export class AttendanceMarkInput {
  @Field(() => ID)
  personId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}

@ObjectType({ description: 'A confirmed participant of a session and their mark, if any. Names only: the sheet is seen by the lecturer too.' })
export class AttendanceEntry {
  @Field(() => ID)
  personId: string;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true, description: 'The institutions the person works at now, as on the sign-in sheet; null: none known.' })
  institutionName: string | null;

  @Field(() => AttendanceStatus, { nullable: true, description: 'Null while not marked.' })
  status: AttendanceStatus | null;

  @Field(() => String, { nullable: true, description: 'Who set the current mark (a lecturer or staff).' })
  markedByName: string | null;

  @Field(() => Date, { nullable: true })
  markedAt: Date | null;
}

@ObjectType({ description: "A session's attendance list: its group's confirmed participants, for its lecturer and staff (R-AFT-5)." })
export class SessionAttendance {
  @Field(() => Session)
  session: Session;

  @Field()
  courseTitle: string;

  @Field()
  groupCode: string;

  @Field({ description: 'Whether marks may be saved now: the session has started and its group is not cancelled.' })
  markable: boolean;

  @Field(() => [AttendanceEntry], { description: 'By family name, then given name.' })
  participants: AttendanceEntry[];
}

@ObjectType({ description: "A confirmed participant's attendance of their group and the course's completion rule, measured in session hours." })
export class AttendanceSummary {
  @Field(() => Float, { description: "The hours of all the group's sessions." })
  plannedHours: number;

  @Field(() => Float, { description: 'The hours of the sessions marked PRESENT.' })
  attendedHours: number;

  @Field(() => Float, { nullable: true, description: 'Attended of planned hours, 0–100 with one decimal; null when the group has no sessions.' })
  percent: number | null;

  @Field(() => Int, { description: "The course's minimum attendance percentage." })
  requiredPercent: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the rule is met; null while a session of the group is ahead or not marked for the person.' })
  met: boolean | null;

  @Field(() => Int, { description: "How many of the group's sessions are marked for the person." })
  markedSessions: number;

  @Field(() => Int)
  sessions: number;
}
