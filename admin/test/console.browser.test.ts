import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlAnswer, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * The staff console in real Chromium against the built system (node api/dist/main.js with demo
 * data), signing in through the development provider as the demo persons.
 */

const WAIT = 20_000;

let server: ProductServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // A clean exit on SIGTERM is part of what is tested.
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

/** A fresh browser profile in the school's time zone, with a Latvian browser. */
async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(WAIT);
  return { context, page: await context.newPage() };
}

/** Opens `path` of the console, signs in as `person` on the development sign-in page, and waits to be back. */
async function signIn(page: Page, person: string, path = '/admin/'): Promise<void> {
  await signInToConsole(page, server.url, person, path);
}

/** A GraphQL request from the page, with its session cookie, as the console itself makes them. */
const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name });
const rows = (page: Page) => page.locator('table tbody tr');
/** react-admin's pagination text, e.g. "1–25 no 50". */
const rangeInfo = (page: Page) => page.locator('.MuiTablePagination-displayedRows');
/** The message under an input (MUI's helper text, which react-admin uses for errors too). */
async function messageUnder(page: Page, label: string) {
  const id = await page.getByLabel(label).getAttribute('id');
  return page.locator(`[id="${id}-helper-text"]`);
}

test('an unauthenticated visit leads to the sign-in page, and signing in lands in the Latvian console', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(server.url + '/admin/');
    // The development identity provider, asked the way Latvija.lv is asked (WS-Federation).
    await page.waitForURL((url) => url.pathname === '/auth/dev-idp' && url.searchParams.get('wa') === 'wsignin1.0');
    await page.click('button[data-person="Jānis Kalniņš"]');
    await page.waitForURL((url) => url.pathname === '/admin/');
    await menuItem(page, 'Mācību pasākumi').waitFor();
    await menuItem(page, 'Grupas').waitFor();
    await page.getByText('Jānis Kalniņš').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
  } finally {
    await context.close();
  }
});

