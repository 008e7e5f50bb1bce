import { BillingAccount } from '../institutions/institution.entity.js';
import { CourseVisibility } from '../catalog/course.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { Person } from '../people/person.entity.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { RIGA_ADDRESS, fixtures } from '../../test/fixtures.js';
import { Registration, RegistrationStatus } from './registration.entity.js';

/**
 * Registration through the real server (PGlite here, the CI's PostgreSQL with DATABASE_URL, where
 * the races below run on real concurrent transactions): seats, the waiting list, payers, refusals.
 */

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { id status waitingPosition priceCents payerKind source } }`;
const CANCEL = `mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { id status waitingPosition cancellationReason } }`;
const EMPLOYEES = `mutation ($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id status waitingPosition source person { id } } }`;

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let topic: string;
let freeCourse: string;
let paidCourse: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  topic = (await f.topic()).id;
  freeCourse = (await f.course(topic, { priceCents: 0 })).id;
  paidCourse = (await f.course(topic, { priceCents: 12_000 })).id;
});
afterAll(() => t?.stop());

async function participant(fields: Partial<Person> = {}): Promise<{ id: string; client: Client }> {
  const person = await f.person(fields);
  return { id: person.id, client: await t.as(person.id) };
}

const rowsOf = (groupId: string) =>
  t.app.dataSource.getRepository(Registration).find({ where: { groupId }, order: { waitingPosition: 'ASC', createdAt: 'ASC' } });

describe('a participant registers themself', () => {
  test('into a free group: CONFIRMED, and a second try is ALREADY_REGISTERED', async () => {
    const group = await f.group(freeCourse);
    const { client } = await participant();
    const { register } = await client.data(REGISTER, { input: { groupId: group.id } });
    expect(register).toMatchObject({ status: 'CONFIRMED', waitingPosition: null, priceCents: 0, payerKind: 'NONE', source: 'SELF' });
    expect(await client.codes(REGISTER, { input: { groupId: group.id } })).toEqual(['ALREADY_REGISTERED']);
    const { myRegistrations } = await client.data(`{ myRegistrations { id status group { id } } }`);
    expect(myRegistrations).toEqual([{ id: register.id, status: 'CONFIRMED', group: { id: group.id } }]);
  });

  test('for a paid group, choosing who pays; the price is frozen', async () => {
    const group = await f.group(paidCourse, { priceOverrideCents: 9_900 });
    const { id, client } = await participant();
    expect(fieldCodes(await client.request(REGISTER, { input: { groupId: group.id } }))).toEqual(['payer:REQUIRED']);

    const noAddress = await client.request(REGISTER, { input: { groupId: group.id, payer: 'PRIVATE' } });
    expect(noAddress.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_INCOMPLETE', missing: ['declaredAddress'] });
    const noEmployer = await client.request(REGISTER, { input: { groupId: group.id, payer: 'INSTITUTION' } });
    expect(noEmployer.errors?.[0]?.extensions).toMatchObject({
      code: 'PROFILE_INCOMPLETE',
      missing: ['employer.name', 'employer.registrationNumber', 'employer.address'],
    });
    expect(await rowsOf(group.id)).toEqual([]);

    await t.app.dataSource.getRepository(Person).update(id, { declaredAddress: RIGA_ADDRESS });
    const { register } = await client.data(REGISTER, { input: { groupId: group.id, payer: 'PRIVATE' } });
    expect(register).toMatchObject({ status: 'CONFIRMED', priceCents: 9_900, payerKind: 'PRIVATE' });
    await t.app.dataSource.query(`UPDATE course_group SET price_override_cents = 20000 WHERE id = $1`, [group.id]);
    const [row] = await rowsOf(group.id);
    expect(row.priceCents).toBe(9_900);
    expect(row.payerSnapshot).toMatchObject({ name: 'Anna Bērziņa', address: RIGA_ADDRESS });
  });

  test("through the employer's billing account, only one of their current employer", async () => {
    const [mine, other] = [await f.institution('Mana iestāde'), await f.institution('Cita iestāde')];
    const accounts = t.app.dataSource.getRepository(BillingAccount);
    const ownAccount = await accounts.save({ institutionId: mine.id, name: 'Grāmatvedība', number: 'LV80BANK0000435195001' });
    const foreignAccount = await accounts.save({ institutionId: other.id, name: 'Cits', number: 'LV80BANK0000435195002' });
    const { id, client } = await participant();
    await f.employment(id, mine.id);
    const group = await f.group(paidCourse);
    const foreign = await client.request(REGISTER, { input: { groupId: group.id, payer: 'INSTITUTION', billingAccountId: foreignAccount.id } });
    expect(fieldCodes(foreign)).toEqual(['billingAccountId:NOT_YOUR_EMPLOYER']);
    const { register } = await client.data(REGISTER, { input: { groupId: group.id, payer: 'INSTITUTION', billingAccountId: ownAccount.id } });
    expect(register).toMatchObject({ status: 'CONFIRMED', payerKind: 'INSTITUTION' });
    const [row] = await rowsOf(group.id);
    expect(row).toMatchObject({ billingAccountId: ownAccount.id, payerSnapshot: { name: 'Mana iestāde', iban: 'LV80BANK0000435195001' } });
  });

  test.each([
    ['an unknown group', async () => ({ groupId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND'],
    ['a malformed id', async () => ({ groupId: 'x' }), 'VALIDATION'],
    ['a planned (unpublished) group', async () => ({ groupId: (await f.group(freeCourse, { status: GroupStatus.PLANNED })).id }), 'REGISTRATION_CLOSED'],
    ['a cancelled group', async () => ({ groupId: (await f.group(freeCourse, { status: GroupStatus.CANCELLED })).id }), 'REGISTRATION_CLOSED'],
    [
      'a group past its deadline',
      async () => ({ groupId: (await f.group(freeCourse, { registrationDeadline: new Date(Date.now() - 60_000) })).id }),
      'DEADLINE_PASSED',
    ],
    [
      'a restricted course',
      async () => ({ groupId: (await f.group((await f.course(topic, { priceCents: 0, visibility: CourseVisibility.RESTRICTED })).id)).id }),
      'FORBIDDEN',
    ],
  ])('is refused for %s, and nothing is written', async (_what, input, code) => {
    const { id, client } = await participant();
    expect(await client.codes(REGISTER, { input: await input() })).toEqual([code]);
    expect(await t.app.dataSource.getRepository(Registration).countBy({ personId: id })).toBe(0);
  });

  test('anonymous callers are asked to sign in', async () => {
    const group = await f.group(freeCourse);
    expect(await t.anonymous.codes(REGISTER, { input: { groupId: group.id } })).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the waiting list', () => {
  test('over the maximum people wait in order; a cancelled seat goes to the first waiting', async () => {
    const group = await f.group(freeCourse, { maxSize: 2 });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await participant());
    const placed = [];
    for (const p of people) placed.push((await p.client.data(REGISTER, { input: { groupId: group.id } })).register);
    expect(placed.map((r) => [r.status, r.waitingPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITING', 1],
      ['WAITING', 2],
    ]);

    const { cancelRegistration } = await people[0].client.data(CANCEL, { input: { id: placed[0].id, reason: ' Slimība ' } });
    expect(cancelRegistration).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Slimība' });
    const rows = await rowsOf(group.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(placed[2].id)).toMatchObject({ status: RegistrationStatus.CONFIRMED, waitingPosition: null });
    expect(byId.get(placed[3].id)).toMatchObject({ status: RegistrationStatus.WAITING, waitingPosition: 2 });
    // Cancelling twice changes nothing; the person may register again, at the end of the list.
    expect((await people[0].client.data(CANCEL, { input: { id: placed[0].id } })).cancelRegistration.status).toBe('CANCELLED');
    expect((await people[0].client.data(REGISTER, { input: { groupId: group.id } })).register).toMatchObject({ status: 'WAITING', waitingPosition: 3 });
  });

  test('a waiting person cancelling frees no seat; staff can confirm a waiting person over the maximum', async () => {
    const group = await f.group(freeCourse, { minSize: 1, maxSize: 1 });
    const [a, b, c] = [await participant(), await participant(), await participant()];
    await a.client.data(REGISTER, { input: { groupId: group.id } });
    const waitingB = (await b.client.data(REGISTER, { input: { groupId: group.id } })).register;
    const waitingC = (await c.client.data(REGISTER, { input: { groupId: group.id } })).register;
    await b.client.data(CANCEL, { input: { id: waitingB.id } });
    expect((await rowsOf(group.id)).map((r) => r.status).sort()).toEqual(['CANCELLED', 'CONFIRMED', 'WAITING']);
    const staff = await t.as((await f.staff()).id);
    expect(await c.client.codes(`mutation ($id: ID!) { confirmFromWaitingList(id: $id) { id } }`, { id: waitingC.id })).toEqual(['FORBIDDEN']);
    const { confirmFromWaitingList } = await staff.data(`mutation ($id: ID!) { confirmFromWaitingList(id: $id) { status waitingPosition } }`, {
      id: waitingC.id,
    });
    expect(confirmFromWaitingList).toEqual({ status: 'CONFIRMED', waitingPosition: null });
    expect(fieldCodes(await staff.request(`mutation ($id: ID!) { confirmFromWaitingList(id: $id) { id } }`, { id: waitingC.id }))).toEqual(['id:NOT_WAITING']);
  });
});

describe('cancelling', () => {
  test('after the deadline the person is refused; their coordinator and staff may; others see nothing', async () => {
    const institution = await f.institution();
    const group = await f.group(freeCourse, { registrationDeadline: new Date(Date.now() + 3_600_000) });
    const p = await participant();
    await f.employment(p.id, institution.id);
    const { register } = await p.client.data(REGISTER, { input: { groupId: group.id } });
    await t.app.dataSource.query(`UPDATE course_group SET registration_deadline = now() - interval '1 minute' WHERE id = $1`, [group.id]);
    expect(await p.client.codes(CANCEL, { input: { id: register.id } })).toEqual(['DEADLINE_PASSED']);
    const stranger = await participant();
    expect(await stranger.client.codes(CANCEL, { input: { id: register.id } })).toEqual(['NOT_FOUND']);
    const coordinator = await t.as((await f.person({ coordinates: [institution.id] })).id);
    expect((await coordinator.data(CANCEL, { input: { id: register.id, reason: 'Komandējums' } })).cancelRegistration.status).toBe('CANCELLED');
  });
});

describe('a coordinator registers employees', () => {
  test('many at once: seats first, then the waiting list in the order given', async () => {
    const institution = await f.institution();
    const account = await t.app.dataSource
      .getRepository(BillingAccount)
      .save({ institutionId: institution.id, name: 'Konts', number: 'LV80BANK0000435195003' });
    const coordinatorId = (await f.person({ coordinates: [institution.id] })).id;
    const coordinator = await t.as(coordinatorId);
    const employees = [];
    for (const familyName of ['Celma', 'Berzina', 'Abele']) {
      const person = await f.person({ familyName });
      await f.employment(person.id, institution.id);
      employees.push(person.id);
    }
    const group = await f.group(paidCourse, { maxSize: 2 });
    expect(fieldCodes(await coordinator.request(EMPLOYEES, { input: { groupId: group.id, institutionId: institution.id, personIds: employees } }))).toEqual([
      'billingAccountId:REQUIRED',
    ]);
    const { registerEmployees } = await coordinator.data(EMPLOYEES, {
      input: { groupId: group.id, institutionId: institution.id, personIds: employees, billingAccountId: account.id },
    });
    expect(registerEmployees.map((r: any) => [r.person.id, r.status, r.waitingPosition, r.source])).toEqual([
      [employees[0], 'CONFIRMED', null, 'COORDINATOR'],
      [employees[1], 'CONFIRMED', null, 'COORDINATOR'],
      [employees[2], 'WAITING', 1, 'COORDINATOR'],
    ]);
    // The employee sees it as their own, and cannot register again.
    const employee = await t.as(employees[0]);
    expect(await employee.codes(REGISTER, { input: { groupId: group.id, payer: 'PRIVATE' } })).toEqual(['ALREADY_REGISTERED']);

    // The group's list, as the console shows it: seats (by name), then the waiting list, then cancelled; who registered, who pays.
    await coordinator.data(CANCEL, { input: { id: registerEmployees[0].id, reason: 'Slimība' } });
    const LIST = `query ($f: RegistrationFilter) { registrations(filter: $f, order: LIST) {
      total items { person { id } status waitingPosition payerName registeredBy { id fullName } cancelledBy { id } cancellationReason } } }`;
    const { registrations } = await coordinator.data(LIST, { f: { groupId: group.id } });
    expect(
      registrations.items.map((r: any) => [
        r.person.id,
        r.status,
        r.waitingPosition,
        r.payerName,
        r.registeredBy.id,
        r.cancelledBy?.id ?? null,
        r.cancellationReason,
      ]),
    ).toEqual([
      [employees[2], 'CONFIRMED', null, institution.name, coordinatorId, null, null],
      [employees[1], 'CONFIRMED', null, institution.name, coordinatorId, null, null],
      [employees[0], 'CANCELLED', null, institution.name, coordinatorId, coordinatorId, 'Slimība'],
    ]);
    expect(registrations.items[0].registeredBy.fullName).toMatch(/\S+ \S+/);
  });

  test("refuses another institution's employee, another institution, and a restricted course not allowed to it; nothing is written", async () => {
    const [mine, other] = [await f.institution(), await f.institution()];
    const coordinator = await t.as((await f.person({ coordinates: [mine.id] })).id);
    const [employee, outsider] = [await f.person(), await f.person()];
    await f.employment(employee.id, mine.id);
    await f.employment(outsider.id, other.id);
    const group = await f.group(freeCourse);
    const input = (fields: Record<string, unknown>) => ({ input: { groupId: group.id, institutionId: mine.id, personIds: [employee.id], ...fields } });
    expect(await coordinator.codes(EMPLOYEES, input({ personIds: [employee.id, outsider.id] }))).toEqual(['FORBIDDEN']);
    expect(await coordinator.codes(EMPLOYEES, input({ institutionId: other.id, personIds: [outsider.id] }))).toEqual(['FORBIDDEN']);
    const restricted = await f.group((await f.course(topic, { priceCents: 0, visibility: CourseVisibility.RESTRICTED }, [other.id])).id);
    expect(await coordinator.codes(EMPLOYEES, input({ groupId: restricted.id }))).toEqual(['FORBIDDEN']);
    expect(fieldCodes(await coordinator.request(EMPLOYEES, input({ personIds: [employee.id, employee.id] })))).toEqual(['personIds:DUPLICATE']);
    expect(await rowsOf(group.id)).toEqual([]);
    const allowed = await f.group((await f.course(topic, { priceCents: 0, visibility: CourseVisibility.RESTRICTED }, [mine.id])).id);
    expect((await coordinator.data(EMPLOYEES, input({ groupId: allowed.id }))).registerEmployees).toHaveLength(1);
  });
});

test('a person registered into a restricted course sees it in their own views, not in the catalog, until cancelled', async () => {
  const institution = await f.institution();
  const coordinator = await t.as((await f.person({ coordinates: [institution.id] })).id);
  const course = await f.course(topic, { priceCents: 0, visibility: CourseVisibility.RESTRICTED, titleLv: 'Slēgtais kurss' }, [institution.id]);
  const group = await f.group(course.id);
  const employee = await participant();
  await f.employment(employee.id, institution.id);
  const outsider = await participant();
  const COURSE = `query ($id: ID!) { course(id: $id) { id titleLv } }`;
  expect(await employee.client.codes(COURSE, { id: course.id })).toEqual(['NOT_FOUND']);

  const [registration] = (await coordinator.data(EMPLOYEES, { input: { groupId: group.id, institutionId: institution.id, personIds: [employee.id] } }))
    .registerEmployees;
  expect((await employee.client.data(COURSE, { id: course.id })).course).toEqual({ id: course.id, titleLv: 'Slēgtais kurss' });
  const { myRegistrations } = await employee.client.data(`{ myRegistrations { group { id course { id } } } }`);
  expect(myRegistrations).toEqual([{ group: { id: group.id, course: { id: course.id } } }]);
  const listed = await employee.client.data(`query ($ids: [ID!]) { courses(filter: { ids: $ids }) { total } }`, { ids: [course.id] });
  expect(listed.courses.total).toBe(0);
  expect(await outsider.client.codes(COURSE, { id: course.id })).toEqual(['NOT_FOUND']);

  await coordinator.data(CANCEL, { input: { id: registration.id } });
  expect(await employee.client.codes(COURSE, { id: course.id })).toEqual(['NOT_FOUND']);
});

describe('under concurrent requests', () => {
  test('200 people at once for 20 seats: exactly 20 CONFIRMED, 180 WAITING at positions 1..180, no errors', async () => {
    const group = await f.group(freeCourse, { maxSize: 20 });
    const people = await Promise.all(Array.from({ length: 200 }, () => participant()));
    const results = await Promise.all(people.map((p) => p.client.request(REGISTER, { input: { groupId: group.id } })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const rows = await rowsOf(group.id);
    expect(rows.filter((r) => r.status === RegistrationStatus.CONFIRMED)).toHaveLength(20);
    const positions = rows.filter((r) => r.status === RegistrationStatus.WAITING).map((r) => r.waitingPosition);
    expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  });

  test('one person, 50 calls at once: one registration, the rest ALREADY_REGISTERED', async () => {
    const group = await f.group(freeCourse);
    const { id, client } = await participant();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.request(REGISTER, { input: { groupId: group.id } })));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'ALREADY_REGISTERED')).toHaveLength(49);
    expect(await t.app.dataSource.getRepository(Registration).countBy({ personId: id, groupId: group.id })).toBe(1);
  });

  test('cancellations and new registrations at once never over-fill the group', async () => {
    const group = await f.group(freeCourse, { maxSize: 10 });
    const first = await Promise.all(Array.from({ length: 15 }, () => participant()));
    const placed = [];
    for (const p of first) placed.push((await p.client.data(REGISTER, { input: { groupId: group.id } })).register);
    const confirmed = placed.map((r, i) => [r, first[i]] as const).filter(([r]) => r.status === 'CONFIRMED');
    const newcomers = await Promise.all(Array.from({ length: 10 }, () => participant()));
    const results = await Promise.all([
      ...confirmed.slice(0, 6).map(([r, p]) => p.client.request(CANCEL, { input: { id: r.id } })),
      ...newcomers.map((p) => p.client.request(REGISTER, { input: { groupId: group.id } })),
    ]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const rows = await rowsOf(group.id);
    expect(rows.filter((r) => r.status === RegistrationStatus.CONFIRMED)).toHaveLength(10);
    const positions = rows.filter((r) => r.status === RegistrationStatus.WAITING).map((r) => r.waitingPosition!);
    expect(new Set(positions).size).toBe(positions.length);
    expect(rows.filter((r) => r.status === RegistrationStatus.WAITING)).toHaveLength(15 + 10 - 6 - 10);
  });
});
