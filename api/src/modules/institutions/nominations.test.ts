import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { Language, UserRole } from '../people/person.entity.js';
import { CoordinatorNomination, NominationStatus } from './coordinator-nomination.entity.js';

/**
 * Coordinator nominations (R-ID-7) through the real server and a real SMTP server: a person asks,
 * staff hear of it; staff refuse (the person is told why) or approve (the person coordinates from
 * the next request and is told); bad input and second requests are refused with nothing written.
 */

const PUBLIC_URL = 'https://mps.vas.test';
const REQUEST = `mutation ($input: NominationInput!) { requestCoordinatorNomination(input: $input) { id status registrationNumber institutionName position note } }`;
const APPROVE = `mutation ($id: ID!, $note: String) { approveCoordinatorNomination(id: $id, note: $note) { id status decisionNote decidedAt } }`;
const REFUSE = `mutation ($id: ID!, $reason: String!) { refuseCoordinatorNomination(id: $id, reason: $reason) { id status decisionNote } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawCoordinatorNomination(id: $id) { id status } }`;
const MINE = `{ myCoordinatorNominations { id status institutionName decisionNote person { id } } }`;
const LIST = `query ($f: NominationFilter) { coordinatorNominations(filter: $f, perPage: 100) { total items { id status person { id fullName email } knownInstitution { id name } } } }`;

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const kindOf = (mail: CapturedMail) => mail.parsed.headers.get('x-mps-kind');
const textOf = (mail: CapturedMail) => String(mail.parsed.text).replace(/\s+/g, ' ');
async function mailsOf(email: string, kind: string, count: number): Promise<CapturedMail[]> {
  const of = () => capture.to(email).filter((mail) => kindOf(mail) === kind);
  await capture.waitFor(() => of().length >= count, 15_000, `${count} ${kind} e-mail(s) to ${email}`);
  return of();
}

test('a request tells staff; refused, the person is told why; approved, they coordinate from the next request', async () => {
  const institution = await f.institution('Veselības ministrija');
  institution.registrationNumber = '90001234567';
  await t.app.dataSource.query(`UPDATE institution SET registration_number = $2 WHERE id = $1`, [institution.id, institution.registrationNumber]);
  const staffLv = await f.person({ givenName: 'Jānis', familyName: 'Kalniņš', email: 'janis.staff@vas.test', roles: [UserRole.STAFF] });
  await f.person({ givenName: 'John', familyName: 'Staff', email: 'john.staff@vas.test', preferredLanguage: Language.EN, roles: [UserRole.STAFF] });
  const staff = await t.as(staffLv.id);
  const person = await f.person({ givenName: 'Rasma', familyName: 'Kļaviņa', email: 'rasma@vm.test' });
  const asPerson = await t.as(person.id);

  const input = {
    registrationNumber: institution.registrationNumber,
    institutionName: 'VM',
    position: 'Personāla daļas vadītāja',
    note: 'Koordinēšu mācības.',
  };
  const first = (await asPerson.data(REQUEST, { input })).requestCoordinatorNomination;
  expect(first).toMatchObject({ status: 'PENDING', registrationNumber: institution.registrationNumber, position: 'Personāla daļas vadītāja' });
  expect(fieldCodes(await asPerson.request(REQUEST, { input }))).toEqual(['registrationNumber:ALREADY_REQUESTED']);

  const [toStaff] = await mailsOf('janis.staff@vas.test', 'coordinator-nomination-received', 1);
  expect(toStaff.parsed.subject).toBe('Pieteikums koordinatora lomai: VM (Rasma Kļaviņa)');
  expect(textOf(toStaff)).toContain('Rasma Kļaviņa (rasma@vm.test) lūdz kļūt par iestādes VM');
  expect(textOf(toStaff)).toContain(`${PUBLIC_URL}/admin/#/coordinatorNominations`);
  const [toStaffEn] = await mailsOf('john.staff@vas.test', 'coordinator-nomination-received', 1);
  expect(toStaffEn.parsed.subject).toBe('Request to become a coordinator: VM (Rasma Kļaviņa)');

  const pending = (await staff.data(LIST, { f: { status: 'PENDING' } })).coordinatorNominations.items.find((n: any) => n.id === first.id);
  expect(pending).toMatchObject({ person: { id: person.id, email: 'rasma@vm.test' }, knownInstitution: { id: institution.id, name: 'Veselības ministrija' } });

  expect(fieldCodes(await staff.request(REFUSE, { id: first.id, reason: '  ' }))).toEqual(['reason:REQUIRED']);
  expect((await staff.data(REFUSE, { id: first.id, reason: 'Ministrijai jau ir koordinators.' })).refuseCoordinatorNomination).toMatchObject({
    status: 'REFUSED',
  });
  const [refused] = await mailsOf('rasma@vm.test', 'coordinator-nomination-decided', 1);
  expect(refused.parsed.subject).toBe('Pieteikums koordinatora lomai noraidīts: VM');
  expect(textOf(refused)).toContain('Iemesls: Ministrijai jau ir koordinators.');
  expect(fieldCodes(await staff.request(APPROVE, { id: first.id }))).toEqual(['id:NOT_PENDING']);

  const second = (await asPerson.data(REQUEST, { input: { ...input, note: null } })).requestCoordinatorNomination;
  expect((await asPerson.data(`{ me { roles } }`)).me.roles).toEqual(['PARTICIPANT']);
  expect((await staff.data(APPROVE, { id: second.id, note: 'Laipni lūgti!' })).approveCoordinatorNomination).toMatchObject({ status: 'APPROVED' });
  expect((await asPerson.data(`{ me { roles coordinatedInstitutions { id } } }`)).me).toEqual({
    roles: expect.arrayContaining(['COORDINATOR', 'PARTICIPANT']),
    coordinatedInstitutions: [{ id: institution.id }],
  });
  const decided = await mailsOf('rasma@vm.test', 'coordinator-nomination-decided', 2);
  expect(decided[1].parsed.subject).toBe('Jūs esat iestādes koordinators: Veselības ministrija');
  expect(textOf(decided[1])).toContain('Piezīme: Laipni lūgti!');

  const mine = (await asPerson.data(MINE)).myCoordinatorNominations;
  expect(mine.map((n: any) => n.status)).toEqual(['APPROVED', 'REFUSED']);
  expect(fieldCodes(await asPerson.request(REQUEST, { input }))).toEqual(['registrationNumber:ALREADY_COORDINATOR']);
});

