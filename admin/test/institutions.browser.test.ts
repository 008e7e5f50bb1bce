import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlAnswer, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Institutions in the console, in real Chromium against the built system (demo data). A coordinator
 * (Anna Bērziņa, of the VID) imports a roster with one bad row, reads the report, imports, finds the
 * new employees in her list, adds and ends one by hand, and sees nothing of any other institution.
 * Staff (Jānis Kalniņš) keep an institution's requisites, billing accounts and coordinators.
 */

const WAIT = 20_000;
const COORDINATOR = 'Anna Bērziņa';
const STAFF = 'Jānis Kalniņš';
const OWN = 'Valsts ieņēmumu dienests';

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

/** A fresh browser profile signed in as `person` through the development identity provider, as the other console tests do. */
async function signIn(person: string, path: string): Promise<void> {
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1500, height: 900 } });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  await signInToConsole(page, server.url, person, path);
}

/** A GraphQL request from the page, with the coordinator's session cookie. */
/** A text input by its label, exactly ("Vārds" is not "Uzvārds"). */
const input = (label: string) => page.getByRole('textbox', { name: label, exact: true });

/** The message under an input (MUI's helper text, which react-admin uses for errors too). */
async function messageUnder(label: string) {
  const id = await input(label).getAttribute('id');
  return page.locator(`[id="${id}-helper-text"]`);
}

