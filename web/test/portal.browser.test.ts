import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, type ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium } from './browser-helpers.js';

/**
 * The participant portal as a person meets it: the built system (node api/dist/main.js, embedded
 * database, demo data) driven through Debian's Chromium.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

/** Re-reads a value until it is accepted; fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await page.waitForTimeout(100);
  }
}

const resultsCount = () => page.getByTestId('results-count');

/** The number in "Atrasti 45 kursi" / "45 courses found", once the list has loaded. */
async function shownTotal(): Promise<number> {
  const text = await eventually(
    () => resultsCount().innerText(),
    (t) => /\d/.test(t),
    'the results count',
  );
  return Number(/\d+/.exec(text)![0]);
}

async function openCatalog(query = ''): Promise<number> {
  await page.goto(`${server.url}/katalogs${query}`);
  return shownTotal();
}

/** Waits until the count differs from `before` and the list has settled on it. */
async function totalChangedFrom(before: number): Promise<number> {
  const after = await eventually(shownTotal, (n) => n !== before, 'a new results count');
  await page.locator('.course-list:not(.is-loading), .empty-state').first().waitFor();
  return after;
}

/** Asks the api directly, from the page, so no connection of this process outlives the test. */
async function graphql<T>(query: string): Promise<T> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return ((await response.json()) as { data: T }).data;
  }, JSON.stringify({ query }));
}

test('the catalog lists courses with a count', async () => {
  const total = await openCatalog();
  expect(total).toBeGreaterThanOrEqual(20);
  await expect(resultsCount().innerText()).resolves.toMatch(/^Atrasti \d+ kursi$/);
  expect(await page.locator('.course-card').count()).toBe(20);
  // Every card links to its course page; the pagination offers the next page.
  expect(await page.locator('.course-card h3 a[href^="/kursi/"]').count()).toBe(20);
  await expect(
    page.getByRole('navigation', { name: 'Rezultātu lappuses' }).getByRole('link', { name: '1. lappuse' }).getAttribute('aria-current'),
  ).resolves.toBe('page');
});

test('when the server is busy the catalog waits as asked and tries again; after the last try it says so', async () => {
  const busy = {
    status: 503,
    headers: { 'retry-after': '1' },
    contentType: 'application/json',
    body: JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: 1 } }] }),
  };
  const isCatalog = (body: string | null) => /query Catalog\(/.test(body ?? '');

  // Twice busy, then answered: the person only sees the list come a little later.
  let refused = 0;
  await page.route('**/graphql', async (route) => {
    if (isCatalog(route.request().postData()) && refused < 2) {
      refused += 1;
      return route.fulfill(busy);
    }
    return route.continue();
  });
  expect(await openCatalog()).toBeGreaterThanOrEqual(20);
  expect(refused).toBe(2);
  await page.unrouteAll({ behavior: 'wait' });

  // Always busy: after four tries the page says so in the person's language.
  let tries = 0;
  await page.route('**/graphql', async (route) => {
    if (!isCatalog(route.request().postData())) return route.continue();
    tries += 1;
    return route.fulfill(busy);
  });
  await page.goto(`${server.url}/katalogs?q=busy`);
  await page.getByText('Sistēma šobrīd ir ļoti noslogota. Lūdzu, mēģiniet vēlreiz pēc brīža.').waitFor();
  expect(tries).toBe(4);
  await page.unrouteAll({ behavior: 'wait' });
});

test('a search without diacritics narrows the list, is kept in the address and survives a reload', async () => {
  const before = await openCatalog();
  await page.getByLabel('Meklēt kursus').fill('apmacibas');
  const after = await totalChangedFrom(before);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  expect(new URL(page.url()).searchParams.get('q')).toBe('apmacibas');

  // The api matches words in title, summary, description and audience; in the demo data every hit
  // has the word in its title or summary, both shown on the card.
  const cards = await page
    .locator('.course-card')
    .evaluateAll((nodes) => nodes.map((n) => `${n.querySelector('h3')?.textContent ?? ''} ${n.querySelector('.course-summary')?.textContent ?? ''}`));
  expect(cards).toHaveLength(after);
  for (const text of cards) expect(text.toLowerCase()).toContain('apmācīb');
  const titles = await page.locator('.course-card h3').allInnerTexts();
  expect(titles.some((title) => title.toLowerCase().includes('apmācīb'))).toBe(true);

  await page.reload();
  expect(await shownTotal()).toBe(after);
  await expect(page.getByLabel('Meklēt kursus').inputValue()).resolves.toBe('apmacibas');
});

