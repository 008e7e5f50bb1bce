import { IsNull } from 'typeorm';
import { systemContext, type RequestContext } from '../../common/request-context.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { Language, Person } from '../people/person.entity.js';
import { Employment } from './institution.entity.js';
import { buildWorld, clientsOf, outcomeOf, signedInPerson, testPersonalCode, type Role, type World } from '../../test/institutions-fixtures.js';

/** Employees: adding, ending, reading them, who may do which, and the same person across sign-in. */

let t: TestApp;
let w: World;
let as: Record<Role, Client>;

beforeAll(async () => {
  // No job worker: its outbox polls would be counted with the statements of the queries measured here.
  t = await startTestApp({ MPS_ROLE: 'api' });
  w = await buildWorld(t);
  as = await clientsOf(t, w);
});

afterAll(() => t?.stop());

const outcome = (role: Role, query: string, variables?: Record<string, unknown>) => outcomeOf(as[role], query, variables);

const employments = () => t.app.dataSource.getRepository(Employment);

const ADD = `mutation($institutionId: ID!, $input: EmployeeInput!) {
  addEmployee(institutionId: $institutionId, input: $input) {
    id position workEmail source current startedAt endedAt
    institution { id } person { id fullName personalCode }
  }
}`;
const END = `mutation($id: ID!, $endedAt: DateTimeISO) { endEmployment(employmentId: $id, endedAt: $endedAt) { id current endedAt } }`;
const END_MINE = `mutation($id: ID!) { endMyEmployment(employmentId: $id) { id current endedAt } }`;
const EMPLOYEES = `query($filter: EmploymentFilter, $sort: EmploymentSort, $page: Int, $perPage: Int) {
  employees(filter: $filter, sort: $sort, page: $page, perPage: $perPage) {
    total items { id current position institution { id } person { id fullName personalCode } }
  }
}`;

let serial = 0;
const newEmployee = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  return {
    personalCode: testPersonalCode(10_000 + serial),
    givenName: 'Jānis',
    familyName: `Darbinieks${serial}`,
    position: 'Referents',
    workEmail: null,
    ...overrides,
  };
};

const maskedPattern = /^\*{6}-\*{3}\d\d$/;