describe('staff console (Jānis Kalniņš)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await signIn(page, 'Jānis Kalniņš');
    await menuItem(page, 'Mācību pasākumi').waitFor();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
  });

  test('the courses list shows courses with their total, and the search narrows it', async () => {
    const all = await graphqlAnswer<{ courses: { total: number } }>(page, '{ courses(perPage: 1) { total } }');
    const total = all.data.courses.total;
    expect(total).toBeGreaterThan(25);

    await page.goto(server.url + '/admin/#/courses');
    await rangeInfo(page)
      .filter({ hasText: `no ${total}` })
      .waitFor();
    expect(await rows(page).count()).toBe(25);
    await page.getByRole('columnheader', { name: 'Kods' }).waitFor();

    const found = await graphqlAnswer<{ courses: { total: number; items: { code: string }[] } }>(
      page,
      'query($q: String) { courses(filter: { q: $q }, perPage: 100) { total items { code } } }',
      { q: 'iepirkum' },
    );
    const narrowed = found.data.courses.total;
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);

    await page.getByPlaceholder('Meklēt').fill('iepirkum');
    await rangeInfo(page)
      .filter({ hasText: `no ${narrowed}` })
      .waitFor();
    await page.waitForURL(/iepirkum/);
    expect(await rows(page).count()).toBe(narrowed);
    for (const { code } of found.data.courses.items) await rows(page).filter({ hasText: code }).waitFor();
  });

  test("editing a course's Latvian title saves it: notification, after a reload, and in the API", async () => {
    const { data } = await graphqlAnswer<{ courses: { items: { id: string; titleLv: string }[] } }>(
      page,
      '{ courses(filter: { q: "VAS-DIG-101" }) { items { id titleLv } } }',
    );
    const course = data.courses.items[0];
    const newTitle = `${course.titleLv} (atjaunināts)`;

    await page.goto(`${server.url}/admin/#/courses/${course.id}/lv`);
    const title = page.getByLabel('Nosaukums latviski');
    await title.waitFor();
    expect(await title.inputValue()).toBe(course.titleLv);
    await title.fill(newTitle);
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Ieraksts atjaunināts').waitFor();

    await page.goto(`${server.url}/admin/#/courses/${course.id}/lv`);
    await page.reload();
    await page.getByLabel('Nosaukums latviski').waitFor();
    await page.waitForFunction((expected) => (document.querySelector('input[name="titleLv"]') as HTMLInputElement | null)?.value === expected, newTitle);

    const saved = await graphqlAnswer<{ course: { titleLv: string } }>(page, 'query($id: ID!) { course(id: $id) { titleLv } }', { id: course.id });
    expect(saved.data.course.titleLv).toBe(newTitle);
  });

  test('group sizes: the browser and the server give the same translated message under the field', async () => {
    const { data } = await graphqlAnswer<{ groups: { items: { id: string; minSize: number; maxSize: number; seatsTaken: number }[] } }>(
      page,
      '{ groups(perPage: 100) { items { id minSize maxSize seatsTaken } } }',
    );
    const group = data.groups.items.find((g) => g.seatsTaken >= 3 && g.minSize >= 2)!;
    expect(group).toBeDefined();

    // The API's own rule and code for the case the browser checks before sending.
    const refused = await graphqlAnswer(page, 'mutation($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { id } }', {
      id: group.id,
      input: { maxSize: group.minSize - 1 },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'VALIDATION',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'maxSize', code: 'MIN_ABOVE_MAX' })]),
    });

    await page.goto(`${server.url}/admin/#/groups/${group.id}`);
    const maxSize = page.getByLabel('Maksimālais dalībnieku skaits');
    await maxSize.waitFor();
    await page.waitForFunction((value) => (document.querySelector('input[name="maxSize"]') as HTMLInputElement | null)?.value === value, String(group.maxSize));

    // Checked in the browser: nothing is sent.
    await maxSize.fill(String(group.minSize - 1));
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder(page, 'Maksimālais dalībnieku skaits')).filter({ hasText: 'Maksimālais skaits nedrīkst būt mazāks par minimālo' }).waitFor();

    // Only the server knows how many seats are taken right now: its answer lands under the same field.
    await page.getByLabel('Minimālais dalībnieku skaits').fill('1');
    await maxSize.fill(String(group.seatsTaken - 1));
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (
      await messageUnder(page, 'Maksimālais dalībnieku skaits')
    )
      .filter({ hasText: 'Maksimālais skaits nedrīkst būt mazāks par jau aizņemto vietu skaitu' })
      .waitFor();

    const unchanged = await graphqlAnswer<{ group: { maxSize: number } }>(page, 'query($id: ID!) { group(id: $id) { maxSize } }', { id: group.id });
    expect(unchanged.data.group.maxSize).toBe(group.maxSize);
  });

  test('a taken topic code is refused by the server and shown under the code field', async () => {
    await page.goto(server.url + '/admin/#/topics/create');
    await page.getByLabel('Kods').fill('LAW');
    await page.getByLabel('Nosaukums latviski').fill('Vēl viena tēma');
    await page.getByLabel('Nosaukums angliski').fill('Another topic');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder(page, 'Kods')).filter({ hasText: 'Šāda vērtība jau tiek izmantota' }).waitFor();
    expect(page.url()).toContain('/topics/create');
  });

  test('a session that ends before it starts is refused with the translated message', async () => {
    const { data } = await graphqlAnswer<{ groups: { items: { id: string }[] } }>(page, '{ groups(perPage: 1) { items { id } } }');
    await page.goto(`${server.url}/admin/#/groups/${data.groups.items[0].id}/sessions`);
    await page.getByRole('link', { name: 'Pievienot nodarbību' }).click();
    await page.waitForURL(/#\/sessions\/create/);
    await page.getByLabel('Sākums').fill('2030-03-10T10:00');
    await page.getByLabel('Beigas').fill('2030-03-10T09:00');
    await page.getByLabel('Tiešsaistes saite').fill('https://example.org/meeting');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder(page, 'Beigas')).filter({ hasText: 'Beigām jābūt vēlākām par sākumu' }).waitFor();
  });
});