test('filters narrow the list and an empty result offers to clear them', async () => {
  const before = await openCatalog();
  await page.getByLabel('Cena', { exact: true }).selectOption('FREE');
  const free = await totalChangedFrom(before);
  expect(free).toBeGreaterThan(0);
  expect(free).toBeLessThan(before);
  expect(new URL(page.url()).searchParams.get('price')).toBe('FREE');
  const prices = await page.locator('.course-card dd').allInnerTexts();
  expect(prices.filter((p) => p === 'Bez maksas')).toHaveLength(Math.min(free, 20));

  await page.getByLabel('Meklēt kursus').fill('zzzneesosavards');
  await page.getByLabel('Meklēt kursus').press('Enter');
  await totalChangedFrom(free);
  await page.getByText('Neviens kurss neatbilst meklēšanas nosacījumiem.').waitFor();
  await page.locator('.empty-state').getByRole('button', { name: 'Notīrīt filtrus' }).click();
  expect(await totalChangedFrom(0)).toBe(before);
  expect(new URL(page.url()).search).toBe('');
});

test('on a phone the filters fold behind a button with the active-filter count, and the results start near the top', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openCatalog('?price=FREE&format=ONLINE');
  const toggle = page.getByRole('button', { name: 'Rādīt filtrus (aktīvi: 2)' });
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  expect(await page.getByLabel('Cena', { exact: true }).isVisible()).toBe(false);
  // The first result is on the first screen (it used to start about 1,450 px down).
  const results = await page.getByRole('heading', { level: 2, name: 'Meklēšanas rezultāti' }).boundingBox();
  expect(results!.y).toBeLessThan(844);
  const firstCard = await page.locator('.course-card').first().boundingBox();
  expect(firstCard!.y).toBeLessThan(1000);

  await toggle.click();
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  await page.getByLabel('Cena', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Rādīt filtrus (aktīvi: 1)' }).waitFor();
  // No part of the page is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await page.getByTestId('filters-toggle').isVisible()).toBe(false);
  await page.getByLabel('Mācību forma', { exact: true }).waitFor({ state: 'visible' });
});

test('a course with a date shows its groups and sessions; one without says no date is scheduled', async () => {
  await openCatalog('?date=yes&sort=date');
  const first = page.locator('.course-card h3 a').first();
  const title = await first.innerText();
  await first.click();
  const heading = page.getByRole('heading', { level: 1, name: title });
  await heading.waitFor();
  // Focus moves to the new page's heading.
  await eventually(() => heading.evaluate((h) => h === document.activeElement), Boolean, 'focus on the h1');

  const session = page.locator('.session').first();
  await session.waitFor();
  await expect(session.locator('.session-time').innerText()).resolves.toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
  await expect(session.locator('.session-lecturer').innerText()).resolves.toMatch(/\p{L}+ \p{L}+/u);
  await expect(page.locator('.group-card h3').first().innerText()).resolves.toMatch(/^Grupa /);
  expect(await page.getByTestId('no-date').count()).toBe(0);

  await openCatalog('?date=no');
  await page.locator('.course-card h3 a').first().click();
  await page.getByTestId('no-date').getByText('Norises datums vēl nav ieplānots').waitFor();
  expect(await page.locator('.session').count()).toBe(0);
});

test('a visitor learns that a session is online, but not its meeting link; places read in the page language', async () => {
  await page.goto(`${server.url}/`);
  const { courses } = await graphql<{
    courses: { items: { id: string; openGroups: { sessions: { isOnline: boolean; place: { room: string | null } | null }[] }[] }[] };
  }>('{ courses(filter: { hasDate: true }, perPage: 100) { items { id openGroups { sessions { isOnline place { room } } } } } }');
  const sessionsOf = (c: (typeof courses.items)[number]) => c.openGroups.flatMap((g) => g.sessions);
  const online = courses.items.find((c) => sessionsOf(c).some((s) => s.isOnline))!;
  expect(online).toBeDefined();

  await page.goto(`${server.url}/kursi/${online.id}`);
  await page.locator('.session').first().waitFor();
  await page.getByText('Tiešsaistē (saite pieejama grupas dalībniekiem)').first().waitFor();
  expect(await page.locator('.session-online a').count()).toBe(0);
  expect(await page.content()).not.toMatch(/zoom\.us|meet\./);

  const inRoom = courses.items.find((c) => sessionsOf(c).some((s) => s.place?.room?.endsWith('telpa')))!;
  await page.goto(`${server.url}/kursi/${inRoom.id}`);
  await page.locator('.session-place').first().waitFor();
  await page.getByRole('button', { name: /^EN/ }).click();
  await eventually(
    () => page.locator('.session-place').allInnerTexts(),
    (texts) => texts.some((t) => /Room \d+/.test(t)),
    'an English room',
  );
  expect((await page.locator('.session-place').allInnerTexts()).join(' ')).not.toMatch(/telpa/);
});

