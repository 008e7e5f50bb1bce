import type { RequestContext } from '../../common/request-context.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type SmtpCapture } from '../../test/smtp-capture.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { DEADLINE_GRACE_MS } from './knowledge-tests.service.js';

/**
 * Knowledge tests (R-AFT-4) over GraphQL as staff and participants; the time limit through the
 * service with a clock the test moves (the server's own clock is real time).
 */

const MINUTE = 60_000;
const PUBLIC_URL = 'https://mps.vas.test';

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let topic: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' });
  f = fixtures(t.app.dataSource);
  staff = await t.as((await f.staff()).id);
  topic = (await f.topic()).id;
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const TEST = `id titleLv passPercent attemptsAllowed timeLimitMinutes publishedAt hasAttempts questions { id kind points textLv options { id textLv correct } }`;
const CREATE = `mutation ($input: KnowledgeTestInput!) { createKnowledgeTest(input: $input) { ${TEST} } }`;
const UPDATE = `mutation ($id: ID!, $input: KnowledgeTestInput!) { updateKnowledgeTest(id: $id, input: $input) { ${TEST} } }`;
const PUBLISH = `mutation ($id: ID!) { publishKnowledgeTest(id: $id) { ${TEST} } }`;
const INVITE = `mutation ($t: ID!, $g: ID!) { inviteGroupToKnowledgeTest(testId: $t, groupId: $g) { invited alreadyInvited } }`;
const MINE = `{ myKnowledgeTests { id testId title groupCode attemptsAllowed canStart maxScore best { score maxScore passed } attempts { number score } } }`;
const ONE = `query ($id: ID!) { myKnowledgeTest(id: $id) { id title questions { id kind points options { id textLv } } } }`;
const ATTEMPT = `id number startedAt deadlineAt submittedAt closedBy score maxScore passed answers { questionId optionIds }`;
const START = `mutation ($i: ID!) { startKnowledgeTestAttempt(invitationId: $i) { ${ATTEMPT} } }`;
const SAVE = `mutation ($a: ID!, $answers: [TestAnswerInput!]!) { saveTestAnswers(attemptId: $a, answers: $answers) { ${ATTEMPT} } }`;
const SUBMIT = `mutation ($a: ID!, $answers: [TestAnswerInput!]) { submitKnowledgeTestAttempt(attemptId: $a, answers: $answers) { ${ATTEMPT} } }`;
const RESULTS = `query ($filter: KnowledgeTestResultFilter!) { knowledgeTestResults(filter: $filter, perPage: 100) {
  total items { personId personName groupCode attempts bestScore maxScore passed } } }`;

/** 10 points: `capital` SINGLE 2, `baltic` MULTIPLE 3 (lv and ee, not fi), `river` SINGLE 5. */
const QUESTIONS = [
  {
    id: 'capital',
    kind: 'SINGLE',
    textLv: 'Latvijas galvaspilsēta?',
    textEn: 'Capital of Latvia?',
    points: 2,
    options: [
      { id: 'riga', textLv: 'Rīga', correct: true },
      { id: 'cesis', textLv: 'Cēsis', correct: false },
    ],
  },
  {
    id: 'baltic',
    kind: 'MULTIPLE',
    textLv: 'Baltijas valstis?',
    points: 3,
    options: [
      { id: 'lv', textLv: 'Latvija', correct: true },
      { id: 'ee', textLv: 'Igaunija', correct: true },
      { id: 'fi', textLv: 'Somija', correct: false },
    ],
  },
  {
    id: 'river',
    kind: 'SINGLE',
    textLv: 'Garākā upe Latvijā?',
    points: 5,
    options: [
      { id: 'gauja', textLv: 'Gauja', correct: true },
      { id: 'venta', textLv: 'Venta', correct: false },
    ],
  },
];

const input = (overrides: object = {}) => ({
  titleLv: 'Ģeogrāfijas tests',
  passPercent: 50,
  attemptsAllowed: 2,
  timeLimitMinutes: null,
  questions: QUESTIONS,
  ...overrides,
});

async function publishedTest(overrides: object = {}): Promise<string> {
  const { createKnowledgeTest } = await staff.data(CREATE, { input: input(overrides) });
  await staff.data(PUBLISH, { id: createKnowledgeTest.id });
  return createKnowledgeTest.id as string;
}

