import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { invoiceFixtures } from '../../test/invoice-fixtures.js';
import { testPersonalCode } from '../../test/institutions-fixtures.js';
import { SESSION_COOKIE } from '../../http/cookies.js';
import { Certificate } from '../certificates/certificate.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { EuFund } from '../reporting/project.entity.js';
import { systemContext } from '../../common/request-context.js';

/**
 * Personal-data requests (R-NF-3) through the real server: a person downloads all their data (their
 * registrations, certificates, e-mails, questions…), staff download it for them, and staff erase a
 * person, after which no personal code, name, e-mail, phone or address of theirs is anywhere in the
 * database, except on the invoices accounting law keeps.
 */

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let staffId: string;
let coordinator: Client;
let institutionId: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  staffId = (await f.staff()).id;
  staff = await t.as(staffId);
  institutionId = (await f.institution('Valsts ieņēmumu dienests')).id;
  coordinator = await t.as((await f.person({ givenName: 'Koordinatore', familyName: 'Liepa', coordinates: [institutionId] })).id);
});
afterAll(() => t?.stop());

const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
const download = async (path: string, personId: string | null) =>
  fetch(`${t.url}/api/${path}`, { headers: personId ? { cookie: await cookie(personId) } : {} });

let serial = 50_000;

/** A person added by their coordinator (personal code), with a profile, a registration (its e-mails), a completed group with a certificate and a question. */
async function personWithHistory(givenName: string, familyName: string) {
  const code = testPersonalCode((serial += 1));
  const { addEmployee } = await coordinator.data(
    `mutation ($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { person { id } } }`,
    {
      id: institutionId,
      input: { personalCode: code, givenName, familyName, workEmail: `${familyName.toLowerCase()}.darbs@vid.example.lv` },
    },
  );
  const id: string = addEmployee.person.id;
  const person = await t.as(id);
  const email = `${familyName.toLowerCase()}@example.lv`;
  await person.data(`mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { person { id } } }`, {
    input: { email, phone: `+371 26${serial}`, declaredAddress: { street: `Zvejnieku iela ${serial}`, city: 'Ventspils', postcode: 'LV-3601' } },
  });
  const project = await t.app.services.projects.create(systemContext(), {
    code: `PD/${serial}`,
    nameLv: 'Projekts',
    fund: EuFund.ESF_PLUS,
    startsOn: '2025-01-01',
    endsOn: '2029-12-31',
  });
  const course = await f.course((await f.topic()).id, { priceCents: 0, titleLv: 'Datu aizsardzības pamati', euProjectId: project.id });
  const group = await f.group(course.id);
  await person.data(`mutation ($input: RegisterInput!) { register(input: $input) { id } }`, {
    input: { groupId: group.id, indicatorData: { consent: true, employmentStatus: 'EMPLOYED', educationLevel: 'ISCED_5_8' } },
  });
  const past = await f.group(course.id, { status: GroupStatus.COMPLETED });
  await f.registration(id, past.id);
  await t.app.dataSource.getRepository(Certificate).insert({
    number: `VAS-2026-${serial}`,
    personId: id,
    courseId: course.id,
    groupId: past.id,
    issuedAt: new Date(),
    givenName,
    familyName,
    courseTitleLv: course.titleLv,
  });
  await person.data(`mutation ($input: QuestionInput!) { askQuestion(input: $input) { id } }`, {
    input: { text: `Vai sertifikātu var saņemt arī papīra formā? (${familyName})` },
  });
  return { id, code, email, group, past, course, name: `${givenName} ${familyName}`, address: `Zvejnieku iela ${serial}`, phone: `26${serial}` };
}

