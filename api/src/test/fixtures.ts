import type { DataSource } from 'typeorm';
import { courseSearchText } from '../modules/catalog/search-text.js';
import { Course, CourseAllowedInstitution, CourseFormat, CourseVisibility, InstructionLanguage } from '../modules/catalog/course.entity.js';
import { Topic } from '../modules/catalog/topic.entity.js';
import { Employment, Institution, InstitutionCoordinator } from '../modules/institutions/institution.entity.js';
import { Language, Person, PersonRole, UserRole } from '../modules/people/person.entity.js';
import { Registration, RegistrationStatus } from '../modules/registration/registration.entity.js';
import { Group, GroupStatus } from '../modules/scheduling/group.entity.js';
import { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import { Place } from '../modules/scheduling/place.entity.js';
import { Session } from '../modules/scheduling/session.entity.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
const DAY = 24 * 3600_000;

/** Small builders straight into the database, so each test states only what it is about. */
/** A complete Latvian address, as profiles and institutions keep them. */
export const RIGA_ADDRESS = { street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1010', countryCode: 'LV' };

export function fixtures(ds: DataSource) {
  const f = {
    async person(overrides: Partial<Person> & { roles?: (UserRole.STAFF | UserRole.ADMIN)[]; coordinates?: string[] } = {}) {
      const { roles = [], coordinates = [], ...fields } = overrides;
      const person = await ds.getRepository(Person).save({
        givenName: 'Anna',
        familyName: 'Bērziņa',
        email: `${unique('p')}@example.lv`,
        preferredLanguage: Language.LV,
        demoNote: null,
        ...fields,
      });
      for (const role of roles) await ds.getRepository(PersonRole).insert({ personId: person.id, role });
      for (const institutionId of coordinates) await ds.getRepository(InstitutionCoordinator).insert({ personId: person.id, institutionId });
      return person;
    },
    staff: () => f.person({ givenName: 'Ilze', familyName: 'Kalniņa', roles: [UserRole.STAFF] }),
    institution: (name = 'Valsts kanceleja') => ds.getRepository(Institution).save({ code: unique('INST'), name, registrationNumber: unique('9000') }),
    topic: (nameLv = 'Valsts pārvalde', nameEn = 'Public administration') => ds.getRepository(Topic).save({ code: unique('T'), nameLv, nameEn, sortOrder: 0 }),
    async course(topicId: string, overrides: Partial<Course> = {}, allowedInstitutionIds: string[] = []) {
      const fields = {
        code: unique('C'),
        topicId,
        titleLv: 'Kurss',
        titleEn: 'Course',
        summaryLv: '',
        summaryEn: '',
        descriptionLv: '',
        descriptionEn: '',
        targetAudienceLv: '',
        targetAudienceEn: '',
        language: InstructionLanguage.LV,
        format: CourseFormat.IN_PERSON,
        hours: 8,
        priceCents: 5000,
        visibility: CourseVisibility.PUBLIC,
        ...overrides,
      };
      const course = await ds.getRepository(Course).save({ ...fields, searchText: courseSearchText(fields) });
      for (const institutionId of allowedInstitutionIds) await ds.getRepository(CourseAllowedInstitution).insert({ courseId: course.id, institutionId });
      return course;
    },
    group: (courseId: string, overrides: Partial<Group> = {}) =>
      ds.getRepository(Group).save({
        code: unique('G'),
        courseId,
        status: GroupStatus.OPEN,
        minSize: 2,
        maxSize: 10,
        registrationDeadline: null,
        priceOverrideCents: null,
        ...overrides,
      }),
    lecturer: (name = 'Jānis Ozols') => ds.getRepository(Lecturer).save({ name, email: `${unique('l')}@example.lv`, personId: null }),
    place: (name = 'VAS, Raiņa bulvāris 4') => ds.getRepository(Place).save({ name, address: 'Raiņa bulvāris 4, Rīga', room: '201', capacity: 30 }),
    /** A session `daysFromNow` days ahead (negative: past), 3 hours long. */
    session: (groupId: string, daysFromNow: number, overrides: Partial<Session> = {}) => {
      const startsAt = new Date(Date.now() + daysFromNow * DAY);
      return ds.getRepository(Session).save({
        groupId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        placeId: null,
        onlineUrl: 'https://vas.example.lv/meet/1',
        lecturerId: null,
        ...overrides,
      });
    },
    /** A WAITING one goes to the end of its group's waiting list. */
    registration: async (personId: string, groupId: string, status = RegistrationStatus.CONFIRMED) => {
      const [{ last }] = await ds.query(`SELECT max(waiting_position) AS last FROM registration WHERE group_id = $1 AND status = 'WAITING'`, [groupId]);
      const waitingPosition = status === RegistrationStatus.WAITING ? (last ?? 0) + 1 : null;
      return ds.getRepository(Registration).save({ personId, groupId, status, waitingPosition });
    },
    /** Employed since yesterday; `endedAt` in the past makes it history. */
    employment: (personId: string, institutionId: string, overrides: Partial<Employment> = {}) =>
      ds.getRepository(Employment).save({ personId, institutionId, startedAt: new Date(Date.now() - DAY), ...overrides }),
  };
  return f;
}
