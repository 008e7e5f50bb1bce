import type { BrowserContext, Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, graphqlFrom, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Filling the evaluation questionnaire (R-AFT-1) as a participant meets it: staff attach a
 * published questionnaire to the course of her past group; the app's own job invites her; she
 * finds it in "Manas mācības", gets errors next to the questions, loses nothing, and submits.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

// In the demo data she is confirmed in VAS-LAW-101-G1, whose sessions ended weeks ago.
const PARTICIPANT = 'Līga Kalniņa';
const STAFF = 'Jānis Kalniņš';
const PAST_GROUP = 'VAS-LAW-101-G1';

const QUESTIONS = [
  { id: 'overall', kind: 'SCALE', textLv: 'Kopējais vērtējums', textEn: 'Overall rating', required: true },
  {
    id: 'format',
    kind: 'SINGLE_CHOICE',
    textLv: 'Kāds formāts Jums der?',
    textEn: 'Which format suits you?',
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
    ],
  },
  { id: 'comment', kind: 'TEXT', textLv: 'Komentārs', textEn: 'Comment', required: false },
];

/** Until `check` holds, asking again after each answer (the invitation comes from a recurring job). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await page.waitForTimeout(500); // the next poll of the api, not a wait for the outcome
  }
}

test('a participant finds the questionnaire in Manas mācības, sees errors by the questions, keeps her answers and submits once', async () => {
  const staffContext = await context.browser()!.newContext({ locale: 'lv-LV' });
  const staff = await staffContext.newPage();
  await signInAsDemoPerson(staff, server.url, STAFF);
  const { createQuestionnaire } = await graphqlFrom<{ createQuestionnaire: { id: string } }>(
    staff,
    'mutation ($input: QuestionnaireInput!) { createQuestionnaire(input: $input) { id } }',
    { input: { title: 'Pārlūka anketa', questions: QUESTIONS } },
  );
  await graphqlFrom(staff, 'mutation ($id: ID!) { publishQuestionnaire(id: $id) { id } }', { id: createQuestionnaire.id });
  const { groups } = await graphqlFrom<{ groups: { items: { id: string; code: string; course: { id: string } }[] } }>(
    staff,
    'query ($code: String) { groups(filter: { q: $code }, perPage: 5) { items { id code course { id } } } }',
    { code: PAST_GROUP },
  );
  const group = groups.items.find((g) => g.code === PAST_GROUP)!;
  await graphqlFrom(staff, 'mutation ($id: ID!, $q: ID) { updateCourse(id: $id, input: { questionnaireId: $q }) { id } }', {
    id: group.course.id,
    q: createQuestionnaire.id,
  });
  await staffContext.close();

  await signInAsDemoPerson(page, server.url, PARTICIPANT);
  await eventually(
    () => graphqlFrom<{ myQuestionnaires: { groupId: string }[] }>(page, '{ myQuestionnaires { groupId } }'),
    (data) => data.myQuestionnaires.some((q) => q.groupId === group.id),
    'the invitation',
  );
  await page.goto(`${server.url}/manas-macibas`);
  const list = page.getByTestId('my-questionnaires');
  await list.getByRole('link', { name: /Novērtēt:/ }).click();
  await page.waitForURL((url) => url.pathname === `/vertejums/${group.id}`);
  await page.getByRole('heading', { level: 1, name: 'Novērtējuma anketa' }).waitFor();

  // Only the optional ones answered: the required two get their errors in Latvian, nothing typed is lost.
  await page
    .getByRole('group', { name: /Kas noderēja/ })
    .getByLabel('Piemēri')
    .check();
  await page.getByLabel('Komentārs').fill('Vairāk praktisku piemēru.');
  await page.getByRole('button', { name: 'Iesniegt anketu' }).click();
  await page.getByTestId('problem-overall').waitFor();
  expect(await page.getByTestId('problem-overall').textContent()).toBe('Lūdzu, atbildiet uz šo jautājumu.');
  expect(await page.getByTestId('problem-format').textContent()).toBe('Lūdzu, atbildiet uz šo jautājumu.');
  expect(await page.getByLabel('Komentārs').inputValue()).toBe('Vairāk praktisku piemēru.');
  expect(
    await page
      .getByRole('group', { name: /Kas noderēja/ })
      .getByLabel('Piemēri')
      .isChecked(),
  ).toBe(true);
  // Focus goes to the first question with a problem; its error is announced with it.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-overall');
  expect(await page.locator('#question-overall').getAttribute('aria-describedby')).toBe('question-overall-problem');
  expect(await seriousViolations(page, 'questionnaire with errors')).toEqual([]);

  // By keyboard: the rating radios take arrows, as radios do.
  await page
    .getByRole('group', { name: /Kopējais vērtējums/ })
    .getByLabel('4')
    .focus();
  await page.keyboard.press('Space');
  await page
    .getByRole('group', { name: /Kāds formāts/ })
    .getByLabel('Tiešsaistē')
    .check();
  await page.getByRole('button', { name: 'Iesniegt anketu' }).click();
  await page.getByTestId('questionnaire-thanks').waitFor();
  expect(await seriousViolations(page, 'questionnaire filled')).toEqual([]);

  const { myQuestionnaires } = await graphqlFrom<{ myQuestionnaires: { groupId: string; completed: boolean }[] }>(
    page,
    '{ myQuestionnaires { groupId completed } }',
  );
  expect(myQuestionnaires.find((q) => q.groupId === group.id)?.completed).toBe(true);
  // Back in Manas mācības there is nothing left to fill.
  await page.goto(`${server.url}/manas-macibas`);
  await page.getByRole('heading', { level: 1, name: 'Manas mācības' }).waitFor();
  expect(await page.getByTestId('my-questionnaires').count()).toBe(0);
}, 180_000);
