import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type SmtpCapture } from '../../test/smtp-capture.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';

/**
 * Evaluation questionnaires (R-AFT-1, R-AFT-2). The sweep is called with a clock the test moves,
 * for groups whose sessions lie 40+ days ahead, where the app's own recurring sweep (real time)
 * never looks; a group that ended yesterday shows the recurring job and the real SMTP path.
 */

const DAY = 86_400_000;
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

const QUESTIONNAIRE = `id title versions { id number publishedAt questions { id kind textLv textEn required options { id textLv textEn } } }`;
const CREATE = `mutation ($input: QuestionnaireInput!) { createQuestionnaire(input: $input) { ${QUESTIONNAIRE} } }`;
const UPDATE = `mutation ($id: ID!, $input: QuestionnaireInput!) { updateQuestionnaire(id: $id, input: $input) { ${QUESTIONNAIRE} } }`;
const PUBLISH = `mutation ($id: ID!) { publishQuestionnaire(id: $id) { ${QUESTIONNAIRE} } }`;
const MINE = `{ myQuestionnaires { groupId groupCode courseTitle completed questions { id kind required options { id } } } }`;
const SUBMIT = `mutation ($g: ID!, $a: [AnswerInput!]!) { submitQuestionnaire(groupId: $g, answers: $a) { groupId completed } }`;
const REPORT = `query ($filter: QuestionnaireReportFilter!) { questionnaireReport(filter: $filter) {
  invited responses versions { questionnaireTitle responses version { number } questions { question { id } answered average distribution options { option { id } count } texts } } } }`;

const QUESTIONS = [
  { id: 'overall', kind: 'SCALE', textLv: 'Kopējais vērtējums', textEn: 'Overall', required: true },
  {
    id: 'format',
    kind: 'SINGLE_CHOICE',
    textLv: 'Formāts',
    textEn: 'Format',
    required: true,
    options: [
      { id: 'room', textLv: 'Klātienē', textEn: 'In person' },
      { id: 'online', textLv: 'Tiešsaistē', textEn: 'Online' },
    ],
  },
  {
    id: 'useful',
    kind: 'MULTIPLE_CHOICE',
    textLv: 'Kas noderēja?',
    textEn: 'What helped?',
    required: false,
    options: [
      { id: 'cases', textLv: 'Piemēri', textEn: 'Cases' },
      { id: 'talks', textLv: 'Diskusijas', textEn: 'Talks' },
      { id: 'notes', textLv: 'Materiāli', textEn: 'Notes' },
    ],
  },
  { id: 'comment', kind: 'TEXT', textLv: 'Komentārs', textEn: 'Comment', required: false },
];

async function publishedQuestionnaire(title = 'Mācību novērtējums'): Promise<string> {
  const { createQuestionnaire } = await staff.data(CREATE, { input: { title, questions: QUESTIONS } });
  await staff.data(PUBLISH, { id: createQuestionnaire.id });
  return createQuestionnaire.id as string;
}

/**
 * A course with the questionnaire and a group whose one session ends `daysAhead` days from now. The
 * course asks no attendance (0 %) unless told: the attendance rule has a test of its own below.
 */
async function endedGroup(
  questionnaireId: string,
  daysAhead: number,
  overrides: { questionnaireReminders?: number; lecturerId?: string; minAttendancePercent?: number } = {},
) {
  const course = await f.course(topic, {
    questionnaireId,
    questionnaireReminders: overrides.questionnaireReminders ?? 3,
    minAttendancePercent: overrides.minAttendancePercent ?? 0,
  });
  const group = await f.group(course.id);
  const session = await f.session(group.id, daysAhead, { lecturerId: overrides.lecturerId ?? null });
  return { course, group, session };
}

const sweep = (at: Date) => t.app.services.questionnaireNotices.sweep(at);
async function keys(kind: string, personId: string): Promise<string[]> {
  const rows: { idempotency_key: string }[] = await t.app.dataSource.query(
    `SELECT idempotency_key FROM outbox_message WHERE kind = $1 AND person_id = $2 ORDER BY idempotency_key`,
    [kind, personId],
  );
  return rows.map((row) => row.idempotency_key);
}

