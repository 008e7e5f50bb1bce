import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { RegistrationStatus } from './registration.entity.js';

const LIST = `query($filter: RegistrationFilter, $page: Int, $perPage: Int) {
  registrations(filter: $filter, page: $page, perPage: $perPage) { total items { id status createdAt person { fullName } group { code } } }
}`;

let t: TestApp;
let staff: Client;
let coordinatorA: Client;
let coordinatorAB: Client;
let participant: Client;
const ids: Record<string, string> = {};
/** Registration ids by the person's given name, to compare whole lists. */
const reg: Record<string, string> = {};

beforeAll(async () => {
  // No job worker: its outbox polls would be counted with the statements of the queries measured here.
  t = await startTestApp({ MPS_ROLE: 'api' });
  const f = fixtures(t.app.dataSource);
  const [instA, instB, instC] = [await f.institution('Iestāde A'), await f.institution('Iestāde B'), await f.institution('Iestāde C')];
  const topic = await f.topic();
  const [course1, course2] = [await f.course(topic.id), await f.course(topic.id)];
  const [group1, group2] = [await f.group(course1.id, { code: 'REG-G1' }), await f.group(course2.id, { code: 'REG-G2' })];

  const person = async (givenName: string) => f.person({ givenName, familyName: 'Test' });
  const [anna, edgars, baiba, cilda, dace, juris] = await Promise.all(['Anna', 'Edgars', 'Baiba', 'Cilda', 'Dace', 'Juris'].map(person));
  await f.employment(anna.id, instA.id);
  await f.employment(edgars.id, instA.id, { endedAt: new Date(Date.now() - 3600_000) }); // moved on: no longer A's
  await f.employment(edgars.id, instB.id);
  await f.employment(baiba.id, instB.id);
  await f.employment(cilda.id, instC.id);
  await f.employment(dace.id, instC.id);
  // juris: a private person, employed nowhere.

  // Created one after another so that "newest first" has one answer.
  reg.Anna = (await f.registration(anna.id, group1.id)).id;
  reg.Edgars = (await f.registration(edgars.id, group1.id)).id;
  reg.Baiba = (await f.registration(baiba.id, group1.id, RegistrationStatus.WAITING)).id;
  reg.Cilda = (await f.registration(cilda.id, group2.id)).id;
  reg.Dace = (await f.registration(dace.id, group2.id)).id;
  reg.Juris = (await f.registration(juris.id, group2.id, RegistrationStatus.CANCELLED)).id;
  reg.Anna2 = (await f.registration(anna.id, group2.id, RegistrationStatus.CANCELLED)).id;

  Object.assign(ids, { instA: instA.id, instB: instB.id, instC: instC.id, course2: course2.id, group1: group1.id });
  staff = await t.as((await f.staff()).id);
  coordinatorA = await t.as((await f.person({ coordinates: [instA.id] })).id);
  coordinatorAB = await t.as((await f.person({ coordinates: [instA.id, instB.id] })).id);
  participant = await t.as(anna.id);
});

afterAll(() => t?.stop());

async function listed(client: Client, filter?: Record<string, unknown>): Promise<string[]> {
  const { registrations } = await client.data(LIST, { filter, perPage: 100 });
  expect(registrations.total).toBe(registrations.items.length);
  return registrations.items.map((item: { id: string }) => item.id);
}

const names = (...given: string[]) => given.map((name) => reg[name]);

test('staff see every registration, newest first, with person and group', async () => {
  expect(await listed(staff)).toEqual(names('Anna2', 'Juris', 'Dace', 'Cilda', 'Baiba', 'Edgars', 'Anna'));
  const { registrations } = await staff.data(LIST, { perPage: 2, page: 4 });
  expect(registrations).toMatchObject({
    total: 7,
    items: [{ id: reg.Anna, status: 'CONFIRMED', person: { fullName: 'Anna Test' }, group: { code: 'REG-G1' } }],
  });
});

test("staff narrow by institution: its current employees' registrations, not former ones", async () => {
  expect(await listed(staff, { institutionId: ids.instA })).toEqual(names('Anna2', 'Anna'));
  expect(await listed(staff, { institutionId: ids.instB })).toEqual(names('Baiba', 'Edgars'));
});

test('filters by group, course and status narrow together', async () => {
  expect(await listed(staff, { groupId: ids.group1 })).toEqual(names('Baiba', 'Edgars', 'Anna'));
  expect(await listed(staff, { courseId: ids.course2 })).toEqual(names('Anna2', 'Juris', 'Dace', 'Cilda'));
  expect(await listed(staff, { courseId: ids.course2, status: 'CANCELLED' })).toEqual(names('Anna2', 'Juris'));
  expect(await listed(staff, { institutionId: ids.instB, status: 'WAITING' })).toEqual(names('Baiba'));
});

test("a coordinator sees their institution's employees only, by default and when they name it", async () => {
  expect(await listed(coordinatorA)).toEqual(names('Anna2', 'Anna'));
  expect(await listed(coordinatorA, { institutionId: ids.instA })).toEqual(names('Anna2', 'Anna'));
  expect(await listed(coordinatorA, { groupId: ids.group1 })).toEqual(names('Anna'));
});

test('a coordinator of two institutions sees both by default, or the one they name', async () => {
  expect(await listed(coordinatorAB)).toEqual(names('Anna2', 'Baiba', 'Edgars', 'Anna'));
  expect(await listed(coordinatorAB, { institutionId: ids.instB })).toEqual(names('Baiba', 'Edgars'));
});

test("another institution's registrations are FORBIDDEN to a coordinator", async () => {
  expect(await coordinatorA.codes(LIST, { filter: { institutionId: ids.instB } })).toEqual(['FORBIDDEN']);
  expect(await coordinatorAB.codes(LIST, { filter: { institutionId: ids.instC } })).toEqual(['FORBIDDEN']);
});

test('participants get FORBIDDEN and anonymous visitors UNAUTHENTICATED', async () => {
  expect(await participant.codes(LIST)).toEqual(['FORBIDDEN']);
  expect(await t.anonymous.codes(LIST)).toEqual(['UNAUTHENTICATED']);
});

test('malformed ids and pages are VALIDATION problems, every one at once', async () => {
  const result = await staff.request(LIST, { filter: { institutionId: 'x', groupId: 'y', courseId: 'z' }, perPage: 0 });
  expect(result.errors?.[0].extensions?.code).toBe('VALIDATION');
  expect(result.errors![0].extensions!.fields!.map(({ field, code }) => `${field}:${code}`)).toEqual([
    'perPage:PER_PAGE_INVALID',
    'filter.institutionId:INVALID_ID',
    'filter.groupId:INVALID_ID',
    'filter.courseId:INVALID_ID',
  ]);
});

test('persons and groups of a page come through loaders: the statement count does not grow with the page', async () => {
  const statementsFor = async (perPage: number) => {
    const before = t.queries.count;
    const { registrations } = await staff.data(LIST, { perPage });
    expect(registrations.items).toHaveLength(perPage);
    return t.queries.count - before;
  };
  expect(await statementsFor(7)).toBe(await statementsFor(1));
});
