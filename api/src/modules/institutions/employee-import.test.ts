import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { Employment, EmploymentSource } from './institution.entity.js';
import { buildWorld, signedInPerson, testPersonalCode, type World } from '../../test/institutions-fixtures.js';
import { MAX_ROSTER_ROWS } from './roster-csv.js';

/** CSV roster import: the per-row report, dry runs, re-imports, file-level refusals and who may import. */

let t: TestApp;
let w: World;
let coordinatorA: Client;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  coordinatorA = await t.as(w.coordinatorA);
  await signedInPerson(t, 'Ella', 'Ēdole', ella);
});

afterAll(() => t?.stop());

const IMPORT = `mutation($institutionId: ID!, $csv: String!, $dryRun: Boolean!) {
  importEmployees(institutionId: $institutionId, csv: $csv, dryRun: $dryRun) {
    dryRun added updated unchanged refused
    rows { line status name personalCodeMasked reasons duplicateOfLine changedFields }
  }
}`;

const counts = async () => {
  const [row] = await t.app.dataSource.query(
    `SELECT (SELECT count(*)::int FROM employment) AS employments, (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM person_code) AS codes`,
  );
  return row as { employments: number; persons: number; codes: number };
};

const importAs = (client: Client, csv: string, dryRun: boolean, institutionId = w.institutionA) => client.request(IMPORT, { institutionId, csv, dryRun });

const masked = (code: string) => `******-***${code.slice(-2)}`;
const jānis = testPersonalCode(50_001);
const anna = testPersonalCode(50_002);

/** Signed in as Ella Ēdole: a roster row that names her otherwise is a mistyped code. */
const ella = testPersonalCode(50_099);

/**
 * A Latvian Excel export (BOM, ";", quotes, CRLF): two new people, the participant as she is, and
 * one row for each way a row can be refused. Built after the world exists (it holds the participant).
 */
const roster = () =>
  [
    '\uFEFFPersonas kods;Vārds;Uzvārds;E-pasts;Amats',
    `${jānis};Jānis;Bērziņš;janis@a.lv;Jurists`,
    `${anna};Anna;"Ozola";anna@a.lv;"Vadītāja; personāla daļa"`,
    '010101-10000;Pēteris;Kļūda;;',
    `${testPersonalCode(50_003)};;Bezvārda;;`,
    `${testPersonalCode(50_004)};Ilze;Liepa;nav-epasts;`,
    `${jānis};Jānis;Bērziņš;;`,
    `${testPersonalCode(50_005)};Ieva`,
    `${ella};Cits;Vārds;;`,
    `${w.participantCode};LĪGA;Dalībniece;;Juriste`,
    `${w.participantCode};Cits;Vārds;;`,
    '',
  ].join('\r\n');

