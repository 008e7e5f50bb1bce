import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Certificates in the console (R-AFT-3), in real Chromium against the built system (demo data, whose
 * past groups get their certificates from the worker at start): staff find one, revoke it with a
 * reason, and its public verification page then says it is revoked.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';

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

interface Row {
  id: string;
  number: string;
  name: string;
  verificationPath: string;
  revokedAt: string | null;
}

test('staff revoke a certificate with a reason; its verification page then says so', async () => {
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(WAIT);
  const page: Page = await context.newPage();
  await signInToConsole(page, server.url, STAFF);
  const read = () =>
    graphqlFrom<{ certificates: { items: Row[] } }>(page, `{ certificates(perPage: 100) { items { id number name verificationPath revokedAt } } }`);
  const deadline = Date.now() + 30_000;
  let rows = (await read()).certificates.items;
  while (rows.length === 0 && Date.now() < deadline) {
    await page.waitForTimeout(250);
    rows = (await read()).certificates.items;
  }
  expect(rows.length).toBeGreaterThan(0);
  const certificate = rows[0];

  await page.goto(`${server.url}/admin/#/certificates?filter=${encodeURIComponent(JSON.stringify({ q: certificate.number }))}`);
  await page.getByRole('heading', { level: 1, name: 'Sertifikāti' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: certificate.number });
  await row.getByText(certificate.name).waitFor();
  expect(await accessibilityViolations(page, 'certificates')).toEqual([]);
  await row.getByRole('button', { name: 'Anulēt' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Anulēt sertifikātu ${certificate.number}?`).waitFor();
  await dialog.getByLabel('Iemesls').fill('Izsniegts kļūdaini');
  await dialog.getByRole('button', { name: 'Anulēt' }).click();
  await page.getByText('Sertifikāts anulēts').first().waitFor();
  await row.getByText(/: Izsniegts kļūdaini$/).waitFor();
  expect((await read()).certificates.items.find((c) => c.id === certificate.id)?.revokedAt).not.toBeNull();

  await page.goto(`${server.url}${certificate.verificationPath}`);
  await page
    .getByTestId('certificate-status')
    .getByText(/^Sertifikāts ir anulēts /)
    .waitFor();
});
