import DataLoader from 'dataloader';
import type { Services } from '../services.js';
import type { AttendanceCompletion } from '../modules/attendance/attendance.service.js';
import type { Course } from '../modules/catalog/course.entity.js';
import type { Certificate } from '../modules/certificates/certificate.entity.js';
import type { CourseMaterial, StoredFile } from '../modules/catalog/material.entity.js';
import type { InterestRequest } from '../modules/catalog/interest-request.entity.js';
import type { Topic } from '../modules/catalog/topic.entity.js';
import type { CoursePageRelated } from '../modules/catalog/course-page.js';
import type { InvoiceLine } from '../modules/invoicing/invoice.entity.js';
import type { BillingAccount, Employment, Institution, InstitutionCoordinator } from '../modules/institutions/institution.entity.js';
import { employeePageLoader } from '../modules/institutions/institutions.loaders.js';
import type { Person, UserRole } from '../modules/people/person.entity.js';
import type { Group } from '../modules/scheduling/group.entity.js';
import type { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import type { Place } from '../modules/scheduling/place.entity.js';
import type { Session } from '../modules/scheduling/session.entity.js';
import type { ConflictDetail } from '../modules/scheduling/scheduling.types.js';
import type { RequestContext } from '../common/request-context.js';
import type { EuProject, RegistrationIndicatorData } from '../modules/reporting/project.entity.js';

function one<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const byId = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

function many<T>(load: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const grouped = new Map<string, T[]>();
    for (const row of await load(keys)) {
      const key = keyOf(row);
      const rows = grouped.get(key);
      if (rows) rows.push(row);
      else grouped.set(key, [row]);
    }
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

function valueOf<V>(load: (keys: readonly string[]) => Promise<Map<string, V>>, fallback: V) {
  return new DataLoader<string, V>(async (keys) => {
    const values = await load(keys);
    return keys.map((key) => values.get(key) ?? fallback);
  });
}

/** Per-request loaders: every field that reaches another table goes through one of these (no N+1). */
export function createLoaders(services: Services, ctx: RequestContext) {
  const { catalog, groups, sessions, registrations, institutions, people, certificates } = services;
  return {
    invoiceLines: valueOf<InvoiceLine[]>((ids) => services.invoicing.linesByInvoiceIds(ids), []),
    topic: one<Topic>((ids) => catalog.topicsByIds(ids)),
    /** Per course, the materials this viewer may see. */
    courseMaterials: many<CourseMaterial>(
      (ids) => services.materials.materialsByCourseIds(ctx, ids),
      (row) => row.courseId,
    ),
    storedFile: one<StoredFile>((ids) => services.materials.filesByIds(ids)),
    /** Only courses the viewer may see: a group of a hidden course shows no course. */
    visibleCourse: one<Course>((ids) => catalog.visibleCoursesByIds(ctx, ids)),
    /** The viewer's own active interest request per course. */
    myInterestRequest: valueOf<InterestRequest | null>((ids) => services.interests.viewerRequestsByCourseIds(ctx, ids), null),
    allowedInstitutionIds: many(
      (ids) => catalog.allowedInstitutionsByCourseIds(ids),
      (row) => row.courseId,
    ),
    institution: one<Institution>((ids) => institutions.institutionsByIds(ids)),
    institutionIdByRegistrationNumber: valueOf<string | null>((numbers) => services.nominations.knownInstitutionIdsByRegistrationNumbers(numbers), null),
    /** The row rules are in the services: each loader answers only what this viewer may see. */
    billingAccounts: many<BillingAccount>(
      (ids) => institutions.visibleBillingAccountsByInstitutionIds(ctx, ids),
      (row) => row.institutionId,
    ),
    coordinatorAppointments: many<InstitutionCoordinator>(
      (ids) => institutions.visibleCoordinatorsByInstitutionIds(ctx, ids),
      (row) => row.institutionId,
    ),
    employmentsOfPerson: many<Employment>(
      (ids) => services.employments.visibleEmploymentsByPersonIds(ctx, ids),
      (row) => row.personId,
    ),
    employeePage: employeePageLoader(services.employments, ctx),
    person: one<Person>((ids) => people.personsByIds(ids)),
    personRoles: valueOf<UserRole[]>((ids) => services.roles.rolesByPersonIds(ids), []),
    certificates: many<Certificate>(
      (ids) => certificates.certificatesByPersonIds(ids),
      (row) => row.personId,
    ),
    /** In clear: the field that uses it decides what the viewer sees. */
    personalCode: valueOf<string | null>((ids) => people.currentPersonalCodes(ids), null),
    /** Full personal codes shown to someone other than their owner: one audit statement per request's batch (R-NF-3). */
    personalCodeRead: new DataLoader<string, true>(async (personIds) => {
      await services.audit.recordPersonalCodeReads(personIds);
      return personIds.map(() => true as const);
    }),
    upcomingGroups: many<Group>(
      (ids) => groups.upcomingPublishedGroupsByCourseIds(ids),
      (row) => row.courseId,
    ),
    nextSessionStart: valueOf<Date | null>((ids) => groups.nextSessionStartByCourseIds(ids), null),
    group: one<Group>((ids) => groups.groupsByIds(ids)),
    sessions: many<Session>(
      (ids) => sessions.sessionsByGroupIds(ids),
      (row) => row.groupId,
    ),
    seatsTaken: valueOf<number>((ids) => registrations.seatsTakenByGroupIds(ids), 0),
    session: one<Session>((ids) => sessions.sessionsByIds(ids)),
    /** Whether the viewer may see a group's online meeting links. */
    meetingAccess: valueOf<boolean>((ids) => sessions.meetingAccessByGroupIds(ctx, ids), false),
    sessionConflicts: valueOf<ConflictDetail[]>((ids) => sessions.conflictsBySessionIds(ids), []),
    lecturer: one<Lecturer>((ids) => sessions.lecturersByIds(ids)),
    place: one<Place>((ids) => sessions.placesByIds(ids)),
    euProject: one<EuProject>((ids) => services.projects.projectsByIds(ids)),
    /** Per group, its EU project's id: its own, or else its course's. */
    groupProjectId: valueOf<string | null>((ids) => services.projects.projectIdsOfGroups(ids), null),
    /** Personal data: the field that uses it checks that the viewer is staff or the registration's person. */
    indicatorData: valueOf<RegistrationIndicatorData | null>(
      async (ids) => new Map((await services.projects.indicatorDataByRegistrationIds(ids)).map((row) => [row.registrationId, row])),
      null,
    ),
    indicatorDataMissing: valueOf<boolean>(async (ids) => new Map([...(await services.projects.missingIndicatorData(ids))].map((id) => [id, true])), false),
    /** Per group, its confirmed participants' attendance by person id. */
    attendance: valueOf<Map<string, AttendanceCompletion>>((ids) => services.attendance.completionByGroupIds(ids), new Map()),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Hands a catalog page's courses and what was read with them to the loaders its fields use, so
 * that those fields find them there instead of reading them again. The page's courses are visible
 * to this viewer (the page applied the stricter list rule), so they answer `visibleCourse` too.
 */
export function primeCoursePage(loaders: Loaders, courses: readonly Course[], related: CoursePageRelated): void {
  for (const course of courses) loaders.visibleCourse.prime(course.id, course);
  for (const topic of related.topics ?? []) loaders.topic.prime(topic.id, topic);
  for (const [courseId, at] of related.nextStarts ?? []) loaders.nextSessionStart.prime(courseId, at);
  for (const [courseId, groups] of related.groups ?? []) {
    loaders.upcomingGroups.prime(courseId, groups);
    for (const group of groups) loaders.group.prime(group.id, group);
  }
  for (const [groupId, taken] of related.seatsTaken ?? []) loaders.seatsTaken.prime(groupId, taken);
  for (const [groupId, sessions] of related.sessions ?? []) loaders.sessions.prime(groupId, sessions);
  for (const place of related.places ?? []) loaders.place.prime(place.id, place);
  for (const lecturer of related.lecturers ?? []) loaders.lecturer.prime(lecturer.id, lecturer);
}
