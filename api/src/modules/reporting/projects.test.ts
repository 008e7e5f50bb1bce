import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { SESSION_COOKIE } from '../../http/cookies.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { AttendanceMark, AttendanceStatus } from '../attendance/attendance-mark.entity.js';
import { PersonCode } from '../people/person.entity.js';
import { oldFormatPersonalCode } from '../people/personal-code.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { AgeBand, EducationLevel, EmploymentStatus, RegistrationIndicatorData } from './project.entity.js';
import { ageBandOn } from './projects.service.js';

/**
 * EU-funded projects (R-FIN-2) through the real server: staff keep projects; registering into a
 * project group needs the ESF+ answers with consent and keeps them as a snapshot; the report and
 * its files count a small fixture whose numbers are worked out by hand below.
 */

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let staffId: string;
let topic: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  staffId = (await f.staff()).id;
  staff = await t.as(staffId);
  topic = (await f.topic()).id;
});

afterAll(() => t?.stop());

const PROJECT_FIELDS = `id code nameLv nameEn fund startsOn endsOn indicators { code nameLv nameEn target }`;
const CREATE = `mutation ($input: EuProjectInput!) { createEuProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: EuProjectInput!) { updateEuProject(id: $id, input: $input) { ${PROJECT_FIELDS} } }`;
const LIST = `query ($filter: EuProjectFilter) { euProjects(filter: $filter) { total items { id code } } }`;
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { id status indicatorDataMissing indicatorData { gender ageBand employmentStatus educationLevel rural consentAt } } }`;
const SUBMIT = `mutation ($id: ID!, $input: IndicatorDataInput!) { submitIndicatorData(registrationId: $id, input: $input) { registrationId ageBand employmentStatus } }`;
const REPORT = `query ($id: ID!, $from: String!, $to: String!) {
  euProjectReport(projectId: $id, from: $from, to: $to) {
    groups { groupCode participants plannedHours attendedHours completions withIndicatorData indicators { code count } }
    totals { groups participants plannedHours attendedHours completions withIndicatorData indicatorDataShare indicators { code count } }
    indicators { code target count }
  }
}`;

const day = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date(Date.now() + offsetDays * 86_400_000));
let projectSeq = 0;
const newProject = async (indicators: { code: string; nameLv: string; target: number }[] = []) =>
  (
    await staff.data(CREATE, {
      input: {
        code: `4.2.1.1/23/ESF+/${String(++projectSeq).padStart(3, '0')}`,
        nameLv: 'Profesionālā pilnveide',
        fund: 'ESF_PLUS',
        startsOn: '2024-01-01',
        endsOn: '2029-12-31',
        indicators,
      },
    })
  ).createEuProject as { id: string; code: string };

async function withCode(personId: string, code: string) {
  const codes = t.app.services.codes;
  await t.app.dataSource.getRepository(PersonCode).insert({ codeIndex: codes.index(code), personId, codeEncrypted: codes.encrypt(code), replacedAt: null });
}

const ANSWERS = { consent: true, gender: 'FEMALE', employmentStatus: 'EMPLOYED', educationLevel: 'ISCED_5_8', rural: false };

test('staff create, list and change projects; the input is checked; others may not', async () => {
  const project = await newProject([{ code: 'EECO01', nameLv: 'Dalībnieki', target: 100 }]);
  expect(project.code).toMatch(/ESF\+/);

  const bad = await staff.request(CREATE, {
    input: {
      code: '',
      nameLv: ' ',
      fund: 'ESF_PLUS',
      startsOn: '2025-02-30',
      endsOn: '2024-01-01',
      indicators: [
        { code: 'A', nameLv: 'x', target: -1 },
        { code: 'A', nameLv: '', target: 1 },
      ],
    },
  });
  expect(fieldCodes(bad)).toEqual([
    'code:INVALID_CODE',
    'indicators.0.target:OUT_OF_RANGE',
    'indicators.1.code:DUPLICATE',
    'indicators.1.nameLv:REQUIRED',
    'nameLv:REQUIRED',
    'startsOn:INVALID_DATE',
  ]);
  const taken = await staff.request(CREATE, { input: { code: project.code, nameLv: 'Cits', fund: 'ERAF', startsOn: '2024-01-01', endsOn: '2024-12-31' } });
  expect(taken.errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');

  const { updateEuProject } = await staff.data(UPDATE, {
    id: project.id,
    input: { nameEn: 'Professional development', endsOn: '2030-06-30', indicators: [{ code: 'EECO07', nameLv: 'Jaunieši', nameEn: 'Below 30', target: 20 }] },
  });
  expect(updateEuProject).toMatchObject({ nameLv: 'Profesionālā pilnveide', nameEn: 'Professional development', endsOn: '2030-06-30', startsOn: '2024-01-01' });
  expect(updateEuProject.indicators).toEqual([{ code: 'EECO07', nameLv: 'Jaunieši', nameEn: 'Below 30', target: 20 }]);
  expect(fieldCodes(await staff.request(UPDATE, { id: project.id, input: { endsOn: '2023-01-01' } }))).toEqual(['endsOn:BEFORE_START']);

  const { euProjects } = await staff.data(LIST, { filter: { q: project.code } });
  expect(euProjects).toEqual({ total: 1, items: [{ id: project.id, code: project.code }] });

  const participant = await t.as((await f.person()).id);
  expect(await participant.codes(LIST)).toEqual(['FORBIDDEN']);
  expect(await t.anonymous.codes(LIST)).toEqual(['UNAUTHENTICATED']);
});

test('a group inherits its course’s project unless it names its own; courses and groups take one through their inputs', async () => {
  const [p1, p2] = [await newProject(), await newProject()];
  const course = await f.course(topic);
  const { updateCourse } = await staff.data(`mutation ($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { euProjectId } }`, {
    id: course.id,
    input: { euProjectId: p1.id },
  });
  expect(updateCourse.euProjectId).toBe(p1.id);
  const [inherits, own] = [await f.group(course.id), await f.group(course.id)];
  await staff.data(`mutation ($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { euProjectId } }`, {
    id: own.id,
    input: { euProjectId: p2.id },
  });
  const GROUP = `query ($id: ID!) { group(id: $id) { euProjectId euProject { id code } } }`;
  expect((await t.anonymous.data(GROUP, { id: inherits.id })).group).toEqual({ euProjectId: null, euProject: { id: p1.id, code: p1.code } });
  expect((await t.anonymous.data(GROUP, { id: own.id })).group).toEqual({ euProjectId: p2.id, euProject: { id: p2.id, code: p2.code } });
  const unknown = await staff.request(`mutation ($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { id } }`, {
    id: own.id,
    input: { euProjectId: '00000000-0000-4000-8000-000000000000' },
  });
  expect(fieldCodes(unknown)).toEqual(['euProjectId:UNKNOWN_PROJECT']);
});

test('registering into a project group needs the answers with consent, keeps them as a snapshot that profile changes leave alone', async () => {
  const project = await newProject();
  const course = await f.course(topic, { priceCents: 0, euProjectId: project.id });
  const group = await f.group(course.id);
  const plain = await f.group((await f.course(topic, { priceCents: 0 })).id);
  const person = await f.person({ email: 'marta@example.test' });
  await withCode(person.id, oldFormatPersonalCode({ day: 15, month: 6, year: 2001 }, 42));
  const marta = await t.as(person.id);

  expect(fieldCodes(await marta.request(REGISTER, { input: { groupId: group.id } }))).toEqual(['indicatorData:REQUIRED']);
  expect(fieldCodes(await marta.request(REGISTER, { input: { groupId: group.id, indicatorData: { ...ANSWERS, consent: false } } }))).toEqual([
    'indicatorData.consent:REQUIRED',
  ]);
  // Nothing was kept of the refused attempts.
  expect(await t.app.dataSource.getRepository(RegistrationIndicatorData).count()).toBe(0);

  // The code's birth date decides the age band; an answer given for it is ignored.
  const { register } = await marta.data(REGISTER, { input: { groupId: group.id, indicatorData: { ...ANSWERS, ageBand: 'FROM_55' } } });
  expect(register).toMatchObject({
    status: 'CONFIRMED',
    indicatorDataMissing: false,
    indicatorData: { gender: 'FEMALE', ageBand: 'UNDER_30', employmentStatus: 'EMPLOYED', educationLevel: 'ISCED_5_8', rural: false },
  });
  // A group outside any project asks nothing and keeps nothing.
  expect((await marta.data(REGISTER, { input: { groupId: plain.id } })).register).toMatchObject({ indicatorDataMissing: false, indicatorData: null });

  const before = await t.app.dataSource.getRepository(RegistrationIndicatorData).findOneByOrFail({ registrationId: register.id });
  await marta.data(`mutation { updateMyProfile(input: { phone: "+37120000000", email: "marta.jauna@example.test" }) { person { email } } }`);
  // A new-format code replaces the old one: the snapshot still says what was true at registration.
  await t.app.dataSource.getRepository(PersonCode).update({ personId: person.id }, { replacedAt: new Date() });
  await withCode(person.id, '32101112345');
  expect(await t.app.dataSource.getRepository(RegistrationIndicatorData).findOneByOrFail({ registrationId: register.id })).toEqual(before);
  // ... and it cannot be given again.
  expect(await marta.codes(SUBMIT, { id: register.id, input: ANSWERS })).toEqual(['ALREADY_EXISTS']);
});

test('a coordinator’s registration keeps no answers: its person gives them later, with the age band asked when the code has no birth date', async () => {
  const project = await newProject();
  const institution = await f.institution();
  const course = await f.course(topic, { priceCents: 0, euProjectId: project.id });
  const group = await f.group(course.id);
  const person = await f.person();
  await withCode(person.id, '32987654321');
  await f.employment(person.id, institution.id);
  const coordinator = await t.as((await f.person({ coordinates: [institution.id] })).id);
  const { registerEmployees } = await coordinator.data(
    `mutation ($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id indicatorDataMissing indicatorData { ageBand } } }`,
    { input: { groupId: group.id, institutionId: institution.id, personIds: [person.id] } },
  );
  // The coordinator is told nothing of the person's indicator data, not even that it is missing.
  expect(registerEmployees).toEqual([{ id: registerEmployees[0].id, indicatorDataMissing: false, indicatorData: null }]);
  const id = registerEmployees[0].id;

  const owner = await t.as(person.id);
  const MINE = `{ myRegistrations { id indicatorDataMissing } }`;
  expect((await owner.data(MINE)).myRegistrations).toEqual([{ id, indicatorDataMissing: true }]);
  expect(await coordinator.codes(SUBMIT, { id, input: ANSWERS })).toEqual(['NOT_FOUND']);
  expect(fieldCodes(await owner.request(SUBMIT, { id, input: { ...ANSWERS, consent: false } }))).toEqual(['indicatorData.consent:REQUIRED']);
  const { submitIndicatorData } = await owner.data(SUBMIT, { id, input: { ...ANSWERS, ageBand: 'FROM_30_TO_54', employmentStatus: 'LONG_TERM_UNEMPLOYED' } });
  expect(submitIndicatorData).toEqual({ registrationId: id, ageBand: 'FROM_30_TO_54', employmentStatus: 'LONG_TERM_UNEMPLOYED' });
  expect((await owner.data(MINE)).myRegistrations).toEqual([{ id, indicatorDataMissing: false }]);
});

test('the age band is the age on the day of registration', () => {
  const born = { year: 1970, month: 3, day: 10 };
  expect(ageBandOn(born, '2025-03-09')).toBe(AgeBand.FROM_30_TO_54);
  expect(ageBandOn(born, '2025-03-10')).toBe(AgeBand.FROM_55);
  expect(ageBandOn({ year: 1996, month: 1, day: 1 }, '2025-12-31')).toBe(AgeBand.UNDER_30);
  expect(ageBandOn({ year: 1995, month: 12, day: 31 }, '2025-12-31')).toBe(AgeBand.FROM_30_TO_54);
});

describe('the report', () => {
  let projectId: string;
  const from = day(-30);
  const to = day(0);

  /**
   * The fixture, by hand:
   * - group A1 (course A, project through the course, 80 % attendance): sessions of 3 h 10 and 9 days
   *   ago, planned 6 h. p1 present twice (6 h, completed; employed, ISCED 5-8, below 30); p2 present
   *   once, absent once (3 h, 50 %: not completed; unemployed, ISCED 0-2, 55+, disability); p3 present
   *   twice (6 h, completed; no data: a coordinator registered them); p4 cancelled (not counted).
   *   => participants 3, planned 6, attended 15, completions 2, with data 2.
   * - group B1 (course B outside projects, the group names the project): one 4 h session 5 days ago;
   *   p5 present (4 h, completed; self-employed, ISCED 3-4, 30-54, rural).
   *   => participants 1, planned 4, attended 4, completions 1, with data 1.
   * - left out: A2 (course A, but its own other project), B2 (first session in 400 days), A3 (cancelled).
   * Totals: groups 2, participants 4, planned 10, attended 19, completions 3, with data 3, share 0.75.
   * Indicators: EECO01 4 (everyone); EECO02 1 (p2); EECO05 2 (p1, p5); EECO07 1 (p1); EECO08 1 (p2);
   * EECO09 1 (p2); EECO10 1 (p5); EECO11 1 (p1); EECO12 1 (p2); EECO17 1 (p5); every other 0.
   */
  beforeAll(async () => {
    projectId = (
      await newProject([
        { code: 'EECO01', nameLv: 'Dalībnieki', target: 10 },
        { code: 'EECO05', nameLv: 'Nodarbinātie', target: 8 },
        { code: 'EECO07', nameLv: 'Jaunāki par 30', target: 3 },
        { code: 'EECO99', nameLv: 'Cits rādītājs', target: 1 },
      ])
    ).id;
    const other = await newProject();
    const courseA = await f.course(topic, { titleLv: 'Ētika', minAttendancePercent: 80, euProjectId: projectId });
    const courseB = await f.course(topic, { titleLv: 'Iepirkumi' });
    const [a1, a2, a3] = [await f.group(courseA.id, { code: 'EU-A1' }), await f.group(courseA.id, { euProjectId: other.id }), await f.group(courseA.id)];
    await t.app.dataSource.query(`UPDATE course_group SET status = 'CANCELLED' WHERE id = $1`, [a3.id]);
    const [b1, b2] = [await f.group(courseB.id, { code: 'EU-B1', euProjectId: projectId }), await f.group(courseB.id, { euProjectId: projectId })];
    const [s1, s2] = [await f.session(a1.id, -10), await f.session(a1.id, -9)];
    const start = new Date(Date.now() - 5 * 86_400_000);
    const s3 = await f.session(b1.id, -5, { startsAt: start, endsAt: new Date(start.getTime() + 4 * 3600_000) });
    for (const g of [a2, a3]) await f.session(g.id, -8);
    await f.session(b2.id, 400);

    const [p1, p2, p3, p4, p5] = [await f.person(), await f.person(), await f.person(), await f.person(), await f.person()];
    const data = t.app.dataSource.getRepository(RegistrationIndicatorData);
    const answers = (registrationId: string, fields: Partial<RegistrationIndicatorData>) => data.save({ registrationId, consentAt: new Date(), ...fields });
    await answers((await f.registration(p1.id, a1.id)).id, {
      employmentStatus: EmploymentStatus.EMPLOYED,
      educationLevel: EducationLevel.ISCED_5_8,
      ageBand: AgeBand.UNDER_30,
    });
    await answers((await f.registration(p2.id, a1.id)).id, {
      employmentStatus: EmploymentStatus.UNEMPLOYED,
      educationLevel: EducationLevel.ISCED_0_2,
      ageBand: AgeBand.FROM_55,
      disability: true,
    });
    await f.registration(p3.id, a1.id);
    await answers((await f.registration(p4.id, a1.id, RegistrationStatus.CANCELLED)).id, { employmentStatus: EmploymentStatus.EMPLOYED });
    await answers((await f.registration(p5.id, b1.id)).id, {
      employmentStatus: EmploymentStatus.SELF_EMPLOYED,
      educationLevel: EducationLevel.ISCED_3_4,
      ageBand: AgeBand.FROM_30_TO_54,
      rural: true,
    });
    for (const p of [p1, p2, p3, p5]) await f.registration(p.id, a2.id);
    const mark = (sessionId: string, personId: string, status: AttendanceStatus) =>
      t.app.dataSource.getRepository(AttendanceMark).save({ sessionId, personId, status, markedById: staffId, markedAt: new Date() });
    await mark(s1.id, p1.id, AttendanceStatus.PRESENT);
    await mark(s2.id, p1.id, AttendanceStatus.PRESENT);
    await mark(s1.id, p2.id, AttendanceStatus.PRESENT);
    await mark(s2.id, p2.id, AttendanceStatus.ABSENT);
    await mark(s1.id, p3.id, AttendanceStatus.PRESENT);
    await mark(s2.id, p3.id, AttendanceStatus.PRESENT);
    await mark(s3.id, p5.id, AttendanceStatus.PRESENT);
  });

  const counts = (pairs: Record<string, number>) =>
    [
      'EECO01',
      'EECO02',
      'EECO03',
      'EECO04',
      'EECO05',
      'EECO07',
      'EECO08',
      'EECO09',
      'EECO10',
      'EECO11',
      'EECO12',
      'EECO13',
      'EECO14',
      'EECO15',
      'EECO16',
      'EECO17',
    ].map((code) => ({ code, count: pairs[code] ?? 0 }));

  test('counts participants, hours, completions and indicators per group and in total', async () => {
    const { euProjectReport } = await staff.data(REPORT, { id: projectId, from, to });
    expect(euProjectReport.groups).toEqual([
      {
        groupCode: 'EU-A1',
        participants: 3,
        plannedHours: 6,
        attendedHours: 15,
        completions: 2,
        withIndicatorData: 2,
        indicators: counts({ EECO01: 3, EECO02: 1, EECO05: 1, EECO07: 1, EECO08: 1, EECO09: 1, EECO11: 1, EECO12: 1 }),
      },
      {
        groupCode: 'EU-B1',
        participants: 1,
        plannedHours: 4,
        attendedHours: 4,
        completions: 1,
        withIndicatorData: 1,
        indicators: counts({ EECO01: 1, EECO05: 1, EECO10: 1, EECO17: 1 }),
      },
    ]);
    expect(euProjectReport.totals).toEqual({
      groups: 2,
      participants: 4,
      plannedHours: 10,
      attendedHours: 19,
      completions: 3,
      withIndicatorData: 3,
      indicatorDataShare: 0.75,
      indicators: counts({ EECO01: 4, EECO02: 1, EECO05: 2, EECO07: 1, EECO08: 1, EECO09: 1, EECO10: 1, EECO11: 1, EECO12: 1, EECO17: 1 }),
    });
    expect(euProjectReport.indicators).toEqual([
      { code: 'EECO01', target: 10, count: 4 },
      { code: 'EECO05', target: 8, count: 2 },
      { code: 'EECO07', target: 3, count: 1 },
      { code: 'EECO99', target: 1, count: null },
    ]);
    // A period before the groups began holds none of them.
    const empty = (await staff.data(REPORT, { id: projectId, from: day(-400), to: day(-31) })).euProjectReport;
    expect(empty.totals).toMatchObject({ groups: 0, participants: 0, indicatorDataShare: 0 });
    expect(fieldCodes(await staff.request(REPORT, { id: projectId, from: to, to: from }))).toEqual(['to:BEFORE_FROM']);
  });

  const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
  const download = async (path: string, personId?: string) => fetch(`${t.url}${path}`, { headers: personId ? { cookie: await cookie(personId) } : {} });

  test('the XLSX has the groups and the indicators against their targets', async () => {
    const response = await download(`/api/eu-projects/${projectId}/report.xlsx?from=${from}&to=${to}`, staffId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Grupas', 'Rādītāji']);
    const groups = workbook.getWorksheet('Grupas')!;
    expect((groups.getRow(1).values as unknown[]).slice(1, 11)).toEqual([
      'Grupa',
      'Kursa kods',
      'Kurss',
      'Sākums',
      'Beigas',
      'Dalībnieki',
      'Plānotās stundas',
      'Apmeklētās stundas',
      'Pabeiguši',
      'Ar rādītāju datiem',
    ]);
    expect(groups.rowCount).toBe(4); // header, two groups, totals
    expect(groups.getRow(4).getCell(1).value).toBe('Kopā');
    expect(groups.getRow(4).getCell(6).value).toBe(4);
    expect(groups.getRow(4).getCell(8).value).toBe(19);
    const indicators = workbook.getWorksheet('Rādītāji')!;
    expect((indicators.getRow(3).values as unknown[]).slice(1)).toEqual(['EECO05', 'Nodarbinātie', '', 8, 2, 25]);
  });

  test('the CSV is for Latvian Excel: a BOM, ";" between fields, "," in decimals', async () => {
    const response = await download(`/api/eu-projects/${projectId}/report.csv?from=${from}&to=${to}`, staffId);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.toString('utf8').slice(1), { delimiter: ';' });
    expect(rows[0].slice(0, 3)).toEqual(['Grupa', 'Kursa kods', 'Kurss']);
    expect(rows[0][10]).toBe('EECO01');
    expect(rows.map((row) => row[0])).toEqual(['Grupa', 'EU-A1', 'EU-B1', 'Kopā']);
    expect(rows[3].slice(5, 11)).toEqual(['4', '10', '19', '3', '3', '4']);
  });

  test('files are for staff only', async () => {
    const path = `/api/eu-projects/${projectId}/report.xlsx?from=${from}&to=${to}`;
    expect((await download(path)).status).toBe(401);
    expect((await download(path, (await f.person()).id)).status).toBe(403);
    expect((await download(`/api/eu-projects/00000000-0000-4000-8000-000000000000/report.csv?from=${from}&to=${to}`, staffId)).status).toBe(404);
    expect((await download(`/api/eu-projects/${projectId}/report.pdf`, staffId)).status).toBe(404);
    expect((await download(`/api/eu-projects/${projectId}/report.csv?from=x&to=${to}`, staffId)).status).toBe(400);
  });
});
