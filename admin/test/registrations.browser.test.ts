import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * Registrations in the console, in real Chromium against the built system (demo data): a
 * coordinator of two institutions registers three employees into a two-seat group at once (one
 * refusal in between, told in Latvian), sees the result and their employees' registrations, and
 * cancels one with a reason; staff see the group's list with who registered and who pays, admit
 * the waiting person and export the list as CSV.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const COORDINATOR = 'Edgars Liepiņš';
const INSTITUTION = 'Veselības ministrija';
const EMPLOYEES = ['Aina Reģistrē', 'Baiba Reģistrē', 'Cilda Reģistrē'];

/** A valid personal code of the new format ("32…", no birth date), different for every `n`. */
const personalCode = (n: number) => {
  const digits = `32${String(n).padStart(9, '0')}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
};

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

/** A fresh browser profile signed in as `person`; the browser's own zone is not Riga, on purpose. */
async function signIn(person: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'lv-LV', viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signInToConsole(page, server.url, person);
  return page;
}

/** Every text on the page comes from the translations: no raw `mps.…` or `resources.…` key shows. */
async function expectTranslated(page: Page): Promise<void> {
  expect(await page.locator('body').innerText()).not.toMatch(/\b(mps|resources|ra)\.[a-zA-Z]+\./i);
}

/** A GraphQL request from the page, with its session cookie. */
test('a coordinator registers employees at once; staff see, admit and export the group list', async () => {
  const staff = await signIn(STAFF);
  const { courses } = await graphqlFrom<{ courses: { items: { id: string; code: string; title: string; priceCents: number }[] } }>(
    staff,
    `
      {
        courses(filter: { hasDate: true, price: PAID, visibility: PUBLIC }, perPage: 1, sort: { field: CODE }) {
          items {
            id
            code
            title
            priceCents
          }
        }
      }
    `,
  );
  const [course] = courses.items;
  expect(course).toBeDefined();
  const groupCode = `REG-${Date.now()}`;
  const { createGroup: group } = await graphqlFrom<{ createGroup: { id: string } }>(
    staff,
    `
      mutation ($input: GroupInput!) {
        createGroup(input: $input) {
          id
        }
      }
    `,
    { input: { courseId: course.id, code: groupCode, minSize: 2, maxSize: 2 } },
  );
  const setStatus = (status: string) =>
    graphqlFrom(
      staff,
      `
        mutation ($id: ID!, $s: GroupStatus!) {
          updateGroup(id: $id, input: { status: $s }) {
            id
          }
        }
      `,
      { id: group.id, s: status },
    );
  await setStatus('OPEN');

  const coordinator = await signIn(COORDINATOR);
  const { institutions } = await graphqlFrom<{ institutions: { items: { id: string; name: string }[] } }>(
    coordinator,
    `
      {
        institutions {
          items {
            id
            name
          }
        }
      }
    `,
  );
  const institution = institutions.items.find((i) => i.name === INSTITUTION)!;
  expect(institutions.items.length).toBeGreaterThan(1);
  for (const [index, name] of EMPLOYEES.entries()) {
    const [givenName, familyName] = name.split(' ');
    await graphqlFrom(
      coordinator,
      `
        mutation ($id: ID!, $input: EmployeeInput!) {
          addEmployee(institutionId: $id, input: $input) {
            id
          }
        }
      `,
      {
        id: institution.id,
        input: { personalCode: personalCode(880_000 + index), givenName, familyName },
      },
    );
  }

  // Choose the course, the group, the institution; the only billing account is chosen by itself.
  await coordinator.getByRole('menuitem', { name: 'Darbinieku pieteikšana' }).click();
  await coordinator.getByRole('heading', { level: 1, name: 'Pieteikt darbiniekus mācībām' }).waitFor();
  await coordinator.getByRole('combobox', { name: 'Mācību pasākums' }).fill(course.code);
  await coordinator.getByRole('option', { name: new RegExp(course.code) }).click();
  await coordinator.getByRole('combobox', { name: 'Grupa' }).click();
  await coordinator.getByRole('option', { name: new RegExp(`${groupCode} · .* · brīvas 2 no 2`) }).click();
  await coordinator.getByRole('combobox', { name: 'Iestāde' }).click();
  await coordinator.getByRole('option', { name: INSTITUTION }).click();
  await coordinator.getByRole('combobox', { name: 'Norēķinu konts' }).getByText('Administratīvais departaments · LV31TREL2250000000004').waitFor();

  await coordinator.getByLabel('Meklēt darbinieku (vārds vai personas kods)').fill('Reģistrē');
  for (const name of EMPLOYEES) await coordinator.getByRole('checkbox', { name: `Izvēlēties: ${name}` }).check();
  const euro = (course.priceCents / 100).toLocaleString('lv-LV', { style: 'currency', currency: 'EUR' });
  const total = ((course.priceCents * 3) / 100).toLocaleString('lv-LV', { style: 'currency', currency: 'EUR' });
  await coordinator
    .getByRole('status')
    .filter({ hasText: `Izvēlēti 3 darbinieki: 2 tiks apstiprināti, 1 nonāks gaidīšanas sarakstā. Cena ${euro} katram, kopā ${total}.` })
    .waitFor();

  // Meanwhile staff close the group: the refusal is told in Latvian and nothing is written.
  await setStatus('PLANNED');
  await coordinator.getByRole('button', { name: 'Pieteikt (3)' }).click();
  await coordinator.getByRole('alert').filter({ hasText: 'Šajā grupā pieteikties vairs nevar.' }).waitFor();
  const none = await graphqlFrom<{ registrations: { total: number } }>(
    staff,
    `
      query ($g: ID!) {
        registrations(filter: { groupId: $g }) {
          total
        }
      }
    `,
    { g: group.id },
  );
  expect(none.registrations.total).toBe(0);

  await setStatus('OPEN');
  await coordinator.getByRole('button', { name: 'Pieteikt (3)' }).click();
  await coordinator.getByRole('heading', { name: 'Pieteikti 3: apstiprināti 2, gaidīšanas sarakstā 1.' }).waitFor();
  // Already registered employees cannot be chosen again.
  for (const name of EMPLOYEES) await coordinator.getByRole('checkbox', { name: `Izvēlēties: ${name}`, disabled: true }).waitFor();
  await expectTranslated(coordinator);
  expect(await accessibilityViolations(coordinator, 'main', { include: 'main', seriousOnly: true })).toEqual([]);

  // Staff: the group's list in list order, who registered and who pays; admit the waiting person.
  await staff.goto(`${server.url}/admin/#/groups/${group.id}/registrations`);
  await staff.getByRole('row').filter({ hasText: EMPLOYEES[2] }).getByText('Gaida (1. rindā)').waitFor();
  const first = staff.getByRole('row').filter({ hasText: EMPLOYEES[0] });
  await first.getByText('Apstiprināts').waitFor();
  await first.getByText(`Koordinators: ${COORDINATOR}`).waitFor();
  await first.getByText(INSTITUTION).waitFor();
  await staff.getByText('Aizņemtas 2 no 2 vietām; grupa tiek apstiprināta, kad pieteikušies vismaz 2.').waitFor();

  await staff.getByRole('row').filter({ hasText: EMPLOYEES[2] }).getByRole('button', { name: 'Uzņemt grupā' }).click();
  await staff.getByRole('dialog').getByRole('button', { name: 'Uzņemt grupā' }).click();
  await staff.getByText('Dalībnieks uzņemts grupā').waitFor();
  await staff.getByRole('row').filter({ hasText: EMPLOYEES[2] }).getByText('Apstiprināts').waitFor();
  await staff.getByRole('tab', { name: 'Pieteikumi' }).waitFor();
  await expectTranslated(staff);
  expect(await accessibilityViolations(staff, 'main table', { include: 'main table', seriousOnly: true })).toEqual([]);

  // The coordinator sees their employees' registrations and cancels one, with a reason.
  await coordinator.getByRole('menuitem', { name: 'Pieteikumi' }).click();
  const own = coordinator.getByRole('row').filter({ hasText: EMPLOYEES[1] }).filter({ hasText: groupCode });
  await own.getByText('Apstiprināts').waitFor();
  await own.getByRole('button', { name: 'Atsaukt' }).click();
  await coordinator.getByRole('dialog').getByLabel('Iemesls').fill('Komandējums');
  await coordinator.getByRole('dialog').getByRole('button', { name: 'Atsaukt' }).click();
  await coordinator.getByText('Pieteikums atsaukts').waitFor();
  await own.getByText('Atsaukts', { exact: true }).waitFor();
  await expectTranslated(coordinator);

  // Staff export the group's list: a UTF-8 CSV with a byte-order mark, times in Riga.
  await staff.reload();
  await staff.getByRole('row').filter({ hasText: EMPLOYEES[1] }).getByText('Atsaukts', { exact: true }).waitFor();
  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'Eksportēt CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${groupCode}-pieteikumi.csv`);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines[0]).toBe(
    '"Vārds, uzvārds","Personas kods","Pasākuma kods","Grupa","Statuss","Vieta rindā","Maksātāja veids","Maksātājs","Cena","Pieteica","Pieteica","Pieteikts","Atsaukts","Atsauca","Atsaukuma iemesls"',
  );
  const cells = (line: string) => line.slice(1, -1).split('","');
  const byName = new Map(lines.slice(1).map((line) => [cells(line)[0], cells(line)]));
  expect([...byName.keys()].sort()).toEqual([...EMPLOYEES].sort());
  expect(lines.slice(1).map((line) => cells(line)[4])).toEqual(['Apstiprināts', 'Apstiprināts', 'Atsaukts']);
  const cancelled = byName.get(EMPLOYEES[1])!;
  expect(cancelled.slice(2, 4)).toEqual([course.code, groupCode]);
  expect(cancelled[6]).toBe('Iestāde');
  expect(cancelled[7]).toBe(INSTITUTION);
  expect(cancelled[8]).toBe((course.priceCents / 100).toFixed(2));
  expect(cancelled[10]).toBe(COORDINATOR);
  expect(cancelled[13]).toBe(COORDINATOR);
  expect(cancelled[14]).toBe('Komandējums');
  // On the school's clock, not the browser's (New York, 7 hours apart).
  const { registrations } = await graphqlFrom<{ registrations: { items: { person: { fullName: string }; createdAt: string }[] } }>(
    staff,
    `
      query ($g: ID!) {
        registrations(filter: { groupId: $g }) {
          items {
            person {
              fullName
            }
            createdAt
          }
        }
      }
    `,
    { g: group.id },
  );
  const createdAt = new Date(registrations.items.find((r) => r.person.fullName === EMPLOYEES[1])!.createdAt);
  const clock = (timeZone: string) => createdAt.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  expect(cancelled[11]).toContain(clock('Europe/Riga'));
  expect(cancelled[11]).not.toContain(clock('America/New_York'));
}, 180_000);
