import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type SmtpCapture } from '../../test/smtp-capture.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { GroupStatus } from './group.entity.js';
import { Session } from './session.entity.js';

/**
 * Reminders before sessions (R-NOT-1). The sweep is called with a clock the test moves, for
 * sessions 30+ days ahead where the app's own recurring sweep (real time) never looks; one session
 * starting tomorrow shows the recurring job and the real SMTP path.
 */

const DAY = 86_400_000;
const PUBLIC_URL = 'https://mps.vas.test';
const REMINDER = 'session-reminder';

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let topic: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
  topic = (await f.topic()).id;
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const sweep = (at: Date) => t.app.services.sessionReminders.sweep(at);
/** The reminders queued so far, as `session:person` keys. */
async function reminded(): Promise<string[]> {
  const rows: { idempotency_key: string }[] = await t.app.dataSource.query(`SELECT idempotency_key FROM outbox_message WHERE kind = $1`, [REMINDER]);
  return rows.map((row) => row.idempotency_key.slice(REMINDER.length + 1)).sort();
}

test('confirmed participants are reminded once, the course’s days before each session; moved sessions at their new time', async () => {
  const course = await f.course(topic, { reminderDaysBefore: 2 });
  const group = await f.group(course.id);
  const first = await f.session(group.id, 40);
  const second = await f.session(group.id, 45);
  const [confirmed, waiting, cancelled] = [await f.person(), await f.person(), await f.person()];
  await f.registration(confirmed.id, group.id);
  await f.registration(waiting.id, group.id, RegistrationStatus.WAITING);
  await f.registration(cancelled.id, group.id, RegistrationStatus.CANCELLED);
  const now = Date.now();
  const before = await reminded();

  await sweep(new Date(now + 37 * DAY)); // 3 days before the first: not yet
  expect(await reminded()).toEqual(before);
  await sweep(new Date(now + 38.5 * DAY)); // 1.5 days before
  const firstKey = `${first.id}:${confirmed.id}`;
  expect((await reminded()).filter((key) => !before.includes(key))).toEqual([firstKey]);

  // Sweeping again, or twice at once, sends nothing more.
  await Promise.all([sweep(new Date(now + 38.6 * DAY)), sweep(new Date(now + 38.6 * DAY)), sweep(new Date(now + 39 * DAY))]);
  expect((await reminded()).filter((key) => !before.includes(key))).toEqual([firstKey]);

  // The second session moves earlier: it is reminded by its new time.
  await t.app.dataSource.getRepository(Session).update(second.id, { startsAt: new Date(now + 41 * DAY), endsAt: new Date(now + 41 * DAY + 3 * 3600_000) });
  await sweep(new Date(now + 39.5 * DAY));
  expect((await reminded()).filter((key) => !before.includes(key)).sort()).toEqual([firstKey, `${second.id}:${confirmed.id}`].sort());
});

test('staff set the days per course, 0 to 14', async () => {
  const staff = await t.as((await f.staff()).id);
  const course = await f.course(topic);
  const UPDATE = `mutation ($id: ID!, $days: Int) { updateCourse(id: $id, input: { reminderDaysBefore: $days }) { reminderDaysBefore } }`;
  expect((await staff.data(`query ($id: ID!) { course(id: $id) { reminderDaysBefore } }`, { id: course.id })).course.reminderDaysBefore).toBe(1);
  expect((await staff.data(UPDATE, { id: course.id, days: 3 })).updateCourse.reminderDaysBefore).toBe(3);
  expect(fieldCodes(await staff.request(UPDATE, { id: course.id, days: 15 }))).toEqual(['reminderDaysBefore:OUT_OF_RANGE']);
  expect(fieldCodes(await staff.request(UPDATE, { id: course.id, days: -1 }))).toEqual(['reminderDaysBefore:OUT_OF_RANGE']);
});

test('nothing for a course without reminders, a cancelled group or a session already begun', async () => {
  const quiet = await f.group((await f.course(topic, { reminderDaysBefore: 0 })).id);
  const cancelledGroup = await f.group((await f.course(topic)).id, { status: GroupStatus.CANCELLED });
  const open = await f.group((await f.course(topic)).id);
  const person = await f.person();
  for (const group of [quiet, cancelledGroup, open]) await f.registration(person.id, group.id);
  const sessions = [await f.session(quiet.id, 50), await f.session(cancelledGroup.id, 50), await f.session(open.id, 50)];
  const now = Date.now();
  await sweep(new Date(now + 50 * DAY + 3600_000)); // an hour after they began
  await sweep(new Date(now + 49.5 * DAY));
  const mine = (await reminded()).filter((key) => key.endsWith(`:${person.id}`));
  expect(mine).toEqual([`${sessions[2].id}:${person.id}`]);
});

test('the recurring job reminds of tomorrow’s session by e-mail, in the person’s language and on Riga time', async () => {
  const course = await f.course(topic, { titleLv: 'Datu aizsardzība', titleEn: 'Data protection' });
  const group = await f.group(course.id, { code: 'DA-REMIND-1' });
  const session = await f.session(group.id, 0.8);
  const person = await f.person({ email: 'atgadinajums@example.test', preferredLanguage: Language.EN });
  await f.registration(person.id, group.id);
  await capture.waitFor(() => capture.to('atgadinajums@example.test').length > 0, 20_000, 'the reminder e-mail');
  const [mail] = capture.to('atgadinajums@example.test');
  expect(mail.parsed.headers.get('x-mps-kind')).toBe(REMINDER);
  const riga = (iso: Date) => iso.toLocaleTimeString('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  expect(mail.parsed.subject).toMatch(/^Reminder: Data protection \(DA-REMIND-1\) on /);
  const text = String(mail.parsed.text).replace(/\s+/g, ' ');
  expect(text).toContain('tomorrow');
  expect(text).toContain(riga(session.startsAt));
  expect(text).toContain(`${PUBLIC_URL}/manas-macibas`);
});
