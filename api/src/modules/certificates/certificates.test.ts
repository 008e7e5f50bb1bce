import { SESSION_COOKIE } from '../../http/cookies.js';
import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { startSmtpCapture, type SmtpCapture } from '../../test/smtp-capture.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { AttendanceMark, AttendanceStatus } from '../attendance/attendance-mark.entity.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { Certificate } from './certificate.entity.js';

/**
 * Certificates (R-AFT-3) through the real server: issued to those who met attendance and filled the
 * questionnaire, once (also under parallel sweeps on real PostgreSQL), told by e-mail through a
 * real SMTP server, downloadable as a PDF in the person's language, verifiable by anyone, revocable
 * by staff. The app's own recurring sweep runs too: assertions read the database, not who issued.
 */

const PUBLIC_URL = 'https://mps.vas.test';
let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let staffId: string;
let topic: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
  staffId = (await f.staff()).id;
  staff = await t.as(staffId);
  topic = (await f.topic()).id;
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const certificatesOf = (groupId: string) => t.app.dataSource.getRepository(Certificate).find({ where: { groupId }, order: { number: 'ASC' } });
const mark = (sessionId: string, personId: string, status: AttendanceStatus) =>
  t.app.dataSource.getRepository(AttendanceMark).save({ sessionId, personId, status, markedById: staffId, markedAt: new Date() });
const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
const VERIFY = `query ($code: String!) { verifyCertificate(code: $code) { number name courseTitle hours completedOn issuedAt revokedAt } }`;
const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { id revokedAt revokeReason } }`;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A course without a questionnaire, 100 % attendance required, one 3-hour session that ended yesterday. */
async function endedGroup(titleLv = 'Valsts pārvaldes ētika', titleEn = 'Public service ethics') {
  const course = await f.course(topic, { titleLv, titleEn, minAttendancePercent: 100 });
  const group = await f.group(course.id);
  const session = await f.session(group.id, -1);
  return { course, group, session };
}

test('issued to whoever met attendance, once; not to the absent, the unmarked or the cancelled; told by e-mail', async () => {
  const { group, session } = await endedGroup();
  const [present, absent, unmarked, cancelled] = [
    await f.person({ givenName: 'Žanete', familyName: 'Ķēniņa', email: 'zanete@example.test' }),
    await f.person({ givenName: 'Absents', familyName: 'Prom' }),
    await f.person({ givenName: 'Neatzīmēts', familyName: 'Kāds' }),
    await f.person({ givenName: 'Atsaukts', familyName: 'Cits' }),
  ];
  for (const person of [present, absent, unmarked]) await f.registration(person.id, group.id);
  await f.registration(cancelled.id, group.id, RegistrationStatus.CANCELLED);
  await mark(session.id, present.id, AttendanceStatus.PRESENT);
  await mark(session.id, absent.id, AttendanceStatus.ABSENT);
  await mark(session.id, cancelled.id, AttendanceStatus.PRESENT);

  await t.app.services.certificates.issueDue(new Date());
  await t.app.services.certificates.issueDue(new Date());
  const issued = await certificatesOf(group.id);
  expect(issued.map((c) => c.personId)).toEqual([present.id]);
  const [certificate] = issued;
  expect(certificate.number).toMatch(/^VAS-S-\d{4}-\d{6}$/);
  expect(certificate.verificationCode).toMatch(/^[a-z2-7]{26}$/);
  expect(certificate).toMatchObject({ givenName: 'Žanete', familyName: 'Ķēniņa', courseTitleLv: 'Valsts pārvaldes ētika', hours: 3 });
  expect(certificate.completedOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(session.endsAt));

  await capture.waitFor(() => capture.to('zanete@example.test').length > 0, 20_000, 'the certificate e-mail');
  const mails = capture.to('zanete@example.test');
  expect(mails).toHaveLength(1);
  expect(mails[0].parsed.headers.get('x-mps-kind')).toBe('certificate-issued');
  expect(mails[0].parsed.subject).toBe(`Sertifikāts izsniegts: Valsts pārvaldes ētika (${group.code})`);
  const text = String(mails[0].parsed.text).replace(/\s+/g, ' ');
  expect(text).toContain(certificate.number);
  expect(text).toContain(`${PUBLIC_URL}/sertifikats/${certificate.verificationCode}`);
  expect(text).toContain(`${PUBLIC_URL}/profils#sertifikati`);
});

