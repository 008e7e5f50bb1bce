import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';
import { signInAsDemoPerson } from '../../web/test/browser-helpers.js';

/**
 * Knowledge tests in the console (R-AFT-4), in real Chromium against the built system with demo
 * data: staff write a test and publish it, invite a group from its page (twice: nobody twice),
 * a participant takes it, and staff read her result on the group's results page.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const PARTICIPANT = 'Līga Kalniņa';
// In the demo data Līga is confirmed in this group.
const GROUP = 'VAS-LAW-101-G1';
const TITLE = 'Konsoles tests par tiesībām';

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

interface Tests {
  knowledgeTests: {
    items: { id: string; publishedAt: string | null; questions: { kind: string; points: number; options: { textLv: string; correct: boolean }[] }[] }[];
  };
}

test('staff create and publish a test, invite a group from its page, and see a participant’s result', async () => {
  const page = await newPage();
  await signInToConsole(page, server.url, STAFF);
  await page.getByRole('menuitem', { name: 'Zināšanu testi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zināšanu testi' }).waitFor();
  await page.getByRole('link', { name: 'Izveidot' }).click();

  await page.getByLabel('Nosaukums latviski').fill(TITLE);
  await page.getByLabel('Nokārtošanas slieksnis, %').fill('50');
  await page.getByLabel('Atļautie mēģinājumi').fill('2');
  // The first question is there already: single choice, 1 point, the first option correct.
  await page.getByLabel('Jautājums latviski').nth(0).fill('Kurš pieņem likumus?');
  await page.getByLabel('Punkti').nth(0).fill('2');
  await page.getByLabel('Variants latviski').nth(0).fill('Saeima');
  await page.getByLabel('Variants latviski').nth(1).fill('Valsts kanceleja');
  expect(await accessibilityViolations(page, 'knowledge test create')).toEqual([]);
  await page.getByRole('button', { name: 'Saglabāt' }).click();

  await page.getByText('Tests vēl nav publicēts', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Publicēt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publicēt' }).click();
  await page.getByText('Tests publicēts').first().waitFor();
  const { knowledgeTests } = await graphqlFrom<Tests>(
    page,
    `query ($q: String) { knowledgeTests(filter: { q: $q }) { items { id publishedAt questions { kind points options { textLv correct } } } } }`,
    { q: TITLE },
  );
  expect(knowledgeTests.items).toHaveLength(1);
  const test = knowledgeTests.items[0];
  expect(test.publishedAt).not.toBeNull();
  expect(test.questions).toEqual([
    {
      kind: 'SINGLE',
      points: 2,
      options: [
        { textLv: 'Saeima', correct: true },
        { textLv: 'Valsts kanceleja', correct: false },
      ],
    },
  ]);

  // Invite the group from its page; a second invitation reaches nobody twice.
  const { groups } = await graphqlFrom<{ groups: { items: { id: string; code: string }[] } }>(
    page,
    'query ($q: String) { groups(filter: { q: $q }, perPage: 5) { items { id code } } }',
    { q: GROUP },
  );
  const groupId = groups.items.find((g) => g.code === GROUP)!.id;
  const invite = async () => {
    await page.goto(`${server.url}/admin/#/groups/${groupId}`);
    await page.getByRole('button', { name: 'Uzaicināt uz testu' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Tests' }).click();
    await page.getByRole('option', { name: TITLE, exact: true }).click();
    expect(await accessibilityViolations(page, 'invite to a test')).toEqual([]);
    await dialog.getByRole('button', { name: 'Uzaicināt' }).click();
  };
  await invite();
  const first = page.getByText(/^Uzaicināt[si] \d+ dalībniek[si] \(jau iepriekš: 0\)$/);
  await first.waitFor();
  const invited = Number(/(\d+) dalībniek/.exec((await first.textContent()) ?? '')![1]);
  expect(invited).toBeGreaterThan(0);
  await invite();
  await page.getByText(`Uzaicināti 0 dalībnieki (jau iepriekš: ${invited})`).waitFor();

  // Līga takes it in the portal's API and passes.
  const participant = await newPage();
  await signInAsDemoPerson(participant, server.url, PARTICIPANT);
  const { myKnowledgeTests } = await graphqlFrom<{ myKnowledgeTests: { id: string; testId: string }[] }>(participant, '{ myKnowledgeTests { id testId } }');
  const invitationId = myKnowledgeTests.find((t) => t.testId === test.id)!.id;
  const { myKnowledgeTest } = await graphqlFrom<{ myKnowledgeTest: { questions: { id: string; options: { id: string; textLv: string }[] }[] } }>(
    participant,
    'query ($id: ID!) { myKnowledgeTest(id: $id) { questions { id options { id textLv } } } }',
    { id: invitationId },
  );
  const [question] = myKnowledgeTest.questions;
  const { startKnowledgeTestAttempt } = await graphqlFrom<{ startKnowledgeTestAttempt: { id: string } }>(
    participant,
    'mutation ($i: ID!) { startKnowledgeTestAttempt(invitationId: $i) { id } }',
    { i: invitationId },
  );
  await graphqlFrom(
    participant,
    'mutation ($a: ID!, $answers: [TestAnswerInput!]) { submitKnowledgeTestAttempt(attemptId: $a, answers: $answers) { score } }',
    {
      a: startKnowledgeTestAttempt.id,
      answers: [{ questionId: question.id, optionIds: [question.options.find((o) => o.textLv === 'Saeima')!.id] }],
    },
  );

  // Staff read the group's results: Līga passed with 2 of 2; the others have not taken it.
  await page.goto(`${server.url}/admin/#/groups/${groupId}`);
  await page.getByRole('link', { name: 'Testu rezultāti' }).click();
  await page.getByRole('heading', { name: `Testu rezultāti: ${GROUP}` }).waitFor();
  const table = page.getByTestId('knowledge-test-results');
  const row = table.getByRole('row').filter({ hasText: PARTICIPANT });
  await row.waitFor();
  expect(await row.getByRole('cell').allTextContents()).toEqual([PARTICIPANT, GROUP, TITLE, '1', '2 / 2', 'Nokārtots']);
  expect(await table.getByRole('row').filter({ hasText: 'Vēl nav kārtots' }).count()).toBe(invited - 1);
  expect(await accessibilityViolations(page, 'knowledge test results')).toEqual([]);
}, 180_000);
