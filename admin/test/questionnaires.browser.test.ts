import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';
import { signInAsDemoPerson } from '../../web/test/browser-helpers.js';

/**
 * The evaluation questionnaire in the console (R-AFT-1, R-AFT-2), in real Chromium against the built
 * system (demo data): staff write a questionnaire with a scale, a single-choice and a free-text
 * question, publish it, attach it to a course whose group has ended, and once a participant has
 * answered, read the course's report without names. Editing a published version makes a new draft.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const PARTICIPANT = 'Līga Kalniņa';
const COURSE = 'VAS-LAW-101';
const GROUP = 'VAS-LAW-101-G1';
const TITLE = 'Novērtējums: pārlūka tests';

let server: ProductServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

/** Asks until `check` holds (the recurring sweep runs every few seconds on the embedded defaults). */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Versions {
  questionnaires: {
    items: {
      id: string;
      title: string;
      versions: { number: number; publishedAt: string | null; questions: { kind: string; textLv: string; options: { textLv: string }[] }[] }[];
    }[];
  };
}
const VERSIONS = `query ($q: String) { questionnaires(filter: { q: $q }) { items { id title versions { number publishedAt questions { kind textLv options { textLv } } } } } }`;

/** Picks a value of a react-admin SelectInput (a MUI select: a combobox and a listbox). */
async function choose(page: Page, label: string, index: number, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).nth(index).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('staff write, publish and attach a questionnaire, and read the answers without names', async () => {
  const page = await newPage();
  await signInToConsole(page, server.url, STAFF);
  await page.getByRole('menuitem', { name: 'Vērtējuma anketas' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vērtējuma anketas' }).waitFor();
  await page.getByRole('link', { name: 'Izveidot' }).click();

  await page.getByLabel('Nosaukums').fill(TITLE);
  // The first question is there already: a scale, required.
  await page.getByLabel('Jautājums latviski').nth(0).fill('Cik noderīgas bija mācības?');
  await page.getByLabel('Jautājums angliski').nth(0).fill('How useful was the training?');
  // A single-choice question with two options (its own "add" comes first: it is inside the question).
  await page.getByRole('button', { name: 'Pievienot' }).last().click();
  await choose(page, 'Jautājuma veids', 1, 'Viena izvēle');
  await page.getByLabel('Jautājums latviski').nth(1).fill('Vai ieteiktu kolēģim?');
  await page.getByRole('button', { name: 'Pievienot' }).first().click();
  await page.getByRole('button', { name: 'Pievienot' }).first().click();
  await page.getByLabel('Variants latviski').nth(0).fill('Jā');
  await page.getByLabel('Variants latviski').nth(1).fill('Nē');
  // A free-text question.
  await page.getByRole('button', { name: 'Pievienot' }).last().click();
  await choose(page, 'Jautājuma veids', 2, 'Brīvs teksts');
  await page.getByLabel('Jautājums latviski').nth(2).fill('Ko mainītu?');
  expect(await accessibilityViolations(page, 'questionnaire create')).toEqual([]);
  await page.getByRole('button', { name: 'Saglabāt' }).click();

  // Saved as the draft of version 1, then published.
  await page.getByText('Jūs labojat 1. versijas melnrakstu.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Publicēt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publicēt' }).click();
  await page.getByText('Versija publicēta').waitFor();
  await page.getByText('Publicēta 1. versija', { exact: false }).waitFor();
  const published = (await graphqlFrom<Versions>(page, VERSIONS, { q: TITLE })).questionnaires.items;
  expect(published).toHaveLength(1);
  expect(published[0].versions).toHaveLength(1);
  expect(published[0].versions[0].publishedAt).not.toBeNull();
  expect(published[0].versions[0].questions.map((q) => [q.kind, q.textLv, q.options.map((o) => o.textLv)])).toEqual([
    ['SCALE', 'Cik noderīgas bija mācības?', []],
    ['SINGLE_CHOICE', 'Vai ieteiktu kolēģim?', ['Jā', 'Nē']],
    ['TEXT', 'Ko mainītu?', []],
  ]);
  const questionnaireId = published[0].id;

  // Attached to a course whose group has ended, with 2 reminders.
  const { courses } = await graphqlFrom<{ courses: { items: { id: string; code: string }[] } }>(
    page,
    `query ($q: String) { courses(filter: { q: $q }) { items { id code } } }`,
    {
      q: COURSE,
    },
  );
  const courseId = courses.items.find((c) => c.code === COURSE)!.id;
  await page.goto(`${server.url}/admin/#/courses/${courseId}`);
  await choose(page, 'Vērtējuma anketa', 0, TITLE);
  await page.getByLabel('Atgādinājumi aizpildīt anketu').fill('2');
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByText('Ieraksts atjaunināts', { exact: false }).waitFor();
  const { course } = await graphqlFrom<{ course: { questionnaireId: string; questionnaireReminders: number } }>(
    page,
    `query ($id: ID!) { course(id: $id) { questionnaireId questionnaireReminders } }`,
    { id: courseId },
  );
  expect(course).toEqual({ questionnaireId, questionnaireReminders: 2 });

  // The sweep invites the group's participants who met attendance; one of them answers.
  const report = () =>
    graphqlFrom<{ questionnaireReport: { invited: number; responses: number } }>(
      page,
      `query ($id: ID!) { questionnaireReport(filter: { courseId: $id }) { invited responses } }`,
      {
        id: courseId,
      },
    );
  const invited = (await until(report, (r) => r.questionnaireReport.invited > 0, 'the invitations')).questionnaireReport.invited;
  const participant = await newPage();
  await signInAsDemoPerson(participant, server.url, PARTICIPANT);
  const mine = await graphqlFrom<{
    myQuestionnaires: { groupId: string; groupCode: string; questions: { id: string; kind: string; options: { id: string }[] }[] }[];
  }>(participant, `{ myQuestionnaires { groupId groupCode questions { id kind options { id } } } }`);
  const toFill = mine.myQuestionnaires.find((q) => q.groupCode === GROUP)!;
  const [scale, choice, text] = toFill.questions;
  await graphqlFrom(participant, `mutation ($g: ID!, $a: [AnswerInput!]!) { submitQuestionnaire(groupId: $g, answers: $a) { completed } }`, {
    g: toFill.groupId,
    a: [
      { questionId: scale.id, scale: 4 },
      { questionId: choice.id, optionIds: [choice.options[0].id] },
      { questionId: text.id, text: 'Vairāk praktisku piemēru.' },
    ],
  });

  // The report page, opened from the course.
  await page.goto(`${server.url}/admin/#/courses/${courseId}`);
  await page.getByRole('link', { name: 'Vērtējumu pārskats' }).click();
  await page.getByText(`Aicināti aizpildīt: ${invited}; atbildes: 1.`).waitFor();
  await page.getByRole('heading', { name: `${TITLE}, 1. versija`, exact: false }).waitFor();
  await page.getByText('Vidējais vērtējums: 4 no 5').waitFor();
  await page.getByRole('row', { name: 'Jā 1 100' }).waitFor();
  await page.getByText('Vairāk praktisku piemēru.').waitFor();
  expect(await page.getByText(PARTICIPANT).count()).toBe(0);
  expect(await accessibilityViolations(page, 'questionnaire report')).toEqual([]);

  // Editing the published version makes a draft of version 2; version 1 stays as it was answered.
  await page.goto(`${server.url}/admin/#/questionnaires/${questionnaireId}`);
  await page.getByLabel('Jautājums latviski').nth(2).fill('Ko jūs mainītu?');
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByText('Jūs labojat 2. versijas melnrakstu.', { exact: false }).waitFor();
  const after = (await graphqlFrom<Versions>(page, VERSIONS, { q: TITLE })).questionnaires.items[0].versions;
  expect(after.map((v) => [v.number, v.publishedAt === null, v.questions[2].textLv])).toEqual([
    [2, true, 'Ko jūs mainītu?'],
    [1, false, 'Ko mainītu?'],
  ]);
}, 180_000);
