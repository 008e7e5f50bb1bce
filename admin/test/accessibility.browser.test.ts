import { NOTIFICATION_KIND_CHOICES } from '../src/components/choices.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Every page of the console, as staff and as a coordinator, checked with axe against WCAG 2.1 A/AA:
 * no violation of any impact. The built system with demo data, in Debian's Chromium.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const COORDINATOR = 'Anna Bērziņa';
const LECTURER = 'Inese Vītola';

let server: ProductServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

async function signedIn(person: string, viewport = { width: 1366, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signInToConsole(page, server.url, person);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /\S/ }).first().waitFor();
  return { context, page };
}

/** The first id of a list, asked from the page with its session. */
async function firstId(page: Page, field: string): Promise<string> {
  return page.evaluate(async (field) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${field}(perPage: 1) { items { id } } }` }),
    });
    return ((await response.json()) as { data: Record<string, { items: { id: string }[] }> }).data[field].items[0].id;
  }, field);
}

/** Opens a console route and waits until react-admin has drawn it: its h1 with text, nothing loading. */
async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${server.url}/admin/#${route}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /\S/ }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[role="progressbar"]').length === 0);
}

/**
 * Every violation, whatever its impact, each logged with its nodes. The e-mail preview's sandboxed
 * frame (no scripts) is left out: axe waits for it in vain, sometimes for minutes. The e-mails
 * themselves are checked on their own below.
 */
function violations(page: Page, where: string): Promise<string[]> {
  return accessibilityViolations(page, where, { exclude: 'iframe' });
}

describe('staff', () => {
  let context: BrowserContext;
  let page: Page;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ context, page } = await signedIn(STAFF));
    for (const field of ['courses', 'groups', 'sessions', 'topics', 'lecturers', 'places', 'institutions', 'courseMaterials', 'knowledgeTests', 'euProjects'])
      ids[field] = await firstId(page, field);
    // The earliest session: a held one, with participants to mark.
    ids.attendance = ids.sessions;
  }, 60_000);
  afterAll(() => context?.close());

  test.each([
    '/',
    '/courses',
    '/courses/create',
    '/courses/:id',
    '/courses/:id/show',
    '/courseDemand',
    '/groups',
    '/groups/create',
    '/groups/:id',
    '/sessions',
    '/sessions/create',
    '/sessions/:id',
    '/topics',
    '/topics/create',
    '/topics/:id',
    '/lecturers',
    '/lecturers/create',
    '/lecturers/:id',
    '/places',
    '/places/create',
    '/places/:id',
    '/institutions',
    '/institutions/create',
    '/institutions/:id',
    '/employees',
    '/employees/create',
    '/employeeImport',
    '/billingAccounts',
    '/billingAccounts/create',
    '/apiTokens',
    '/apiTokens/create',
    '/outboxMessages',
    '/notificationPreviews',
    '/registrations',
    '/registerEmployees',
    '/people',
    '/coordinatorNominations',
    '/supportQuestions',
    '/attendance/:id',
    '/invoices',
    '/questionnaires',
    '/questionnaires/create',
    '/questionnaireReports',
    '/knowledgeTests',
    '/knowledgeTests/create',
    '/knowledgeTests/:id',
    '/knowledgeTestResults',
    '/auditLog',
    '/certificates',
    '/courseMaterials',
    '/courseMaterials/create',
    '/courseMaterials/:id',
    '/euProjects',
    '/euProjects/create',
    '/euProjects/:id',
    '/euProjects/:id/show',
    '/no-such-page',
  ])(
    '%s has no WCAG 2.1 A/AA violation',
    async (pattern) => {
      const route = pattern.replace(':id', ids[pattern.split('/')[1]] ?? '');
      await open(page, route);
      expect(await violations(page, pattern)).toEqual([]);
    },
    60_000,
  );

  test("while a page loads, its progress bars are named in the user's language", async () => {
    // A fresh start of the console on a group's page, every answer of the API held back until the bars have been looked at.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${server.url}/admin/#/groups/${ids.groups}`);
      await page.reload();
      const bars = page.getByRole('progressbar');
      await bars.first().waitFor();
      expect(await page.getByRole('progressbar', { name: 'Ielādē…' }).count()).toBe(await bars.count());
    } finally {
      release();
      // The held requests go on before the route goes away.
      await page.unrouteAll({ behavior: 'wait' });
    }
  });

  test('every kind of e-mail, in both languages, has no WCAG 2.1 A/AA violation', async () => {
    const names = NOTIFICATION_KIND_CHOICES.map((choice) => choice.id);
    const preview = await page.context().newPage();
    try {
      for (const kind of names) {
        for (const language of ['LV', 'EN']) {
          const html = await page.evaluate(
            async ([kind, language]) => {
              const response = await fetch('/graphql', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                  query: `query ($k: NotificationKind!, $l: Language!) { notificationPreview(kind: $k, language: $l) { html } }`,
                  variables: { k: kind, l: language },
                }),
              });
              return ((await response.json()) as { data: { notificationPreview: { html: string } } }).data.notificationPreview.html;
            },
            [kind, language] as const,
          );
          await preview.setContent(html);
          expect(await violations(preview, `e-mail ${kind} ${language}`)).toEqual([]);
        }
      }
    } finally {
      await preview.close();
    }
  }, 120_000);
});

