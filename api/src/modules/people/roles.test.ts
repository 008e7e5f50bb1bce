import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { testPersonalCode } from '../../test/institutions-fixtures.js';
import { UserRole } from './person.entity.js';

/**
 * Roles in the console (R-ID-7): an administrator grants and withdraws STAFF and ADMIN, never their
 * own; staff find people and link a lecturer record to a person, who then is a LECTURER. Every
 * change counts from the person's next request.
 */

const GRANT = `mutation ($p: ID!, $r: UserRole!) { grantRole(personId: $p, role: $r) { id roles } }`;
const WITHDRAW = `mutation ($p: ID!, $r: UserRole!) { withdrawRole(personId: $p, role: $r) { id roles } }`;
const PEOPLE = `query ($f: PersonFilter) { people(filter: $f, perPage: 100) { total items { id fullName email roles } } }`;
const ME = `{ me { roles } }`;

let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
});
afterAll(() => t?.stop());

test('an administrator grants and withdraws STAFF; it counts at the next request; nobody changes their own roles', async () => {
  const admin = await f.person({ givenName: 'Administrators', familyName: 'Vecākais', roles: [UserRole.ADMIN] });
  const asAdmin = await t.as(admin.id);
  const person = await f.person({ givenName: 'Līga', familyName: 'Ozoliņa' });
  const asPerson = await t.as(person.id);
  expect((await asPerson.data(ME)).me.roles).toEqual(['PARTICIPANT']);

  expect((await asAdmin.data(GRANT, { p: person.id, r: 'STAFF' })).grantRole.roles).toEqual(['PARTICIPANT', 'STAFF']);
  expect((await asPerson.data(ME)).me.roles.sort()).toEqual(['PARTICIPANT', 'STAFF']);
  // Granting again changes nothing; the new staff member may not grant anything.
  expect((await asAdmin.data(GRANT, { p: person.id, r: 'STAFF' })).grantRole.roles).toEqual(['PARTICIPANT', 'STAFF']);
  expect(await asPerson.codes(GRANT, { p: admin.id, r: 'STAFF' })).toEqual(['FORBIDDEN']);
  expect(await asPerson.codes(WITHDRAW, { p: admin.id, r: 'ADMIN' })).toEqual(['FORBIDDEN']);

  expect(await asAdmin.codes(WITHDRAW, { p: admin.id, r: 'ADMIN' })).toEqual(['FORBIDDEN']);
  expect(await asAdmin.codes(GRANT, { p: admin.id, r: 'STAFF' })).toEqual(['FORBIDDEN']);
  expect(fieldCodes(await asAdmin.request(GRANT, { p: person.id, r: 'COORDINATOR' }))).toEqual(['role:NOT_GRANTABLE']);
  expect(await asAdmin.codes(GRANT, { p: '00000000-0000-4000-8000-000000000000', r: 'STAFF' })).toEqual(['NOT_FOUND']);

  expect((await asAdmin.data(WITHDRAW, { p: person.id, r: 'STAFF' })).withdrawRole.roles).toEqual(['PARTICIPANT']);
  expect((await asPerson.data(ME)).me.roles).toEqual(['PARTICIPANT']);
  expect(await asPerson.codes(PEOPLE)).toEqual(['FORBIDDEN']);
});

test('staff find people by name without diacritics, by personal code and by role', async () => {
  const staff = await t.as((await f.staff()).id);
  const person = await f.person({ givenName: 'Žanete', familyName: 'Šķēle', email: 'zanete.skele@example.lv' });
  const byName = (await staff.data(PEOPLE, { f: { q: 'zanete skele' } })).people;
  expect(byName.items.map((p: any) => p.id)).toEqual([person.id]);
  expect(byName.items[0]).toMatchObject({ fullName: 'Žanete Šķēle', email: 'zanete.skele@example.lv', roles: ['PARTICIPANT'] });
  const code = testPersonalCode(654_321);
  const { person: coded } = await t.app.services.people.findOrCreateNamed(t.app.dataSource.manager, {
    personalCode: code,
    givenName: 'Kods',
    familyName: 'Meklētais',
  });
  expect((await staff.data(PEOPLE, { f: { q: code } })).people.items.map((p: any) => p.id)).toEqual([coded.id]);
  expect((await staff.data(PEOPLE, { f: { q: code.replace('-', '') } })).people.items.map((p: any) => p.id)).toEqual([coded.id]);
  const staffOnly = (await staff.data(PEOPLE, { f: { role: 'STAFF' } })).people.items;
  expect(staffOnly.length).toBeGreaterThan(0);
  expect(staffOnly.every((p: any) => p.roles.includes('STAFF'))).toBe(true);
  expect((await staff.data(PEOPLE, { f: { q: '%' } })).people.total).toBe(0);
  // Staff are not administrators: they may not grant roles.
  expect(await staff.codes(GRANT, { p: person.id, r: 'STAFF' })).toEqual(['FORBIDDEN']);
});

test('staff link a lecturer record to a person, who is a LECTURER from the next request; one record per person', async () => {
  const staff = await t.as((await f.staff()).id);
  const person = await f.person({ givenName: 'Inga', familyName: 'Lektore' });
  const asPerson = await t.as(person.id);
  const LINK = `mutation ($id: ID!, $input: LecturerInput!) { updateLecturer(id: $id, input: $input) { id personId person { id fullName } } }`;
  const first = (await staff.data(`mutation { createLecturer(input: { name: "Inga Lektore" }) { id } }`)).createLecturer.id;
  const second = (await staff.data(`mutation { createLecturer(input: { name: "Cits Lektors" }) { id } }`)).createLecturer.id;

  const linked = (await staff.data(LINK, { id: first, input: { personId: person.id } })).updateLecturer;
  expect(linked).toEqual({ id: first, personId: person.id, person: { id: person.id, fullName: 'Inga Lektore' } });
  expect((await asPerson.data(ME)).me.roles.sort()).toEqual(['LECTURER', 'PARTICIPANT']);
  expect(fieldCodes(await staff.request(LINK, { id: second, input: { personId: person.id } }))).toEqual(['personId:ALREADY_LINKED']);
  expect(fieldCodes(await staff.request(LINK, { id: second, input: { personId: '00000000-0000-4000-8000-000000000000' } }))).toEqual([
    'personId:UNKNOWN_PERSON',
  ]);
  // Others do not see who a lecturer is in the system.
  const group = await f.group((await f.course((await f.topic()).id)).id);
  await f.session(group.id, 10, { lecturerId: first });
  const { group: seen } = await asPerson.data(`query ($id: ID!) { group(id: $id) { sessions { lecturer { id personId person { id } } } } }`, { id: group.id });
  expect(seen.sessions).toEqual([{ lecturer: { id: first, personId: null, person: null } }]);

  await staff.data(LINK, { id: first, input: { personId: null } });
  expect((await asPerson.data(ME)).me.roles).toEqual(['PARTICIPANT']);
});