describe('a roster with good, duplicate and malformed rows', () => {
  test('the dry run reports every row and writes nothing', async () => {
    const before = await counts();
    const result = await importAs(coordinatorA, roster(), true);
    expect(result.errors).toBeUndefined();
    const report = result.data!.importEmployees;
    expect(report).toMatchObject({ dryRun: true, added: 2, updated: 0, unchanged: 1, refused: 7 });
    expect(report.rows).toEqual([
      { line: 2, status: 'ADDED', name: 'Jānis Bērziņš', personalCodeMasked: masked(jānis), reasons: [], duplicateOfLine: null, changedFields: [] },
      { line: 3, status: 'ADDED', name: 'Anna Ozola', personalCodeMasked: masked(anna), reasons: [], duplicateOfLine: null, changedFields: [] },
      {
        line: 4,
        status: 'REFUSED',
        name: 'Pēteris Kļūda',
        personalCodeMasked: '******-***00',
        reasons: ['PERSONAL_CODE_CHECK_DIGIT'],
        duplicateOfLine: null,
        changedFields: [],
      },
      {
        line: 5,
        status: 'REFUSED',
        name: 'Bezvārda',
        personalCodeMasked: masked(testPersonalCode(50_003)),
        reasons: ['NAME_MISSING'],
        duplicateOfLine: null,
        changedFields: [],
      },
      {
        line: 6,
        status: 'REFUSED',
        name: 'Ilze Liepa',
        personalCodeMasked: masked(testPersonalCode(50_004)),
        reasons: ['INVALID_EMAIL'],
        duplicateOfLine: null,
        changedFields: [],
      },
      {
        line: 7,
        status: 'REFUSED',
        name: 'Jānis Bērziņš',
        personalCodeMasked: masked(jānis),
        reasons: ['DUPLICATE_ROW'],
        duplicateOfLine: 2,
        changedFields: [],
      },
      { line: 8, status: 'REFUSED', name: null, personalCodeMasked: null, reasons: ['WRONG_COLUMN_COUNT'], duplicateOfLine: null, changedFields: [] },
      {
        line: 9,
        status: 'REFUSED',
        name: 'Cits Vārds',
        personalCodeMasked: masked(ella),
        reasons: ['NAME_MISMATCH'],
        duplicateOfLine: null,
        changedFields: [],
      },
      {
        line: 10,
        status: 'UNCHANGED',
        name: 'LĪGA Dalībniece',
        personalCodeMasked: masked(w.participantCode),
        reasons: [],
        duplicateOfLine: null,
        changedFields: [],
      },
      {
        line: 11,
        status: 'REFUSED',
        name: 'Cits Vārds',
        personalCodeMasked: masked(w.participantCode),
        reasons: ['DUPLICATE_ROW'],
        duplicateOfLine: 10,
        changedFields: [],
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  test('the import adds the good rows in one go, recorded as IMPORT; refused rows change nothing', async () => {
    const before = await counts();
    const report = (await importAs(coordinatorA, roster(), false)).data!.importEmployees;
    expect(report).toMatchObject({ dryRun: false, added: 2, updated: 0, unchanged: 1, refused: 7 });
    expect(await counts()).toEqual({ employments: before.employments + 2, persons: before.persons + 2, codes: before.codes + 2 });

    const { employees } = await coordinatorA.data(
      `query($q: String) { employees(filter: { q: $q }) { items { source position workEmail person { fullName personalCode } } } }`,
      {
        q: 'Ozola',
      },
    );
    expect(employees.items).toEqual([
      { source: 'IMPORT', position: 'Vadītāja; personāla daļa', workEmail: 'anna@a.lv', person: { fullName: 'Anna Ozola', personalCode: masked(anna) } },
    ]);
    const imported = await t.app.dataSource.getRepository(Employment).findBy({ institutionId: w.institutionA, source: EmploymentSource.IMPORT });
    expect(imported.every((e) => e.addedBy === w.coordinatorA)).toBe(true);
  });

  test('importing the same file again changes nothing; a changed position or name is an update', async () => {
    const again = (await importAs(coordinatorA, roster(), false)).data!.importEmployees;
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, refused: 7 });

    const changed = roster().replace(`${jānis};Jānis;Bērziņš;janis@a.lv;Jurists`, `${jānis};Jānis;Bērziņš-Kalns;janis@a.lv;Vecākais jurists`);
    const dry = (await importAs(coordinatorA, changed, true)).data!.importEmployees;
    expect(dry.rows[0]).toMatchObject({ line: 2, status: 'UPDATED', changedFields: ['familyName', 'position'] });
    const before = await counts();
    const report = (await importAs(coordinatorA, changed, false)).data!.importEmployees;
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(await counts()).toEqual(before);
    const { employees } = await coordinatorA.data(`{ employees(filter: { q: "Bērziņš-Kalns" }) { items { position person { fullName } } } }`);
    expect(employees.items).toEqual([{ position: 'Vecākais jurists', person: { fullName: 'Jānis Bērziņš-Kalns' } }]);
  });

  test('an empty cell leaves the stored value; a signed-in person keeps the name the identity provider gave', async () => {
    const csv = `personal_code,given_name,family_name,position\n${w.participantCode},Līga,DALĪBNIECE,\n`;
    const report = (await importAs(coordinatorA, csv, false)).data!.importEmployees;
    expect(report.rows).toEqual([expect.objectContaining({ status: 'UNCHANGED', changedFields: [] })]);
    const { employees } = await coordinatorA.data(`query($q: String) { employees(filter: { q: $q }) { items { position person { fullName } } } }`, {
      q: w.participantCode,
    });
    expect(employees.items).toEqual([{ position: 'Juriste', person: { fullName: 'Līga Dalībniece' } }]);
  });

  test('someone the system knows already (employed elsewhere) is added as the same person, and the name is corrected until they sign in', async () => {
    const code = testPersonalCode(50_020);
    const staff = await t.as(w.staff);
    const ADD = `mutation($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { person { id } } }`;
    const atB = (await staff.data(ADD, { id: w.institutionB, input: { personalCode: code, givenName: 'Kristaps', familyName: 'Kalnins' } })).addEmployee;
    const report = (await importAs(coordinatorA, `personas_kods;vārds;uzvārds\n${code};Kristaps;Kalniņš\n`, false)).data!.importEmployees;
    expect(report.rows).toEqual([expect.objectContaining({ status: 'ADDED', name: 'Kristaps Kalniņš' })]);
    const here = await t.app.dataSource.getRepository(Employment).findBy({ personId: atB.person.id });
    expect(here.map((e) => e.institutionId).sort()).toEqual([w.institutionA, w.institutionB].sort());
    const { employees } = await coordinatorA.data(`query($q: String) { employees(filter: { q: $q }) { items { person { fullName } } } }`, { q: code });
    expect(employees.items).toEqual([{ person: { fullName: 'Kristaps Kalniņš' } }]);
  });

  test('English headers and "," work as well', async () => {
    const code = testPersonalCode(50_010);
    const csv = `given_name,family_name,personal_code,email\n"Marks","O'Brien",${code},marks@a.lv\n`;
    const report = (await importAs(coordinatorA, csv, false)).data!.importEmployees;
    expect(report).toMatchObject({ added: 1, refused: 0 });
    expect(report.rows[0]).toMatchObject({ line: 2, name: "Marks O'Brien", personalCodeMasked: masked(code) });
  });
});

describe('a file that cannot be a roster is refused as a whole', () => {
  const header = 'personas_kods;vārds;uzvārds\n';

  test.each([
    ['an empty file', '', 'REQUIRED'],
    ['a header without the names', 'personas_kods;amats\n320000-00001;X\n', 'MISSING_COLUMNS'],
    ['an unclosed quote', `${header}320000-00001;"Jānis;Bērziņš\n`, 'CSV_MALFORMED'],
    ['more rows than allowed', header + `${testPersonalCode(1)};A;B\n`.repeat(MAX_ROSTER_ROWS + 1), 'TOO_MANY_ROWS'],
    // Over the 1 MB roster limit but within the request body limit, so the API's own rule answers.
    ['over 1 MB', header + `${testPersonalCode(1)};${'Ā'.repeat(300)};B\n`.repeat(1700), 'FILE_TOO_LARGE'],
  ])('%s', async (_case, csv, code) => {
    const before = await counts();
    const result = await importAs(coordinatorA, csv, false);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ field: 'csv', code })] });
    expect(await counts()).toEqual(before);
  });
});