/** A valid Latvian IBAN, different for every `n` (the check digits computed as banks do). */
function iban(n: number): string {
  const bban = `TEST${String(n).padStart(13, '0')}`;
  let remainder = 0;
  for (const digit of `${bban}LV00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))) remainder = (remainder * 10 + Number(digit)) % 97;
  return `LV${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** Bytes of a text in windows-1257, for the few Latvian letters these tests use. */
function windows1257(text: string): Buffer {
  const table: Record<string, number> = { Ž: 0xde, Ē: 0xc7, ņ: 0xf2, š: 0xf0, ā: 0xe2, ē: 0xe7, ī: 0xee };
  return Buffer.from([...text].map((char) => (char.charCodeAt(0) < 128 ? char.charCodeAt(0) : (table[char] ?? Number.NaN))));
}

const reportRows = () => page.locator('[data-testid="import-report"] tbody tr');
const summary = () => page.getByTestId('import-summary');

describe(`coordinator (${COORDINATOR})`, () => {
  beforeAll(() => signIn(COORDINATOR, '/admin/#/employeeImport'), 60_000);
  afterAll(() => context?.close());

  test('the import checks the file first, shows every row, then adds the good ones to the employee list', async () => {
    await page.getByRole('heading', { level: 1, name: 'Darbinieku imports no CSV faila' }).waitFor();
    await page.getByText(OWN).first().waitFor();

    const csv = [
      '\uFEFFpersonas_kods;vārds;uzvārds;e-pasts;amats',
      '329900-00001;Rasma;Kļaviņa;rasma.klavina@vid.gov.lv;Inspektore',
      '010101-10000;Pēteris;Kļūdiņš;;',
      '329900-00002;Oskars;"Bērziņš";;"Vecākais inspektors; nodaļas vadītāja vietnieks"',
      '',
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'darbinieki.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-file-name').getByText('darbinieki.csv (UTF-8)').waitFor();

    await page.getByRole('button', { name: 'Pārbaudīt', exact: true }).click();
    await summary().getByText('Pārbaude: tiks pievienoti 2, atjaunināti 0, bez izmaiņām 0, noraidīti 1. Nekas vēl nav saglabāts.').waitFor();
    expect(await reportRows().count()).toBe(3);
    const refused = reportRows().filter({ has: page.locator('text=Noraidīts') });
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain('Pēteris Kļūdiņš');
    expect(await refused.textContent()).toContain('Personas koda kontrolcipars nesakrīt');
    expect(await reportRows().filter({ hasText: 'Tiks pievienots' }).count()).toBe(2);
    // The dry run wrote nothing.
    const before = await graphqlAnswer(page, '{ employees(filter: { q: "Kļaviņa" }) { total } }');
    expect(before.data.employees.total).toBe(0);

    await page.getByRole('button', { name: 'Importēt', exact: true }).click();
    await summary().getByText('Importēts: pievienoti 2, atjaunināti 0, bez izmaiņām 0, noraidīti 1.').waitFor();
    expect(await reportRows().filter({ hasText: 'Pievienots' }).count()).toBe(2);

    await page.getByRole('button', { name: 'Uz darbinieku sarakstu' }).click();
    await page.waitForURL(/#\/employees/);
    // The list, not the report that was on screen a moment ago.
    await page.getByPlaceholder('Meklēt').waitFor();
    await page.getByTestId('import-report').waitFor({ state: 'detached' });
    const rasma = page.locator('table tbody tr').filter({ hasText: 'Rasma Kļaviņa' });
    await rasma.waitFor();
    expect(await rasma.textContent()).toContain('******-***01');
    expect(await rasma.textContent()).toContain('Inspektore');
    await page.locator('table tbody tr').filter({ hasText: 'Oskars Bērziņš' }).getByText('Vecākais inspektors; nodaļas vadītāja vietnieks').waitFor();
    expect(await page.locator('table tbody tr').filter({ hasText: 'Pēteris Kļūdiņš' }).count()).toBe(0);

    // The search finds one of them without diacritics.
    await page.getByPlaceholder('Meklēt').fill('klavina');
    await page.waitForURL(/klavina/);
    await page
      .locator('.MuiTablePagination-displayedRows')
      .getByText(/^1–1 no 1$/)
      .waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.locator('table tbody tr').textContent()).toContain('Rasma Kļaviņa');
  });

  test('a Latvian Excel export in windows-1257 is read with its letters intact', async () => {
    await page.goto(server.url + '/admin/#/employeeImport');
    const csv = 'personas_kods;vārds;uzvārds\r\n329900-00003;Žanis;Ēriņš\r\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: windows1257(csv) });
    await page.getByTestId('import-file-name').getByText('excel.csv (Windows-1257, Excel kodējums)').waitFor();
    await page.getByRole('button', { name: 'Pārbaudīt', exact: true }).click();
    await summary().getByText('Pārbaude: tiks pievienoti 1').waitFor();
    await reportRows().filter({ hasText: 'Žanis Ēriņš' }).waitFor();
  });

  test('an empty employee form is not saved: every required field says so', async () => {
    await page.goto(server.url + '/admin/#/employees/create');
    await page.getByText(OWN).first().waitFor();
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    for (const label of ['Personas kods', 'Vārds', 'Uzvārds']) await (await messageUnder(label)).getByText('Obligāts lauks').waitFor();
    expect(new URL(page.url()).hash).toBe('#/employees/create');
  });

  test('adding one employee: the browser checks the code, the server the name; ending keeps them among the ended', async () => {
    const me = await graphqlAnswer(page, '{ me { person { personalCode } } }');
    await page.goto(server.url + '/admin/#/employees/create');
    await page.getByText(OWN).first().waitFor();
    const code = input('Personas kods');
    await code.fill('010101-10000');
    await input('Vārds').fill('Laima');
    await input('Uzvārds').fill('Jaunzeme');
    await input('Amats').fill('Referente');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder('Personas kods')).getByText('Personas koda kontrolcipars nesakrīt').waitFor();

    // Her own code under another name: the server's typo guard answers under both name fields.
    await code.fill(me.data.me.person.personalCode);
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder('Vārds')).getByText('Šis personas kods pieder personai ar citu vārdu vai uzvārdu').waitFor();
    await (await messageUnder('Uzvārds')).getByText('Šis personas kods pieder personai ar citu vārdu vai uzvārdu').waitFor();

    await code.fill('329900-00010');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL(/#\/employees(\?|$)/);
    // The list keeps the search of the previous visit; look for her.
    await page.getByPlaceholder('Meklēt').fill('Jaunzeme');
    const row = page.locator('table tbody tr').filter({ hasText: 'Laima Jaunzeme' });
    await row.waitFor();
    expect(await row.textContent()).toContain('******-***10');

    await row.getByRole('button', { name: 'Izbeigt darba attiecības' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Izbeigt darba attiecības' }).click();
    await page.getByText('Darba attiecības izbeigtas').waitFor();
    await row.waitFor({ state: 'detached' });
    const ended = await graphqlAnswer(page, '{ employees(filter: { q: "Jaunzeme" }) { items { current endedAt } } }');
    expect(ended.data.employees.items).toEqual([{ current: false, endedAt: expect.any(String) }]);
  });

  test('the coordinator sees nothing of another institution: not in the menu, the lists, or the API', async () => {
    await page.goto(server.url + '/admin/#/institutions');
    await page.locator('table tbody tr').filter({ hasText: OWN }).waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: 'Grupas' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: 'API atslēgas' }).count()).toBe(0);

    // Edgars Liepiņš works at the Ministry of Health: not in Anna's list, even when searched for.
    await page.goto(server.url + '/admin/#/employees?filter=%7B%22q%22%3A%22Liepi%C5%86%C5%A1%22%7D');
    await page.getByText(/Ar pašreizējiem filtriem nav rezultātu/).waitFor();
    expect(await page.locator('table tbody tr').filter({ hasText: 'Edgars Liepiņš' }).count()).toBe(0);

    await page.goto(server.url + '/admin/#/billingAccounts');
    await page.locator('table tbody tr').filter({ hasText: 'Personāla attīstības daļa' }).waitFor();
    expect(await page.locator('table tbody tr').filter({ hasText: 'Administratīvais departaments' }).count()).toBe(0);

    const institutions = await graphqlAnswer(page, '{ institutions(perPage: 100) { total items { name } } }');
    expect(institutions.data.institutions.items.map((i: { name: string }) => i.name)).toEqual([OWN]);
    const employees = await graphqlAnswer(page, '{ employees(perPage: 100) { items { institution { name } } } }');
    expect(new Set(employees.data.employees.items.map((e: { institution: { name: string } }) => e.institution.name))).toEqual(new Set([OWN]));
    const ids = await graphqlAnswer(page, '{ me { coordinatedInstitutions { id } } }');
    const own = ids.data.me.coordinatedInstitutions[0].id;
    // Any other institution id is FORBIDDEN; a random one stands in for the ones she cannot list.
    const other = await graphqlAnswer(page, 'query($id: ID!) { employees(filter: { institutionId: $id }) { total } }', {
      id: '00000000-0000-4000-8000-000000000001',
    });
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await graphqlAnswer(page, 'query($id: ID!) { institution(id: $id) { name } }', { id: own })).data.institution.name).toBe(OWN);
  });
});

