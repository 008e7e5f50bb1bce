import type { DataSource } from 'typeorm';
import { PlainRows } from '../../db/plain-rows.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { SelectedFields } from '../../graphql/lookahead.js';
import { SEAT_HOLDING_STATUSES } from '../registration/registration.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Lecturer } from '../scheduling/lecturer.entity.js';
import { Place } from '../scheduling/place.entity.js';
import { Session } from '../scheduling/session.entity.js';
import { Course } from './course.entity.js';
import { UPCOMING_PUBLISHED_GROUP } from './published-groups.js';
import { Topic } from './topic.entity.js';

/**
 * A page of the catalog with what its query asks below the courses, read in one statement
 * (issue 16). Without it each level is a statement of its own (topics, next dates, groups, seats,
 * sessions, places, lecturers: the loaders), and on the portal's catalog query the statements,
 * their round trips and their rows' hydration were most of a request's CPU. The page's rows come as
 * JSON lists, one per kind, and are handed to the same loaders (`primeCoursePage`), so every field
 * keeps its one resolver and its rules; a field not read ahead is simply loaded as before.
 */

/** What a course page's query selects below `items`, for reading it ahead. */
export interface CoursePagePlan {
  topics: boolean;
  nextStarts: boolean;
  groups: boolean;
  seats: boolean;
  sessions: boolean;
  places: boolean;
  lecturers: boolean;
}

export const NOTHING_AHEAD: CoursePagePlan = {
  topics: false,
  nextStarts: false,
  groups: false,
  seats: false,
  sessions: false,
  places: false,
  lecturers: false,
};

/** The plan for `courses { items { ... } }`, from the fields selected under `courses`. */
export function coursePagePlan(selected: SelectedFields): CoursePagePlan {
  const course = selected.items ?? {};
  const group = course.openGroups;
  const session = group?.sessions;
  return {
    topics: !!course.topic,
    nextStarts: !!(course.hasDate || course.nextSessionStartsAt),
    groups: !!group,
    seats: !!(group && (group.seatsLeft || group.seatsTaken || group.isFull)),
    // A group's start and end are read from its sessions too.
    sessions: !!(session || group?.startsAt || group?.endsAt),
    places: !!session?.place,
    lecturers: !!session?.lecturer,
  };
}

/** What was read besides the courses, keyed as the loaders key it. */
export interface CoursePageRelated {
  topics: Topic[] | null;
  /** Per course of the page: the start of its next session in a published group, or null. */
  nextStarts: Map<string, Date | null> | null;
  /** Per course of the page: its upcoming published groups, soonest first. */
  groups: Map<string, Group[]> | null;
  /** Per group read: its seats taken. */
  seatsTaken: Map<string, number> | null;
  /** Per group read: its sessions in order. */
  sessions: Map<string, Session[]> | null;
  places: Place[] | null;
  lecturers: Lecturer[] | null;
}

interface PageRow {
  total: number | null;
  courses: Record<string, unknown>[] | null;
  topics: Record<string, unknown>[] | null;
  next_starts: [string, string][] | null;
  groups: Record<string, unknown>[] | null;
  seats: [string, number][] | null;
  sessions: Record<string, unknown>[] | null;
  places: Record<string, unknown>[] | null;
  lecturers: Record<string, unknown>[] | null;
}

const SEAT_HOLDING = SEAT_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ');

export class CoursePageReader {
  private readonly rows;

  /** `prepared`: run the page as a named prepared statement (a PostgreSQL server of its own; see preparedQuery). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly prepared: boolean,
  ) {
    this.rows = {
      course: new PlainRows(dataSource, Course),
      topic: new PlainRows(dataSource, Topic),
      group: new PlainRows(dataSource, Group),
      session: new PlainRows(dataSource, Session),
      place: new PlainRows(dataSource, Place),
      lecturer: new PlainRows(dataSource, Lecturer),
    };
  }

  /**
   * `pageSql` selects `json_build_array(c.id, count(*) OVER ())` of the page's courses in their
   * order, with its LIMIT and OFFSET as parameters (`parameters` are its $n), so that every page of
   * one query shape is one statement. Null total: the page is past the end.
   */
  async read(pageSql: string, parameters: unknown[], plan: CoursePagePlan): Promise<{ courses: Course[]; total: number | null; related: CoursePageRelated }> {
    const [row] = await preparedQuery<PageRow>(this.dataSource, statement(pageSql, plan), parameters, this.prepared);
    const { rows } = this;
    const courses = rows.course.fromJson(row.courses ?? []);
    const byCourse = <T>(values: T[], key: (value: T) => string) => {
      const map = new Map<string, T[]>(courses.map((course) => [course.id, []]));
      for (const value of values) map.get(key(value))?.push(value);
      return map;
    };
    const groups = plan.groups ? rows.group.fromJson(row.groups ?? []) : null;
    let sessions: Map<string, Session[]> | null = null;
    if (groups && plan.sessions) {
      sessions = new Map(groups.map((group) => [group.id, []]));
      for (const session of rows.session.fromJson(row.sessions ?? [])) sessions.get(session.groupId)!.push(session);
    }
    const taken = new Map(row.seats ?? []);
    return {
      courses,
      total: row.total,
      related: {
        topics: plan.topics ? rows.topic.fromJson(row.topics ?? []) : null,
        nextStarts: plan.nextStarts ? nextStarts(courses, row.next_starts ?? []) : null,
        groups: groups && byCourse(groups, (group) => group.courseId),
        seatsTaken: groups && plan.seats ? new Map(groups.map((group) => [group.id, taken.get(group.id) ?? 0])) : null,
        sessions,
        places: plan.places ? rows.place.fromJson(row.places ?? []) : null,
        lecturers: plan.lecturers ? rows.lecturer.fromJson(row.lecturers ?? []) : null,
      },
    };
  }
}

