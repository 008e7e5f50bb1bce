import { Certificate } from '../certificates/certificate.entity.js';
import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { RegistrationStatus } from './registration.entity.js';

/**
 * "Mani mācību pasākumi" (R-HIS-1): every course a person took part in or is registered for, with
 * where they stand, and the certificate once there is one. Registrations belong to the person, so
 * the history stays whole when they change employer.
 */

const HISTORY = `{ myRegistrations { id status participation group { code } certificate { number } } }`;

let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
});
afterAll(() => t?.stop());

async function historyOf(person: { id: string }) {
  const client = await t.as(person.id);
  return (await client.data(HISTORY)).myRegistrations as {
    id: string;
    status: string;
    participation: string;
    group: { code: string };
    certificate: { number: string } | null;
  }[];
}

test('each registration says where the person stands; a held group makes a confirmed seat COMPLETED', async () => {
  const topic = await f.topic();
  const course = await f.course(topic.id);
  const person = await f.person();
  const groups = {
    held: await f.group(course.id, { status: GroupStatus.COMPLETED }),
    ended: await f.group(course.id, { status: GroupStatus.CONFIRMED }),
    ahead: await f.group(course.id, { status: GroupStatus.OPEN }),
    full: await f.group(course.id, { status: GroupStatus.OPEN }),
    left: await f.group(course.id, { status: GroupStatus.OPEN }),
    called: await f.group(course.id, { status: GroupStatus.CANCELLED }),
  };
  await f.session(groups.held.id, -30);
  await f.session(groups.ended.id, -2);
  await f.session(groups.ahead.id, -1);
  await f.session(groups.ahead.id, 5);
  await f.session(groups.full.id, 10);
  await f.registration(person.id, groups.held.id);
  await f.registration(person.id, groups.ended.id);
  await f.registration(person.id, groups.ahead.id);
  await f.registration(person.id, groups.full.id, RegistrationStatus.WAITING);
  await f.registration(person.id, groups.left.id, RegistrationStatus.CANCELLED);
  await f.registration(person.id, groups.called.id);

  const history = await historyOf(person);
  expect(history.map((r) => [r.group.code, r.status, r.participation])).toEqual([
    [groups.called.code, 'CONFIRMED', 'CANCELLED'],
    [groups.left.code, 'CANCELLED', 'CANCELLED'],
    [groups.full.code, 'WAITING', 'WAITING'],
    [groups.ahead.code, 'CONFIRMED', 'CONFIRMED'],
    [groups.ended.code, 'CONFIRMED', 'COMPLETED'],
    [groups.held.code, 'CONFIRMED', 'COMPLETED'],
  ]);
  expect(history.every((r) => r.certificate === null)).toBe(true);
  // Another person's history is their own: empty here.
  expect(await historyOf(await f.person())).toEqual([]);
});

test('a certificate shows with its registration, to the person and staff only', async () => {
  const topic = await f.topic();
  const course = await f.course(topic.id);
  const institution = await f.institution();
  const person = await f.person();
  await f.employment(person.id, institution.id);
  const group = await f.group(course.id, { status: GroupStatus.COMPLETED });
  const registration = await f.registration(person.id, group.id);
  const other = await f.group(course.id, { status: GroupStatus.COMPLETED });
  await f.registration(person.id, other.id);
  await t.app.dataSource
    .getRepository(Certificate)
    .insert({ number: 'VAS-2026-0042', personId: person.id, courseId: course.id, groupId: group.id, issuedAt: new Date() });

  const history = await historyOf(person);
  expect(history.map((r) => [r.group.code, r.certificate?.number ?? null])).toEqual([
    [other.code, null],
    [group.code, 'VAS-2026-0042'],
  ]);

  const LIST = `query ($g: ID!) { registrations(filter: { groupId: $g }) { items { id certificate { number } } } }`;
  const staff = await t.as((await f.staff()).id);
  expect((await staff.data(LIST, { g: group.id })).registrations.items).toEqual([{ id: registration.id, certificate: { number: 'VAS-2026-0042' } }]);
  const coordinator = await t.as((await f.person({ coordinates: [institution.id] })).id);
  expect((await coordinator.data(LIST, { g: group.id })).registrations.items).toEqual([{ id: registration.id, certificate: null }]);
});

test('the history survives a change of employer', async () => {
  const topic = await f.topic();
  const course = await f.course(topic.id);
  const before = await f.institution('Finanšu ministrija');
  const after = await f.institution('Tieslietu ministrija');
  const person = await f.person();
  const employment = await f.employment(person.id, before.id);
  const held = await f.group(course.id, { status: GroupStatus.COMPLETED });
  const ahead = await f.group(course.id);
  await f.session(ahead.id, 7);
  await f.registration(person.id, held.id);
  await f.registration(person.id, ahead.id);
  const was = await historyOf(person);

  const client = await t.as(person.id);
  await client.data(`mutation ($id: ID!) { endMyEmployment(employmentId: $id) { id } }`, { id: employment.id });
  await f.employment(person.id, after.id);
  const employer = (await client.data(`{ me { person { employments { current institution { name } } } } }`)).me.person.employments;
  expect(employer.filter((e: any) => e.current).map((e: any) => e.institution.name)).toEqual(['Tieslietu ministrija']);

  const now = await historyOf(person);
  expect(now).toEqual(was);
  expect(now.map((r) => [r.group.code, r.participation])).toEqual([
    [ahead.code, 'CONFIRMED'],
    [held.code, 'COMPLETED'],
  ]);
});