describe('adding an employee', () => {
  test('a coordinator adds a person who has never signed in; they see the code masked, staff in full', async () => {
    const input = newEmployee({ position: ' Vecākais referents ', workEmail: 'Janis@Iestade.LV' });
    const { addEmployee } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input });
    expect(addEmployee).toMatchObject({
      position: 'Vecākais referents',
      workEmail: 'janis@iestade.lv',
      source: 'COORDINATOR',
      current: true,
      endedAt: null,
      institution: { id: w.institutionA },
      person: { fullName: `Jānis ${input.familyName}` },
    });
    expect(addEmployee.person.personalCode).toMatch(maskedPattern);
    expect(addEmployee.person.personalCode.slice(-2)).toBe(input.personalCode.slice(-2));
    const seenByStaff = await as.staff.data(EMPLOYEES, { filter: { ids: [addEmployee.id] } });
    expect(seenByStaff.employees.items[0].person.personalCode).toBe(input.personalCode);
    const stored = await employments().findOneByOrFail({ id: addEmployee.id });
    expect(stored.addedBy).toBe(w.coordinatorA);
  });

  test('staff add to any institution, recorded as STAFF', async () => {
    const { addEmployee } = await as.staff.data(ADD, { institutionId: w.institutionB, input: newEmployee() });
    expect(addEmployee).toMatchObject({ source: 'STAFF', institution: { id: w.institutionB } });
  });

  test.each<[Role, string]>([
    ['coordinatorB', 'FORBIDDEN'],
    ['participant', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('%s cannot add an employee to institution A, and nothing is written', async (role, code) => {
    const before = await employments().count();
    expect(await outcome(role, ADD, { institutionId: w.institutionA, input: newEmployee() })).toBe(code);
    expect(await employments().count()).toBe(before);
  });

  test('adding a current employee again is ALREADY_EXISTS; after their employment ended they can be added again', async () => {
    const input = newEmployee();
    const { addEmployee: first } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input });
    const again = await as.coordinatorA.request(ADD, { institutionId: w.institutionA, input: { ...input, personalCode: input.personalCode.replace('-', '') } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personalCode' });
    await as.coordinatorA.data(END, { id: first.id });
    const { addEmployee: second } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input });
    expect(second.person.id).toBe(first.person.id);
    expect(await employments().countBy({ personId: first.person.id, institutionId: w.institutionA })).toBe(2);
  });

  test('the code of a person who signed in under another name is refused (a typo guard); case and diacritics do not count', async () => {
    const asStaff = await as.staff.request(ADD, {
      institutionId: w.institutionB,
      input: newEmployee({ personalCode: w.participantCode, givenName: 'Pēteris', familyName: 'Cits' }),
    });
    expect(fieldCodes(asStaff)).toEqual(['familyName:NAME_MISMATCH', 'givenName:NAME_MISMATCH']);
    const { addEmployee } = await as.coordinatorB.data(ADD, {
      institutionId: w.institutionB,
      input: newEmployee({ personalCode: w.participantCode, givenName: 'LIGA', familyName: 'dalibniece' }),
    });
    expect(addEmployee.person).toMatchObject({ id: w.participant, fullName: 'Līga Dalībniece' });
  });

  test('until a person signs in, a coordinator may correct their name', async () => {
    const input = newEmployee({ givenName: 'Janis' });
    const { addEmployee } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input });
    await as.coordinatorA.data(END, { id: addEmployee.id });
    const { addEmployee: corrected } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input: { ...input, givenName: 'Jānis' } });
    expect(corrected.person).toMatchObject({ id: addEmployee.person.id, fullName: `Jānis ${input.familyName}` });
  });

  test('every wrong value is reported at once and nothing is written', async () => {
    const before = await employments().count();
    const result = await as.coordinatorA.request(ADD, {
      institutionId: w.institutionA,
      input: { personalCode: '010101-10000', givenName: ' ', familyName: 'x'.repeat(101), position: 'y'.repeat(201), workEmail: 'nav-epasts' },
    });
    expect(fieldCodes(result)).toEqual([
      'familyName:LENGTH',
      'givenName:REQUIRED',
      'personalCode:PERSONAL_CODE_CHECK_DIGIT',
      'position:LENGTH',
      'workEmail:INVALID_EMAIL',
    ]);
    expect(fieldCodes(await as.coordinatorA.request(ADD, { institutionId: w.institutionA, input: newEmployee({ personalCode: '310299-10000' }) }))).toEqual([
      'personalCode:PERSONAL_CODE_DATE',
    ]);
    expect(await employments().count()).toBe(before);
    expect(await as.staff.codes(ADD, { institutionId: '00000000-0000-4000-8000-000000000000', input: newEmployee() })).toEqual(['NOT_FOUND']);
  });

  test('a person a coordinator added is the same person when they first sign in, and sees the employment', async () => {
    const input = newEmployee({ givenName: 'Marta', familyName: 'Jaunā' });
    const { addEmployee } = await as.coordinatorA.data(ADD, { institutionId: w.institutionA, input });
    const person = await signedInPerson(t, 'Marta', 'Jaunā', input.personalCode);
    expect(person.id).toBe(addEmployee.person.id);
    const me = await (await t.as(person.id)).data(`{ me { person { personalCode employments { id current institution { id } } } } }`);
    expect(me.me.person.personalCode).toBe(input.personalCode);
    expect(me.me.person.employments).toEqual([{ id: addEmployee.id, current: true, institution: { id: w.institutionA } }]);
  });
});

