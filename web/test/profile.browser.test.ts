import type { BrowserContext, Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Signing in and the profile page, as a person meets them: the built system with its development
 * identity provider (WS-Federation, signed SAML tokens, the production service-provider code path)
 * driven through Debian's Chromium.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

interface MeAnswer {
  me: null | { missingProfileFields: string[]; person: { email: string | null; phone: string | null; preferredLanguage: string } };
}

/** What the api says about the session of this browser, asked from the page itself. */
async function meFromApi(): Promise<MeAnswer['me']> {
  return page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { missingProfileFields person { email phone preferredLanguage } } }' }),
    });
    return ((await response.json()) as { data: MeAnswer }).data.me;
  });
}

const banner = () => page.getByTestId('profile-incomplete');
const emailField = () => page.getByLabel('E-pasts (obligāts)');
const saveContact = () => page.getByRole('button', { name: 'Saglabāt kontaktinformāciju' });
const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? null);

/** From the portal's "Pieslēgties" through the development identity provider's "Cita persona" form. */
async function signInAsNewPerson(givenName: string, familyName: string, from: string) {
  await page.goto(`${server.url}${from}`);
  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).click();

  // The identity provider's page, reached with a WS-Federation sign-in request for this site.
  await page.waitForURL((url) => url.pathname === '/auth/dev-idp');
  const request = new URL(page.url()).searchParams;
  expect(request.get('wa')).toBe('wsignin1.0');
  expect(request.get('wtrealm')).toBe(`${server.url}/`);
  expect(request.get('wreply')).toBe(`${server.url}/auth/wsfed`);
  expect(request.get('wctx')).toBeTruthy();

  await page.locator('input[name="givenName"]').fill(givenName);
  await page.locator('input[name="familyName"]').fill(familyName);
  // No personal code: the provider makes up a new-format one.
  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/auth/wsfed');
  await page.getByRole('button', { name: 'Pieslēgties kā šī persona' }).click();

  // The browser itself posts the signed token back to the service provider.
  const token = new URLSearchParams((await posted).postData() ?? '');
  expect(token.get('wa')).toBe('wsignin1.0');
  expect(token.get('wctx')).toBe(request.get('wctx'));
  expect(token.get('wresult')).toContain('SignatureValue');
  expect(token.get('wresult')).toContain(familyName);
}