async function groupWith(statuses: RegistrationStatus[], personOverrides: object = {}) {
  const group = await f.group((await f.course(topic)).id);
  await f.session(group.id, 10);
  const people = [];
  for (const status of statuses) {
    const person = await f.person(personOverrides);
    await f.registration(person.id, group.id, status);
    people.push(person);
  }
  return { group, people };
}

/** An invited participant: their client and their invitation's id. */
async function invitedParticipant(testId: string, personOverrides: object = {}) {
  const { group, people } = await groupWith([RegistrationStatus.CONFIRMED], personOverrides);
  await staff.data(INVITE, { t: testId, g: group.id });
  const own = await t.as(people[0].id);
  const { myKnowledgeTests } = await own.data(MINE);
  return { own, person: people[0], group, invitationId: myKnowledgeTests[0].id as string };
}

const answers = (chosen: Record<string, string[]>) => Object.entries(chosen).map(([questionId, optionIds]) => ({ questionId, optionIds }));
const asPerson = (personId: string): RequestContext => ({
  viewer: { kind: 'person', personId, sessionId: 'test', roles: [], coordinatorInstitutionIds: [], lecturerId: null },
  lang: Language.LV,
});

test('staff write a test as a draft, publish it, and the editor refuses bad questions on their fields', async () => {
  const { createKnowledgeTest: made } = await staff.data(CREATE, { input: input() });
  expect(made).toMatchObject({ titleLv: 'Ģeogrāfijas tests', publishedAt: null, hasAttempts: false });
  expect(made.questions[1].options.map((o: { correct: boolean }) => o.correct)).toEqual([true, true, false]);
  const { publishKnowledgeTest } = await staff.data(PUBLISH, { id: made.id });
  expect(publishKnowledgeTest.publishedAt).not.toBeNull();

  const bad = input({
    titleLv: ' ',
    passPercent: 101,
    attemptsAllowed: 0,
    questions: [
      { kind: 'SINGLE', textLv: 'Divas pareizas', points: 1, options: QUESTIONS[1].options },
      { kind: 'MULTIPLE', textLv: 'Nav pareizo', points: 0, options: [QUESTIONS[1].options[2], { textLv: 'Norvēģija', correct: false }] },
      { kind: 'SINGLE', textLv: 'Viena iespēja', points: 1, options: [QUESTIONS[0].options[0]] },
    ],
  });
  expect(fieldCodes(await staff.request(CREATE, { input: bad }))).toEqual(
    expect.arrayContaining([
      'titleLv:REQUIRED',
      'passPercent:OUT_OF_RANGE',
      'attemptsAllowed:OUT_OF_RANGE',
      'questions.0.options:ONE_CORRECT',
      'questions.1.options:SOME_CORRECT',
      'questions.1.points:OUT_OF_RANGE',
      'questions.2.options:OPTION_COUNT',
    ]),
  );
  // Nothing to publish without questions.
  const { createKnowledgeTest: empty } = await staff.data(CREATE, { input: input({ questions: [] }) });
  expect(await staff.codes(PUBLISH, { id: empty.id })).toEqual(['VALIDATION']);
});

test('a group is invited: only its confirmed participants, once each, with an e-mail keyed by the invitation; a draft cannot be', async () => {
  const draft = (await staff.data(CREATE, { input: input() })).createKnowledgeTest.id;
  const { group, people } = await groupWith([
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
  ]);
  expect(await staff.codes(INVITE, { t: draft, g: group.id })).toEqual(['TEST_NOT_PUBLISHED']);

  const testId = await publishedTest();
  expect((await staff.data(INVITE, { t: testId, g: group.id })).inviteGroupToKnowledgeTest).toEqual({ invited: 2, alreadyInvited: 0 });
  expect((await staff.data(INVITE, { t: testId, g: group.id })).inviteGroupToKnowledgeTest).toEqual({ invited: 0, alreadyInvited: 2 });
  // Someone confirmed later is invited by the next invite, alone.
  const late = await f.person();
  await f.registration(late.id, group.id);
  expect((await staff.data(INVITE, { t: testId, g: group.id })).inviteGroupToKnowledgeTest).toEqual({ invited: 1, alreadyInvited: 2 });

  const invitations: { id: string; person_id: string }[] = await t.app.dataSource.query(
    `SELECT id, person_id FROM knowledge_test_invitation WHERE test_id = $1 ORDER BY person_id`,
    [testId],
  );
  expect(invitations.map((i) => i.person_id).sort()).toEqual([people[0].id, people[1].id, late.id].sort());
  const outbox: { idempotency_key: string; person_id: string }[] = await t.app.dataSource.query(
    `SELECT idempotency_key, person_id FROM outbox_message WHERE kind = 'test-invitation' AND group_id = $1 ORDER BY person_id`,
    [group.id],
  );
  expect(outbox).toEqual(invitations.map((i) => ({ idempotency_key: `test-invitation:${i.id}`, person_id: i.person_id })));

  // The participant sees it; the waiting one does not.
  expect((await (await t.as(people[0].id)).data(MINE)).myKnowledgeTests).toEqual([
    expect.objectContaining({ testId, title: 'Ģeogrāfijas tests', groupCode: group.code, attemptsAllowed: 2, canStart: true, maxScore: 10, best: null }),
  ]);
  expect((await (await t.as(people[2].id)).data(MINE)).myKnowledgeTests).toEqual([]);
});

