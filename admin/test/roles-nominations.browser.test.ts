import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Roles and coordinator nominations (R-ID-7) in real Chromium against the built system (demo
 * data): a participant asks in the portal to coordinate her institution (a typo refused first);
 * staff approve in the console and she coordinates at once; an administrator grants and withdraws
 * the staff role in the console, while staff who are not administrators cannot.
 */

const WAIT = 20_000;
const ADMIN = 'Ilze Ozoliņa';
const STAFF = 'Jānis Kalniņš';
const PERSON = 'Zane Eglīte';
const INSTITUTION = 'Latvijas Banka';
const REGISTRATION_NUMBER = '90000158236';

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

/** A fresh browser profile signed in as `person` through the development identity provider (via the console). */
async function signIn(person: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signInToConsole(page, server.url, person);
  return page;
}

test('a participant asks to coordinate her institution; staff approve; she coordinates at once', async () => {
  const person = await signIn(PERSON);
  await person.goto(`${server.url}/profils#koordinators`);
  const section = person.locator('#koordinators');
  await section.getByRole('heading', { name: 'Iestādes koordinators' }).waitFor();
  await section.getByLabel('Iestādes reģistrācijas numurs').fill('123');
  await section.getByLabel('Iestādes nosaukums').fill(INSTITUTION);
  await section.getByLabel('Jūsu amats').fill('Personāla speciāliste');
  await section.getByRole('button', { name: 'Iesniegt pieteikumu' }).click();
  await section.getByText('Reģistrācijas numurā jābūt 11 cipariem.').waitFor();
  // What was typed stays; the field in error has the focus.
  expect(await section.getByLabel('Jūsu amats').inputValue()).toBe('Personāla speciāliste');
  expect(await person.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('registrationNumber');

  await section.getByLabel('Iestādes reģistrācijas numurs').fill(REGISTRATION_NUMBER);
  await section.getByRole('button', { name: 'Iesniegt pieteikumu' }).click();
  await section.getByRole('status').getByText('Pieteikums iesniegts. Lēmumu saņemsiet e-pastā.').waitFor();
  const mine = section.getByTestId('my-nominations');
  await mine.getByText('Gaida lēmumu').waitFor();
  expect(await accessibilityViolations(person, '#koordinators', { include: '#koordinators', seriousOnly: true })).toEqual([]);

  const staff = await signIn(STAFF);
  await staff.getByRole('menuitem', { name: 'Koordinatoru pieteikumi' }).click();
  const row = staff.getByRole('row').filter({ hasText: PERSON });
  await row.getByText(`Reģ. nr. ${REGISTRATION_NUMBER}`).waitFor();
  await row.getByText('Personāla speciāliste').waitFor();
  // The list's own content (the console's frame is issue 12's, tested there).
  expect(await accessibilityViolations(staff, 'main table', { include: 'main table', seriousOnly: true })).toEqual([]);
  await row.getByRole('button', { name: 'Apstiprināt' }).click();
  await staff.getByRole('dialog').getByLabel('Piezīme (neobligāti)').fill('Laipni lūgti!');
  await staff.getByRole('dialog').getByRole('button', { name: 'Apstiprināt' }).click();
  await staff.getByText('Pieteikums apstiprināts: persona ir iecelta par koordinatoru').waitFor();
  await staff.getByRole('row').filter({ hasText: PERSON }).waitFor({ state: 'detached' });

  await person.reload();
  await mine.getByText('Apstiprināts').waitFor();
  await mine.getByText('Piezīme: Laipni lūgti!').waitFor();
  await person.locator('#lomas').getByText('Iestādes koordinators').waitFor();
  await person.goto(`${server.url}/admin/`);
  await person.getByRole('menuitem', { name: 'Darbinieki' }).waitFor();
}, 120_000);

test('an administrator grants and withdraws the staff role; staff who are not administrators cannot', async () => {
  const staff = await signIn(STAFF);
  await staff.getByRole('menuitem', { name: 'Personas' }).click();
  await staff.getByRole('textbox', { name: /Meklēt/ }).fill('Zane Eglite');
  await staff.getByRole('row').filter({ hasText: PERSON }).click();
  await staff.getByText('Darbinieka un administratora lomu piešķir un atņem tikai administrators.').waitFor();
  expect(await staff.getByRole('switch', { name: /VAS darbinieks/ }).isDisabled()).toBe(true);

  const admin = await signIn(ADMIN);
  await admin.getByRole('menuitem', { name: 'Personas' }).click();
  await admin.getByRole('textbox', { name: /Meklēt/ }).fill('Zane Eglite');
  await admin.getByRole('row').filter({ hasText: PERSON }).click();
  const staffSwitch = admin.getByRole('switch', { name: /VAS darbinieks/ });
  // The switch follows the saved roles: it turns on once the API has granted the role.
  await staffSwitch.click();
  await admin.getByText(`${PERSON}: piešķirta loma “VAS darbinieks”`).waitFor();
  await admin.getByRole('switch', { name: /VAS darbinieks/, checked: true }).waitFor();
  expect(await accessibilityViolations(admin, '.RaShow-main', { include: '.RaShow-main', seriousOnly: true })).toEqual([]);

  // She is staff from her next request: the console shows her the planning menu.
  const person = await signIn(PERSON);
  await person.getByRole('menuitem', { name: 'Grupas' }).waitFor();

  await staffSwitch.click();
  await admin.getByText(`${PERSON}: atņemta loma “VAS darbinieks”`).waitFor();
  await admin.getByRole('switch', { name: /VAS darbinieks/, checked: false }).waitFor();
  const roles = await person.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { roles } }' }),
    });
    return ((await response.json()) as { data: { me: { roles: string[] } } }).data.me.roles;
  });
  expect(roles).not.toContain('STAFF');

  // An administrator cannot change their own roles.
  await admin.goto(`${server.url}/admin/#/people`);
  await admin.getByRole('textbox', { name: /Meklēt/ }).fill('Ilze Ozolina');
  await admin.getByRole('row').filter({ hasText: ADMIN }).click();
  await admin.getByText('Savas lomas mainīt nevar: to dara cits administrators.').waitFor();
  expect(await admin.getByRole('switch', { name: /Administrators/ }).isDisabled()).toBe(true);
}, 120_000);
