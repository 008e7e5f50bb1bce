import { IsNull } from 'typeorm';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { Person } from '../people/person.entity.js';
import { BillingAccount, Institution } from './institution.entity.js';
import { buildWorld, clientsOf, outcomeOf, signedInPerson, testIban, testPersonalCode, type Role, type World } from '../../test/institutions-fixtures.js';

/**
 * Institutions, billing accounts and coordinators: what each role may do (the authorization matrix
 * in docs/authorization.md), and the rules of each operation.
 */

let t: TestApp;
let w: World;
let as: Record<Role, Client>;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  as = await clientsOf(t, w);
});

afterAll(() => t?.stop());

const outcome = (role: Role, query: string, variables?: Record<string, unknown>) => outcomeOf(as[role], query, variables);

const count = async (table: string) => (await t.app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

const INSTITUTIONS = `{ institutions(perPage: 100) { total items { id } } }`;
const CREATE_INSTITUTION = `mutation($input: InstitutionInput!) {
  createInstitution(input: $input) { id code name registrationNumber vatNumber legalAddress { street city postcode countryCode } invoiceEmail }
}`;
const UPDATE_INSTITUTION = `mutation($id: ID!, $input: InstitutionInput!) {
  updateInstitution(id: $id, input: $input) { id code name registrationNumber vatNumber legalAddress { street city postcode countryCode } invoiceEmail }
}`;
const BILLING_ACCOUNTS = `query($filter: BillingAccountFilter) { billingAccounts(filter: $filter, perPage: 100) { total items { id number } } }`;
const CREATE_ACCOUNT = `mutation($institutionId: ID!, $input: BillingAccountInput!) {
  createBillingAccount(institutionId: $institutionId, input: $input) { id name number invoiceEmail archivedAt institution { id } }
}`;
const UPDATE_ACCOUNT = `mutation($id: ID!, $input: BillingAccountInput!) { updateBillingAccount(id: $id, input: $input) { id name number invoiceEmail } }`;
const ARCHIVE_ACCOUNT = `mutation($id: ID!) { archiveBillingAccount(id: $id) { id archivedAt } }`;
const RESTORE_ACCOUNT = `mutation($id: ID!) { restoreBillingAccount(id: $id) { id archivedAt } }`;
const APPOINT = `mutation($institutionId: ID!, $code: String!, $given: String!, $family: String!) {
  appointCoordinator(institutionId: $institutionId, personalCode: $code, givenName: $given, familyName: $family) { id fullName }
}`;
const REMOVE = `mutation($institutionId: ID!, $personId: ID!) { removeCoordinator(institutionId: $institutionId, personId: $personId) { id } }`;

const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

let serial = 0;
const valid = () => {
  serial += 1;
  return {
    code: `INST-${serial}`,
    name: `Iestāde ${serial}`,
    registrationNumber: String(40_000_000_000 + serial),
    vatNumber: `lv ${40_000_000_000 + serial}`,
    legalAddress: { street: ' Brīvības iela 1 ', city: 'Rīga', postcode: 'LV1010' },
    invoiceEmail: 'Rekini@Iestade.LV',
  };
};

describe('institutions (staff)', () => {
  test('staff create an institution with its requisites, cleaned up', async () => {
    const input = valid();
    const { createInstitution } = await as.staff.data(CREATE_INSTITUTION, { input });
    expect(createInstitution).toMatchObject({
      code: input.code,
      registrationNumber: input.registrationNumber,
      vatNumber: `LV${input.registrationNumber}`,
      legalAddress: { street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1010', countryCode: 'LV' },
      invoiceEmail: 'rekini@iestade.lv',
    });
  });

  test('every wrong requisite is reported at once and nothing is written', async () => {
    const before = await count('institution');
    const result = await as.staff.request(CREATE_INSTITUTION, {
      input: {
        code: 'a b',
        name: ' ',
        registrationNumber: '1234',
        vatNumber: 'EE123',
        invoiceEmail: 'rekini',
        legalAddress: { street: 'x'.repeat(201), city: 'Rīga', postcode: 'LV-10' },
      },
    });
    expect(result.errors?.[0].extensions?.code).toBe('VALIDATION');
    expect(fieldCodes(result)).toEqual([
      'code:INVALID_CODE',
      'invoiceEmail:INVALID_EMAIL',
      'legalAddress.postcode:INVALID_POSTCODE',
      'legalAddress.street:LENGTH',
      'name:REQUIRED',
      'registrationNumber:INVALID_REGISTRATION_NUMBER',
      'vatNumber:INVALID_VAT_NUMBER',
    ]);
    expect(fieldCodes(await as.staff.request(CREATE_INSTITUTION, { input: { code: 'X-1' } }))).toEqual(['name:REQUIRED', 'registrationNumber:REQUIRED']);
    expect(await count('institution')).toBe(before);
  });

  test('a taken code or registration number is ALREADY_EXISTS on that field', async () => {
    const first = valid();
    await as.staff.data(CREATE_INSTITUTION, { input: first });
    const sameCode = await as.staff.request(CREATE_INSTITUTION, { input: { ...valid(), code: first.code } });
    expect(sameCode.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'code' });
    const sameNumber = await as.staff.request(CREATE_INSTITUTION, { input: { ...valid(), registrationNumber: first.registrationNumber } });
    expect(sameNumber.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'registrationNumber' });
  });

  test('an update changes what it names, keeps the rest, and null clears an optional requisite', async () => {
    const { createInstitution: created } = await as.staff.data(CREATE_INSTITUTION, { input: valid() });
    const { updateInstitution } = await as.staff.data(UPDATE_INSTITUTION, { id: created.id, input: { name: 'Jaunais nosaukums', vatNumber: null } });
    expect(updateInstitution).toEqual({ ...created, name: 'Jaunais nosaukums', vatNumber: null });
    expect(fieldCodes(await as.staff.request(UPDATE_INSTITUTION, { id: created.id, input: { registrationNumber: null } }))).toEqual([
      'registrationNumber:REQUIRED',
    ]);
    expect(await as.staff.codes(UPDATE_INSTITUTION, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'X' } })).toEqual(['NOT_FOUND']);
  });

  test.each<[Role, string]>([
    ['coordinatorA', 'FORBIDDEN'],
    ['participant', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('%s may neither create nor change an institution, not even their own', async (role, code) => {
    expect(await outcome(role, CREATE_INSTITUTION, { input: valid() })).toBe(code);
    expect(await outcome(role, UPDATE_INSTITUTION, { id: w.institutionA, input: { name: 'Pārdēvēta' } })).toBe(code);
    expect((await t.app.dataSource.getRepository(Institution).findOneByOrFail({ id: w.institutionA })).name).toBe('Iestāde A');
  });

  test('the list: staff see all, a coordinator only their own, a participant and the anonymous nothing', async () => {
    const all = (await as.staff.data(INSTITUTIONS)).institutions;
    expect(all.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([w.institutionA, w.institutionB]));
    expect(idsOf((await as.coordinatorA.data(INSTITUTIONS)).institutions)).toEqual([w.institutionA]);
    expect(idsOf((await as.coordinatorB.data(INSTITUTIONS)).institutions)).toEqual([w.institutionB]);
    const byId = `query($ids: [ID!]) { institutions(filter: { ids: $ids }) { total } }`;
    expect((await as.coordinatorA.data(byId, { ids: [w.institutionB] })).institutions.total).toBe(0);
    expect(await outcome('participant', INSTITUTIONS)).toBe('FORBIDDEN');
    expect(await outcome('anonymous', INSTITUTIONS)).toBe('UNAUTHENTICATED');
  });

  test('one institution: staff any, a coordinator their own; another is FORBIDDEN, an unknown one NOT_FOUND', async () => {
    const ONE = `query($id: ID!) { institution(id: $id) { id name } }`;
    expect((await as.coordinatorA.data(ONE, { id: w.institutionA })).institution).toEqual({ id: w.institutionA, name: 'Iestāde A' });
    expect(await outcome('coordinatorA', ONE, { id: w.institutionB })).toBe('FORBIDDEN');
    expect(await outcome('staff', ONE, { id: w.institutionB })).toBe('OK');
    expect(await outcome('staff', ONE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await outcome('participant', ONE, { id: w.institutionA })).toBe('FORBIDDEN');
    expect(await outcome('anonymous', ONE, { id: w.institutionA })).toBe('UNAUTHENTICATED');
  });
});

describe('billing accounts', () => {
  let n = 100;
  const account = (overrides: Record<string, unknown> = {}) => ({ name: 'Mācību budžets', number: testIban(++n), ...overrides });

  test("staff and the institution's own coordinator create accounts; the number is stored as an IBAN without spaces", async () => {
    const number = testIban(++n);
    const spaced = number.replace(/(.{4})/g, '$1 ').toLowerCase();
    const { createBillingAccount } = await as.coordinatorA.data(CREATE_ACCOUNT, {
      institutionId: w.institutionA,
      input: { name: ' Projekts ', number: spaced, invoiceEmail: 'Projekts@Iestade.lv' },
    });
    expect(createBillingAccount).toMatchObject({
      name: 'Projekts',
      number,
      invoiceEmail: 'projekts@iestade.lv',
      archivedAt: null,
      institution: { id: w.institutionA },
    });
    expect(await outcome('staff', CREATE_ACCOUNT, { institutionId: w.institutionB, input: account() })).toBe('OK');
  });

  test.each<[Role, string]>([
    ['coordinatorB', 'FORBIDDEN'],
    ['participant', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('%s cannot create, change, archive or restore an account of institution A', async (role, code) => {
    const before = await count('billing_account');
    expect(await outcome(role, CREATE_ACCOUNT, { institutionId: w.institutionA, input: account() })).toBe(code);
    expect(await outcome(role, UPDATE_ACCOUNT, { id: w.accountA, input: { name: 'Cits' } })).toBe(code);
    expect(await outcome(role, ARCHIVE_ACCOUNT, { id: w.accountA })).toBe(code);
    expect(await outcome(role, RESTORE_ACCOUNT, { id: w.archivedAccountA })).toBe(code);
    expect(await count('billing_account')).toBe(before);
    const stored = await t.app.dataSource.getRepository(BillingAccount).findOneByOrFail({ id: w.accountA });
    expect(stored).toMatchObject({ name: 'Personāla daļa', archivedAt: null });
  });

  test('a number that is not an IBAN, or without a name, is refused field by field', async () => {
    const badCheck = testIban(++n).replace(/^LV(\d\d)/, (_m, digits: string) => `LV${String((Number(digits) + 1) % 100).padStart(2, '0')}`);
    const result = await as.coordinatorA.request(CREATE_ACCOUNT, { institutionId: w.institutionA, input: { name: '', number: badCheck, invoiceEmail: 'x@' } });
    expect(fieldCodes(result)).toEqual(['invoiceEmail:INVALID_EMAIL', 'name:REQUIRED', 'number:INVALID_IBAN']);
    expect(fieldCodes(await as.coordinatorA.request(CREATE_ACCOUNT, { institutionId: w.institutionA, input: { name: 'X' } }))).toEqual(['number:REQUIRED']);
  });

  test('a number is unique within an institution (archived accounts included), not across institutions', async () => {
    const input = account();
    await as.staff.data(CREATE_ACCOUNT, { institutionId: w.institutionA, input });
    const again = await as.staff.request(CREATE_ACCOUNT, { institutionId: w.institutionA, input: { ...input, name: 'Otrs' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'number' });
    expect(await outcome('staff', CREATE_ACCOUNT, { institutionId: w.institutionB, input })).toBe('OK');
    const archivedNumber = (await t.app.dataSource.getRepository(BillingAccount).findOneByOrFail({ id: w.archivedAccountA })).number;
    const clash = await as.coordinatorA.request(UPDATE_ACCOUNT, { id: w.accountA, input: { number: archivedNumber } });
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'number' });
  });

  test('the coordinator renames, archives and restores their account; unknown ids are NOT_FOUND', async () => {
    const { createBillingAccount: created } = await as.coordinatorA.data(CREATE_ACCOUNT, { institutionId: w.institutionA, input: account() });
    expect((await as.coordinatorA.data(UPDATE_ACCOUNT, { id: created.id, input: { name: 'Pārdēvēts' } })).updateBillingAccount).toMatchObject({
      name: 'Pārdēvēts',
      number: created.number,
    });
    expect((await as.coordinatorA.data(ARCHIVE_ACCOUNT, { id: created.id })).archiveBillingAccount.archivedAt).not.toBeNull();
    const active = (await as.coordinatorA.data(BILLING_ACCOUNTS, { filter: { institutionId: w.institutionA } })).billingAccounts;
    expect(idsOf(active)).not.toContain(created.id);
    expect((await as.coordinatorA.data(RESTORE_ACCOUNT, { id: created.id })).restoreBillingAccount.archivedAt).toBeNull();
    expect(await as.coordinatorA.codes(ARCHIVE_ACCOUNT, { id: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
  });

  test("the list: staff see every institution's, a coordinator their own; naming another institution is FORBIDDEN", async () => {
    const all = (await as.staff.data(BILLING_ACCOUNTS, { filter: { includeArchived: true } })).billingAccounts;
    expect(idsOf(all)).toEqual(expect.arrayContaining([w.accountA, w.archivedAccountA, w.accountB]));
    const own = (await as.coordinatorA.data(BILLING_ACCOUNTS, { filter: { includeArchived: true } })).billingAccounts;
    expect(idsOf(own)).toEqual(expect.arrayContaining([w.accountA, w.archivedAccountA]));
    expect(idsOf(own)).not.toContain(w.accountB);
    expect(idsOf((await as.coordinatorA.data(BILLING_ACCOUNTS, { filter: { ids: [w.accountB] } })).billingAccounts)).toEqual([]);
    expect(await outcome('coordinatorA', BILLING_ACCOUNTS, { filter: { institutionId: w.institutionB } })).toBe('FORBIDDEN');
    expect(await outcome('participant', BILLING_ACCOUNTS)).toBe('FORBIDDEN');
    expect(await outcome('anonymous', BILLING_ACCOUNTS)).toBe('UNAUTHENTICATED');
  });
});

describe('coordinators (staff appoint and remove)', () => {
  const COORDINATORS = `query($ids: [ID!]) { institutions(filter: { ids: $ids }) { items { coordinators { id fullName personalCode } } } }`;

  test('a person who never signed in is appointed by code; signing in later they are the same person and a coordinator', async () => {
    const code = testPersonalCode(1001);
    const { appointCoordinator } = await as.staff.data(APPOINT, { institutionId: w.institutionB, code, given: ' Rūta ', family: 'Jauna' });
    expect(appointCoordinator.fullName).toBe('Rūta Jauna');
    const stored = await t.app.dataSource.getRepository(Person).findOneByOrFail({ id: appointCoordinator.id });
    expect(stored.lastSignInAt).toBeNull();
    const listed = (await as.staff.data(COORDINATORS, { ids: [w.institutionB] })).institutions.items[0].coordinators;
    expect(listed.map((p: { id: string }) => p.id)).toContain(appointCoordinator.id);

    const signedIn = await signedInPerson(t, 'Rūta', 'Jauna', code.replace('-', ''));
    expect(signedIn.id).toBe(appointCoordinator.id);
    const client = await t.as(signedIn.id);
    expect((await client.data(`{ me { roles } }`)).me.roles).toContain('COORDINATOR');
    expect(idsOf((await client.data(INSTITUTIONS)).institutions)).toEqual([w.institutionB]);
  });

  test('appointing again is ALREADY_EXISTS; a signed-in person under another name is NAME_MISMATCH; a bad code is refused', async () => {
    const code = testPersonalCode(1002);
    await as.staff.data(APPOINT, { institutionId: w.institutionA, code, given: 'Ivars', family: 'Kalns' });
    const again = await as.staff.request(APPOINT, { institutionId: w.institutionA, code, given: 'Ivars', family: 'Kalns' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'personalCode' });

    const mismatch = await as.staff.request(APPOINT, { institutionId: w.institutionA, code: w.participantCode, given: 'Cits', family: 'Vārds' });
    expect(fieldCodes(mismatch)).toEqual(['familyName:NAME_MISMATCH', 'givenName:NAME_MISMATCH']);
    const coordinatorsOfA = (await as.staff.data(COORDINATORS, { ids: [w.institutionA] })).institutions.items[0].coordinators;
    expect(coordinatorsOfA.map((p: { id: string }) => p.id)).not.toContain(w.participant);

    expect(fieldCodes(await as.staff.request(APPOINT, { institutionId: w.institutionA, code: '123', given: '', family: 'X' }))).toEqual([
      'givenName:REQUIRED',
      'personalCode:PERSONAL_CODE_FORMAT',
    ]);
    expect(
      await as.staff.codes(APPOINT, { institutionId: '00000000-0000-4000-8000-000000000000', code: testPersonalCode(1003), given: 'A', family: 'B' }),
    ).toEqual(['NOT_FOUND']);
  });

  test('removing a coordinator takes effect on their next request; the person stays', async () => {
    const code = testPersonalCode(1004);
    const { appointCoordinator } = await as.staff.data(APPOINT, { institutionId: w.institutionA, code, given: 'Oskars', family: 'Vējš' });
    const client = await t.as(appointCoordinator.id);
    expect(idsOf((await client.data(INSTITUTIONS)).institutions)).toEqual([w.institutionA]);
    expect((await as.staff.data(REMOVE, { institutionId: w.institutionA, personId: appointCoordinator.id })).removeCoordinator.id).toBe(appointCoordinator.id);
    expect(await client.codes(INSTITUTIONS)).toEqual(['FORBIDDEN']);
    expect(await t.app.dataSource.getRepository(Person).existsBy({ id: appointCoordinator.id })).toBe(true);
    expect(await as.staff.codes(REMOVE, { institutionId: w.institutionA, personId: appointCoordinator.id })).toEqual(['NOT_FOUND']);
  });

  test.each<[Role, string]>([
    ['coordinatorA', 'FORBIDDEN'],
    ['participant', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('%s may neither appoint nor remove coordinators, not even of their own institution', async (role, code) => {
    const before = await count('institution_coordinator');
    expect(await outcome(role, APPOINT, { institutionId: w.institutionA, code: testPersonalCode(1100), given: 'A', family: 'B' })).toBe(code);
    expect(await outcome(role, REMOVE, { institutionId: w.institutionA, personId: w.coordinatorA })).toBe(code);
    expect(await count('institution_coordinator')).toBe(before);
  });
});

describe('nested fields show each viewer only their part', () => {
  const NESTED = `{ institutions(perPage: 100) { items { id
    billingAccounts(includeArchived: true) { id }
    coordinators { id personalCode }
    employees(perPage: 100) { total items { person { id } } } } } }`;
  const MY_EMPLOYERS = `{ me { person { employments { current institution { id
    billingAccounts(includeArchived: true) { id } coordinators { id } employees { total } } } } } }`;

  test('a coordinator of A reaches only A, with its accounts, coordinators and employees', async () => {
    const items = (await as.coordinatorA.data(NESTED)).institutions.items;
    expect(items).toHaveLength(1);
    expect(items[0].id).toBe(w.institutionA);
    expect(items[0].billingAccounts.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([w.accountA, w.archivedAccountA]));
    expect(items[0].billingAccounts.map((a: { id: string }) => a.id)).not.toContain(w.accountB);
    expect(items[0].coordinators.map((p: { id: string }) => p.id)).toContain(w.coordinatorA);
    expect(items[0].employees.items.map((e: { person: { id: string } }) => e.person.id)).toContain(w.participant);
  });

  test('staff reach every institution with all its parts', async () => {
    const items = (await as.staff.data(NESTED)).institutions.items;
    const b = items.find((i: { id: string }) => i.id === w.institutionB);
    expect(b.billingAccounts.map((a: { id: string }) => a.id)).toContain(w.accountB);
    expect(b.coordinators.map((p: { id: string }) => p.id)).toContain(w.coordinatorB);
  });

  test("an employee sees their employer's active accounts (to choose one, R-ID-4), but not archived ones, its coordinators or colleagues", async () => {
    const employments = (await as.participant.data(MY_EMPLOYERS)).me.person.employments;
    const atA = employments.find((e: { institution: { id: string } }) => e.institution.id === w.institutionA);
    expect(atA.current).toBe(true);
    const active = await t.app.dataSource.getRepository(BillingAccount).findBy({ institutionId: w.institutionA, archivedAt: IsNull() });
    expect(atA.institution.billingAccounts.map((a: { id: string }) => a.id).sort()).toEqual(active.map((a) => a.id).sort());
    expect(atA.institution.billingAccounts.map((a: { id: string }) => a.id)).toContain(w.accountA);
    expect(atA.institution.billingAccounts.map((a: { id: string }) => a.id)).not.toContain(w.archivedAccountA);
    expect(atA.institution.coordinators).toEqual([]);
    expect(atA.institution.employees.total).toBe(0);
  });
});
