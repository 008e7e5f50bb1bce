import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { testPersonalCode } from '../../test/institutions-fixtures.js';

/**
 * The audit log (R-NF-3) through the real server: a list of operations and the rows each leaves
 * (who, from where, what changed, secrets masked), reading a full personal code, and a log nobody
 * can change: not through the API, and not even with SQL typed by hand.
 */

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let staffId: string;
let coordinator: Client;
let coordinatorId: string;
let institutionId: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  staffId = (await f.staff()).id;
  staff = await t.as(staffId);
  institutionId = (await f.institution('Valsts kanceleja')).id;
  coordinatorId = (await f.person({ givenName: 'Koordinatore', familyName: 'Ozola', coordinates: [institutionId] })).id;
  coordinator = await t.as(coordinatorId);
});
afterAll(() => t?.stop());

interface Row {
  action: string;
  entity: string;
  entityId: string | null;
  personId: string | null;
  actorPersonId: string | null;
  actorTokenId: string | null;
  actorIp: string | null;
  actorName: string | null;
  changes: { field: string; old: string | null; new: string | null }[];
}
const LOG = `query ($f: AuditFilter) { auditLog(filter: $f, perPage: 100) { total items { action entity entityId personId actorPersonId actorTokenId actorIp actorName changes { field old new } } } }`;

/** The rows about a person, oldest first. */
async function rowsAbout(personId: string): Promise<Row[]> {
  return ((await staff.data(LOG, { f: { personId } })).auditLog.items as Row[]).reverse();
}

const change = (row: Row, field: string) => row.changes.find((c) => c.field === field);
const LOCAL = /^(::ffff:)?127\.0\.0\.1$|^::1$/;

test('a coordinator adds an employee: the person, the personal code (masked) and the employment, each with who and from where', async () => {
  const code = testPersonalCode(31_337);
  const { addEmployee } = await coordinator.data(
    `mutation ($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { id person { id } } }`,
    {
      id: institutionId,
      input: { personalCode: code, givenName: 'Žanna', familyName: 'Ēķe' },
    },
  );
  const personId = addEmployee.person.id;
  const rows = await rowsAbout(personId);
  expect(rows.map((r) => [r.action, r.entity])).toEqual(
    expect.arrayContaining([
      ['INSERT', 'person'],
      ['INSERT', 'person_code'],
      ['INSERT', 'employment'],
    ]),
  );
  for (const row of rows) {
    expect(row).toMatchObject({ actorPersonId: coordinatorId, actorName: 'Koordinatore Ozola', actorTokenId: null });
    expect(row.actorIp).toMatch(LOCAL);
  }
  const person = rows.find((r) => r.entity === 'person')!;
  expect(change(person, 'given_name')).toEqual({ field: 'given_name', old: null, new: 'Žanna' });
  const codeRow = rows.find((r) => r.entity === 'person_code')!;
  expect(change(codeRow, 'code_encrypted')).toEqual({ field: 'code_encrypted', old: null, new: '***' });
  expect(change(codeRow, 'code_index')?.new).toBe('***');
  // The code itself is nowhere in the log, in any form the API writes it.
  const all = JSON.stringify(await t.app.dataSource.query(`SELECT * FROM audit_log`));
  expect(all).not.toContain(code.replace('-', ''));
  expect(all).not.toContain(code);
});

