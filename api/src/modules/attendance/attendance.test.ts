import { Lecturer } from '../scheduling/lecturer.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { SESSION_COOKIE } from '../../http/cookies.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { inTransaction } from '../../db/transaction.js';
import { seedDemoData } from '../../db/seed/seed.js';

/**
 * Attendance (R-AFT-5): staff and a session's own lecturer mark its confirmed participants, all or
 * nothing; the completion rule weighs sessions by their hours; the sign-in sheet is a PDF.
 */

const SHEET = `query ($id: ID!) { sessionAttendance(sessionId: $id) { groupCode courseTitle markable participants { personId fullName institutionName status markedByName markedAt } } }`;
const MARK = `mutation ($id: ID!, $marks: [AttendanceMarkInput!]!) { markAttendance(sessionId: $id, marks: $marks) { participants { personId status markedByName markedAt } } }`;
const HOUR = 3600_000;

let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
});
afterAll(() => t?.stop());

// First, while the catalog is empty: the demo data loads only then.
test('the demo data has marked past sessions: a participant sees her attendance, her lecturer the marks', async () => {
  expect(await inTransaction(t.app.dataSource, (em) => seedDemoData(em, t.app.services.codes))).toBe(true);
  const [liga] = await t.app.dataSource.query(`SELECT id FROM person WHERE email = 'liga.kalnina@example.lv'`);
  const mine = (await (await t.as(liga.id)).data(`{ myRegistrations { group { code } attendance { attendedHours plannedHours percent met } } }`))
    .myRegistrations;
  expect(mine.find((r: { group: { code: string } }) => r.group.code === 'VAS-LAW-101-G1').attendance).toEqual({
    attendedHours: 6.5,
    plannedHours: 6.5,
    percent: 100,
    met: true,
  });
  const [inese] = await t.app.dataSource.query(`SELECT id FROM person WHERE email = 'inese.vitola@example.lv'`);
  const [session] = await t.app.dataSource.query(
    `SELECT s.id FROM session s JOIN course_group g ON g.id = s.group_id WHERE g.code = 'VAS-LAW-101-G1' ORDER BY s.starts_at DESC LIMIT 1`,
  );
  const sheet = (await (await t.as(inese.id)).data(SHEET, { id: session.id })).sessionAttendance;
  const statuses = sheet.participants.map((p: { status: string }) => p.status);
  expect(statuses.filter((s: string) => s === 'ABSENT')).toHaveLength(2);
  expect(statuses.filter((s: string) => s === 'EXCUSED')).toHaveLength(1);
  expect(statuses.filter((s: string) => s === 'PRESENT')).toHaveLength(sheet.participants.length - 3);
  expect(new Set(sheet.participants.map((p: { markedByName: string }) => p.markedByName))).toEqual(new Set(['Inese Vītola']));
});

/** A lecturer record linked to a person who signs in. */
async function lecturerPerson(givenName: string, familyName: string) {
  const record = await f.lecturer(`${givenName} ${familyName}`);
  const person = await f.person({ givenName, familyName });
  await t.app.dataSource.getRepository(Lecturer).update({ id: record.id }, { personId: person.id });
  return { record, person };
}

/** A confirmed group of a course with two past sessions of the lecturer and one ahead, and its people. */
async function scene() {
  const institution = await f.institution('Valsts ieņēmumu dienests');
  const course = await f.course((await f.topic()).id, { titleLv: 'Lietvedības pamati', titleEn: 'Records management basics' });
  const group = await f.group(course.id, { status: GroupStatus.CONFIRMED });
  const lecturer = await lecturerPerson('Inese', 'Vītola');
  const past = await f.session(group.id, -3, { lecturerId: lecturer.record.id });
  const earlier = await f.session(group.id, -4, { lecturerId: lecturer.record.id });
  const ahead = await f.session(group.id, 2, { lecturerId: lecturer.record.id });
  const zane = await f.person({ givenName: 'Žanete', familyName: 'Ūdre' });
  await f.employment(zane.id, institution.id);
  const karlis = await f.person({ givenName: 'Kārlis', familyName: 'Čakste' });
  const waiting = await f.person({ givenName: 'Gaida', familyName: 'Rindā' });
  await f.registration(zane.id, group.id);
  await f.registration(karlis.id, group.id);
  await f.registration(waiting.id, group.id, RegistrationStatus.WAITING);
  return { institution, course, group, lecturer, past, earlier, ahead, zane, karlis, waiting };
}