test('a published version never changes: editing makes a new draft, publishing it makes version 2', async () => {
  const { createQuestionnaire: made } = await staff.data(CREATE, { input: { title: 'Anketa', questions: QUESTIONS.slice(0, 1) } });
  expect(made.versions.map((v: { number: number; publishedAt: string | null }) => [v.number, v.publishedAt])).toEqual([[1, null]]);
  // The draft is edited in place.
  const { updateQuestionnaire: edited } = await staff.data(UPDATE, { id: made.id, input: { title: 'Anketa', questions: QUESTIONS } });
  expect(edited.versions).toHaveLength(1);
  expect(edited.versions[0].questions).toHaveLength(4);
  const { publishQuestionnaire: published } = await staff.data(PUBLISH, { id: made.id });
  expect(published.versions[0].publishedAt).not.toBeNull();
  expect(await staff.codes(PUBLISH, { id: made.id })).toEqual(['VALIDATION']); // no draft left

  const { updateQuestionnaire: again } = await staff.data(UPDATE, { id: made.id, input: { title: 'Anketa v2', questions: QUESTIONS.slice(0, 2) } });
  expect(again.title).toBe('Anketa v2');
  expect(again.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  expect(again.versions[0].publishedAt).toBeNull();
  expect(again.versions[0].questions).toHaveLength(2);
  expect(again.versions[1].questions).toHaveLength(4); // version 1 as it was published
  expect(again.versions[1].questions[1]).toEqual({ ...QUESTIONS[1], options: QUESTIONS[1].options });
});

test("staff find questionnaires by words of the title, with or without Latvian letters, and by ids (the console's references)", async () => {
  const { createQuestionnaire: made } = await staff.data(CREATE, { input: { title: 'Kursa novērtējums ziemā', questions: QUESTIONS.slice(0, 1) } });
  const FIND = `query ($filter: QuestionnaireFilter) { questionnaires(filter: $filter, perPage: 100) { total items { id title } } }`;
  const titles = async (filter: object) =>
    ((await staff.data(FIND, { filter })).questionnaires.items as { title: string }[]).map((q) => q.title).filter((t) => t === made.title);
  for (const q of ['novērtējums ZIEMĀ', 'novertejums ziema', 'Kursa']) expect(await titles({ q })).toEqual([made.title]);
  expect(await titles({ q: 'vasarā' })).toEqual([]);
  expect((await staff.data(FIND, { filter: { ids: [made.id] } })).questionnaires).toEqual({ total: 1, items: [{ id: made.id, title: made.title }] });
  expect(await staff.codes(FIND, { filter: { ids: ['nav-id'] } })).toEqual(['VALIDATION']);
});

test('the editor refuses bad questions, each on its field', async () => {
  const input = {
    title: ' ',
    questions: [
      { kind: 'SINGLE_CHOICE', textLv: 'Viena izvēle', options: [{ textLv: 'Tikai viena' }] },
      { kind: 'SCALE', textLv: '', options: [{ textLv: 'Lieka' }] },
      { id: 'x', kind: 'TEXT', textLv: 'A' },
      { id: 'x', kind: 'TEXT', textLv: 'B' },
    ],
  };
  expect(fieldCodes(await staff.request(CREATE, { input }))).toEqual(
    [
      'title:REQUIRED',
      'questions.0.options:OPTION_COUNT',
      'questions.1.textLv:REQUIRED',
      'questions.1.options:NO_OPTIONS',
      'questions.3.id:DUPLICATE_ID',
    ].sort(),
  );
  const { createQuestionnaire: empty } = await staff.data(CREATE, { input: { title: 'Tukša', questions: [] } });
  expect(fieldCodes(await staff.request(PUBLISH, { id: empty.id }))).toEqual(['questions:REQUIRED']);
});

test('confirmed participants are invited to the newest published version once the last session ended; they fill it once, anonymously', async () => {
  const questionnaireId = await publishedQuestionnaire();
  const lecturer = await f.lecturer('Pēteris Zariņš');
  const { course, group } = await endedGroup(questionnaireId, 40, { lecturerId: lecturer.id });
  const [anna, waiting, cancelled] = [await f.person(), await f.person(), await f.person()];
  await f.registration(anna.id, group.id);
  await f.registration(waiting.id, group.id, RegistrationStatus.WAITING);
  await f.registration(cancelled.id, group.id, RegistrationStatus.CANCELLED);
  const now = Date.now();
  const invited = async () =>
    (await t.app.dataSource.query(`SELECT person_id FROM questionnaire_invitation WHERE group_id = $1`, [group.id])).map(
      (r: { person_id: string }) => r.person_id,
    );

  await sweep(new Date(now + 40 * DAY + 60_000)); // the session (3 hours) is still going on
  expect(await invited()).toEqual([]);
  await sweep(new Date(now + 40 * DAY + 4 * 3600_000));
  expect(await invited()).toEqual([anna.id]);
  expect(await keys('questionnaire-invitation', anna.id)).toEqual([`questionnaire-invitation:${group.id}:${anna.id}`]);
  for (const person of [waiting, cancelled]) expect(await keys('questionnaire-invitation', person.id)).toEqual([]);

  // A new version published after the invitation: Anna still fills the one she was invited to.
  await staff.data(UPDATE, { id: questionnaireId, input: { title: 'Mācību novērtējums', questions: QUESTIONS.slice(0, 1) } });
  await staff.data(PUBLISH, { id: questionnaireId });

  const own = await t.as(anna.id);
  const { myQuestionnaires } = await own.data(MINE);
  expect(myQuestionnaires).toHaveLength(1);
  expect(myQuestionnaires[0]).toMatchObject({ groupId: group.id, groupCode: group.code, courseTitle: course.titleLv, completed: false });
  expect(myQuestionnaires[0].questions.map((q: { id: string }) => q.id)).toEqual(['overall', 'format', 'useful', 'comment']);

  // Every problem at once, on its question.
  const wrong = await own.request(SUBMIT, {
    g: group.id,
    a: [
      { questionId: 'overall', scale: 6 },
      { questionId: 'format', optionIds: ['room', 'online'] },
      { questionId: 'useful', optionIds: ['nope'] },
    ],
  });
  expect(fieldCodes(wrong)).toEqual(['answers.format:ONE_OPTION', 'answers.overall:OUT_OF_RANGE', 'answers.useful:UNKNOWN_OPTION']);
  expect(fieldCodes(await own.request(SUBMIT, { g: group.id, a: [] }))).toEqual(['answers.format:REQUIRED', 'answers.overall:REQUIRED']);

  // Others cannot fill it: not invited.
  expect(await (await t.as(waiting.id)).codes(SUBMIT, { g: group.id, a: [{ questionId: 'overall', scale: 3 }] })).toEqual(['NOT_FOUND']);

  const answers = [
    { questionId: 'overall', scale: 4 },
    { questionId: 'format', optionIds: ['online'] },
    { questionId: 'useful', optionIds: ['cases', 'talks'] },
    { questionId: 'comment', text: '  Vairāk piemēru.  ' },
  ];
  expect((await own.data(SUBMIT, { g: group.id, a: answers })).submitQuestionnaire).toEqual({ groupId: group.id, completed: true });
  expect(await own.codes(SUBMIT, { g: group.id, a: answers })).toEqual(['ALREADY_EXISTS']);
  expect((await own.data(MINE)).myQuestionnaires[0].completed).toBe(true);

  // The response holds no person and no time; the completion no answers.
  const [response] = await t.app.dataSource.query(`SELECT * FROM questionnaire_response WHERE group_id = $1`, [group.id]);
  expect(Object.keys(response).sort()).toEqual(['answers', 'group_id', 'id', 'lecturer_ids', 'submitted_on', 'version_id']);
  expect(JSON.stringify(response)).not.toContain(anna.id);
  expect(response.lecturer_ids).toEqual([lecturer.id]);
  expect(response.answers).toContainEqual({ questionId: 'comment', text: 'Vairāk piemēru.' });
  const completions = await t.app.dataSource.query(`SELECT * FROM questionnaire_completion WHERE group_id = $1`, [group.id]);
  expect(completions).toEqual([{ person_id: anna.id, group_id: group.id }]);

  // A second participant of another group of the course, lecturer the same; the reports aggregate.
  const other = (await f.group(course.id)).id;
  await f.session(other, 40, { lecturerId: lecturer.id });
  const ben = await f.person();
  await f.registration(ben.id, other);
  await sweep(new Date(now + 40 * DAY + 4 * 3600_000));
  // Ben is invited to version 2 (the newest published now): one question.
  const benClient = await t.as(ben.id);
  await benClient.data(SUBMIT, { g: other, a: [{ questionId: 'overall', scale: 2 }] });

  const byGroup = (await staff.data(REPORT, { filter: { groupId: group.id } })).questionnaireReport;
  expect(byGroup).toMatchObject({ invited: 1, responses: 1 });
  expect(byGroup.versions).toHaveLength(1);
  const [overall, format, useful, comment] = byGroup.versions[0].questions;
  expect(overall).toMatchObject({ answered: 1, average: 4, distribution: [0, 0, 0, 1, 0] });
  expect(format.options).toEqual([
    { option: { id: 'room' }, count: 0 },
    { option: { id: 'online' }, count: 1 },
  ]);
  expect(useful.options.map((o: { count: number }) => o.count)).toEqual([1, 1, 0]);
  expect(comment.texts).toEqual(['Vairāk piemēru.']);

  for (const filter of [{ courseId: course.id }, { lecturerId: lecturer.id }]) {
    const report = (await staff.data(REPORT, { filter })).questionnaireReport;
    expect(report).toMatchObject({ invited: 2, responses: 2 });
    expect(report.versions.map((v: { version: { number: number }; responses: number }) => [v.version.number, v.responses])).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(report.versions[0].questions[0]).toMatchObject({ average: 2, distribution: [0, 1, 0, 0, 0] });
  }
  expect(fieldCodes(await staff.request(REPORT, { filter: { groupId: group.id, courseId: course.id } }))).toEqual(['filter:ONE_OF']);
});

test('only those who met the attendance rule are invited, once every session is marked (R-AFT-5)', async () => {
  const questionnaireId = await publishedQuestionnaire();
  const { group, session } = await endedGroup(questionnaireId, -1, { minAttendancePercent: 80 });
  const [present, absent, excused] = [await f.person(), await f.person(), await f.person()];
  for (const person of [present, absent, excused]) await f.registration(person.id, group.id);
  const invited = async () =>
    (await t.app.dataSource.query(`SELECT person_id FROM questionnaire_invitation WHERE group_id = $1`, [group.id])).map(
      (r: { person_id: string }) => r.person_id,
    );

  // The last session has ended, but nobody's attendance is marked yet: nobody is asked.
  await sweep(new Date());
  expect(await invited()).toEqual([]);

  const MARK = `mutation ($id: ID!, $marks: [AttendanceMarkInput!]!) { markAttendance(sessionId: $id, marks: $marks) { participants { personId } } }`;
  await staff.data(MARK, {
    id: session.id,
    marks: [
      { personId: present.id, status: 'PRESENT' },
      { personId: absent.id, status: 'ABSENT' },
      { personId: excused.id, status: 'EXCUSED' },
    ],
  });
  await sweep(new Date());
  expect(await invited()).toEqual([present.id]);
  for (const person of [absent, excused]) expect(await keys('questionnaire-invitation', person.id)).toEqual([]);
});

test('a person whose registration is cancelled after the invitation gets no more reminders', async () => {
  const questionnaireId = await publishedQuestionnaire();
  const { group } = await endedGroup(questionnaireId, -1);
  const person = await f.person();
  const registration = await f.registration(person.id, group.id);
  await sweep(new Date());
  const [{ invited_at }] = await t.app.dataSource.query(`SELECT invited_at FROM questionnaire_invitation WHERE person_id = $1`, [person.id]);
  await t.app.dataSource.query(`UPDATE registration SET status = 'CANCELLED' WHERE id = $1`, [registration.id]);
  await sweep(new Date(new Date(invited_at).getTime() + 2 * DAY + 60_000));
  expect(await keys('questionnaire-reminder', person.id)).toEqual([]);
});

test('a reminder every 2 days until filled, at most the course’s number; double sweeps send nothing twice', async () => {
  const questionnaireId = await publishedQuestionnaire();
  const { group } = await endedGroup(questionnaireId, 50, { questionnaireReminders: 2 });
  const [late, prompt] = [await f.person(), await f.person()];
  await f.registration(late.id, group.id);
  await f.registration(prompt.id, group.id);
  const invitedAt = Date.now() + 50 * DAY + 5 * 3600_000;
  await sweep(new Date(invitedAt));
  const reminders = (personId: string) => keys('questionnaire-reminder', personId);
  const key = (personId: string, n: number) => `questionnaire-reminder:${group.id}:${personId}:${n}`;

  await sweep(new Date(invitedAt + 1.9 * DAY));
  expect(await reminders(late.id)).toEqual([]);
  await Promise.all([sweep(new Date(invitedAt + 2 * DAY)), sweep(new Date(invitedAt + 2.1 * DAY)), sweep(new Date(invitedAt + 3.9 * DAY))]);
  expect(await reminders(late.id)).toEqual([key(late.id, 1)]);
  expect(await reminders(prompt.id)).toEqual([key(prompt.id, 1)]);

  // One fills it: no more reminders for them.
  await (
    await t.as(prompt.id)
  ).data(SUBMIT, {
    g: group.id,
    a: [
      { questionId: 'overall', scale: 5 },
      { questionId: 'format', optionIds: ['room'] },
    ],
  });
  await sweep(new Date(invitedAt + 4 * DAY));
  expect(await reminders(late.id)).toEqual([key(late.id, 1), key(late.id, 2)]);
  expect(await reminders(prompt.id)).toEqual([key(prompt.id, 1)]);

  // The course's number (2) is reached: nothing more, however long it waits.
  for (const days of [6, 8, 12, 20]) await sweep(new Date(invitedAt + days * DAY));
  expect(await reminders(late.id)).toEqual([key(late.id, 1), key(late.id, 2)]);
  expect(await keys('questionnaire-invitation', late.id)).toHaveLength(1);
});

test('the invitation and the reminder arrive by e-mail, in the person’s language, with the link to the questionnaire', async () => {
  const questionnaireId = await publishedQuestionnaire();
  const course = await f.course(topic, { questionnaireId, titleLv: 'Datu aizsardzība', titleEn: 'Data protection', minAttendancePercent: 0 });
  const group = await f.group(course.id, { code: 'DA-EVAL-1' });
  await f.session(group.id, -1);
  const person = await f.person({ email: 'vertejums@example.test', preferredLanguage: Language.EN });
  await f.registration(person.id, group.id);
  // The app's own recurring job invites (real time).
  await capture.waitFor(() => capture.to('vertejums@example.test').length > 0, 20_000, 'the invitation e-mail');
  const [invitation] = capture.to('vertejums@example.test');
  expect(invitation.parsed.headers.get('x-mps-kind')).toBe('questionnaire-invitation');
  expect(invitation.parsed.subject).toBe('Evaluation questionnaire: Data protection (DA-EVAL-1)');
  const link = `${PUBLIC_URL}/vertejums/${group.id}`;
  expect(String(invitation.parsed.text).replace(/\s+/g, ' ')).toContain(link);
  expect(String(invitation.parsed.text)).toContain('required for your certificate');

  const [{ invited_at }] = await t.app.dataSource.query(`SELECT invited_at FROM questionnaire_invitation WHERE person_id = $1`, [person.id]);
  await sweep(new Date(new Date(invited_at).getTime() + 2 * DAY + 60_000));
  await capture.waitFor(() => capture.to('vertejums@example.test').length > 1, 20_000, 'the reminder e-mail');
  const reminder = capture.to('vertejums@example.test')[1];
  expect(reminder.parsed.headers.get('x-mps-kind')).toBe('questionnaire-reminder');
  expect(reminder.parsed.subject).toBe('Reminder: evaluation questionnaire, Data protection (DA-EVAL-1)');
  expect(String(reminder.parsed.text).replace(/\s+/g, ' ')).toContain(link);
});

(realPostgresAvailable() ? test : test.skip)(
  `12 submissions at once make exactly one response and one completion${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const app = await startTestApp({ MPS_ROLE: 'api' }, { databaseUrl: server.url });
    try {
      const g = fixtures(app.app.dataSource);
      const admin = await app.as((await g.staff()).id);
      const { createQuestionnaire } = await admin.data(CREATE, { input: { title: 'Paralēli', questions: QUESTIONS.slice(0, 1) } });
      await admin.data(PUBLISH, { id: createQuestionnaire.id });
      const course = await g.course((await g.topic()).id, { questionnaireId: createQuestionnaire.id, minAttendancePercent: 0 });
      const group = await g.group(course.id);
      await g.session(group.id, -1);
      const person = await g.person();
      await g.registration(person.id, group.id);
      await app.app.services.questionnaireNotices.sweep(new Date());
      const own = await app.as(person.id);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => own.request(SUBMIT, { g: group.id, a: [{ questionId: 'overall', scale: (i % 5) + 1 }] })),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', ...Array(11).fill('ALREADY_EXISTS')].sort());
      const [{ responses }] = await app.app.dataSource.query(`SELECT count(*)::int AS responses FROM questionnaire_response WHERE group_id = $1`, [group.id]);
      const [{ completions }] = await app.app.dataSource.query(`SELECT count(*)::int AS completions FROM questionnaire_completion WHERE group_id = $1`, [
        group.id,
      ]);
      expect([responses, completions]).toEqual([1, 1]);
    } finally {
      await app.stop();
      await server.stop();
    }
  },
  90_000,
);