function nextStarts(courses: Course[], found: [string, string][]): Map<string, Date | null> {
  const map = new Map<string, Date | null>(courses.map((course) => [course.id, null]));
  for (const [courseId, at] of found) map.set(courseId, new Date(at));
  return map;
}

/**
 * One statement: the page (in order, through an array so that its order is kept), then one JSON
 * list per kind the plan asks for. The rules are those of the loaders this replaces
 * (UPCOMING_PUBLISHED_GROUP, SEAT_HOLDING_STATUSES, the same orders); a test compares the two.
 */
function statement(pageSql: string, plan: CoursePagePlan): string {
  const groups = plan.groups || plan.nextStarts;
  const sessions = plan.groups && (plan.sessions || plan.places || plan.lecturers);
  // Each level joins the one above it by its index; the CTEs are small (a page's worth of rows).
  const ctes = [
    `page AS MATERIALIZED (
       SELECT (x.pair->>0)::uuid AS id, (x.pair->>1)::int AS total, x.n
         FROM unnest(ARRAY(${pageSql})) WITH ORDINALITY AS x(pair, n))`,
    groups &&
      `open_group AS MATERIALIZED (
         SELECT g.id, g.course_id, g.code, row_to_json(g) AS json,
                (SELECT min(s.starts_at) FROM session s WHERE s.group_id = g.id) AS first_start
           FROM page p JOIN course_group g ON g.course_id = p.id
          WHERE ${UPCOMING_PUBLISHED_GROUP})`,
    sessions &&
      `open_session AS MATERIALIZED (
         SELECT s.id, s.starts_at, s.place_id, s.lecturer_id, row_to_json(s) AS json
           FROM open_group og JOIN session s ON s.group_id = og.id)`,
  ].filter(Boolean);
  const lists = [
    `(SELECT max(total) FROM page) AS total`,
    // "= ANY(ARRAY(...))" lets the planner look the page's 20 courses up by their key instead of scanning the table.
    `(SELECT json_agg(row_to_json(c) ORDER BY p.n) FROM page p JOIN course c ON c.id = p.id WHERE c.id = ANY(ARRAY(SELECT id FROM page))) AS courses`,
    plan.topics &&
      `(SELECT json_agg(row_to_json(t)) FROM topic t
         WHERE t.id IN (SELECT c.topic_id FROM course c WHERE c.id = ANY(ARRAY(SELECT id FROM page)))) AS topics`,
    plan.nextStarts &&
      `(SELECT json_agg(json_build_array(x.course_id, x.next)) FROM (
          SELECT og.course_id, min(s.starts_at) AS next FROM open_group og JOIN session s ON s.group_id = og.id
           WHERE s.starts_at > now() GROUP BY og.course_id) x) AS next_starts`,
    plan.groups && `(SELECT json_agg(og.json ORDER BY og.first_start ASC NULLS LAST, og.code) FROM open_group og) AS groups`,
    plan.groups &&
      plan.seats &&
      `(SELECT json_agg(json_build_array(x.group_id, x.taken)) FROM (
          SELECT og.id AS group_id, count(*)::int AS taken FROM open_group og JOIN registration r ON r.group_id = og.id
           WHERE r.status IN (${SEAT_HOLDING}) GROUP BY og.id) x) AS seats`,
    plan.groups && plan.sessions && `(SELECT json_agg(os.json ORDER BY os.starts_at, os.id) FROM open_session os) AS sessions`,
    plan.groups && plan.places && `(SELECT json_agg(row_to_json(pl)) FROM place pl WHERE pl.id IN (SELECT place_id FROM open_session)) AS places`,
    plan.groups && plan.lecturers && `(SELECT json_agg(row_to_json(l)) FROM lecturer l WHERE l.id IN (SELECT lecturer_id FROM open_session)) AS lecturers`,
  ].filter(Boolean);
  return `WITH ${ctes.join(',\n')}\nSELECT ${lists.join(',\n')}`;
}
