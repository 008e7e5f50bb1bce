import { parseAddress } from '../../common/postal-address.js';
import { createHash, randomUUID } from 'node:crypto';
import type { FileStorage } from '../../common/file-storage.js';
import { CourseMaterial, type MaterialVisibility, StoredFile } from '../../modules/catalog/material.entity.js';
import type { EntityManager } from 'typeorm';
import { KnowledgeTest } from '../../modules/evaluation/knowledge-test.entity.js';
import { Course, CourseAllowedInstitution } from '../../modules/catalog/course.entity.js';
import { courseSearchText } from '../../modules/catalog/search-text.js';
import { Topic } from '../../modules/catalog/topic.entity.js';
import { AttendanceMark, AttendanceStatus } from '../../modules/attendance/attendance-mark.entity.js';
import { BillingAccount, Employment, EmploymentSource, Institution, InstitutionCoordinator } from '../../modules/institutions/institution.entity.js';
import { Language, Person, PersonCode, PersonRole, UserRole } from '../../modules/people/person.entity.js';
import { oldFormatPersonalCode, type PersonalCodeCipher } from '../../modules/people/personal-code.js';
import { Registration, RegistrationStatus } from '../../modules/registration/registration.entity.js';
import { Group, GroupStatus } from '../../modules/scheduling/group.entity.js';
import { Lecturer } from '../../modules/scheduling/lecturer.entity.js';
import { Place } from '../../modules/scheduling/place.entity.js';
import { Session } from '../../modules/scheduling/session.entity.js';
import { EducationLevel, EmploymentStatus, EuFund, EuProject, Gender, RegistrationIndicatorData } from '../../modules/reporting/project.entity.js';
import { ageBandOn } from '../../modules/reporting/projects.service.js';
import { zonedDatePlusDays, zonedTimeToInstant } from '../../time.js';
import * as demo from './demo-data.js';

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data names an unknown ${what}: ${key}`);
  return value;
}

/** The demo person's personal code: made from the birth date, or the new-format code given. */
export function demoPersonalCode(identity: demo.DemoPerson['identity'], serial: number): string {
  if ('code' in identity) return identity.code;
  const [year, month, day] = identity.born.split('-').map(Number);
  return oldFormatPersonalCode({ day, month, year }, serial);
}

/**
 * Loads the demo data once: when the catalog already has courses it does nothing. Runs inside the
 * caller's transaction (which serializes concurrent starts). Dates are relative to `today`.
 */
export async function seedDemoData(em: EntityManager, codes: PersonalCodeCipher, today = new Date(), storage: FileStorage | null = null): Promise<boolean> {
  const [{ n }] = await em.query('SELECT count(*)::int AS n FROM course');
  if (n > 0) return false;
  await insertDemoData(em, codes, today, storage);
  return true;
}

async function insertDemoData(em: EntityManager, codes: PersonalCodeCipher, today: Date, storage: FileStorage | null): Promise<void> {
  const addCode = (personId: string, code: string) =>
    em.insert(PersonCode, { codeIndex: codes.index(code), personId, codeEncrypted: codes.encrypt(code), replacedAt: null });

  const topics = new Map<string, string>();
  for (const [i, t] of demo.topics.entries()) {
    const saved = await em.save(em.create(Topic, { code: t.code, nameLv: t.nameLv, nameEn: t.nameEn, sortOrder: i + 1 }));
    topics.set(t.code, saved.id);
  }

  const institutions = new Map<string, string>();
  for (const { billingAccounts, ...i } of demo.institutions) {
    const saved = await em.save(em.create(Institution, { ...i, legalAddress: parseAddress(i.legalAddress), vatNumber: `LV${i.registrationNumber}` }));
    institutions.set(i.code, saved.id);
    for (const account of billingAccounts) await em.insert(BillingAccount, { ...account, institutionId: saved.id });
  }

  const persons = new Map<string, string>();
  for (const [n, p] of demo.persons.entries()) {
    const saved = await em.save(
      em.create(Person, {
        givenName: p.givenName,
        familyName: p.familyName,
        email: p.email,
        declaredAddress: p.declaredAddress ? parseAddress(p.declaredAddress) : null,
        preferredLanguage: p.language === 'en' ? Language.EN : Language.LV,
        demoNote: p.description,
      }),
    );
    persons.set(p.key, saved.id);
    await addCode(saved.id, demoPersonalCode(p.identity, 100 + n));
    for (const role of p.roles) await em.insert(PersonRole, { personId: saved.id, role: role as UserRole.STAFF | UserRole.ADMIN });
    for (const code of p.coordinatorOf ?? []) {
      await em.insert(InstitutionCoordinator, { personId: saved.id, institutionId: need(institutions, code, 'institution') });
    }
    if (p.employeeOf) {
      await em.insert(Employment, {
        personId: saved.id,
        institutionId: need(institutions, p.employeeOf, 'institution'),
        source: EmploymentSource.STAFF,
        endedAt: null,
      });
    }
  }

  const places = new Map<string, string>();
  for (const p of demo.places) {
    const saved = await em.save(
      em.create(Place, { name: p.name, nameEn: p.nameEn ?? null, address: p.address, room: p.room ?? null, roomEn: p.roomEn ?? null, capacity: p.capacity }),
    );
    places.set(p.code, saved.id);
  }

  const lecturers = new Map<string, string>();
  for (const l of demo.lecturers) {
    const saved = await em.save(em.create(Lecturer, { name: l.name, email: l.email, personId: l.personKey ? need(persons, l.personKey, 'person') : null }));
    lecturers.set(l.code, saved.id);
  }

  // Participants who fill groups: generated once, each registers at most once per group.
  const participants: string[] = [];
  const bornOf = new Map<string, { year: number; month: number; day: number }>();
  for (const [i, n] of demo.participantNames.entries()) {
    const saved = await em.save(
      em.create(Person, {
        givenName: n.givenName,
        familyName: n.familyName,
        email: `dalibnieks${i + 1}@example.lv`,
        preferredLanguage: Language.LV,
        demoNote: null,
      }),
    );
    participants.push(saved.id);
    const born = { day: 1 + (i % 28), month: 1 + (i % 12), year: 1960 + (i % 40) };
    bornOf.set(saved.id, born);
    await addCode(saved.id, oldFormatPersonalCode(born, 200 + i));
  }

  const groups = new Map<string, string>();
  const courses = new Map<string, string>();
  let participantCursor = 0;
  for (const c of demo.courses) {
    const fields = {
      code: c.code,
      topicId: need(topics, c.topic, 'topic'),
      titleLv: c.titleLv,
      titleEn: c.titleEn,
      summaryLv: c.summaryLv,
      summaryEn: c.summaryEn,
      descriptionLv: c.descriptionLv,
      descriptionEn: c.descriptionEn,
      targetAudienceLv: c.targetAudienceLv,
      targetAudienceEn: c.targetAudienceEn,
      language: c.language as Course['language'],
      format: c.format as Course['format'],
      hours: c.hours,
      priceCents: c.priceCents,
      visibility: c.visibility as Course['visibility'],
    };
    const course = await em.save(em.create(Course, { ...fields, searchText: courseSearchText(fields) }));
    courses.set(c.code, course.id);
    for (const code of c.allowedInstitutions ?? []) {
      await em.insert(CourseAllowedInstitution, { courseId: course.id, institutionId: need(institutions, code, 'institution') });
    }
    for (const g of c.groups) {
      const group = await em.save(
        em.create(Group, {
          code: g.code,
          courseId: course.id,
          status: g.status as GroupStatus,
          minSize: g.minSize,
          maxSize: g.maxSize,
          registrationDeadline:
            g.registrationDeadlineDayOffset === undefined ? null : zonedTimeToInstant(zonedDatePlusDays(g.registrationDeadlineDayOffset, today), '23:59'),
          priceOverrideCents: g.priceOverrideCents ?? null,
          cancellationReason: g.cancellationReason ?? null,
        }),
      );
      groups.set(g.code, group.id);
      for (const s of g.sessions) {
        const date = zonedDatePlusDays(s.dayOffset, today);
        await em.insert(Session, {
          groupId: group.id,
          startsAt: zonedTimeToInstant(date, s.start),
          endsAt: zonedTimeToInstant(date, s.end),
          placeId: s.place ? need(places, s.place, 'place') : null,
          onlineUrl: s.onlineUrl ?? null,
          lecturerId: need(lecturers, s.lecturer, 'lecturer'),
        });
      }
      const seats = Math.min(g.filled, participants.length);
      const rows = Array.from({ length: seats }, () => {
        const personId = participants[participantCursor % participants.length];
        participantCursor += 1;
        return { personId, groupId: group.id, status: RegistrationStatus.CONFIRMED };
      });
      if (rows.length > 0) await em.insert(Registration, rows);
    }
  }

  // Demo persons' own registrations, so that signing in as one shows a schedule.
  const waiting = new Map<string, number>();
  for (const p of demo.persons) {
    for (const r of p.registrations ?? []) {
      const groupId = need(groups, r.group, 'group');
      const waitingPosition = r.status === 'WAITING' ? (waiting.get(groupId) ?? 0) + 1 : null;
      if (waitingPosition) waiting.set(groupId, waitingPosition);
      await em.insert(Registration, {
        personId: need(persons, p.key, 'person'),
        groupId,
        status: waitingPosition ? RegistrationStatus.WAITING : RegistrationStatus.CONFIRMED,
        waitingPosition,
      });
    }
  }

  await markDemoAttendance(em, groups, lecturers, persons, today);

  for (const { invitedGroup, ...fields } of demo.knowledgeTests) {
    const test = await em.save(em.create(KnowledgeTest, { ...fields, questions: fields.questions as KnowledgeTest['questions'], publishedAt: today }));
    await em.query(
      `INSERT INTO knowledge_test_invitation (test_id, person_id, group_id, invited_at)
       SELECT $1, person_id, group_id, $3 FROM registration WHERE group_id = $2 AND status = 'CONFIRMED'`,
      [test.id, need(groups, invitedGroup, 'group'), today],
    );
  }
  await insertDemoMaterials(em, courses, groups, storage);
  await insertDemoEuProjects(em, courses, groups, bornOf, today);
}

const EMPLOYMENT_CYCLE = [
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.SELF_EMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.UNEMPLOYED,
  EmploymentStatus.EMPLOYED,
  EmploymentStatus.INACTIVE,
];
const EDUCATION_CYCLE = [EducationLevel.ISCED_5_8, EducationLevel.ISCED_5_8, EducationLevel.ISCED_3_4, EducationLevel.ISCED_5_8, EducationLevel.ISCED_0_2];

/** The project, its courses and groups, and indicator answers of the generated participants in them. */
async function insertDemoEuProjects(
  em: EntityManager,
  courses: Map<string, string>,
  groups: Map<string, string>,
  bornOf: Map<string, { year: number; month: number; day: number }>,
  today: Date,
) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(today);
  for (const p of demo.euProjects) {
    const project = await em.save(
      em.create(EuProject, {
        code: p.code,
        nameLv: p.nameLv,
        nameEn: p.nameEn,
        fund: p.fund as EuFund,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        indicators: p.indicators,
      }),
    );
    const courseIds = p.courses.map((code) => need(courses, code, 'course'));
    const groupIds = p.groups.map((code) => need(groups, code, 'group'));
    await em.query(`UPDATE course SET eu_project_id = $1 WHERE id = ANY($2::uuid[])`, [project.id, courseIds]);
    await em.query(`UPDATE course_group SET eu_project_id = $1 WHERE id = ANY($2::uuid[])`, [project.id, groupIds]);
    const registrations: { id: string; person_id: string }[] = await em.query(
      `SELECT r.id, r.person_id FROM registration r JOIN course_group g ON g.id = r.group_id
        WHERE r.status IN ('CONFIRMED', 'WAITING') AND (g.course_id = ANY($1::uuid[]) OR g.id = ANY($2::uuid[]))
        ORDER BY g.code, r.created_at, r.person_id`,
      [courseIds, groupIds],
    );
    for (const [i, r] of registrations.entries()) {
      const born = bornOf.get(r.person_id);
      if (!born || i % 7 === 6) continue;
      await em.insert(RegistrationIndicatorData, {
        registrationId: r.id,
        consentAt: today,
        gender: i % 3 === 0 ? Gender.MALE : Gender.FEMALE,
        ageBand: ageBandOn(born, day),
        employmentStatus: EMPLOYMENT_CYCLE[i % EMPLOYMENT_CYCLE.length],
        educationLevel: EDUCATION_CYCLE[i % EDUCATION_CYCLE.length],
        disability: i % 23 === 5,
        thirdCountryNational: false,
        foreignBackground: i % 17 === 3,
        minority: i % 11 === 4 ? true : null,
        homeless: false,
        rural: i % 4 === 1,
      });
    }
  }
}

/** Links, and (with a file storage) a file; the file's bytes are stored before its row is written. */
async function insertDemoMaterials(em: EntityManager, courses: Map<string, string>, groups: Map<string, string>, storage: FileStorage | null) {
  for (const [position, m] of demo.materials.entries()) {
    let fileId: string | null = null;
    if (m.file) {
      if (!storage) continue;
      const bytes = Buffer.from(m.file.text, 'utf8');
      fileId = randomUUID();
      await storage.put(`materials/${fileId}`, bytes, 'text/plain; charset=utf-8');
      await em.insert(StoredFile, {
        id: fileId,
        storageKey: `materials/${fileId}`,
        fileName: m.file.name,
        contentType: 'text/plain; charset=utf-8',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: null,
      });
    }
    await em.insert(CourseMaterial, {
      courseId: need(courses, m.course, 'course'),
      groupId: m.group ? need(groups, m.group, 'group') : null,
      titleLv: m.titleLv,
      titleEn: m.titleEn,
      descriptionLv: m.descriptionLv ?? '',
      descriptionEn: m.descriptionEn ?? '',
      visibility: m.visibility as MaterialVisibility,
      url: m.url ?? null,
      fileId,
      position: position + 1,
    });
  }
}

/** Marks the past sessions of the groups whose demo data says so, as their lecturer or staff would have. */
async function markDemoAttendance(em: EntityManager, groups: Map<string, string>, lecturers: Map<string, string>, persons: Map<string, string>, now: Date) {
  const staffKey = demo.persons.find((p) => p.roles.includes('STAFF'))?.key;
  const staffId = staffKey ? persons.get(staffKey) : undefined;
  for (const g of demo.courses.flatMap((c) => c.groups)) {
    const exceptions = g.attendance;
    if (!exceptions) continue;
    const groupId = need(groups, g.code, 'group');
    const people: { person_id: string }[] = await em.query(
      `SELECT r.person_id FROM registration r JOIN person p ON p.id = r.person_id
        WHERE r.group_id = $1 AND r.status = 'CONFIRMED' ORDER BY p.family_name, p.given_name, p.id`,
      [groupId],
    );
    const past = (await em.find(Session, { where: { groupId }, order: { startsAt: 'ASC' } })).filter((s) => s.startsAt < now);
    for (const [n, session] of past.entries()) {
      const lecturerPerson = demo.lecturers.find((l) => lecturers.get(l.code) === session.lecturerId)?.personKey;
      const markedById = lecturerPerson ? need(persons, lecturerPerson, 'person') : staffId;
      if (!markedById) continue;
      const last = n === past.length - 1;
      const statusOf = (i: number) =>
        last && exceptions.absent.includes(i)
          ? AttendanceStatus.ABSENT
          : last && exceptions.excused.includes(i)
            ? AttendanceStatus.EXCUSED
            : AttendanceStatus.PRESENT;
      const markedAt = new Date(session.endsAt.getTime() + 15 * 60_000);
      await em.insert(
        AttendanceMark,
        people.map((p, i) => ({ sessionId: session.id, personId: p.person_id, status: statusOf(i), markedById, markedAt })),
      );
    }
  }
}