describe(`staff (${STAFF})`, () => {
  beforeAll(() => signIn(STAFF, '/admin/#/institutions/create'), 60_000);
  afterAll(() => context?.close());

  test('an institution with its requisites, a coordinator appointed by code, and a billing account archived', async () => {
    await input('Kods').fill('TEST-IEST');
    await input('Nosaukums').fill('Testa iestāde');
    await input('Reģistrācijas numurs').fill('123');
    await input('PVN numurs').fill('LV40000000123');
    await input('Juridiskā adrese: iela, māja').fill('Brīvības iela 1');
    await input('Juridiskā adrese: pilsēta vai novads').fill('Rīga');
    await input('Juridiskā adrese: pasta indekss').fill('LV-1010');
    await input('E-pasts rēķiniem').fill('rekini@test.lv');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder('Reģistrācijas numurs')).getByText('Reģistrācijas numuram jābūt 11 cipariem').waitFor();
    await input('Reģistrācijas numurs').fill('40000000123');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL(/#\/institutions\/[0-9a-f-]+$/);
    const institutionId = /institutions\/([0-9a-f-]+)/.exec(page.url())![1];

    await page.getByRole('tab', { name: 'Koordinatori' }).click();
    await page.getByText('Iestādei vēl nav koordinatoru.').waitFor();
    await input('Personas kods').fill('329900-00020');
    await input('Vārds').fill('Marta');
    await input('Uzvārds').fill('Koordinatore');
    await page.getByRole('button', { name: 'Iecelt' }).click();
    await page.getByText('Marta Koordinatore iecelts par koordinatoru').waitFor();
    const coordinator = page.locator('table tbody tr').filter({ hasText: 'Marta Koordinatore' });
    await coordinator.waitFor();
    // Staff see the code in full.
    expect(await coordinator.textContent()).toContain('329900-00020');

    await page.getByRole('tab', { name: 'Norēķinu konti' }).click();
    await page.getByRole('link', { name: 'Pievienot norēķinu kontu' }).click();
    await page.waitForURL(/#\/billingAccounts\/create/);
    await page.getByText('Testa iestāde').first().waitFor();
    await input('Nosaukums').fill('Mācību budžets');
    await input('Konta numurs (IBAN)').fill('LV00 TEST 0000 0000 0000 1');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await (await messageUnder('Konta numurs (IBAN)')).getByText('Nederīgs konta numurs (IBAN)').waitFor();
    const number = iban(4242);
    await input('Konta numurs (IBAN)').fill(number.replace(/(.{4})/g, '$1 '));
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL(new RegExp(`#/institutions/${institutionId}/accounts`));
    const account = page.locator('table tbody tr').filter({ hasText: 'Mācību budžets' });
    await account.getByText(number).waitFor();
    await account.getByRole('button', { name: 'Arhivēt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Arhivēt' }).click();
    await account.getByText('Arhivēts').waitFor();

    const saved = await graphqlAnswer(
      page,
      'query($id: ID!) { institution(id: $id) { vatNumber coordinators { fullName } billingAccounts(includeArchived: true) { number archivedAt } } }',
      { id: institutionId },
    );
    expect(saved.data.institution).toEqual({
      vatNumber: 'LV40000000123',
      coordinators: [{ fullName: 'Marta Koordinatore' }],
      billingAccounts: [{ number, archivedAt: expect.any(String) }],
    });
  });
});