test("staff and the session's lecturer mark it; another lecturer, a coordinator and a participant may not", async () => {
  const s = await scene();
  const staff = await f.staff();
  const asStaff = await t.as(staff.id);
  const asLecturer = await t.as(s.lecturer.person.id);

  const sheet = (await asLecturer.data(SHEET, { id: s.past.id })).sessionAttendance;
  expect(sheet).toMatchObject({ groupCode: s.group.code, courseTitle: 'Lietvedības pamati', markable: true });
  // Confirmed participants only, by family name; the waiting one is not on the list.
  expect(sheet.participants.map((p: { fullName: string }) => p.fullName)).toEqual(['Kārlis Čakste', 'Žanete Ūdre']);
  expect(sheet.participants[1]).toMatchObject({ institutionName: 'Valsts ieņēmumu dienests', status: null, markedByName: null });

  const marked = (
    await asLecturer.data(MARK, {
      id: s.past.id,
      marks: [
        { personId: s.zane.id, status: 'PRESENT' },
        { personId: s.karlis.id, status: 'EXCUSED' },
      ],
    })
  ).markAttendance.participants;
  expect(marked.map((p: { status: string; markedByName: string }) => [p.status, p.markedByName])).toEqual([
    ['EXCUSED', 'Inese Vītola'],
    ['PRESENT', 'Inese Vītola'],
  ]);

  // Staff change one mark later: it records them; the mark saved again unchanged keeps its lecturer.
  const changed = (
    await asStaff.data(MARK, {
      id: s.past.id,
      marks: [
        { personId: s.karlis.id, status: 'ABSENT' },
        { personId: s.zane.id, status: 'PRESENT' },
      ],
    })
  ).markAttendance.participants;
  expect(changed.map((p: { status: string; markedByName: string }) => [p.status, p.markedByName])).toEqual([
    ['ABSENT', 'Ilze Kalniņa'],
    ['PRESENT', 'Inese Vītola'],
  ]);
  expect(changed[1].markedAt).toBe(marked[1].markedAt);
  expect(new Date(changed[0].markedAt).getTime()).toBeGreaterThanOrEqual(new Date(marked[0].markedAt).getTime());

  const other = await lecturerPerson('Cits', 'Lektors');
  const coordinator = await f.person({ coordinates: [s.institution.id] });
  const marks = [{ personId: s.zane.id, status: 'ABSENT' }];
  for (const person of [other.person, coordinator, s.zane]) {
    const client = await t.as(person.id);
    expect(await client.codes(MARK, { id: s.past.id, marks })).toEqual(['FORBIDDEN']);
    expect(await client.codes(SHEET, { id: s.past.id })).toEqual(['FORBIDDEN']);
  }
  expect(await t.anonymous.codes(MARK, { id: s.past.id, marks })).toEqual(['UNAUTHENTICATED']);
  const [row] = await t.app.dataSource.query(`SELECT status FROM attendance_mark WHERE session_id = $1 AND person_id = $2`, [s.past.id, s.zane.id]);
  expect(row.status).toBe('PRESENT');
});

