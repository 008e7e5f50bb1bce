import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * The audit log in the console (R-NF-3), in real Chromium against the built system (demo data):
 * staff open a person (their full personal code is shown, which leaves a row), follow the person's
 * audit link and open the row to see what was read, by whom and from where.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const PERSON = 'Līga Kalniņa';

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

test("staff see who read a person's full personal code in the person's audit entries", async () => {
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  context.setDefaultTimeout(WAIT);
  const page: Page = await context.newPage();
  await signInToConsole(page, server.url, STAFF);
  const { people } = await graphqlFrom<{ people: { items: { id: string; fullName: string }[] } }>(
    page,
    `query ($q: String) { people(filter: { q: $q }) { items { id fullName } } }`,
    {
      q: PERSON,
    },
  );
  const person = people.items.find((p) => p.fullName === PERSON)!;

  await page.goto(`${server.url}/admin/#/people/${person.id}/show`);
  await page.getByText(/^\d{6}-\d{5}$/).waitFor();
  await page.getByRole('link', { name: 'Audita ieraksti' }).click();
  await page.getByRole('heading', { level: 1, name: 'Audita žurnāls' }).waitFor();
  // Newest first: the read just made, by this staff member from this machine.
  const row = page.getByRole('row').filter({ hasText: 'Skatīts' }).first();
  await row.getByText(new RegExp(`^${STAFF} \\((::ffff:)?127\\.0\\.0\\.1\\)$`)).waitFor();
  await row.getByText(PERSON).waitFor();
  await row.click();
  const changes = page.getByRole('table', { name: 'Izmaiņas' });
  await changes.getByRole('cell', { name: 'personalCode' }).waitFor();
  // The demo data's own rows are there too, written by the system.
  await page.getByRole('cell', { name: 'Sistēma' }).first().waitFor();
});

test('staff erase a person on request, with the reason; the person page then says so', async () => {
  const page: Page = await context.newPage();
  await page.goto(`${server.url}/admin/`);
  const { institutions } = await graphqlFrom<{ institutions: { items: { id: string }[] } }>(page, `{ institutions(perPage: 1) { items { id } } }`);
  const { addEmployee } = await graphqlFrom<{ addEmployee: { person: { id: string } } }>(
    page,
    `mutation ($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { person { id } } }`,
    { id: institutions.items[0].id, input: { personalCode: '329999-99999', givenName: 'Ojārs', familyName: 'Dzēšamais' } },
  );
  const personId = addEmployee.person.id;
  await page.goto(`${server.url}/admin/#/people/${personId}/show`);
  await page.getByText('Ojārs Dzēšamais').first().waitFor();
  await page.getByRole('button', { name: 'Dzēst personas datus' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Dzēst personas Ojārs Dzēšamais datus?').waitFor();
  await dialog.getByLabel('Pamatojums').fill('Iesniegums Nr. 12, 2026-12-04');
  await dialog.getByRole('button', { name: 'Dzēst personas datus' }).click();
  await page.getByText('Personas dati dzēsti').first().waitFor();
  const { people } = await graphqlFrom<{ people: { items: { id: string; fullName: string; erasedAt: string | null; personalCode: string | null }[] } }>(
    page,
    `query ($ids: [ID!]) { people(filter: { ids: $ids }) { items { id fullName erasedAt personalCode } } }`,
    { ids: [personId] },
  );
  expect(people.items).toEqual([{ id: personId, fullName: 'Dzēsta persona', erasedAt: expect.any(String), personalCode: null }]);
});
