import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * EU projects in the console (R-FIN-2), in real Chromium against the built system with its demo
 * data: staff open the demo ESF+ project's report, see its groups and the indicator chart, and
 * download the XLSX, which holds the same totals.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const PROJECT = '4.2.1.1/23/ESF+/001';

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

test('staff open a project’s report, see the chart and download the XLSX', async () => {
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  context.setDefaultTimeout(WAIT);
  const page: Page = await context.newPage();
  await signInToConsole(page, server.url, STAFF);

  await page.goto(`${server.url}/admin/#/euProjects`);
  await page.getByRole('heading', { level: 1, name: 'ES projekti' }).waitFor();
  await page.getByRole('row').filter({ hasText: PROJECT }).getByText('Valsts pārvaldes profesionālā pilnveide').click();

  await page.getByRole('heading', { level: 2, name: 'Pārskats' }).waitFor();
  const groups = page.getByRole('table', { name: 'Projekta grupas periodā' });
  await groups.getByRole('row').filter({ hasText: 'VAS-COM-102-G1' }).waitFor();
  await groups.getByRole('row').filter({ hasText: 'VAS-DIG-201-G1' }).waitFor();
  const totalRow = groups.getByRole('row').filter({ hasText: 'Kopā (2 grupas)' });
  // 12 + 15 participants in the two past groups.
  await totalRow.getByRole('cell', { name: '27', exact: true }).first().waitFor();
  const chart = page.getByTestId('eu-indicator-chart');
  await chart.getByText('Rādītāji pret mērķiem').waitFor();
  await chart.locator('svg').first().waitFor();
  expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(0);
  expect(await accessibilityViolations(page, 'euProjects/show')).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lejupielādēt XLSX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^4\.2\.1\.1_23_ESF\+_001_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('Grupas')!;
  const last = sheet.getRow(sheet.rowCount);
  expect(last.getCell(1).value).toBe('Kopā');
  expect(last.getCell(6).value).toBe(27);
});
