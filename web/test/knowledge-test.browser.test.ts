import type { BrowserContext, Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, graphqlFrom, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Taking a knowledge test (R-AFT-4) as a participant meets it. In the demo data Līga Kalniņa is
 * invited to the timed test "Vadītāja pamatzināšanas" (6 points, pass at 60 %, 2 attempts): she
 * finds it in "Manas mācības", her answers survive a reload, she submits with a confirmation, fails,
 * tries again and passes; then no attempt is left.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

const PARTICIPANT = 'Līga Kalniņa';
const TEST = 'Vadītāja pamatzināšanas';

const question = (name: RegExp) => page.getByRole('group', { name });

async function saved() {
  await page.getByTestId('save-state').getByText('Atbildes saglabātas.').waitFor();
}

async function submitConfirmed() {
  await page.getByRole('button', { name: 'Iesniegt testu' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  expect(await seriousViolations(page, 'submit confirmation')).toEqual([]);
  await dialog.getByRole('button', { name: 'Jā, iesniegt' }).click();
  await page.getByTestId('test-result').waitFor();
}

test('a participant takes a timed test: answers kept over a reload, submitted with a confirmation, scored, a second attempt, then none', async () => {
  void context;
  await signInAsDemoPerson(page, server.url, PARTICIPANT);
  await page.goto(`${server.url}/manas-macibas`);
  const list = page.getByTestId('my-tests');
  await list.getByRole('heading', { name: 'Mani testi' }).waitFor();
  await list.getByRole('link', { name: new RegExp(TEST) }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/testi/'));
  await page.getByRole('heading', { level: 1, name: TEST }).waitFor();
  expect(await page.getByText('Laiks vienam mēģinājumam: 15 minūtes.').count()).toBe(1);
  expect(await seriousViolations(page, 'test before starting')).toEqual([]);

  await page.getByRole('button', { name: 'Sākt testu' }).click();
  await page.getByRole('heading', { level: 2, name: '1. mēģinājums' }).waitFor();
  // The countdown starts near 15 minutes; only the hidden live region is announced.
  expect(await page.getByTestId('countdown').textContent()).toMatch(/Atlikušais laiks: 1[45]:\d\d/);
  expect(await page.getByTestId('countdown').getAttribute('aria-hidden')).toBe('true');

  // The right answer to the first question, half of the second: 2 of 6 points.
  await question(/atgriezenisko saiti/)
    .getByLabel('Drīz pēc notikuma')
    .check();
  await saved();
  await question(/deleģējot/)
    .getByLabel('Sagaidāmais rezultāts')
    .check();
  await saved();
  expect(await seriousViolations(page, 'test in progress')).toEqual([]);

  // A reload loses nothing.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: '1. mēģinājums' }).waitFor();
  expect(
    await question(/atgriezenisko saiti/)
      .getByLabel('Drīz pēc notikuma')
      .isChecked(),
  ).toBe(true);
  expect(
    await question(/deleģējot/)
      .getByLabel('Sagaidāmais rezultāts')
      .isChecked(),
  ).toBe(true);
  expect(
    await question(/deleģējot/)
      .getByLabel('Termiņš')
      .isChecked(),
  ).toBe(false);

  await page.getByRole('button', { name: 'Iesniegt testu' }).click();
  expect(await page.getByRole('alertdialog').textContent()).toContain('Neatbildēts 1 jautājums.');
  await page.getByRole('button', { name: 'Atpakaļ pie jautājumiem' }).click();
  await submitConfirmed();
  const first = page.getByTestId('test-result');
  expect(await first.textContent()).toContain('Tests nav nokārtots');
  expect(await first.textContent()).toContain('1. mēģinājums: 2 no 6 punktiem.');
  expect(await seriousViolations(page, 'test failed')).toEqual([]);

  // The second attempt, all right: 6 of 6.
  await page.getByRole('button', { name: 'Mēģināt vēlreiz' }).click();
  await page.getByRole('heading', { level: 2, name: '2. mēģinājums' }).waitFor();
  await question(/atgriezenisko saiti/)
    .getByLabel('Drīz pēc notikuma')
    .check();
  await question(/deleģējot/)
    .getByLabel('Sagaidāmais rezultāts')
    .check();
  await question(/deleģējot/)
    .getByLabel('Termiņš')
    .check();
  await question(/sanāksmei/)
    .getByLabel('Darba kārtība')
    .check();
  await saved();
  await submitConfirmed();
  expect(await page.getByTestId('test-result').textContent()).toContain('Tests nokārtots');
  expect(await page.getByTestId('test-result').textContent()).toContain('2. mēģinājums: 6 no 6 punktiem.');
  await page.getByTestId('no-attempts-left').waitFor();
  expect(await page.getByRole('button', { name: 'Mēģināt vēlreiz' }).count()).toBe(0);
  expect(await seriousViolations(page, 'test passed')).toEqual([]);

  // What the server recorded, as she can read it; which options were correct stays unknown to her.
  const { myKnowledgeTests } = await graphqlFrom<{ myKnowledgeTests: { title: string; best: { score: number; passed: boolean } }[] }>(
    page,
    '{ myKnowledgeTests { title best { score passed } } }',
  );
  expect(myKnowledgeTests.find((t) => t.title === TEST)?.best).toEqual({ score: 6, passed: true });
  await page.goto(`${server.url}/manas-macibas`);
  expect(await page.getByTestId('my-tests').textContent()).toContain('Tests nokārtots (6/6)');
}, 180_000);