test('a person downloads all their data: profile with the personal code, registrations, certificates, e-mails and questions; the export is audited', async () => {
  const p = await personWithHistory('Ērika', 'Šulce');
  const response = await download('me/data.json', p.id);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="mps-personas-dati-\d{4}-\d\d-\d\d\.json"$/);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  const data = await response.json();
  expect(data.person).toMatchObject({ id: p.id, given_name: 'Ērika', family_name: 'Šulce', email: p.email, personal_code: p.code });
  expect(data.registrations.map((r: { group_code: string }) => r.group_code).sort()).toEqual([p.group.code, p.past.code].sort());
  expect(data.certificates.map((c: { certificate: { number: string } }) => c.certificate.number)).toEqual([`VAS-2026-${serial}`]);
  expect(data.euIndicatorData).toEqual([expect.objectContaining({ group_code: p.group.code, employment_status: 'EMPLOYED', education_level: 'ISCED_5_8' })]);
  expect(data.emails.length).toBeGreaterThan(0);
  expect(data.emails.every((e: { subject: string; text: string }) => e.subject && e.text)).toBe(true);
  expect(data.questions.map((q: { text: string }) => q.text)).toEqual(['Vai sertifikātu var saņemt arī papīra formā? (Šulce)']);
  expect(data.employments[0]).toMatchObject({ institution: 'Valsts ieņēmumu dienests' });
  // Nothing secret of the system's own: no session token hash, no cipher text of the code (the audit rows list field names only).
  const secrets: { value: string }[] = await t.app.dataSource.query(
    `SELECT token_hash AS value FROM auth_session WHERE person_id = $1 UNION ALL SELECT code_encrypted FROM person_code WHERE person_id = $1 UNION ALL SELECT code_index FROM person_code WHERE person_id = $1`,
    [p.id],
  );
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  const text = JSON.stringify(data);
  expect(secrets.filter(({ value }) => text.includes(value))).toEqual([]);
  expect(data.auditLog.length).toBeGreaterThan(0);
  const rows = await t.app.dataSource.query(`SELECT actor_person_id, actor_ip FROM audit_log WHERE action = 'EXPORT' AND person_id = $1`, [p.id]);
  expect(rows).toEqual([{ actor_person_id: p.id, actor_ip: expect.stringMatching(/127\.0\.0\.1|::1/) }]);
});

test('staff download a person’s data for them; nobody else can, and nobody signed out', async () => {
  const p = await personWithHistory('Jānis', 'Ūdris');
  const other = await f.person();
  expect((await download(`people/${p.id}/data.json`, staffId)).status).toBe(200);
  expect((await download(`people/${p.id}/data.json`, other.id)).status).toBe(403);
  expect((await download(`people/${p.id}/data.json`, null)).status).toBe(401);
  expect((await download('me/data.json', null)).status).toBe(401);
  expect((await download(`people/nav-id/data.json`, staffId)).status).toBe(404);
});

/** Every row of every table of the database, as text: what a dump would hold. */
async function dump(except: string[] = []): Promise<string> {
  const tables: { name: string }[] = await t.app.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables.filter((table) => !except.includes(table.name))) {
    const [{ text }] = await t.app.dataSource.query(`SELECT coalesce(string_agg(to_jsonb(x)::text, E'\\n'), '') AS text FROM "${name}" x`);
    parts.push(text);
  }
  return parts.join('\n');
}

const ERASE = `mutation ($id: ID!, $reason: String!) { erasePerson(id: $id, reason: $reason) { personId invoicesKept emailsRemoved emailsRedacted auditRowsRedacted } }`;