describe('times are Riga times, with the browser in UTC', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ timezoneId: 'UTC', locale: 'lv-LV', viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(WAIT);
    page = await context.newPage();
    await signIn(page, 'Jānis Kalniņš');
    await menuItem(page, 'Mācību pasākumi').waitFor();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
  });

  test('a session is created at 09:00 Riga time (07:00Z in March), and shown and edited as 09:00', async () => {
    const { data } = await graphqlAnswer<{ groups: { items: { id: string }[] } }>(page, '{ groups(perPage: 1) { items { id } } }');
    const groupId = data.groups.items[0].id;
    await page.goto(`${server.url}/admin/#/groups/${groupId}/sessions`);
    await page.getByRole('link', { name: 'Pievienot nodarbību' }).click();
    await page.waitForURL(/#\/sessions\/create/);
    await page.getByLabel('Sākums').fill('2031-03-04T09:00');
    await page.getByLabel('Beigas').fill('2031-03-04T12:30');
    await page.getByLabel('Tiešsaistes saite').fill('https://example.org/riga-time');
    await page.getByRole('button', { name: 'Saglabāt' }).click();

    const saved = await eventuallySession(page, groupId);
    expect(saved).toMatchObject({ startsAt: '2031-03-04T07:00:00.000Z', endsAt: '2031-03-04T10:30:00.000Z' });

    // In the list and in the form: Riga's clock, not the browser's (07:00).
    await page.goto(`${server.url}/admin/#/sessions?filter=${encodeURIComponent(JSON.stringify({ groupId }))}`);
    await rows(page).filter({ hasText: '04.03.2031' }).filter({ hasText: '09:00' }).waitFor();
    await page.goto(`${server.url}/admin/#/sessions/${saved.id}`);
    await expect(page.getByLabel('Sākums').inputValue()).resolves.toBe('2031-03-04T09:00');
    await expect(page.getByLabel('Beigas').inputValue()).resolves.toBe('2031-03-04T12:30');

    // Moved into summer time: 10:00 in Riga is 07:00Z in July.
    await page.getByLabel('Sākums').fill('2031-07-01T10:00');
    await page.getByLabel('Beigas').fill('2031-07-01T11:00');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL((url) => !url.hash.startsWith(`#/sessions/${saved.id}`));
    const moved = await graphqlAnswer<{ session: { startsAt: string } }>(page, 'query($id: ID!) { session(id: $id) { startsAt } }', { id: saved.id });
    expect(moved.data.session.startsAt).toBe('2031-07-01T07:00:00.000Z');
  });
});

/** The session saved with the test's online link, once the console has saved it. */
async function eventuallySession(page: Page, groupId: string): Promise<{ id: string; startsAt: string; endsAt: string }> {
  const query = 'query($groupId: ID!) { sessions(filter: { groupId: $groupId }, perPage: 100) { items { id startsAt endsAt onlineUrl } } }';
  for (const deadline = Date.now() + WAIT; ;) {
    const { data } = await graphqlAnswer<{ sessions: { items: { id: string; startsAt: string; endsAt: string; onlineUrl: string | null }[] } }>(page, query, {
      groupId,
    });
    const found = data.sessions.items.find((s) => s.onlineUrl === 'https://example.org/riga-time');
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the session was not saved');
    await page.waitForTimeout(100);
  }
}

describe('languages and access', () => {
  test('switching to English changes the menu, and the choice is remembered', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'Ilze Ozoliņa');
      await menuItem(page, 'Mācību pasākumi').waitFor();
      await page.getByRole('button', { name: 'Latviešu' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await menuItem(page, 'Courses').waitFor();
      await menuItem(page, 'Sessions').waitFor();
      expect(await menuItem(page, 'Mācību pasākumi').count()).toBe(0);

      await page.reload();
      await menuItem(page, 'Courses').waitFor();
      await page.goto(server.url + '/admin/#/courses');
      await page.getByRole('columnheader', { name: 'Title' }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('a participant gets the no-access page, not the resources, and can sign out', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'Līga Kalniņa');
      const noAccess = page.getByTestId('no-access');
      await noAccess.waitFor();
      expect(await noAccess.textContent()).toContain('Nav piekļuves');
      expect(await noAccess.textContent()).toContain('Līga Kalniņa');
      expect(await menuItem(page, 'Mācību pasākumi').count()).toBe(0);

      await page.goto(server.url + '/admin/#/courses');
      await noAccess.waitFor();
      expect(await page.locator('table').count()).toBe(0);

      await page.getByRole('button', { name: 'Iziet' }).click();
      await page.waitForURL(/\/auth\/dev/);
      const me = await graphqlAnswer<{ me: unknown }>(page, '{ me { roles } }');
      expect(me.data.me).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('a coordinator reads the catalog only, and a deep link survives signing in', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, 'Anna Bērziņa', '/admin/#/courses');
      await page.waitForURL(/\/admin\/#\/courses/);
      await rows(page).first().waitFor();
      expect(await menuItem(page, 'Grupas').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Izveidot' }).count()).toBe(0);
      await rows(page).first().click();
      await page.waitForURL(/#\/courses\/[0-9a-f-]+\/show/);
      await page.getByRole('tab', { name: 'Teksti latviski' }).waitFor();
      expect(await page.getByRole('tab', { name: 'Grupas' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