test('an unknown course, an unknown page and the /catalog alias', async () => {
  await page.goto(`${server.url}/kursi/00000000-0000-0000-0000-000000000000`);
  await page.getByRole('heading', { level: 1, name: 'Kurss nav atrasts' }).waitFor();
  await page.goto(`${server.url}/nav-tadas-lapas`);
  await page.getByRole('heading', { level: 1, name: 'Lapa nav atrasta' }).waitFor();
  // The English alias of the catalog keeps the search.
  await page.goto(`${server.url}/catalog?q=vadiba`);
  await page.waitForURL((url) => url.pathname === '/katalogs' && url.searchParams.get('q') === 'vadiba');
  expect(await shownTotal()).toBeGreaterThan(0);
});

test('the language switch turns the interface and the course texts to English, and the choice survives a reload', async () => {
  await page.goto(`${server.url}/`);
  const { courses } = await graphql<{ courses: { items: { id: string; titleLv: string; titleEn: string }[] } }>(
    '{ courses(filter: { hasDate: true }, perPage: 1) { items { id titleLv titleEn } } }',
  );
  const course = courses.items[0];
  await page.goto(`${server.url}/kursi/${course.id}`);
  const nav = page.getByRole('navigation', { name: 'Galvenā izvēlne' });
  await nav.getByRole('link', { name: 'Mācību katalogs' }).waitFor();
  await page.getByRole('heading', { level: 1, name: course.titleLv }).waitFor();

  await page.getByRole('button', { name: /^EN/ }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Course catalogue' }).waitFor();
  await page.getByRole('heading', { level: 1, name: course.titleEn }).waitFor();
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).resolves.toBe('true');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: course.titleEn }).waitFor();
  const englishMenu = page.getByRole('navigation', { name: 'Main menu' });
  await englishMenu.getByRole('link', { name: 'Course catalogue' }).waitFor();
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'mps_lang')?.value).toBe('en');

  await englishMenu.getByRole('link', { name: 'Course catalogue' }).click();
  await expect(
    eventually(
      () => resultsCount().innerText(),
      (t) => /courses found$/.test(t),
      'the English count',
    ),
  ).resolves.toMatch(/^\d+ courses found$/);
});

test('a demo person signs in through the development sign-in, sees her profile and signs out', async () => {
  await page.goto(`${server.url}/profils`);
  await page.getByText('Jūs neesat pieslēdzies.').waitFor();
  await page.locator('main').getByRole('link', { name: 'Pieslēgties sistēmai' }).click();

  // The development identity provider, which stands in for Latvija.lv.
  await page.waitForURL((url) => url.pathname === '/auth/dev-idp');
  await page.locator('button[data-person="Līga Kalniņa"]').click();

  await page.waitForURL((url) => url.pathname === '/profils');
  await expect(page.getByTestId('profile-given-name').innerText()).resolves.toBe('Līga');
  await expect(page.getByTestId('profile-family-name').innerText()).resolves.toBe('Kalniņa');
  await expect(page.getByTestId('signed-in-name').innerText()).resolves.toBe('Līga Kalniņa');
  await page.getByText('Mācību dalībnieks').waitFor();

  await page.getByRole('button', { name: 'Iziet' }).click();
  await page.getByText('Jūs neesat pieslēdzies.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/profils');
  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).waitFor();
  expect(await page.getByTestId('signed-in-name').count()).toBe(0);
});

test('the catalog and a course page have no serious or critical accessibility violations (WCAG 2 A/AA)', async () => {
  const serious = (where: string) => accessibilityViolations(page, where, { seriousOnly: true });

  await openCatalog();
  await page.locator('.course-card').first().waitFor();
  expect(await serious('catalog')).toEqual([]);

  await openCatalog('?date=yes');
  await page.locator('.course-card h3 a').first().click();
  await page.locator('.session').first().waitFor();
  expect(await serious('course page')).toEqual([]);

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await serious('course page at 360px')).toEqual([]);
  // Nothing wider than the screen at 360px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