describe('ending an employment', () => {
  const add = async (institutionId = w.institutionA) => (await as.staff.data(ADD, { institutionId, input: newEmployee() })).addEmployee;

  test('the coordinator ends it; it stays as history, in the list of ended ones', async () => {
    const employment = await add();
    const { endEmployment } = await as.coordinatorA.data(END, { id: employment.id });
    expect(endEmployment.current).toBe(false);
    expect(new Date(endEmployment.endedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const ended = await as.coordinatorA.data(EMPLOYEES, { filter: { current: false, ids: [employment.id] } });
    expect(ended.employees.total).toBe(1);
    const current = await as.coordinatorA.data(EMPLOYEES, { filter: { current: true, ids: [employment.id] } });
    expect(current.employees.total).toBe(0);
    const stored = await employments().findOneByOrFail({ id: employment.id });
    expect(stored.endedBy).toBe(w.coordinatorA);
  });

  test('an end date may be given; not in the future, not before the start, and only once', async () => {
    const person = await fixtures(t.app.dataSource).person();
    const employment = await fixtures(t.app.dataSource).employment(person.id, w.institutionA);
    const inFuture = await as.coordinatorA.request(END, { id: employment.id, endedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(fieldCodes(inFuture)).toEqual(['endedAt:IN_THE_FUTURE']);
    const beforeStart = await as.coordinatorA.request(END, { id: employment.id, endedAt: '2001-01-01T00:00:00Z' });
    expect(fieldCodes(beforeStart)).toEqual(['endedAt:END_BEFORE_START']);
    const endedAt = new Date(Date.now() - 3600_000).toISOString();
    expect((await as.coordinatorA.data(END, { id: employment.id, endedAt })).endEmployment.endedAt).toBe(endedAt);
    expect(fieldCodes(await as.coordinatorA.request(END, { id: employment.id }))).toEqual(['employmentId:ALREADY_ENDED']);
    expect(await as.coordinatorA.codes(END, { id: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
  });

  test.each<[Role, string]>([
    ['coordinatorB', 'FORBIDDEN'],
    ['participant', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('%s cannot end an employment at institution A', async (role, code) => {
    const employment = await add();
    expect(await outcome(role, END, { id: employment.id })).toBe(code);
    expect((await employments().findOneByOrFail({ id: employment.id })).endedAt).toBeNull();
  });

  test('"I no longer work here": the employee ends their own employment and keeps their account (R-ID-5)', async () => {
    const code = testPersonalCode(20_001);
    const person = await signedInPerson(t, 'Inga', 'Aizgājēja', code);
    const { addEmployee } = await as.coordinatorA.data(ADD, {
      institutionId: w.institutionA,
      input: newEmployee({ personalCode: code, givenName: 'Inga', familyName: 'Aizgājēja' }),
    });
    const client = await t.as(person.id);
    const accounts = `{ me { person { employments { current institution { billingAccounts { id } } } } } }`;
    expect((await client.data(accounts)).me.person.employments[0].institution.billingAccounts.length).toBeGreaterThan(0);

    expect(await outcome('participant', END_MINE, { id: addEmployee.id })).toBe('FORBIDDEN');
    expect(await outcome('coordinatorA', END_MINE, { id: addEmployee.id })).toBe('FORBIDDEN');
    expect(await outcome('anonymous', END_MINE, { id: addEmployee.id })).toBe('UNAUTHENTICATED');
    expect((await client.data(END_MINE, { id: addEmployee.id })).endMyEmployment.current).toBe(false);
    expect(fieldCodes(await client.request(END_MINE, { id: addEmployee.id }))).toEqual(['employmentId:ALREADY_ENDED']);

    const after = (await client.data(accounts)).me.person.employments;
    expect(after).toEqual([{ current: false, institution: { billingAccounts: [] } }]);
    expect(await t.app.dataSource.getRepository(Person).existsBy({ id: person.id })).toBe(true);
  });
});

describe('reading employees', () => {
  let searchable: { id: string; personId: string; code: string };

  beforeAll(async () => {
    const code = testPersonalCode(30_001);
    const { addEmployee } = await as.coordinatorA.data(ADD, {
      institutionId: w.institutionA,
      input: { personalCode: code, givenName: 'Žanna', familyName: 'Ēriņa', position: 'Galvenā grāmatvede', workEmail: 'zanna@a.lv' },
    });
    searchable = { id: addEmployee.id, personId: addEmployee.person.id, code };
  });

  test.each([
    ['a name without diacritics', 'zanna erina'],
    ['a name in capitals', 'ĒRIŅA'],
    ['the position', 'grāmatved'],
    ['the work e-mail', 'zanna@a'],
    ['the whole personal code', testPersonalCode(30_001)],
  ])('the coordinator finds an employee by %s', async (_case, q) => {
    const { employees } = await as.coordinatorA.data(EMPLOYEES, { filter: { q } });
    expect(employees.items.map((e: { id: string }) => e.id)).toEqual([searchable.id]);
  });

  test('a personal code of someone who is not an employee finds nothing, and the code is never shown in full', async () => {
    expect((await as.coordinatorA.data(EMPLOYEES, { filter: { q: testPersonalCode(39_999) } })).employees.total).toBe(0);
    const { employees } = await as.coordinatorA.data(EMPLOYEES, { perPage: 100 });
    expect(
      employees.items.every((e: { person: { personalCode: string | null } }) => e.person.personalCode === null || maskedPattern.test(e.person.personalCode)),
    ).toBe(true);
  });

  test('the list: staff see every institution, a coordinator only their own; naming another is FORBIDDEN', async () => {
    const institutionsOf = (page: { items: { institution: { id: string } }[] }) => new Set(page.items.map((e) => e.institution.id));
    const all = (await as.staff.data(EMPLOYEES, { perPage: 100 })).employees;
    expect(institutionsOf(all)).toEqual(new Set([w.institutionA, w.institutionB]));
    expect(institutionsOf((await as.coordinatorA.data(EMPLOYEES, { perPage: 100 })).employees)).toEqual(new Set([w.institutionA]));
    expect(institutionsOf((await as.coordinatorB.data(EMPLOYEES, { perPage: 100 })).employees)).toEqual(new Set([w.institutionB]));
    expect((await as.coordinatorB.data(EMPLOYEES, { filter: { ids: [searchable.id] } })).employees.total).toBe(0);
    expect(await outcome('coordinatorB', EMPLOYEES, { filter: { institutionId: w.institutionA } })).toBe('FORBIDDEN');
    expect(await outcome('participant', EMPLOYEES)).toBe('FORBIDDEN');
    expect(await outcome('anonymous', EMPLOYEES)).toBe('UNAUTHENTICATED');
  });

  test('pages and sorting', async () => {
    const first = (await as.staff.data(EMPLOYEES, { filter: { institutionId: w.institutionA }, perPage: 2, sort: { field: 'NAME' } })).employees;
    const second = (await as.staff.data(EMPLOYEES, { filter: { institutionId: w.institutionA }, perPage: 2, page: 2, sort: { field: 'NAME' } })).employees;
    expect(first.items).toHaveLength(2);
    expect(second.total).toBe(first.total);
    expect(first.items.map((e: { id: string }) => e.id)).not.toEqual(expect.arrayContaining(second.items.map((e: { id: string }) => e.id)));
    const newest = (await as.staff.data(EMPLOYEES, { filter: { institutionId: w.institutionA }, perPage: 1, sort: { field: 'STARTED_AT', order: 'DESC' } }))
      .employees;
    const latest = await employments().findOne({ where: { institutionId: w.institutionA }, order: { startedAt: 'DESC' } });
    expect(newest.items[0].id).toBe(latest!.id);
    expect(await as.staff.codes(EMPLOYEES, { perPage: 101 })).toEqual(['VALIDATION']);
  });

  test("Person.employments: the person and staff see all; a coordinator only their institution's; through nested fields too", async () => {
    // The searchable employee also works at B now.
    await as.coordinatorB.data(ADD, { institutionId: w.institutionB, input: { personalCode: searchable.code, givenName: 'Žanna', familyName: 'Ēriņa' } });
    const NESTED = `query($id: ID!) { employees(filter: { ids: [$id] }) { items { person { employments { institution { id } } } } } }`;
    const seenBy = async (client: Client, id: string) =>
      (await client.data(NESTED, { id })).employees.items
        .flatMap((e: { person: { employments: { institution: { id: string } }[] } }) => e.person.employments.map((x) => x.institution.id))
        .sort();
    expect(await seenBy(as.coordinatorA, searchable.id)).toEqual([w.institutionA]);
    const atB = await employments().findOneByOrFail({ personId: searchable.personId, institutionId: w.institutionB });
    expect(await seenBy(as.coordinatorB, atB.id)).toEqual([w.institutionB]);
    expect(await seenBy(as.staff, searchable.id)).toEqual([w.institutionA, w.institutionB].sort());
  });
});

describe('API tokens with EMPLOYEES_READ', () => {
  const tokenViewer = (institutionId: string | null, scopes: ApiScope[]): RequestContext => ({
    viewer: { kind: 'token', tokenId: 'test', scopes, institutionId, personId: null, roles: [], coordinatorInstitutionIds: [], lecturerId: null },
    lang: Language.LV,
  });

  test('read the employees of their own institution only (the row rule)', async () => {
    const service = t.app.services.employments;
    const own = await service.listEmployments(tokenViewer(w.institutionA, [ApiScope.EMPLOYEES_READ]), {}, undefined, { page: 1, perPage: 100 });
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.items.map((e) => e.institutionId))).toEqual(new Set([w.institutionA]));
    await expect(service.listEmployments(tokenViewer(w.institutionA, [ApiScope.EMPLOYEES_READ]), { institutionId: w.institutionB })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await service.listEmployments(tokenViewer(w.institutionA, [ApiScope.CATALOG_READ]), {})).total).toBe(0);
    const pages = await service.employmentPagesByInstitutionIds(tokenViewer(w.institutionA, [ApiScope.EMPLOYEES_READ]), [w.institutionA, w.institutionB], {
      page: 1,
      perPage: 100,
    });
    expect(pages.get(w.institutionA)!.total).toBe(own.total);
    expect(pages.get(w.institutionB)).toEqual({ items: [], total: 0 });
  });

  test('over HTTP with Authorization: Bearer', async () => {
    const tokens = t.app.services.apiTokens;
    const { token } = await tokens.createToken(systemContext(), { name: 'HR sistēma', scopes: [ApiScope.EMPLOYEES_READ], institutionId: w.institutionA });
    const bearer = { authorization: `Bearer ${token}` };
    const own = await t.anonymous.request(
      `{ employees(perPage: 100) { total items { institution { id } person { personalCode employments { institution { id } } } } } }`,
      {},
      bearer,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.employees.total).toBeGreaterThan(0);
    expect(new Set(own.data!.employees.items.map((e: { institution: { id: string } }) => e.institution.id))).toEqual(new Set([w.institutionA]));
    const theirEmployments = own.data!.employees.items.flatMap((e: { person: { employments: { institution: { id: string } }[] } }) =>
      e.person.employments.map((x) => x.institution.id),
    );
    expect(new Set(theirEmployments)).toEqual(new Set([w.institutionA]));
    const other = await t.anonymous.request(`query($id: ID!) { employees(filter: { institutionId: $id }) { total } }`, { id: w.institutionB }, bearer);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mutation = await t.anonymous.request(ADD, { institutionId: w.institutionA, input: newEmployee() }, bearer);
    expect(mutation.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('under concurrency and load', () => {
  test('concurrent additions of the same new person: one succeeds, the others are ALREADY_EXISTS, one row', async () => {
    const input = newEmployee();
    const results = await Promise.all([
      as.coordinatorA.request(ADD, { institutionId: w.institutionA, input }),
      as.staff.request(ADD, { institutionId: w.institutionA, input }),
      as.coordinatorA.request(ADD, { institutionId: w.institutionA, input }),
      as.staff.request(ADD, { institutionId: w.institutionA, input }),
    ]);
    const codes = results.map((r) => (r.errors?.length ? String(r.errors[0].extensions?.code) : 'OK')).sort();
    expect(codes).toEqual(['ALREADY_EXISTS', 'ALREADY_EXISTS', 'ALREADY_EXISTS', 'OK']);
    const person = (results.find((r) => !r.errors)!.data as { addEmployee: { person: { id: string } } }).addEmployee.person.id;
    expect(await employments().countBy({ personId: person, institutionId: w.institutionA, endedAt: IsNull() })).toBe(1);
  });

  test('the same new person added to two institutions at once is one person with two employments', async () => {
    const input = newEmployee();
    const results = await Promise.all([
      as.staff.request(ADD, { institutionId: w.institutionA, input }),
      as.staff.request(ADD, { institutionId: w.institutionB, input }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const ids = results.map((r) => (r.data as { addEmployee: { person: { id: string } } }).addEmployee.person.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await employments().countBy({ personId: ids[0] })).toBe(2);
  });

  test('institutions with their employees, accounts and coordinators cost the same number of statements for 1 or many institutions', async () => {
    const f = fixtures(t.app.dataSource);
    for (let i = 0; i < 5; i++) {
      const institution = await f.institution(`Papildu ${i}`);
      for (let e = 0; e < 3; e++) {
        const person = await f.person({ familyName: `Papildu${i}-${e}` });
        await f.employment(person.id, institution.id);
      }
    }
    const NESTED = `query($perPage: Int) { institutions(perPage: $perPage) { items {
      coordinators { fullName personalCode } billingAccounts { number institution { name } }
      employees(perPage: 5) { total items { current institution { name } person { fullName personalCode } } } } } }`;
    const statementsFor = async (perPage: number) => {
      const before = t.queries.count;
      const data = await as.staff.data(NESTED, { perPage });
      return { statements: t.queries.count - before, institutions: data.institutions.items.length };
    };
    const one = await statementsFor(1);
    const many = await statementsFor(100);
    expect(one.institutions).toBe(1);
    expect(many.institutions).toBeGreaterThanOrEqual(7);
    expect(many.statements).toBe(one.statements);
  });
});
