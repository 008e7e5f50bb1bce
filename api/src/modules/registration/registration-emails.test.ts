import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { Language } from '../people/person.entity.js';

/** Registration e-mails through the outbox, the job worker and a real SMTP server, parsed as they arrived. */

const PUBLIC_URL = 'https://mps.vas.test';
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { id status waitingPosition } }`;
const CANCEL = `mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { id status } }`;

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let courseId: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
  const topic = await f.topic();
  courseId = (await f.course(topic.id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement', priceCents: 0 })).id;
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const kindOf = (mail: CapturedMail) => mail.parsed.headers.get('x-mps-kind');
/** The text part with its line wrapping undone. */
const textOf = (mail: CapturedMail) => String(mail.parsed.text).replace(/\s+/g, ' ');
const calendarMethods = (mail: CapturedMail) =>
  [...new Set(mail.parsed.attachments.map((a) => a.content.toString('utf8')).filter((text) => text.startsWith('BEGIN:VCALENDAR')))].map(
    (text) => /METHOD:(\w+)/.exec(text)![1],
  );

/** The registration e-mails to an address (group-confirmed ones aside), once there are `count`. */
async function mailsOf(email: string, count: number): Promise<CapturedMail[]> {
  const registrationMails = () => capture.to(email).filter((mail) => String(kindOf(mail)).startsWith('registration-'));
  await capture.waitFor(() => registrationMails().length >= count, 15_000, `${count} registration e-mail(s) to ${email}`);
  return registrationMails();
}

test('a seat, the waiting list, moving up and cancelling each tell the person once, in their language, with calendar entries', async () => {
  const group = await f.group(courseId, { minSize: 1, maxSize: 1 });
  await f.session(group.id, 20);
  const first = await f.person({ givenName: 'Līga', familyName: 'Ozoliņa' });
  const second = await f.person({ givenName: 'Mark', familyName: 'Evans', preferredLanguage: Language.EN });
  const [a, b] = [await t.as(first.id), await t.as(second.id)];

  const seat = (await a.data(REGISTER, { input: { groupId: group.id } })).register;
  const [received] = await mailsOf(first.email!, 1);
  expect(kindOf(received)).toBe('registration-received');
  expect(received.parsed.subject).toBe(`Pieteikums saņemts: Publiskie iepirkumi (${group.code})`);
  expect(textOf(received)).toContain('Labdien, Līga Ozoliņa!');
  expect(calendarMethods(received)).toEqual(['REQUEST']);

  expect((await b.data(REGISTER, { input: { groupId: group.id } })).register).toMatchObject({ status: 'WAITING', waitingPosition: 1 });
  const [waiting] = await mailsOf(second.email!, 1);
  expect(waiting.parsed.subject).toBe(`You are on the waiting list: Public procurement (${group.code})`);
  expect(textOf(waiting)).toContain('you are number 1 on the waiting list');
  expect(calendarMethods(waiting)).toEqual([]);

  await a.data(CANCEL, { input: { id: seat.id, reason: 'Slimība' } });
  const [, cancelled] = await mailsOf(first.email!, 2);
  expect(kindOf(cancelled)).toBe('registration-cancelled');
  expect(textOf(cancelled)).toContain('Iemesls: Slimība');
  expect(calendarMethods(cancelled)).toEqual(['CANCEL']);
  const [, movedUp] = await mailsOf(second.email!, 2);
  expect(kindOf(movedUp)).toBe('registration-moved-up');
  expect(movedUp.parsed.subject).toBe(`You have a place in the group: Public procurement (${group.code})`);
  expect(calendarMethods(movedUp)).toEqual(['REQUEST']);

  // Cancelling again is no new event, and says nothing.
  await a.data(CANCEL, { input: { id: seat.id } });
  const rows = await t.app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE person_id = ANY($1) AND kind LIKE 'registration-%'`, [
    [first.id, second.id],
  ]);
  expect(rows[0].n).toBe(4);
});

test("a coordinator's cancellation names the coordinator to the employee", async () => {
  const institution = await f.institution();
  const coordinatorPerson = await f.person({ givenName: 'Anna', familyName: 'Bērziņa', coordinates: [institution.id] });
  const employee = await f.person({ givenName: 'Juris', familyName: 'Kalns' });
  await f.employment(employee.id, institution.id);
  const group = await f.group(courseId);
  const own = await t.as(employee.id);
  const { register } = await own.data(REGISTER, { input: { groupId: group.id } });
  await (await t.as(coordinatorPerson.id)).data(CANCEL, { input: { id: register.id } });
  const [, cancelled] = await mailsOf(employee.email!, 2);
  expect(textOf(cancelled)).toContain('(to izdarīja Anna Bērziņa)');
});