test('a new person signs in through the WS-Federation round trip, completes the profile and signs out', async () => {
  await signInAsNewPerson('Pēteris', 'Bērziņš', '/katalogs');

  // Back in the portal, signed in, and sent on to the profile, which asks for the e-mail.
  await page.waitForURL((url) => url.pathname === '/profils');
  await page.getByTestId('signed-in-name').getByText('Pēteris Bērziņš').waitFor();
  await banner().getByText('Lūdzu, papildiniet profilu').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Profils' }).waitFor();
  await expect(page.getByTestId('profile-given-name').innerText()).resolves.toBe('Pēteris');
  await expect(page.getByTestId('profile-family-name').innerText()).resolves.toBe('Bērziņš');
  // A made-up person gets a new-format personal code (32…, 11 digits), shown to its owner in full.
  await expect(page.getByTestId('profile-personal-code').innerText()).resolves.toMatch(/^3[2-9]\d{4}-\d{5}$/);
  await expect(emailField().inputValue()).resolves.toBe('');
  expect(await meFromApi()).toMatchObject({ missingProfileFields: ['EMAIL'], person: { email: null } });

  // A bad e-mail: the field says why, in Latvian; focus is on it; nothing typed is lost.
  await emailField().fill('peteris.berzins@');
  await page.getByLabel('Tālrunis').fill('+371 2612 3456');
  await saveContact().click();
  const problem = page.locator('#kontakti .field-problem');
  await problem.waitFor();
  await expect(problem.innerText()).resolves.toContain('Ievadiet e-pasta adresi pareizā formātā');
  await expect(emailField().getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(emailField().getAttribute('aria-describedby')).resolves.toContain(await problem.getAttribute('id'));
  expect(await focusedName()).toBe('email');
  await expect(emailField().inputValue()).resolves.toBe('peteris.berzins@');
  await expect(page.getByLabel('Tālrunis').inputValue()).resolves.toBe('+371 2612 3456');
  expect(await banner().count()).toBe(1);
  expect((await meFromApi())?.person.email).toBeNull();

  // A good one. While it is being saved the button says so and is disabled: a second press sends nothing.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let saves = 0;
  await page.route('**/graphql', async (route) => {
    if (route.request().postData()?.includes('UpdateMyProfile')) {
      saves += 1;
      await held;
    }
    await route.continue();
  });
  await emailField().fill('Peteris.Berzins@Example.lv');
  await saveContact().click();
  const busy = page.locator('#kontakti').getByRole('button', { name: 'Saglabā…' });
  await busy.waitFor();
  await expect(busy.getAttribute('aria-disabled')).resolves.toBe('true');
  // Playwright would wait for an enabled button: force the press, as an impatient person would.
  await busy.click({ force: true });
  await emailField().press('Enter');
  release();

  // Saved, announced politely, and the banner goes.
  const saved = page.locator('#kontakti').getByRole('status');
  await saved.getByText('Kontaktinformācija saglabāta.').waitFor();
  await expect(saved.getAttribute('aria-live')).resolves.toBe('polite');
  await banner().waitFor({ state: 'detached' });
  expect(saves).toBe(1);
  await page.unroute('**/graphql');
  await saveContact().waitFor();
  expect(await problem.count()).toBe(0);
  await expect(emailField().getAttribute('aria-invalid')).resolves.toBeNull();
  // The api's clean form of what was typed.
  await expect(emailField().inputValue()).resolves.toBe('peteris.berzins@example.lv');
  await expect(page.getByLabel('Tālrunis').inputValue()).resolves.toBe('+37126123456');
  // The way back to the page the person signed in from.
  await expect(page.getByRole('link', { name: 'Turpināt, kur palikāt' }).getAttribute('href')).resolves.toBe('/katalogs');

  // It is stored: a reload shows it, and nothing asks any more.
  await page.reload();
  await page.getByTestId('profile-given-name').waitFor();
  await expect(emailField().inputValue()).resolves.toBe('peteris.berzins@example.lv');
  expect(await banner().count()).toBe(0);
  expect(await meFromApi()).toMatchObject({ missingProfileFields: [], person: { email: 'peteris.berzins@example.lv', phone: '+37126123456' } });

  // Signing out ends the session: anonymous again, on the same page.
  await page.getByRole('button', { name: 'Iziet' }).click();
  await page.getByText('Jūs neesat pieslēdzies.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/profils');
  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).waitFor();
  expect(await page.getByTestId('signed-in-name').count()).toBe(0);
  expect(await meFromApi()).toBeNull();
});

test('the portal keeps asking for the e-mail on every page without trapping the person', async () => {
  await signInAsNewPerson('Ilze', 'Kļaviņa', '/katalogs?q=vadiba');
  // Asked once, right after signing in, with where the person was going kept.
  await page.waitForURL((url) => url.pathname === '/profils' && url.searchParams.get('returnTo') === '/katalogs?q=vadiba');
  await banner().waitFor();

  // A full page load elsewhere stays there (it used to send the person to the profile on every
  // load); the banner keeps asking.
  await page.goto(`${server.url}/katalogs?q=vadiba`);
  await banner().waitFor();
  await page.getByTestId('results-count').getByText(/\d/).waitFor();
  expect(new URL(page.url()).pathname).toBe('/katalogs');
  await page.reload();
  await page.getByTestId('results-count').getByText(/\d/).waitFor();
  await banner().waitFor();
  expect(new URL(page.url()).pathname).toBe('/katalogs');

  // Other pages show it as well.
  await page.getByRole('navigation', { name: 'Galvenā izvēlne' }).getByRole('link', { name: 'Sākums' }).click();
  await page.getByRole('heading', { level: 1, name: 'Valsts administrācijas skolas mācību pārvaldības sistēma' }).waitFor();
  await banner().waitFor();
  expect(new URL(page.url()).pathname).toBe('/');

  // Its link leads to the profile; there it leads straight into the e-mail field.
  await banner().getByRole('link', { name: 'Norādīt e-pastu profilā' }).click();
  await page.waitForURL((url) => url.pathname === '/profils');
  // The profile may still be loading (the first visit above was left before its answer came).
  await emailField().waitFor();
  await banner().getByRole('link', { name: 'Uz e-pasta lauku' }).click();
  expect(await focusedName()).toBe('email');

  // An empty e-mail is refused as missing.
  await saveContact().click();
  await page.locator('#kontakti .field-problem').getByText('Ievadiet e-pasta adresi.').waitFor();
  expect(await banner().count()).toBe(1);

  await emailField().fill('ilze.klavina@example.lv');
  await emailField().press('Enter');
  await banner().waitFor({ state: 'detached' });
  // Once saved, no page asks any more.
  await page.getByRole('navigation', { name: 'Galvenā izvēlne' }).getByRole('link', { name: 'Mācību katalogs' }).click();
  await page.getByTestId('results-count').getByText(/\d/).waitFor();
  expect(await banner().count()).toBe(0);
});