describe('who may import', () => {
  const csv = () => `personas_kods;vārds;uzvārds\n${testPersonalCode(60_000 + Math.floor(Math.random() * 1000))};Ēriks;Imports\n`;

  test('staff into any institution, a coordinator into their own', async () => {
    const staff = await t.as(w.staff);
    expect((await importAs(staff, csv(), false, w.institutionB)).data!.importEmployees.added).toBe(1);
    expect((await importAs(coordinatorA, csv(), true)).data!.importEmployees.added).toBe(1);
  });

  test.each([
    ['a coordinator of another institution', 'coordinatorB', 'FORBIDDEN'],
    ['a participant', 'participant', 'FORBIDDEN'],
    ['the anonymous', 'anonymous', 'UNAUTHENTICATED'],
  ] as const)('not %s, not even a dry run', async (_who, role, code) => {
    const client = role === 'anonymous' ? t.anonymous : await t.as(w[role]);
    const before = await counts();
    expect((await importAs(client, csv(), true)).errors?.[0].extensions?.code).toBe(code);
    expect((await importAs(client, csv(), false)).errors?.[0].extensions?.code).toBe(code);
    expect(await counts()).toEqual(before);
  });
});

test(`the largest roster allowed (${MAX_ROSTER_ROWS} rows) is checked and imported`, async () => {
  const rows = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => `${testPersonalCode(100_000 + i)};Vārds${i};Uzvārds${i};v${i}@a.lv;Amats`);
  const csv = ['personas_kods;vārds;uzvārds;e-pasts;amats', ...rows].join('\n');
  const dry = (await importAs(coordinatorA, csv, true)).data!.importEmployees;
  expect(dry).toMatchObject({ added: MAX_ROSTER_ROWS, refused: 0 });
  const before = await counts();
  const report = (await importAs(coordinatorA, csv, false)).data!.importEmployees;
  expect(report).toMatchObject({ added: MAX_ROSTER_ROWS, refused: 0 });
  expect((await counts()).employments).toBe(before.employments + MAX_ROSTER_ROWS);
}, 180_000);