test('with a questionnaire, only once it is filled, and then at once', async () => {
  const questions = [{ id: 'overall', kind: 'SCALE', textLv: 'Kopumā', textEn: 'Overall', required: true }];
  const { createQuestionnaire } = await staff.data(`mutation ($input: QuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`, {
    input: { title: 'Sertifikātu anketa', questions },
  });
  await staff.data(`mutation ($id: ID!) { publishQuestionnaire(id: $id) { id } }`, { id: createQuestionnaire.id });
  const course = await f.course(topic, { questionnaireId: createQuestionnaire.id, minAttendancePercent: 0 });
  const group = await f.group(course.id);
  await f.session(group.id, -1);
  const person = await f.person();
  await f.registration(person.id, group.id);

  await t.app.services.certificates.issueDue(new Date());
  expect(await certificatesOf(group.id)).toEqual([]);
  await t.app.services.questionnaireNotices.sweep(new Date());
  const own = await t.as(person.id);
  await own.data(`mutation ($g: ID!, $a: [AnswerInput!]!) { submitQuestionnaire(groupId: $g, answers: $a) { completed } }`, {
    g: group.id,
    a: [{ questionId: 'overall', scale: 5 }],
  });
  const issued = await until(
    () => certificatesOf(group.id),
    (rows) => rows.length > 0,
    'the certificate after the questionnaire',
  );
  expect(issued.map((c) => c.personId)).toEqual([person.id]);
  // The person sees it in the profile, with the links to the PDF and the verification page.
  const { me } = await own.data(`{ me { person { certificates { number pdfUrl verificationPath name courseTitle hours } } } }`);
  expect(me.person.certificates).toEqual([
    expect.objectContaining({
      number: issued[0].number,
      pdfUrl: `/api/certificates/${issued[0].id}.pdf`,
      verificationPath: `/sertifikats/${issued[0].verificationCode}`,
    }),
  ]);
});