test("a demo person's profile shows her personal code, employment, billing details and her certificate", async () => {
  await signInAsDemoPerson(page, server.url, 'Līga Kalniņa');
  const employments = page.getByTestId('profile-employments');
  await employments.getByRole('heading', { level: 4, name: 'Valsts kanceleja' }).waitFor();
  await expect(page.getByTestId('profile-personal-code').innerText()).resolves.toMatch(/^\d{6}-\d{5}$/);
  await expect(page.getByTestId('profile-given-name').innerText()).resolves.toBe('Līga');
  // Her e-mail is on file: no banner, and the field shows it.
  await expect(emailField().inputValue()).resolves.toBe('liga.kalnina@example.lv');
  expect(await banner().count()).toBe(0);
  // Current employment, with who recorded it and since when.
  const current = employments.locator('li.record').filter({ hasText: 'Valsts kanceleja' });
  await expect(current.innerText()).resolves.toMatch(/Darba sākums\s+\d{4}\. gada \d{1,2}\. \p{L}+/u);
  expect(await current.getByText('Darba beigas').count()).toBe(0);
  await current.getByRole('button', { name: 'Es šeit vairs nestrādāju' }).waitFor();
  // Her completed course's certificate: the worker issues the demo data's certificates after start.
  const certificates = page.getByTestId('profile-certificates');
  for (let tries = 0; (await certificates.locator('li.record').count()) === 0 && tries < 60; tries += 1) {
    await page.waitForTimeout(500);
    await page.reload();
    await employments.getByRole('heading', { level: 4, name: 'Valsts kanceleja' }).waitFor();
  }
  await certificates.getByText(/^VAS-S-\d{4}-\d{6}$/).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Mani sertifikāti' }).waitFor();
  // No invoices to her as a private payer in the demo data either.
  await page.getByTestId('profile-invoices').getByText('Jums kā privātpersonai vēl nav izrakstīts neviens rēķins.').waitFor();
  await page.locator('.profile-contents').getByRole('link', { name: 'Mani rēķini' }).waitFor();
  // Roles, as before.
  await page.locator('#lomas').getByText('Mācību dalībnieks').waitFor();

  // Billing details: every problem at once, listed first, each under its field; what was typed stays.
  const billing = page.locator('#rekviziti');
  await billing.getByLabel('Iestādes vai uzņēmuma nosaukums').fill('SIA Piemērs');
  await billing.getByLabel('PVN maksātāja numurs').fill('12345');
  await billing.getByRole('button', { name: 'Saglabāt rekvizītus' }).click();
  const summary = billing.locator('.problem-summary');
  await summary.waitFor();
  await expect(summary.locator('.notice-title').innerText()).resolves.toBe('Lūdzu, izlabojiet 4 kļūdas:');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('problem-summary'))).toBe(true);
  await expect(billing.getByLabel('Reģistrācijas numurs').getAttribute('aria-invalid')).resolves.toBe('true');
  await billing.locator('.field-problem').getByText('PVN numuram jābūt formātā LV un 11 cipari').waitFor();
  expect(await billing.locator('.field-problem').count()).toBe(4);
  await expect(billing.getByLabel('Iestādes vai uzņēmuma nosaukums').inputValue()).resolves.toBe('SIA Piemērs');
  // A link of the summary puts the cursor in its field.
  await summary.getByRole('link', { name: /^Reģistrācijas numurs:/ }).click();
  expect(await focusedName()).toBe('employer.registrationNumber');

  await billing.getByLabel('Reģistrācijas numurs').fill('400 0300 0000');
  await billing.getByLabel('PVN maksātāja numurs').fill('lv40003000000');
  const legal = billing.getByRole('group', { name: 'Juridiskā adrese' });
  await legal.getByLabel('Iela, māja, dzīvoklis').fill('Brīvības iela 1');
  await legal.getByLabel('Pilsēta vai novads').fill('Rīga');
  await legal.getByLabel('Pasta indekss').fill('lv1010');
  await billing.getByLabel('E-pasts rēķiniem').fill('rekini@piemers.lv');
  await billing.getByRole('button', { name: 'Saglabāt rekvizītus' }).click();
  await billing.getByRole('status').getByText('Rekvizīti saglabāti.').waitFor();
  await expect(billing.getByLabel('PVN maksātāja numurs').inputValue()).resolves.toBe('LV40003000000');
  await expect(billing.getByLabel('Reģistrācijas numurs').inputValue()).resolves.toBe('40003000000');
  await expect(legal.getByLabel('Pasta indekss').inputValue()).resolves.toBe('LV-1010');

  // Declared address, saved on its own, in parts; a Latvian postcode must look like one.
  const address = page.locator('#adrese');
  const declared = address.getByRole('group', { name: 'Deklarētā dzīvesvietas adrese' });
  await declared.getByLabel('Iela, māja, dzīvoklis').fill('Liepu iela 3-4');
  await declared.getByLabel('Pilsēta vai novads').fill('Jelgava');
  await declared.getByLabel('Pasta indekss').fill('3001');
  await address.getByRole('button', { name: 'Saglabāt adresi' }).click();
  await address.locator('.field-problem').getByText('Latvijas pasta indekss ir LV- un četri cipari').waitFor();
  await declared.getByLabel('Pasta indekss').fill('LV-3001');
  expect(await declared.getByLabel('Valsts').inputValue()).toBe('LV');
  await address.getByRole('button', { name: 'Saglabāt adresi' }).click();
  await address.getByRole('status').getByText('Adrese saglabāta.').waitFor();
  expect(await seriousViolations(page, 'profile addresses')).toEqual([]);

  await page.reload();
  await billing.getByLabel('Iestādes vai uzņēmuma nosaukums').waitFor();
  await expect(billing.getByLabel('Iestādes vai uzņēmuma nosaukums').inputValue()).resolves.toBe('SIA Piemērs');
  await expect(declared.getByLabel('Iela, māja, dzīvoklis').inputValue()).resolves.toBe('Liepu iela 3-4');
  await expect(declared.getByLabel('Pilsēta vai novads').inputValue()).resolves.toBe('Jelgava');
  await expect(legal.getByLabel('Pilsēta vai novads').inputValue()).resolves.toBe('Rīga');
});

