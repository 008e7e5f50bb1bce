import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { Language } from '../people/person.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { Course, CourseAllowedInstitution, CourseVisibility } from './course.entity.js';

/** Interest requests meet a published group: e-mails through the outbox, the job worker and a real SMTP server. */

const PUBLIC_URL = 'https://mps.vas.test';
const REQUEST = `mutation ($id: ID!) { requestNextGroup(courseId: $id) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawInterestRequest(courseId: $id) }`;
const UPDATE_GROUP = `mutation ($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { id status } }`;
const CREATE_GROUP = `mutation ($input: GroupInput!) { createGroup(input: $input) { id status } }`;
const KIND = 'interest-group-published';

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
  staff = await t.as((await f.staff()).id);
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const kindOf = (mail: CapturedMail) => mail.parsed.headers.get('x-mps-kind');
/** The text part with its line wrapping undone. */
const textOf = (mail: CapturedMail) => String(mail.parsed.text).replace(/\s+/g, ' ');
const interestMails = (email: string) => capture.to(email).filter((mail) => kindOf(mail) === KIND);

/** Polls the database for a state the SMTP server cannot see (every message SENT). */
async function until(done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for every interest e-mail to be sent');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mailsOf(email: string, count: number): Promise<CapturedMail[]> {
  await capture.waitFor(() => interestMails(email).length >= count, 15_000, `${count} ${KIND} e-mail(s) to ${email}`);
  return interestMails(email);
}

test('publishing a planned group tells each person with a request once, in their language; later saves tell nobody again', async () => {
  const topic = await f.topic();
  const course = await f.course(topic.id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement', priceCents: 8500 });
  const place = await f.place('VAS mācību centrs');
  // 20 April 2027 23:59 in Riga (summer time, UTC+3).
  const group = await f.group(course.id, { status: GroupStatus.PLANNED, registrationDeadline: new Date('2027-04-20T20:59:00Z') });
  await f.session(group.id, 30, { placeId: place.id, onlineUrl: null });

  const latvian = await f.person({ givenName: 'Līga', familyName: 'Ozoliņa' });
  const english = await f.person({ givenName: 'Mark', familyName: 'Evans', preferredLanguage: Language.EN });
  const withdrawn = await f.person();
  for (const person of [latvian, english, withdrawn]) await (await t.as(person.id)).data(REQUEST, { id: course.id });
  await (await t.as(withdrawn.id)).data(WITHDRAW, { id: course.id });

  // Saving the planned group tells nobody; opening it does.
  await staff.data(UPDATE_GROUP, { id: group.id, input: { maxSize: 25 } });
  expect((await staff.data(UPDATE_GROUP, { id: group.id, input: { status: 'OPEN' } })).updateGroup.status).toBe('OPEN');

  const [lv] = await mailsOf(latvian.email!, 1);
  expect(lv.parsed.subject).toBe(`Jauna grupa kursā, kuram pieteicāties: Publiskie iepirkumi (${group.code})`);
  expect(textOf(lv)).toContain('Labdien, Līga Ozoliņa!');
  expect(textOf(lv)).toContain(`Tagad ir atvērta pieteikšanās grupai ${group.code}`);
  expect(textOf(lv)).toContain('VAS mācību centrs');
  expect(textOf(lv)).toContain('2027. gada 20. aprīlis, plkst. 23:59');
  expect(textOf(lv)).toContain('Cena: 85,00 €');
  expect(textOf(lv)).toContain(`${PUBLIC_URL}/kursi/${course.id}`);
  const [en] = await mailsOf(english.email!, 1);
  expect(en.parsed.subject).toBe(`A new group of the course you asked about: Public procurement (${group.code})`);
  expect(textOf(en)).toContain('Dear Mark Evans,');
  expect(textOf(en)).toContain('until Tuesday, 20 April 2027, 23:59');
  expect(textOf(en)).toContain('Price: €85.00');

  // More saves, and even closing and reopening the same group, are no news.
  await staff.data(UPDATE_GROUP, { id: group.id, input: { maxSize: 30 } });
  await staff.data(UPDATE_GROUP, { id: group.id, input: { status: 'PLANNED' } });
  await staff.data(UPDATE_GROUP, { id: group.id, input: { status: 'OPEN' } });

  // A second group, created open at once, is news again: one more e-mail each, for that group.
  const { createGroup } = await staff.data(CREATE_GROUP, { input: { code: `${group.code}-2`, courseId: course.id, minSize: 1, maxSize: 10, status: 'OPEN' } });
  const latvianMails = await mailsOf(latvian.email!, 2);
  const englishMails = await mailsOf(english.email!, 2);
  expect(latvianMails.map((mail) => textOf(mail).includes(createGroup.id) || textOf(mail).includes(`${group.code}-2`))).toEqual([false, true]);
  expect(englishMails).toHaveLength(2);
  expect(interestMails(withdrawn.email!)).toEqual([]);

  const rows = await t.app.dataSource.query(`SELECT group_id, count(*)::int AS n FROM outbox_message WHERE kind = $1 GROUP BY group_id ORDER BY n`, [KIND]);
  expect(rows).toEqual(
    expect.arrayContaining([
      { group_id: group.id, n: 2 },
      { group_id: createGroup.id, n: 2 },
    ]),
  );
  // Delivery is done: nothing else is on its way to these people.
  await until(
    async () => (await t.app.dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE kind = $1 AND status <> 'SENT'`, [KIND]))[0].n === 0,
  );
  expect(interestMails(latvian.email!)).toHaveLength(2);
  expect(interestMails(english.email!)).toHaveLength(2);
});

test('a course restricted after people asked tells only those who may still see it', async () => {
  const course = await f.course((await f.topic()).id, { titleLv: 'Slēgtais kurss' });
  const institution = await f.institution();
  const outsider = await f.person();
  const coordinator = await f.person({ coordinates: [institution.id] });
  for (const person of [outsider, coordinator]) await (await t.as(person.id)).data(REQUEST, { id: course.id });
  await t.app.dataSource.getRepository(Course).update({ id: course.id }, { visibility: CourseVisibility.RESTRICTED });
  await t.app.dataSource.getRepository(CourseAllowedInstitution).insert({ courseId: course.id, institutionId: institution.id });

  const group = await f.group(course.id, { status: GroupStatus.PLANNED });
  await staff.data(UPDATE_GROUP, { id: group.id, input: { status: 'OPEN' } });
  await mailsOf(coordinator.email!, 1);
  const rows = await t.app.dataSource.query(`SELECT person_id FROM outbox_message WHERE kind = $1 AND group_id = $2`, [KIND, group.id]);
  expect(rows).toEqual([{ person_id: coordinator.id }]);
});