test('the PDF in the person’s language, for them and staff only; anyone verifies it; staff revoke it with a reason', async () => {
  const { group, session } = await endedGroup('Dokumentu pārvaldība', 'Records management');
  const person = await f.person({ givenName: 'Ģirts', familyName: 'Ūdre-Šķēle', preferredLanguage: Language.EN });
  await f.registration(person.id, group.id);
  await mark(session.id, person.id, AttendanceStatus.PRESENT);
  await t.app.services.certificates.issueDue(new Date());
  const [certificate] = await certificatesOf(group.id);

  const pdf = async (personId: string | null, query = '') =>
    fetch(`${t.url}/api/certificates/${certificate.id}.pdf${query}`, { headers: personId ? { cookie: await cookie(personId) } : {} });
  const lv = await pdf(person.id, '?lang=lv');
  expect(lv.status).toBe(200);
  expect(lv.headers.get('content-type')).toBe('application/pdf');
  const lvText = (await pdfText(new Uint8Array(await lv.arrayBuffer()))).text;
  for (const part of ['SERTIFIKĀTS', 'Ģirts Ūdre-Šķēle', 'Dokumentu pārvaldība', '3 akadēmiskās stundas', certificate.number]) expect(lvText).toContain(part);
  const enText = (await pdfText(new Uint8Array(await (await pdf(person.id, '?lang=en')).arrayBuffer()))).text;
  for (const part of ['CERTIFICATE', 'Ģirts Ūdre-Šķēle', 'Records management', '3 academic hours']) expect(enText).toContain(part);
  expect((await pdf(staffId)).status).toBe(200);
  expect((await pdf((await f.person()).id)).status).toBe(404);
  expect((await pdf(null)).status).toBe(401);

  const check = async (code: string, lang = 'lv') => (await t.anonymous.data(VERIFY, { code }, { 'x-mps-language': lang })).verifyCertificate;
  expect(await check(certificate.verificationCode)).toEqual({
    number: certificate.number,
    name: 'Ģirts Ūdre-Šķēle',
    courseTitle: 'Dokumentu pārvaldība',
    hours: 3,
    completedOn: certificate.completedOn,
    issuedAt: expect.any(String),
    revokedAt: null,
  });
  expect((await check(certificate.verificationCode, 'en')).courseTitle).toBe('Records management');
  expect(await check('a'.repeat(26))).toBeNull();
  expect(await check('../../etc')).toBeNull();

  expect(await (await t.as(person.id)).codes(REVOKE, { id: certificate.id, reason: 'Kļūda' })).toEqual(['FORBIDDEN']);
  const { revokeCertificate } = await staff.data(REVOKE, { id: certificate.id, reason: 'Izsniegts kļūdaini' });
  expect(revokeCertificate).toMatchObject({ revokedAt: expect.any(String), revokeReason: 'Izsniegts kļūdaini' });
  expect((await check(certificate.verificationCode)).revokedAt).toBe(revokeCertificate.revokedAt);
  expect((await staff.request(REVOKE, { id: certificate.id, reason: 'Vēlreiz' })).errors?.[0]?.extensions?.fields).toEqual([
    expect.objectContaining({ field: 'id', code: 'ALREADY_REVOKED' }),
  ]);
  const revokedText = (await pdfText(new Uint8Array(await (await pdf(person.id, '?lang=lv')).arrayBuffer()))).text;
  expect(revokedText).toContain('ANULĒTS');
  // Revoked, it is not issued again.
  await t.app.services.certificates.issueDue(new Date());
  expect(await certificatesOf(group.id)).toHaveLength(1);
});

(realPostgresAvailable() ? test : test.skip)(
  `parallel sweeps issue each certificate once, with numbers without gaps${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const app = await startTestApp({ MPS_ROLE: 'api' }, { databaseUrl: server.url });
    try {
      const g = fixtures(app.app.dataSource);
      const marker = (await g.staff()).id;
      const course = await g.course((await g.topic()).id, { minAttendancePercent: 100 });
      const group = await g.group(course.id);
      const session = await g.session(group.id, -1);
      const people = await Promise.all(Array.from({ length: 6 }, () => g.person()));
      for (const person of people) {
        await g.registration(person.id, group.id);
        await app.app.dataSource
          .getRepository(AttendanceMark)
          .save({ sessionId: session.id, personId: person.id, status: AttendanceStatus.PRESENT, markedById: marker, markedAt: new Date() });
      }
      await Promise.all(Array.from({ length: 8 }, () => app.app.services.certificates.issueDue(new Date())));
      const rows: { person_id: string; number: string }[] = await app.app.dataSource.query(
        `SELECT person_id, number FROM certificate WHERE group_id = $1 ORDER BY number`,
        [group.id],
      );
      expect(rows.map((r) => r.person_id).sort()).toEqual(people.map((p) => p.id).sort());
      const sequence = rows.map((r) => Number(r.number.slice(-6)));
      expect(sequence).toEqual(Array.from({ length: 6 }, (_, i) => sequence[0] + i));
      const [{ mails }] = await app.app.dataSource.query(
        `SELECT count(*)::int AS mails FROM outbox_message WHERE kind = 'certificate-issued' AND group_id = $1`,
        [group.id],
      );
      expect(mails).toBe(6);
    } finally {
      await app.stop();
      await server.stop();
    }
  },
  60_000,
);