test('"I no longer work here" asks first, then moves the employment to the earlier ones, for good', async () => {
  await signInAsDemoPerson(page, server.url, 'Andris Ozols');
  const employments = page.getByTestId('profile-employments');
  const current = employments.locator('li.record').filter({ has: page.getByRole('heading', { name: 'Valsts ieņēmumu dienests' }) });
  await current.waitFor();
  expect(await employments.getByTestId('ended-employments').count()).toBe(0);

  // The first press only asks; cancelling (here with Escape) changes nothing and returns focus.
  await current.getByRole('button', { name: 'Es šeit vairs nestrādāju' }).click();
  const question = current.getByRole('group', { name: 'Vai tiešām vairs nestrādājat iestādē „Valsts ieņēmumu dienests”?' });
  await question.waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vai tiešām vairs nestrādājat iestādē „Valsts ieņēmumu dienests”?');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Es šeit vairs nestrādāju');

  await current.getByRole('button', { name: 'Es šeit vairs nestrādāju' }).click();
  await question.getByRole('button', { name: 'Jā, vairs nestrādāju' }).click();
  const ended = employments.getByTestId('ended-employments');
  await ended.getByRole('heading', { name: 'Valsts ieņēmumu dienests' }).waitFor();
  await employments.getByRole('status').getByText('Darba vieta „Valsts ieņēmumu dienests” pārcelta uz iepriekšējām.').waitFor();
  await employments.getByTestId('no-current-employment').getByText('Pašlaik profilā nav norādīta neviena darba vieta.').waitFor();
  expect(await ended.getByRole('button').count()).toBe(0);

  // The history stays after a reload: the api recorded the end.
  await page.reload();
  await page.getByTestId('ended-employments').getByRole('heading', { name: 'Valsts ieņēmumu dienests' }).waitFor();
  await expect(page.getByTestId('ended-employments').locator('li.record').innerText()).resolves.toMatch(/Darba beigas\s+\d{4}\. gada/);
});