test('the registration that reaches the minimum size confirms the group, and every participant is told with the schedule', async () => {
  const group = await f.group(courseId, { minSize: 2, maxSize: 5 });
  const session = await f.session(group.id, 30);
  const [first, second] = [await f.person(), await f.person()];
  await (await t.as(first.id)).data(REGISTER, { input: { groupId: group.id } });
  expect((await t.app.dataSource.query(`SELECT status FROM course_group WHERE id = $1`, [group.id]))[0].status).toBe('OPEN');
  await (await t.as(second.id)).data(REGISTER, { input: { groupId: group.id } });
  expect((await t.app.dataSource.query(`SELECT status FROM course_group WHERE id = $1`, [group.id]))[0].status).toBe('CONFIRMED');
  for (const person of [first, second]) {
    await capture.waitFor(() => capture.to(person.email!).some((mail) => kindOf(mail) === 'group-confirmed'), 15_000, `group-confirmed to ${person.email}`);
    const confirmed = capture.to(person.email!).filter((mail) => kindOf(mail) === 'group-confirmed');
    expect(confirmed).toHaveLength(1);
    expect(calendarMethods(confirmed[0])).toEqual(['REQUEST']);
    expect(confirmed[0].parsed.attachments.some((a) => a.content.toString('utf8').includes(`session-${session.id}@mps.vas.test`))).toBe(true);
  }
  // A third registration changes nothing about the group, and tells only its person.
  const third = await f.person();
  await (await t.as(third.id)).data(REGISTER, { input: { groupId: group.id } });
  await mailsOf(third.email!, 1);
  const groupConfirmed = await t.app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE group_id = $1 AND kind = 'group-confirmed'`, [
    group.id,
  ]);
  expect(groupConfirmed[0].n).toBe(2);
});

test("coordinators hear of their employees' registrations made or cancelled by someone else, never of their own", async () => {
  const institution = await f.institution('Veselības ministrija');
  const anna = await f.person({ givenName: 'Anna', familyName: 'Bērziņa', coordinates: [institution.id] });
  const emily = await f.person({ givenName: 'Emily', familyName: 'Clarke', coordinates: [institution.id], preferredLanguage: Language.EN });
  const [juris, ieva] = [await f.person({ givenName: 'Juris', familyName: 'Kalns' }), await f.person({ givenName: 'Ieva', familyName: 'Lapa' })];
  for (const employee of [juris, ieva]) await f.employment(employee.id, institution.id);
  const group = await f.group(courseId, { minSize: 1, maxSize: 1 });
  await f.session(group.id, 40);
  const coordinatorMails = (email: string) => capture.to(email).filter((mail) => kindOf(mail) === 'employee-registrations');
  const waitForCoordinatorMails = (email: string, count: number) =>
    capture.waitFor(() => coordinatorMails(email).length >= count, 15_000, `${count} coordinator e-mail(s) to ${email}`);

  // 1. Juris registers himself: both coordinators hear of it.
  const { register } = await (await t.as(juris.id)).data(REGISTER, { input: { groupId: group.id } });
  await Promise.all([waitForCoordinatorMails(anna.email!, 1), waitForCoordinatorMails(emily.email!, 1)]);
  const [toAnna] = coordinatorMails(anna.email!);
  expect(toAnna.parsed.subject).toBe(`Darbinieki pieteikti: Publiskie iepirkumi (${group.code})`);
  expect(textOf(toAnna)).toContain('Jūs esat iestādes Veselības ministrija koordinators. Jūsu darbinieks pats pieteica dalību kursā Publiskie iepirkumi');
  expect(textOf(toAnna)).toMatch(/Juris Kalns\s+Vieta apstiprināta/);
  const [toEmily] = coordinatorMails(emily.email!);
  expect(toEmily.parsed.subject).toBe(`Employees registered: Public procurement (${group.code})`);
  expect(textOf(toEmily)).toContain('https://mps.vas.test/admin');

  // 2. Anna registers Ieva (the group is full: she waits): Emily hears of it, Anna does not (she did it).
  await (
    await t.as(anna.id)
  ).data(`mutation ($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id } }`, {
    input: { groupId: group.id, institutionId: institution.id, personIds: [ieva.id] },
  });
  await waitForCoordinatorMails(emily.email!, 2);
  expect(textOf(coordinatorMails(emily.email!)[1])).toContain('Another coordinator of your institution (Anna Bērziņa) registered');
  expect(textOf(coordinatorMails(emily.email!)[1])).toMatch(/Ieva Lapa\s+Waiting list, number 1/);

  // 3. Staff cancel Juris's seat with a reason: both coordinators hear, with the reason; Ieva moving up is not news to them.
  const staff = await f.staff();
  await (await t.as(staff.id)).data(CANCEL, { input: { id: register.id, reason: 'Dubults pieteikums' } });
  await Promise.all([waitForCoordinatorMails(anna.email!, 2), waitForCoordinatorMails(emily.email!, 3)]);
  const cancelled = coordinatorMails(anna.email!)[1];
  expect(cancelled.parsed.subject).toBe(`Darbinieku pieteikumi atsaukti: Publiskie iepirkumi (${group.code})`);
  expect(textOf(cancelled)).toContain('Valsts administrācijas skola (Ilze Kalniņa) atsauca pieteikumu');
  expect(textOf(cancelled)).toContain('Iemesls: Dubults pieteikums');
  // Everything queued is out (the worker delivers at once): exactly these, none twice.
  const queued = await t.app.dataSource.query(
    `SELECT to_address, count(*)::int AS n FROM outbox_message WHERE group_id = $1 AND kind = 'employee-registrations' GROUP BY to_address ORDER BY to_address`,
    [group.id],
  );
  expect(queued).toEqual([
    { to_address: anna.email, n: 2 },
    { to_address: emily.email, n: 3 },
  ]);
});