describe('coordinator', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await signedIn(COORDINATOR)), 60_000);
  afterAll(() => context?.close());

  test.each([
    '/',
    '/employees',
    '/employees/create',
    '/employeeImport',
    '/billingAccounts',
    '/billingAccounts/create',
    '/courses',
    '/institutions',
    '/registrations',
    '/registerEmployees',
    '/invoices',
  ])(
    '%s has no WCAG 2.1 A/AA violation',
    async (route) => {
      await open(page, route);
      expect(await violations(page, route)).toEqual([]);
    },
    60_000,
  );
});

describe('what axe does not see', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await signedIn(STAFF)), 60_000);
  afterAll(() => context?.close());

  test('each page names the tab after itself; an unknown route is a translated not-found page', async () => {
    await open(page, '/courses');
    await page.waitForFunction(() => document.title === 'Mācību pasākumi · MPS konsole');
    await open(page, '/places/create');
    await page.waitForFunction(() => document.title.endsWith(' · MPS konsole') && document.title !== 'Norises vietas · MPS konsole');
    await open(page, '/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Lapa nav atrasta' }).waitFor();
    const body = await page.locator('#main-content').innerText();
    expect(body).not.toContain('mps.app.title');
    expect(body).toContain('kļūdainu saiti.');
    expect(body).not.toContain('saiti..');
  });

  test('the user menu is named by what it shows; the skip link and the menu focus can be seen', async () => {
    await open(page, '/courses');
    const userMenu = page.locator('.RaUserMenu-userButton');
    await expect(userMenu.getAttribute('aria-label')).resolves.toBe('Profils: Jānis Kalniņš');
    await expect(userMenu.innerText()).resolves.toContain('Jānis Kalniņš');

    // Focused, the skip link comes into view, dark blue with white text.
    const skip = page.locator('.skip-nav-button');
    await skip.focus();
    await page.waitForFunction(() => document.querySelector('.skip-nav-button')!.getBoundingClientRect().top >= 0);
    const colours = await skip.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(10, 58, 104)']);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);

    // A menu item reached by keyboard wears a 3 px ring.
    await page.getByRole('menuitem', { name: 'Grupas' }).focus();
    await page.keyboard.press('ArrowDown');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    expect(outline).toBe('3px');
  });
});

describe('on a phone (390 × 844)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await signedIn(STAFF, { width: 390, height: 844 })), 60_000);
  afterAll(() => context?.close());

  test.each(['/courses', '/sessions', '/groups', '/outboxMessages', '/courses/create', '/sessions/create', '/places/create'])(
    '%s fits the screen, and the menu opens over it only when asked',
    async (route) => {
      await open(page, route);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await page.getByRole('menuitem', { name: 'Grupas' }).isVisible()).toBe(false);
      const firstField = page.locator('#main-content input:visible, #main-content table').first();
      const box = await firstField.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x).toBeLessThan(390);
    },
    60_000,
  );

  test('the menu opens from the bar and closes when a page is chosen', async () => {
    await open(page, '/courses');
    await page
      .getByRole('button', { name: /izvēlni|menu/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Grupas' }).click();
    await page.waitForURL(/#\/groups/);
    await page.getByRole('menuitem', { name: 'Grupas' }).waitFor({ state: 'hidden' });
  });
});

describe('lecturer', () => {
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;
  beforeAll(async () => {
    ({ context, page } = await signedIn(LECTURER));
    sessionId = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ mySessions { role session { id } } }` }),
      });
      const { data } = (await response.json()) as { data: { mySessions: { role: string; session: { id: string } }[] } };
      return data.mySessions.filter((row) => row.role === 'LECTURER')[0].session.id;
    });
  }, 60_000);
  afterAll(() => context?.close());

  test.each(['/', '/teaching', '/attendance/:id'])(
    '%s has no WCAG 2.1 A/AA violation',
    async (pattern) => {
      const route = pattern.replace(':id', sessionId);
      await open(page, route);
      expect(await violations(page, pattern)).toEqual([]);
    },
    60_000,
  );
});