test('scoring: SINGLE needs its one correct option, MULTIPLE exactly the correct set; pass at the mark; the best attempt counts; no third attempt', async () => {
  const testId = await publishedTest({ passPercent: 50, attemptsAllowed: 2 });
  const { own, person, group, invitationId } = await invitedParticipant(testId);

  // Attempt 1: capital right (2), baltic only half the set (0), river wrong (0): 2 of 10 = 20 % < 50 %.
  const first = (await own.data(START, { i: invitationId })).startKnowledgeTestAttempt;
  expect(first).toMatchObject({ number: 1, submittedAt: null, deadlineAt: null, score: null });
  // Starting again while it is open gives the same attempt back.
  expect((await own.data(START, { i: invitationId })).startKnowledgeTestAttempt.id).toBe(first.id);
  await own.data(SAVE, { a: first.id, answers: answers({ capital: ['riga'], baltic: ['lv'] }) });
  const one = (await own.data(SUBMIT, { a: first.id, answers: answers({ capital: ['riga'], baltic: ['lv'], river: ['venta'] }) })).submitKnowledgeTestAttempt;
  expect(one).toMatchObject({ score: 2, maxScore: 10, passed: false, closedBy: 'PERSON' });
  expect(await own.codes(SUBMIT, { a: first.id })).toEqual(['ATTEMPT_CLOSED']);
  expect(await own.codes(SAVE, { a: first.id, answers: [] })).toEqual(['ATTEMPT_CLOSED']);

  // Attempt 2: capital (2) and baltic in full (3), river wrong, with a wrong extra on baltic first: 5 of 10 = exactly 50 %: passed.
  const second = (await own.data(START, { i: invitationId })).startKnowledgeTestAttempt;
  expect(second.number).toBe(2);
  const extra = (await own.data(SAVE, { a: second.id, answers: answers({ baltic: ['lv', 'ee', 'fi'] }) })).saveTestAnswers;
  expect(extra.answers).toEqual(answers({ baltic: ['lv', 'ee', 'fi'] }));
  expect(fieldCodes(await own.request(SAVE, { a: second.id, answers: answers({ capital: ['riga', 'cesis'], nope: ['x'] }) }))).toEqual([
    'answers.capital:ONE_OPTION',
    'answers.nope:UNKNOWN_QUESTION',
  ]);
  await own.data(SAVE, { a: second.id, answers: answers({ capital: ['riga'], baltic: ['ee', 'lv'], river: ['venta'] }) });
  // Submitted without answers: the saved ones are scored.
  const two = (await own.data(SUBMIT, { a: second.id })).submitKnowledgeTestAttempt;
  expect(two).toMatchObject({ score: 5, maxScore: 10, passed: true });

  expect(await own.codes(START, { i: invitationId })).toEqual(['ATTEMPTS_USED_UP']);
  const mine = (await own.data(MINE)).myKnowledgeTests[0];
  expect(mine).toMatchObject({ canStart: false, best: { score: 5, maxScore: 10, passed: true } });
  expect(mine.attempts).toEqual([
    { number: 1, score: 2 },
    { number: 2, score: 5 },
  ]);

  // Staff see the result per test and per group.
  const expected = { personId: person.id, groupCode: group.code, attempts: 2, bestScore: 5, maxScore: 10, passed: true };
  expect((await staff.data(RESULTS, { filter: { testId } })).knowledgeTestResults).toEqual({ total: 1, items: [expect.objectContaining(expected)] });
  expect((await staff.data(RESULTS, { filter: { groupId: group.id } })).knowledgeTestResults.items).toEqual([expect.objectContaining(expected)]);
  expect(await own.codes(RESULTS, { filter: { testId } })).toEqual(['FORBIDDEN']);

  // Someone else cannot touch the attempt or see the invitation.
  const stranger = await t.as((await f.person()).id);
  expect(await stranger.codes(SUBMIT, { a: second.id })).toEqual(['NOT_FOUND']);
  expect(await stranger.codes(ONE, { id: invitationId })).toEqual(['NOT_FOUND']);
  expect(await stranger.codes(START, { i: invitationId })).toEqual(['NOT_FOUND']);

  // Attempts made: the questions and the pass mark are frozen; the time limit may still change.
  const { updateKnowledgeTest } = await staff.data(UPDATE, { id: testId, input: input({ timeLimitMinutes: 15 }) });
  expect(updateKnowledgeTest).toMatchObject({ hasAttempts: true, timeLimitMinutes: 15 });
  expect(await staff.codes(UPDATE, { id: testId, input: input({ passPercent: 40 }) })).toEqual(['TEST_LOCKED']);
  expect(await staff.codes(UPDATE, { id: testId, input: input({ questions: QUESTIONS.slice(0, 2) }) })).toEqual(['TEST_LOCKED']);
});