test('in English the profile speaks English; saving the preferred language switches the interface', async () => {
  await signInAsDemoPerson(page, server.url, 'Zane Eglīte');
  const language = page.locator('#valoda');
  await expect(language.getByLabel('Latviešu').isChecked()).resolves.toBe(true);

  // Choosing English in the profile turns the whole interface to English, and the choice is kept.
  await language.getByLabel('Angļu (English)').check();
  await language.getByRole('button', { name: 'Saglabāt valodu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
  await language.getByRole('status').getByText('Language saved.').waitFor();
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Course catalogue' }).waitFor();
  expect((await meFromApi())?.person.preferredLanguage).toBe('EN');

  for (const heading of [
    'Personal details',
    'Contact details',
    'Language for messages',
    'Declared address',
    'Billing details',
    'Workplaces',
    'My certificates',
    'Roles',
  ]) {
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  }
  await page.getByText('Your name and personal code come from Latvija.lv', { exact: false }).waitFor();
  await page.getByTestId('profile-certificates').getByText('You have no certificates yet.').waitFor();
  await page.getByTestId('profile-employments').getByRole('button', { name: 'I no longer work here' }).waitFor();

  // Field problems are translated by their code, into English.
  await page.getByLabel('Phone').fill('12');
  await page.getByRole('button', { name: 'Save contact details' }).click();
  await page.locator('#kontakti .field-problem').getByText('A phone number has 8 to 15 digits and may start with +.').waitFor();
  expect(await focusedName()).toBe('phone');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
  await expect(page.locator('#valoda').getByLabel('English').isChecked()).resolves.toBe(true);
});

test("the header's language switch is also a signed-in person's choice for messages", async () => {
  await signInAsDemoPerson(page, server.url, 'Mārtiņš Zariņš');
  expect((await meFromApi())?.person.preferredLanguage).toBe('LV');
  const saved = page.waitForResponse((response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('SavePreferredLanguage'));
  await page.locator('header').getByRole('button', { name: /^EN/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
  expect((await saved).status()).toBe(200);
  expect((await meFromApi())?.person.preferredLanguage).toBe('EN');
  await page.reload();
  await expect(page.locator('#valoda').getByLabel('English').isChecked()).resolves.toBe(true);
});

test('the profile page has no serious or critical accessibility violations (WCAG 2.1 A/AA)', async () => {
  await signInAsDemoPerson(page, server.url, 'Roberts Siliņš');
  await page.locator('#kontakti').getByLabel('E-pasts (obligāts)').waitFor();
  expect(await seriousViolations(page, 'profile')).toEqual([]);

  // With problems shown under the fields and in a summary.
  await emailField().fill('nav-e-pasts');
  await saveContact().click();
  await page.locator('#kontakti .field-problem').waitFor();
  await page.locator('#rekviziti').getByLabel('E-pasts rēķiniem').fill('rekini@');
  await page.locator('#rekviziti').getByRole('button', { name: 'Saglabāt rekvizītus' }).click();
  await page.locator('#rekviziti .problem-summary').waitFor();
  expect(await seriousViolations(page, 'profile with problems')).toEqual([]);

  // A person without an e-mail, with the banner, on a phone-sized screen.
  await context.clearCookies();
  await signInAsNewPerson('Anna', 'Liepiņa', '/profils');
  await page.waitForURL((url) => url.pathname === '/profils');
  await banner().waitFor();
  await page.getByTestId('profile-personal-code').waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await seriousViolations(page, 'profile with the banner at 360px')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a person with English stored gets the English portal on signing in, whatever the browser had', async () => {
  await page.goto(`${server.url}/katalogs`);
  await page.getByRole('navigation', { name: 'Galvenā izvēlne' }).waitFor();
  await expect(page.evaluate(() => window.localStorage.getItem('mps_lang'))).resolves.toBe('lv');

  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).click();
  await page.waitForURL((url) => url.pathname === '/auth/dev-idp');
  await page.locator('button[data-person="Emily Clarke"]').click();
  await page.waitForURL((url) => url.pathname === '/katalogs');
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await page
    .getByTestId('results-count')
    .getByText(/courses found$/)
    .waitFor();
});