test('staff erase a person: no personal code, name, e-mail, phone or address of theirs is left anywhere, and their registrations still count', async () => {
  const p = await personWithHistory('Zigfrīds', 'Ķuzāns');
  const before = await dump();
  // (The personal code itself is stored encrypted: its digits are in no dump.)
  for (const trace of [p.name, p.email, p.address, p.phone]) expect({ trace, found: before.includes(trace) }).toEqual({ trace, found: true });

  // Still registered in a group that has not ended: refused until cancelled.
  expect((await staff.request(ERASE, { id: p.id, reason: 'Iesniegums Nr. 7' })).errors?.[0]?.extensions?.fields).toEqual([
    expect.objectContaining({ field: 'id', code: 'ACTIVE_REGISTRATIONS' }),
  ]);
  await t.app.dataSource.query(`UPDATE course_group SET status = 'CANCELLED' WHERE id = $1`, [p.group.id]);

  const { erasePerson } = await staff.data(ERASE, { id: p.id, reason: 'Iesniegums Nr. 7' });
  expect(erasePerson).toMatchObject({ personId: p.id, invoicesKept: 0 });
  expect(erasePerson.emailsRemoved).toBeGreaterThan(0);
  expect(erasePerson.auditRowsRedacted).toBeGreaterThan(0);

  const after = await dump();
  for (const trace of [p.name, 'Zigfrīds', 'Ķuzāns', p.email, p.code, p.code.replace('-', ''), p.address, p.phone, 'formā? (Ķuzāns)']) {
    expect({ trace, found: after.includes(trace) }).toEqual({ trace, found: false });
  }
  // What statistics need stays: the registrations and the certificate, of "Dzēsta persona".
  const [{ registrations }] = await t.app.dataSource.query(`SELECT count(*)::int AS registrations FROM registration WHERE person_id = $1`, [p.id]);
  expect(registrations).toBe(2);
  // ... and the ESF+ answers, which now name nobody: the project's report still counts them.
  const [{ answers }] = await t.app.dataSource.query(
    `SELECT count(*)::int AS answers FROM registration_indicator_data d JOIN registration r ON r.id = d.registration_id WHERE r.person_id = $1`,
    [p.id],
  );
  expect(answers).toBe(1);
  const { people } = await staff.data(`query ($q: String) { people(filter: { q: $q }) { items { id fullName erasedAt personalCode } } }`, {
    q: 'Dzēsta persona',
  });
  expect(people.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({
    fullName: 'Dzēsta persona',
    personalCode: null,
    erasedAt: expect.any(String),
  });
  // The erasure itself is audited, with its reason; the redacted rows keep which fields changed.
  const rows = await t.app.dataSource.query(`SELECT action, note, actor_person_id FROM audit_log WHERE person_id = $1 AND action = 'ERASE'`, [p.id]);
  expect(rows).toEqual([{ action: 'ERASE', note: 'Iesniegums Nr. 7', actor_person_id: staffId }]);
  expect(await staff.codes(ERASE, { id: p.id, reason: 'Atkārtoti' })).toEqual(['ALREADY_EXISTS']);
});

test('an erased private payer’s issued invoice is kept as it was, and is the only place their name remains', async () => {
  const person = await f.person({ givenName: 'Valdemārs', familyName: 'Grīnbergs', email: 'valdemars@example.lv' });
  const course = await f.course((await f.topic()).id, { priceCents: 4200, titleLv: 'Publiskie iepirkumi' });
  const group = await f.group(course.id, { status: GroupStatus.COMPLETED });
  await invoiceFixtures(t.app.dataSource).privatelyPaid(person, group.id, 4200);
  const [draft] = (await staff.data(`mutation ($id: ID!) { createGroupInvoices(groupId: $id) { id } }`, { id: group.id })).createGroupInvoices;
  await staff.data(`mutation ($id: ID!) { issueInvoice(id: $id) { id number } }`, { id: draft.id });

  const { erasePerson } = await staff.data(ERASE, { id: person.id, reason: 'Iesniegums Nr. 8' });
  expect(erasePerson.invoicesKept).toBe(1);
  const [invoice] = await t.app.dataSource.query(`SELECT buyer ->> 'name' AS payer_name, status FROM invoice WHERE id = $1`, [draft.id]);
  expect(invoice).toEqual({ payer_name: 'Valdemārs Grīnbergs', status: expect.stringMatching(/^(ISSUED|SENT)$/) });
  const elsewhere = await dump(['invoice', 'invoice_line']);
  expect(elsewhere).not.toContain('Grīnbergs');
  expect(elsewhere).not.toContain('valdemars@example.lv');
});

test('only staff erase, never themselves, and with a reason', async () => {
  const person = await f.person();
  expect(await coordinator.codes(ERASE, { id: person.id, reason: 'Iesniegums' })).toEqual(['FORBIDDEN']);
  expect(await (await t.as(person.id)).codes(ERASE, { id: person.id, reason: 'Iesniegums' })).toEqual(['FORBIDDEN']);
  const self = (await staff.request(ERASE, { id: staffId, reason: 'Iesniegums' })).errors?.[0]?.extensions?.fields;
  expect(self).toEqual([expect.objectContaining({ field: 'id', code: 'SELF' })]);
  const noReason = (await staff.request(ERASE, { id: person.id, reason: ' ' })).errors?.[0]?.extensions?.fields;
  expect(noReason).toEqual([expect.objectContaining({ field: 'reason', code: 'REQUIRED' })]);
});
