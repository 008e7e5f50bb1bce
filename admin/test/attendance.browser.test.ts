import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';
import { pdfText } from '../../api/src/test/pdf-text.js';

/**
 * Attendance (R-AFT-5) in real Chromium against the built system (demo data): staff open a past
 * session from its group, mark everyone present, one participant absent with the keyboard, save,
 * and download the sign-in sheet; a lecturer finds their sessions under "Manas nodarbības" and
 * cannot mark one that has not started.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const LECTURER = 'Inese Vītola';
const GROUP = 'VAS-FIN-101-G1';

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

async function signIn(person: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signInToConsole(page, server.url, person);
  return page;
}

interface Sheet {
  sessionAttendance: { participants: { fullName: string; status: string | null; markedByName: string | null }[] };
}
const SHEET = `query ($id: ID!) { sessionAttendance(sessionId: $id) { participants { fullName status markedByName } } }`;

test('staff mark a past session from its group, one participant absent by keyboard, and download the sign-in sheet', async () => {
  const page = await signIn(STAFF);
  const { groups } = await graphqlFrom<{ groups: { items: { id: string; code: string; sessions: { id: string }[] }[] } }>(
    page,
    `query ($q: String!) { groups(filter: { q: $q }) { items { id code sessions { id } } } }`,
    { q: GROUP },
  );
  const group = groups.items.find((g) => g.code === GROUP)!;
  const sessionId = group.sessions[0].id;
  const before = await graphqlFrom<Sheet>(page, SHEET, { id: sessionId });
  expect(before.sessionAttendance.participants.every((p) => p.status === null)).toBe(true);

  await page.goto(`${server.url}/admin/#/groups/${group.id}/sessions`);
  await page.getByRole('link', { name: 'Apmeklējums' }).first().click();
  await page.waitForURL(new RegExp(`#/attendance/${sessionId}$`));
  await page.getByRole('heading', { level: 1, name: 'Apmeklējums' }).waitFor();
  await page.getByText(`Grupa ${GROUP},`).waitFor();
  const rows = page.getByTestId('attendance-row');
  const count = await rows.count();
  expect(count).toBe(before.sessionAttendance.participants.length);

  await page.getByRole('button', { name: 'Atzīmēt visus kā klātesošus' }).click();
  const first = before.sessionAttendance.participants[0].fullName;
  const firstGroup = page.getByRole('radiogroup', { name: first, exact: true });
  expect(await firstGroup.getByRole('radio', { name: 'Piedalījās', exact: true }).isChecked()).toBe(true);
  // Keyboard: the checked radio takes the focus, an arrow key moves the choice on.
  await firstGroup.getByRole('radio', { name: 'Piedalījās', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await firstGroup.getByRole('radio', { name: 'Nepiedalījās' }).isChecked()).toBe(true);
  expect(await accessibilityViolations(page, 'attendance page')).toEqual([]);

  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await page.getByText('Apmeklējums saglabāts').waitFor();
  await page
    .getByText(/^Jānis Kalniņš, /)
    .first()
    .waitFor();
  const after = await graphqlFrom<Sheet>(page, SHEET, { id: sessionId });
  expect(after.sessionAttendance.participants.map((p) => p.status)).toEqual(['ABSENT', ...Array.from({ length: count - 1 }, () => 'PRESENT')]);
  expect(new Set(after.sessionAttendance.participants.map((p) => p.markedByName))).toEqual(new Set([STAFF]));

  // The sign-in sheet: the link the page offers, fetched with the page's session.
  const href = await page.getByTestId('sign-in-sheet').getAttribute('href');
  expect(href).toBe(`/api/sessions/${sessionId}/sign-in-sheet.pdf?lang=lv`);
  const response = await page.context().request.get(`${server.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const { text } = await pdfText(new Uint8Array(await response.body()));
  expect(text).toContain('Dalībnieku reģistrācijas lapa');
  expect(text).toContain(GROUP);
  expect(text).toContain(first);
  expect(text).toContain('Sandra Kļaviņa');
});

test('a lecturer sees their sessions under "Manas nodarbības" and cannot mark one ahead', async () => {
  const page = await signIn(LECTURER);
  await page.getByRole('menuitem', { name: 'Manas nodarbības' }).click();
  await page.getByRole('heading', { level: 1, name: 'Manas nodarbības' }).waitFor();
  const rows = page.getByTestId('teaching-row');
  await rows.first().waitFor();
  // Latest first: the first row is a session ahead.
  await rows.first().getByRole('link', { name: 'Apmeklējums' }).click();
  await page.getByText('Apmeklējumu var atzīmēt, kad nodarbība ir sākusies.').waitFor();
  expect(await page.getByRole('button', { name: 'Saglabāt' }).isDisabled()).toBe(true);

  // A held session of hers, marked in the demo data: the marks show, hers.
  await page.goBack();
  await rows.last().getByRole('link', { name: 'Apmeklējums' }).click();
  await page.getByTestId('attendance-row').first().waitFor();
  expect(await page.getByRole('radio', { name: 'Piedalījās', exact: true, checked: true }).count()).toBeGreaterThan(0);
  expect(await page.getByText(/^Inese Vītola, /).count()).toBeGreaterThan(0);
  // Staff pages are not hers.
  expect(await page.getByRole('menuitem', { name: 'Grupas' }).count()).toBe(0);
});