test('a participant never sees which options are correct: the field is refused and the data carries none', async () => {
  const testId = await publishedTest();
  const { own, invitationId } = await invitedParticipant(testId);
  const withCorrect = `query ($id: ID!) { myKnowledgeTest(id: $id) { questions { options { id correct } } } }`;
  expect(await own.codes(withCorrect, { id: invitationId })).toEqual(['FORBIDDEN']);
  const plain = await own.request(ONE, { id: invitationId });
  expect(plain.errors).toBeUndefined();
  expect(plain.data!.myKnowledgeTest.questions[1].options.map((o: { id: string }) => o.id)).toEqual(['lv', 'ee', 'fi']);
  expect(JSON.stringify(plain)).not.toMatch(/correct/);
  // Nor after submitting, nor by asking for the test itself.
  const attempt = (await own.data(START, { i: invitationId })).startKnowledgeTestAttempt;
  await own.data(SUBMIT, { a: attempt.id, answers: [] });
  expect(await own.codes(withCorrect, { id: invitationId })).toEqual(['FORBIDDEN']);
  expect(await own.codes(`query ($id: ID!) { knowledgeTest(id: $id) { id } }`, { id: testId })).toEqual(['FORBIDDEN']);
});

test('a timed attempt: answers are taken until the deadline and its grace; after it the saved answers are scored, by save, submit or the next read', async () => {
  const testId = await publishedTest({ timeLimitMinutes: 10, attemptsAllowed: 3, passPercent: 20 });
  const { person, invitationId } = await invitedParticipant(testId);
  const service = t.app.services.knowledgeTests;
  const ctx = asPerson(person.id);
  const t0 = new Date(Date.now() + 60 * MINUTE);
  const at = (ms: number) => new Date(t0.getTime() + ms);

  // By save: within the grace it is still taken; after it, refused and closed with what was saved.
  const first = await service.start(ctx, invitationId, t0);
  expect(first.deadlineAt).toEqual(at(10 * MINUTE));
  await service.saveAnswers(ctx, first.id, answers({ capital: ['riga'] }), at(5 * MINUTE));
  await service.saveAnswers(ctx, first.id, answers({ capital: ['riga'], river: ['gauja'] }), at(10 * MINUTE + DEADLINE_GRACE_MS - 1000));
  await expect(
    service.saveAnswers(ctx, first.id, answers({ capital: ['riga'], river: ['gauja'], baltic: ['lv', 'ee'] }), at(11 * MINUTE)),
  ).rejects.toMatchObject({
    code: 'ATTEMPT_CLOSED',
  });
  const [closedBySave] = await t.app.dataSource.query(`SELECT score, max_score, passed, closed_by, submitted_at FROM knowledge_test_attempt WHERE id = $1`, [
    first.id,
  ]);
  expect(closedBySave).toEqual({ score: 7, max_score: 10, passed: true, closed_by: 'DEADLINE', submitted_at: at(11 * MINUTE) });

  // By submit: late answers are not taken, the saved ones are scored.
  const second = await service.start(ctx, invitationId, at(20 * MINUTE));
  await service.saveAnswers(ctx, second.id, answers({ capital: ['cesis'] }), at(21 * MINUTE));
  const late = await service.submit(ctx, second.id, answers({ capital: ['riga'], river: ['gauja'], baltic: ['lv', 'ee'] }), at(40 * MINUTE));
  expect(late).toMatchObject({ score: 0, passed: false, closedBy: 'DEADLINE' });

  // By the next read (the person left the page): the list closes it.
  const third = await service.start(ctx, invitationId, at(60 * MINUTE));
  await service.saveAnswers(ctx, third.id, answers({ baltic: ['lv', 'ee'] }), at(62 * MINUTE));
  expect((await service.mine(ctx, at(65 * MINUTE)))[0].attempts[2].submittedAt).toBeNull();
  const [after] = await service.mine(ctx, at(71 * MINUTE));
  expect(after.attempts[2]).toMatchObject({ score: 3, closedBy: 'DEADLINE' });
  expect(after.best).toMatchObject({ number: 1, score: 7 });
  expect(after.canStart).toBe(false);
  await expect(service.start(ctx, invitationId, at(72 * MINUTE))).rejects.toMatchObject({ code: 'ATTEMPTS_USED_UP' });
});