test('bad input, a person without e-mail, an unknown institution and others’ requests are refused; nothing is written', async () => {
  const staff = await t.as((await f.staff()).id);
  const person = await f.person({ email: null });
  const asPerson = await t.as(person.id);
  const count = () => t.app.dataSource.getRepository(CoordinatorNomination).countBy({ personId: person.id });
  const input = { registrationNumber: '123', institutionName: ' ', position: 'x'.repeat(201) };
  expect(fieldCodes(await asPerson.request(REQUEST, { input })).sort()).toEqual(
    ['institutionName:REQUIRED', 'position:LENGTH', 'registrationNumber:INVALID_REGISTRATION_NUMBER'].sort(),
  );
  const good = { registrationNumber: '90009999999', institutionName: 'Jauna aģentūra', position: 'Direktore' };
  expect(await asPerson.codes(REQUEST, { input: good })).toEqual(['PROFILE_INCOMPLETE']);
  expect(await count()).toBe(0);

  await t.app.dataSource.query(`UPDATE person SET email = 'jauna@agentura.test' WHERE id = $1`, [person.id]);
  const asked = (await asPerson.data(REQUEST, { input: good })).requestCoordinatorNomination;
  // Approving needs the institution in the system first.
  expect(fieldCodes(await staff.request(APPROVE, { id: asked.id }))).toEqual(['registrationNumber:UNKNOWN_INSTITUTION']);
  const other = await t.as((await f.person()).id);
  expect(await other.codes(WITHDRAW, { id: asked.id })).toEqual(['NOT_FOUND']);
  expect(await other.codes(APPROVE, { id: asked.id })).toEqual(['FORBIDDEN']);
  expect((await other.data(MINE)).myCoordinatorNominations).toEqual([]);
  expect((await asPerson.data(WITHDRAW, { id: asked.id })).withdrawCoordinatorNomination.status).toBe('WITHDRAWN');
  expect(fieldCodes(await staff.request(REFUSE, { id: asked.id, reason: 'Par vēlu' }))).toEqual(['id:NOT_PENDING']);
});

test('one person asking ten times at once makes one pending request', async () => {
  const person = await f.person();
  const asPerson = await t.as(person.id);
  const input = { registrationNumber: '90008888888', institutionName: 'Aģentūra', position: 'Vadītāja' };
  const results = await Promise.all(Array.from({ length: 10 }, () => asPerson.request(REQUEST, { input })));
  const codes = results.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : 'ok'));
  expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
  // Seen by the check (VALIDATION, ALREADY_REQUESTED) or, in a race, by the unique index (ALREADY_EXISTS).
  expect(codes.filter((c) => c !== 'ok').every((c) => c === 'VALIDATION' || c === 'ALREADY_EXISTS')).toBe(true);
  expect(await t.app.dataSource.getRepository(CoordinatorNomination).countBy({ personId: person.id, status: NominationStatus.PENDING })).toBe(1);
});