test('a person changes their profile, registers and cancels: old and new values, the person as actor', async () => {
  const person = await f.person({ givenName: 'Pēteris', familyName: 'Liepa', phone: '+371 20000000' });
  const client = await t.as(person.id);
  await client.data(`mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { person { id } } }`, {
    input: { phone: '+371 29999999', declaredAddress: { street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1050' } },
  });
  const group = await f.group((await f.course((await f.topic()).id, { priceCents: 0 })).id);
  const { register } = await client.data(`mutation ($input: RegisterInput!) { register(input: $input) { id status } }`, { input: { groupId: group.id } });
  await client.data(`mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { id status } }`, {
    input: { id: register.id, reason: 'Slimība' },
  });

  const rows = (await rowsAbout(person.id)).filter((r) => r.actorPersonId === person.id);
  const profile = rows.find((r) => r.entity === 'person' && r.action === 'UPDATE')!;
  expect(change(profile, 'phone')).toEqual({ field: 'phone', old: '+371 20000000', new: '+37129999999' });
  // An address in parts is kept as its JSON text.
  const address = change(profile, 'declared_address')!;
  expect(address.old).toBeNull();
  expect(JSON.parse(String(address.new))).toEqual({ street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1050', countryCode: 'LV' });
  const registration = rows.filter((r) => r.entity === 'registration' && r.entityId === register.id);
  expect(registration.map((r) => r.action)).toEqual(expect.arrayContaining(['INSERT', 'UPDATE']));
  const cancelled = registration.find((r) => r.action === 'UPDATE' && change(r, 'status')?.new === 'CANCELLED')!;
  expect(change(cancelled, 'status')?.old).toBe(register.status);
  expect(cancelled.actorIp).toMatch(LOCAL);
});

test('a full personal code read by staff leaves a READ row; the owner reading theirs and a coordinator the masked one do not', async () => {
  const code = testPersonalCode(41_414);
  const { addEmployee } = await coordinator.data(
    `mutation ($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { id person { id } } }`,
    {
      id: institutionId,
      input: { personalCode: code, givenName: 'Rūta', familyName: 'Kalna' },
    },
  );
  const personId = addEmployee.person.id;
  const reads = async () => (await rowsAbout(personId)).filter((r) => r.action === 'READ');

  const masked = await coordinator.data(`query ($id: ID!) { employees(filter: { institutionId: $id }) { items { person { id personalCode } } } }`, {
    id: institutionId,
  });
  expect(masked.employees.items.find((e: { person: { id: string } }) => e.person.id === personId).person.personalCode).toMatch(/^\*{6}-\*{3}\d\d$/);
  expect(await reads()).toEqual([]);

  const owner = await t.as(personId);
  expect((await owner.data(`{ me { person { personalCode } } }`)).me.person.personalCode).toBe(code);
  expect(await reads()).toEqual([]);

  const { people } = await staff.data(`query ($q: String) { people(filter: { q: $q }) { items { id personalCode } } }`, { q: 'Rūta Kalna' });
  expect(people.items.find((p: { id: string }) => p.id === personId).personalCode).toBe(code);
  const [read] = await reads();
  expect(read).toMatchObject({ entity: 'person', entityId: personId, actorPersonId: staffId, changes: [{ field: 'personalCode', old: null, new: null }] });
  expect(read.actorIp).toMatch(LOCAL);
});

test("an API token's hash is masked; the system's own writes have no actor", async () => {
  const { createApiToken } = await staff.data(`mutation ($input: ApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }`, {
    input: { name: 'Audita pārbaude', scopes: ['CATALOG_READ'] },
  });
  const [row] = (await staff.data(LOG, { f: { entity: 'api_token', entityId: createApiToken.apiToken.id } })).auditLog.items as Row[];
  expect(row).toMatchObject({ action: 'INSERT', actorPersonId: staffId });
  expect(change(row, 'token_hash')).toEqual({ field: 'token_hash', old: null, new: '***' });
  expect(JSON.stringify(await t.app.dataSource.query(`SELECT changes FROM audit_log`))).not.toContain(createApiToken.token);

  // A fixture writes straight to the database, as a job would: the row is there, without an actor.
  const person = await f.person({ givenName: 'Sistēma', familyName: 'Ieraksta' });
  const [inserted] = await rowsAbout(person.id);
  expect(inserted).toMatchObject({ action: 'INSERT', entity: 'person', actorPersonId: null, actorTokenId: null, actorIp: null });
});

test('the log is append-only: no mutation touches it, and the database refuses UPDATE, DELETE and TRUNCATE', async () => {
  const { __schema } = await staff.data(`{ __schema { mutationType { fields { name } } } }`);
  expect(__schema.mutationType.fields.map((m: { name: string }) => m.name).filter((name: string) => /audit/i.test(name))).toEqual([]);
  const ds = t.app.dataSource;
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM audit_log`);
  expect(count).toBeGreaterThan(0);
  await expect(ds.query(`UPDATE audit_log SET note = 'changed'`)).rejects.toThrow(/append-only/);
  await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  const [{ after }] = await ds.query(`SELECT count(*)::int AS after FROM audit_log`);
  expect(after).toBeGreaterThanOrEqual(count);
  expect((await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE note = 'changed'`))[0].n).toBe(0);
});

test('the anonymous questionnaire answers have no audit trigger: a row naming who answered would undo their anonymity', async () => {
  const triggers: { table: string }[] = await t.app.dataSource.query(
    `SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname LIKE '%\\_audit' ORDER BY 1`,
  );
  const tables = triggers.map((row) => row.table);
  expect(tables).toEqual(expect.arrayContaining(['person', 'person_code', 'registration', 'invoice', 'billing_account', 'employment']));
  expect(tables).not.toContain('questionnaire_response');
  expect(tables).not.toContain('questionnaire_completion');
});

test('only staff read the log', async () => {
  expect(await coordinator.codes(LOG)).toEqual(['FORBIDDEN']);
  expect(await t.anonymous.codes(LOG)).toEqual(['UNAUTHENTICATED']);
});