test('the invitation arrives by e-mail in the person’s language, with the link to the test', async () => {
  const testId = await publishedTest({ titleEn: 'Geography test', timeLimitMinutes: 20 });
  const course = await f.course(topic, { titleLv: 'Ģeogrāfija', titleEn: 'Geography' });
  const group = await f.group(course.id, { code: 'GEO-TEST-1' });
  await f.session(group.id, 3);
  const person = await f.person({ email: 'tests@example.test', preferredLanguage: Language.EN });
  await f.registration(person.id, group.id);
  await staff.data(INVITE, { t: testId, g: group.id });
  await capture.waitFor(() => capture.to('tests@example.test').length > 0, 20_000, 'the test invitation e-mail');
  const [mail] = capture.to('tests@example.test');
  expect(mail.parsed.headers.get('x-mps-kind')).toBe('test-invitation');
  expect(mail.parsed.subject).toBe('Knowledge test: Geography (GEO-TEST-1)');
  const [{ id }] = await t.app.dataSource.query(`SELECT id FROM knowledge_test_invitation WHERE person_id = $1`, [person.id]);
  const text = String(mail.parsed.text).replace(/\s+/g, ' ');
  expect(text).toContain(`${PUBLIC_URL}/testi/${id}`);
  expect(text).toContain('“Geography test”');
  expect(text).toContain('Each attempt has 20 minutes.');
  expect(mail.parsed.attachments.filter((a) => a.filename?.endsWith('.ics'))).toEqual([]);
});

(realPostgresAvailable() ? test : test.skip)(
  `8 submissions of one attempt at once score it once${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const app = await startTestApp({ MPS_ROLE: 'api' }, { databaseUrl: server.url });
    try {
      const g = fixtures(app.app.dataSource);
      const admin = await app.as((await g.staff()).id);
      const { createKnowledgeTest } = await admin.data(CREATE, { input: input() });
      await admin.data(PUBLISH, { id: createKnowledgeTest.id });
      const group = await g.group((await g.course((await g.topic()).id)).id);
      const person = await g.person();
      await g.registration(person.id, group.id);
      await admin.data(INVITE, { t: createKnowledgeTest.id, g: group.id });
      const own = await app.as(person.id);
      const invitationId = (await own.data(MINE)).myKnowledgeTests[0].id;
      // Two tabs start at once: one attempt.
      const starts = await Promise.all([own.data(START, { i: invitationId }), own.data(START, { i: invitationId })]);
      expect(starts[0].startKnowledgeTestAttempt.id).toBe(starts[1].startKnowledgeTestAttempt.id);
      const attemptId = starts[0].startKnowledgeTestAttempt.id;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => own.request(SUBMIT, { a: attemptId, answers: answers({ capital: [i % 2 ? 'riga' : 'cesis'] }) })),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', ...Array(7).fill('ATTEMPT_CLOSED')].sort());
      const winner = results.find((r) => !r.errors)!.data!.submitKnowledgeTestAttempt;
      const rows = await app.app.dataSource.query(`SELECT score, submitted_at FROM knowledge_test_attempt WHERE invitation_id = $1`, [invitationId]);
      expect(rows).toEqual([{ score: winner.score, submitted_at: new Date(winner.submittedAt) }]);
    } finally {
      await app.stop();
      await server.stop();
    }
  },
  90_000,
);
