import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { CourseVisibility } from '../catalog/course.entity.js';
import { Language } from '../people/person.entity.js';
import { QUESTIONS_PER_HOUR } from './support.service.js';
import { SupportQuestion } from './support-question.entity.js';

/**
 * Questions to the school (R-SUP-1) through the real server and a real SMTP server: anyone asks;
 * staff take, answer (by e-mail, in the asker's language, and in the portal) and close; bad input
 * and too many questions are refused with nothing written.
 */

const PUBLIC_URL = 'https://mps.vas.test';
const ASK = `mutation ($input: QuestionInput!) { askQuestion(input: $input) { id name email status language course { id } } }`;
const ANSWER = `mutation ($id: ID!, $a: String!) { answerQuestion(id: $id, answer: $a) { id status answer answeredAt assignedTo { id } answeredBy { id } } }`;
const QUEUE = `query ($f: QuestionFilter) { supportQuestions(filter: $f, perPage: 100) { total items { id name email text status course { id } assignedTo { id } } } }`;

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const textOf = (mail: CapturedMail) => String(mail.parsed.text).replace(/\s+/g, ' ');
async function answersTo(email: string, count: number): Promise<CapturedMail[]> {
  const of = () => capture.to(email).filter((mail) => mail.parsed.headers.get('x-mps-kind') === 'support-answered');
  await capture.waitFor(() => of().length >= count, 15_000, `${count} answer(s) to ${email}`);
  return of();
}

test('anyone asks; staff take it and answer; the asker gets the answer by e-mail in their language', async () => {
  const course = await f.course((await f.topic()).id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement' });
  const staffPerson = await f.staff();
  const staff = await t.as(staffPerson.id);

  // Not signed in, in English.
  const asked = (
    await t.anonymous.data(
      ASK,
      { input: { name: 'Pēteris Kalns', email: 'Peteris@Example.test', courseId: course.id, text: 'Can I attend online?' } },
      { 'x-mps-language': 'en' },
    )
  ).askQuestion;
  expect(asked).toMatchObject({ name: 'Pēteris Kalns', email: null, status: 'OPEN', language: 'EN', course: { id: course.id } });

  const queued = (await staff.data(QUEUE, { f: { status: 'OPEN' } })).supportQuestions.items.find((q: any) => q.id === asked.id);
  expect(queued).toMatchObject({ email: 'peteris@example.test', text: 'Can I attend online?', assignedTo: null });
  expect((await staff.data(`mutation ($id: ID!) { assignQuestion(id: $id) { assignedTo { id } } }`, { id: asked.id })).assignQuestion.assignedTo.id).toBe(
    staffPerson.id,
  );
  expect((await staff.data(QUEUE, { f: { mine: true } })).supportQuestions.items.map((q: any) => q.id)).toContain(asked.id);

  expect(fieldCodes(await staff.request(ANSWER, { id: asked.id, a: ' ' }))).toEqual(['answer:REQUIRED']);
  const answered = (await staff.data(ANSWER, { id: asked.id, a: 'Yes: every session is also online.' })).answerQuestion;
  expect(answered).toMatchObject({ status: 'ANSWERED', answer: 'Yes: every session is also online.', answeredBy: { id: staffPerson.id } });
  const [mail] = await answersTo('peteris@example.test', 1);
  expect(mail.parsed.subject).toBe('Answer to your question: Public procurement');
  expect(textOf(mail)).toContain('Can I attend online?');
  expect(textOf(mail)).toContain('Yes: every session is also online.');

  expect((await staff.data(`mutation ($id: ID!) { closeQuestion(id: $id) { status } }`, { id: asked.id })).closeQuestion.status).toBe('CLOSED');
  expect(fieldCodes(await staff.request(ANSWER, { id: asked.id, a: 'Vēl kas' }))).toEqual(['id:CLOSED']);
});

test('a signed-in person asks with their profile details and sees the answer in the portal', async () => {
  const person = await f.person({ givenName: 'Līga', familyName: 'Ozola', email: 'liga@example.test', preferredLanguage: Language.LV });
  const asPerson = await t.as(person.id);
  const asked = (await asPerson.data(ASK, { input: { text: 'Kad būs nākamā grupa?' } })).askQuestion;
  expect(asked).toMatchObject({ name: 'Līga Ozola', email: 'liga@example.test', language: 'LV', course: null });
  const staff = await t.as((await f.staff()).id);
  await staff.data(ANSWER, { id: asked.id, a: 'Martā.' });
  const [mail] = await answersTo('liga@example.test', 1);
  expect(mail.parsed.subject).toBe('Atbilde uz Jūsu jautājumu');
  expect(textOf(mail)).toContain(`${PUBLIC_URL}/jautajumi`);
  const { myQuestions } = await asPerson.data(`{ myQuestions { id text answer status } }`);
  expect(myQuestions).toEqual([{ id: asked.id, text: 'Kad būs nākamā grupa?', answer: 'Martā.', status: 'ANSWERED' }]);
  // Others see neither the question nor the address.
  const other = await t.as((await f.person()).id);
  expect((await other.data(`{ myQuestions { id } }`)).myQuestions).toEqual([]);
  expect(await other.codes(QUEUE)).toEqual(['FORBIDDEN']);
});

test('bad input, a hidden course, API tokens and too many questions are refused; nothing is written', async () => {
  const count = () => t.app.dataSource.getRepository(SupportQuestion).countBy({ email: 'many@example.test' });
  expect(fieldCodes(await t.anonymous.request(ASK, { input: { text: 'īss' } })).sort()).toEqual(['email:REQUIRED', 'name:REQUIRED', 'text:TOO_SHORT']);
  expect(fieldCodes(await t.anonymous.request(ASK, { input: { name: 'A', email: 'nav-adrese', text: 'x'.repeat(4001) } })).sort()).toEqual([
    'email:INVALID_EMAIL',
    'text:LENGTH',
  ]);
  const hidden = await f.course((await f.topic()).id, { visibility: CourseVisibility.RESTRICTED });
  expect(
    fieldCodes(await t.anonymous.request(ASK, { input: { name: 'A', email: 'many@example.test', courseId: hidden.id, text: 'Par slēpto kursu?' } })),
  ).toEqual(['courseId:UNKNOWN_COURSE']);
  expect(await count()).toBe(0);

  const input = { name: 'Daudzjautātājs', email: 'many@example.test', text: 'Vēl viens jautājums.' };
  const results = await Promise.all(Array.from({ length: QUESTIONS_PER_HOUR + 3 }, () => t.anonymous.request(ASK, { input })));
  const codes = results.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : 'ok'));
  expect(codes.filter((c) => c === 'ok')).toHaveLength(QUESTIONS_PER_HOUR);
  expect(codes.filter((c) => c !== 'ok')).toEqual(Array(3).fill('RATE_LIMITED'));
  expect(await count()).toBe(QUESTIONS_PER_HOUR);
});
