import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Course materials in the console (R-CAT-5), in real Chromium against the built system: from a
 * course's page staff add a file for its participants (the upload goes to the api, then the
 * material is created), a wrong file is refused under its field, and the file downloads intact.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

test('staff add a file to a course for its participants; a wrong file is refused under its field', async () => {
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(WAIT);
  const page: Page = await context.newPage();
  await signInToConsole(page, server.url, STAFF);
  const { courses } = await graphqlFrom<{ courses: { items: { id: string; title: string }[] } }>(
    page,
    `{ courses(filter: { q: "VAS-LAW-101" }) { items { id title } } }`,
  );
  const course = courses.items[0];

  await page.goto(`${server.url}/admin/#/courses/${course.id}`);
  await page.getByRole('link', { name: 'Pievienot materiālu' }).click();
  await page.getByRole('heading', { level: 1, name: /Izveidot Mācību materiāls|Mācību materiāls/ }).waitFor();
  await page.getByLabel('Nosaukums (latviski)').fill('Kursa programma');
  await page.getByLabel('Apraksts (latviski)').fill('Tēmas un stundu sadalījums.');
  await page.getByRole('radio', { name: 'Kursa dalībniekiem un pasniedzējiem' }).check();
  await page.getByRole('radio', { name: 'Fails' }).check();
  expect(await accessibilityViolations(page, 'new course material')).toEqual([]);

  // A program is not a course material: the api refuses it, and the form says why under the file.
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({ name: 'programma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a program') });
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByText('Faila saturs neatbilst tā paplašinājumam').first().waitFor();

  await page
    .getByRole('button', { name: /Dzēst|Noņemt/ })
    .first()
    .click();
  await fileInput.setInputFiles({ name: 'Kursa programma — šķēršļi.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.waitForURL(/#\/courseMaterials(\?|$)/);
  const row = page.getByRole('row').filter({ hasText: 'Kursa programma' });
  await row.getByText('Kursa programma — šķēršļi.pdf (1 kB)').waitFor();
  expect(await accessibilityViolations(page, 'course materials')).toEqual([]);

  const { courseMaterials } = await graphqlFrom<{ courseMaterials: { items: { title: string; url: string; visibility: string; kind: string }[] } }>(
    page,
    `query ($id: ID!) { courseMaterials(filter: { courseId: $id, q: "programma" }) { items { title url visibility kind } } }`,
    { id: course.id },
  );
  expect(courseMaterials.items).toEqual([
    { title: 'Kursa programma', url: expect.stringMatching(/^\/api\/materials\/.+\.pdf$/), visibility: 'PARTICIPANTS', kind: 'FILE' },
  ]);
  const download = await page.context().request.get(`${server.url}${courseMaterials.items[0].url}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
});