test('a list with one refused mark writes nothing; unconfirmed people and sessions not started are refused with codes', async () => {
  const s = await scene();
  const asStaff = await t.as((await f.staff()).id);
  const stranger = await f.person();

  const refused = await asStaff.request(MARK, {
    id: s.earlier.id,
    marks: [
      { personId: s.zane.id, status: 'PRESENT' },
      { personId: s.waiting.id, status: 'PRESENT' },
      { personId: stranger.id, status: 'ABSENT' },
      { personId: s.zane.id, status: 'ABSENT' },
    ],
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  expect(fieldCodes(refused)).toEqual(['marks.1.personId:NOT_CONFIRMED', 'marks.2.personId:NOT_CONFIRMED', 'marks.3.personId:DUPLICATE']);
  const [{ n }] = await t.app.dataSource.query(`SELECT count(*)::int AS n FROM attendance_mark WHERE session_id = $1`, [s.earlier.id]);
  expect(n).toBe(0);

  const ahead = await asStaff.request(MARK, { id: s.ahead.id, marks: [{ personId: s.zane.id, status: 'PRESENT' }] });
  expect(ahead.errors?.[0]?.extensions).toMatchObject({ code: 'SESSION_NOT_STARTED', startsAt: s.ahead.startsAt.toISOString() });
  expect((await asStaff.data(SHEET, { id: s.ahead.id })).sessionAttendance.markable).toBe(false);
  expect(await asStaff.codes(MARK, { id: '00000000-0000-4000-8000-000000000000', marks: [] })).toEqual(['NOT_FOUND']);
});

test('completion weighs sessions by hours, counts EXCUSED as absent and waits for every session to be marked', async () => {
  const course = await f.course((await f.topic()).id, { minAttendancePercent: 75 });
  const group = await f.group(course.id, { status: GroupStatus.COMPLETED });
  const at = (days: number) => new Date(Date.now() - days * 24 * HOUR);
  const long = await f.session(group.id, -10, { endsAt: new Date(at(10).getTime() + 6 * HOUR) });
  const short = await f.session(group.id, -9, { endsAt: new Date(at(9).getTime() + 2 * HOUR) });
  const present = await f.person({ givenName: 'Ilga', familyName: 'Garā' });
  const excused = await f.person({ givenName: 'Ivo', familyName: 'Īsais' });
  const partly = await f.person({ givenName: 'Pauls', familyName: 'Pusē' });
  for (const person of [present, excused, partly]) await f.registration(person.id, group.id);
  const asStaff = await t.as((await f.staff()).id);
  await asStaff.data(MARK, {
    id: long.id,
    marks: [
      { personId: present.id, status: 'PRESENT' },
      { personId: excused.id, status: 'PRESENT' },
      { personId: partly.id, status: 'PRESENT' },
    ],
  });
  await asStaff.data(MARK, {
    id: short.id,
    marks: [
      { personId: present.id, status: 'ABSENT' },
      { personId: excused.id, status: 'EXCUSED' },
    ],
  });
  // 6 of 8 hours is 75 %: met; EXCUSED is no better than ABSENT; an unmarked session leaves it open.
  const completion = await t.app.services.attendance.completion(t.app.dataSource.manager, group.id);
  expect(completion.get(present.id)).toEqual({
    plannedHours: 8,
    attendedHours: 6,
    percent: 75,
    requiredPercent: 75,
    met: true,
    markedSessions: 2,
    sessions: 2,
  });
  expect(completion.get(excused.id)).toMatchObject({ attendedHours: 6, percent: 75, met: true });
  expect(completion.get(partly.id)).toMatchObject({ attendedHours: 6, percent: 75, met: null, markedSessions: 1 });

  // A stricter course: the same hours no longer complete it.
  await t.app.dataSource.query(`UPDATE course SET min_attendance_percent = 80 WHERE id = $1`, [course.id]);
  const stricter = await t.app.services.attendance.completion(t.app.dataSource.manager, group.id);
  expect([stricter.get(present.id)?.met, stricter.get(excused.id)?.met, stricter.get(partly.id)?.met]).toEqual([false, false, null]);

  // The person sees it on their registration ("Manas mācības").
  const mine = (await (await t.as(present.id)).data(`{ myRegistrations { attendance { plannedHours attendedHours percent requiredPercent met } } }`))
    .myRegistrations;
  expect(mine).toEqual([{ attendance: { plannedHours: 8, attendedHours: 6, percent: 75, requiredPercent: 80, met: false } }]);
});

test("a coordinator sees their employees' attendance on registrations, not another institution's", async () => {
  const s = await scene();
  const asStaff = await t.as((await f.staff()).id);
  await asStaff.data(MARK, { id: s.past.id, marks: [{ personId: s.zane.id, status: 'PRESENT' }] });
  const LIST = `query ($f: RegistrationFilter) { registrations(filter: $f) { items { person { id } attendance { attendedHours plannedHours percent met markedSessions sessions } } } }`;
  const own = await t.as((await f.person({ coordinates: [s.institution.id] })).id);
  const items = (await own.data(LIST, { f: { institutionId: s.institution.id } })).registrations.items;
  expect(items).toEqual([
    { person: { id: s.zane.id }, attendance: { attendedHours: 3, plannedHours: 9, percent: 33.3, met: null, markedSessions: 1, sessions: 3 } },
  ]);
  const otherInstitution = await f.institution('Cita iestāde');
  const foreign = await t.as((await f.person({ coordinates: [otherInstitution.id] })).id);
  expect(await foreign.codes(LIST, { f: { institutionId: s.institution.id } })).toEqual(['FORBIDDEN']);
});

test('the sign-in sheet PDF: for staff and the lecturer, in Riga time, in Latvian or English', async () => {
  const s = await scene();
  const place = await f.place('Valsts administrācijas skola');
  // 20 November 2026, 10:00–13:30 in Riga (UTC+2).
  const session = await f.session(s.group.id, -1, {
    lecturerId: s.lecturer.record.id,
    placeId: place.id,
    startsAt: new Date('2026-11-20T08:00:00Z'),
    endsAt: new Date('2026-11-20T11:30:00Z'),
  });
  const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
  const sheetAs = async (personId: string | null, query = '') =>
    fetch(`${t.url}/api/sessions/${session.id}/sign-in-sheet.pdf${query}`, { headers: personId ? { cookie: await cookie(personId) } : {} });

  const lv = await sheetAs(s.lecturer.person.id);
  expect(lv.status).toBe(200);
  expect(lv.headers.get('content-type')).toBe('application/pdf');
  const { text, title } = await pdfText(new Uint8Array(await lv.arrayBuffer()));
  expect(title).toBe('Dalībnieku reģistrācijas lapa: Lietvedības pamati');
  for (const expected of [
    'Lietvedības pamati',
    s.group.code,
    '2026. gada 20. novembris',
    '10:00–13:30',
    'Valsts administrācijas skola, 201, Raiņa bulvāris 4, Rīga',
    'Tiešsaistē',
    'Inese Vītola',
    'Vārds, uzvārds',
    'Paraksts',
    '1.',
    'Kārlis Čakste',
    '2.',
    'Žanete Ūdre',
    'Valsts ieņēmumu dienests',
    'Lapa 1 no 1',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain('Gaida');

  const en = await sheetAs((await f.staff()).id, '?lang=en');
  expect(en.status).toBe(200);
  const english = (await pdfText(new Uint8Array(await en.arrayBuffer()))).text;
  for (const expected of ['Sign-in sheet', 'Records management basics', '20 November 2026', '10:00–13:30', 'Signature', 'Žanete Ūdre', 'Page 1 of 1']) {
    expect(english).toContain(expected);
  }

  expect((await sheetAs(null)).status).toBe(401);
  expect((await sheetAs((await lecturerPerson('Cits', 'Lektors')).person.id)).status).toBe(403);
  expect((await sheetAs(s.zane.id)).status).toBe(403);
  expect((await fetch(`${t.url}/api/sessions/nav-tads/sign-in-sheet.pdf`, { headers: { cookie: await cookie((await f.staff()).id) } })).status).toBe(404);
});
