import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlFrom, launchBrowser, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * API tokens in the console, in real Chromium against the built system: a staff member creates a
 * token, sees it once, the token works as a Bearer token, and revoking it stops it.
 */

const WAIT = 20_000;
const NAME = 'VID personāla sistēma';

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1600, height: 900 } });
  // The copy button writes to the clipboard, and the test reads it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  await page.goto(server.url + '/admin/#/apiTokens');
  await page.waitForURL(/\/auth\/dev/);
  await page.click('button[data-person="Jānis Kalniņš"]');
  await page.waitForURL((url) => url.pathname.startsWith('/admin'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

/** A GraphQL request from the page, with the staff session cookie. */
/** A request as a third-party system makes it: from outside the browser, with the token only. */
async function withToken(token: string, query: string): Promise<{ status: number; body: { data?: any; errors?: { extensions: { code: string } }[] } }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
}

const REGISTRATIONS = '{ registrations(perPage: 100) { total items { id } } }';

test('staff create a token, see it once, use it, and revoke it', async () => {
  await page.getByRole('menuitem', { name: 'API atslēgas' }).waitFor();
  await page.getByRole('link', { name: 'Izveidot' }).click();
  await page.waitForURL(/#\/apiTokens\/create/);

  // The browser checks what the API would refuse: at least one scope.
  await page.getByLabel('Nosaukums').fill(NAME);
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByText('Izvēlieties vismaz vienu atļauju').waitFor();

  // An institution scope brings the institution input with it.
  const institution = page.getByRole('combobox', { name: /^Iestāde/ });
  expect(await institution.count()).toBe(0);
  await page.getByLabel('Lasīt iestādes darbinieku pieteikumus').check();
  await institution.fill('ieņēmumu');
  await page.getByRole('option', { name: 'Valsts ieņēmumu dienests' }).click();
  await page.getByRole('button', { name: 'Saglabāt' }).click();

  const dialog = page.getByRole('dialog', { name: `API atslēga “${NAME}” izveidota` });
  await dialog.waitFor();
  await dialog.getByText('Tā vairs netiks parādīta').waitFor();
  const token = await dialog.getByTestId('api-token-secret').inputValue();
  expect(token).toMatch(/^mps_[A-Za-z0-9_-]{43}$/);

  await dialog.getByRole('button', { name: 'Kopēt' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Atslēga nokopēta starpliktuvē.' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // The token reads exactly what staff see for that institution.
  const { institutions } = await graphqlFrom<{ institutions: { items: { id: string }[] } }>(page, '{ institutions(filter: { q: "VID" }) { items { id } } }');
  const expected = await graphqlFrom<{ registrations: { total: number } }>(
    page,
    'query($id: ID!) { registrations(filter: { institutionId: $id }, perPage: 1) { total } }',
    { id: institutions.items[0].id },
  );
  const used = await withToken(token, REGISTRATIONS);
  expect(used.status).toBe(200);
  expect(used.body.data.registrations.total).toBe(expected.registrations.total);

  await dialog.getByRole('button', { name: 'Aizvērt' }).click();
  await page.waitForURL(/#\/apiTokens$/);
  const row = page.locator('table tbody tr').filter({ hasText: NAME });
  await row.filter({ hasText: `${token.slice(0, 12)}…` }).waitFor();
  await row.filter({ hasText: 'Valsts ieņēmumu dienests' }).waitFor();
  await row.filter({ hasText: 'Jānis Kalniņš' }).waitFor();
  // Shown once: neither the list nor a fresh load of it holds the token.
  expect(await page.content()).not.toContain(token);
  await page.reload();
  await row.waitFor();
  expect(await page.content()).not.toContain(token);
  // Its use a moment ago is in the list (the cell would say "Nav lietota" otherwise).
  expect(await row.textContent()).not.toContain('Nav lietota');

  await row.getByRole('button', { name: 'Atsaukt' }).click();
  const confirm = page.getByRole('dialog', { name: `Atsaukt API atslēgu “${NAME}”?` });
  await confirm.getByRole('button', { name: 'Atsaukt' }).click();
  await page.getByText('API atslēga atsaukta').waitFor();
  await row.getByRole('button', { name: 'Atsaukt' }).waitFor({ state: 'detached' });

  const refused = await withToken(token, REGISTRATIONS);
  expect(refused.status).toBe(401);
  expect(refused.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
});
