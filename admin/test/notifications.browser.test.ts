import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * E-mail in the console, in real Chromium against the built system (no SMTP_URL: the development
 * mailbox): a staff member moves a session and cancels a group and finds the e-mails they caused,
 * previews every template, saves a session over a schedule conflict, and retries a failed message.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startProductServer(), launchBrowser()]);
  context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1600, height: 1000 } });
  context.setDefaultTimeout(WAIT);
  page = await context.newPage();
  await signIn(page, STAFF);
  await page.getByRole('menuitem', { name: 'Pasts' }).waitFor();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}, 120_000);

async function signIn(target: Page, person: string): Promise<void> {
  await signInToConsole(target, server.url, person);
}

/** A GraphQL request from the page, with the staff session cookie, in Latvian. */
interface SessionData {
  id: string;
  startsAt: string;
  endsAt: string;
  lecturerId: string | null;
  placeId: string | null;
  lecturer: { name: string } | null;
}

interface GroupData {
  id: string;
  code: string;
  status: string;
  seatsTaken: number;
  course: { title: string };
  sessions: SessionData[];
}

const GROUPS = `{ groups(perPage: 100, filter: { statuses: [OPEN, CONFIRMED] }) {
  items { id code status seatsTaken course { title } sessions { id startsAt endsAt lecturerId placeId lecturer { name } } } } }`;

async function openGroups(): Promise<GroupData[]> {
  const { groups } = await graphqlFrom<{ groups: { items: GroupData[] } }>(page, GROUPS);
  return groups.items;
}

const future = (session: SessionData) => new Date(session.startsAt).getTime() > Date.now() + 86_400_000;

/** The day and the time of an instant in Riga, as a datetime-local input takes it (the browser runs on Riga time). */
function rigaLocal(iso: string): { day: string; time: string; input: string } {
  const instant = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return { day, time, input: `${day}T${time}` };
}

const rows = () => page.locator('table tbody tr');

async function choose(combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The mailbox without filters (the list remembers the last ones otherwise). */
async function openMailbox(): Promise<void> {
  await page.goto(`${server.url}/admin/#/outboxMessages?filter=${encodeURIComponent('{}')}`);
  await page.getByRole('button', { name: /^Nosūtīta: \d+/ }).waitFor();
}

/** The mailbox, filtered to one kind of e-mail and narrowed by a search text. */
async function searchMailbox(kind: string, search: string): Promise<void> {
  await openMailbox();
  await choose('Veids', kind);
  await page.getByPlaceholder('Meklēt').fill(search);
  // The filters apply after a pause in typing; until then a click on a row could be undone by them.
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":"${search}"`));
}

const emailFrame = () => page.frameLocator('iframe[title^="Vēstule"]');

describe('staff console: e-mail', () => {
  let moved: { group: GroupData; session: SessionData };

  test('moving a session of a group with participants puts schedule-changed e-mails in the mailbox, with the new time', async () => {
    const groups = await openGroups();
    const group = groups.find((g) => g.seatsTaken > 0 && g.sessions.some(future))!;
    expect(group).toBeDefined();
    const session = group.sessions.find(future)!;
    moved = { group, session };
    const { day } = rigaLocal(session.startsAt);

    await page.goto(`${server.url}/admin/#/sessions/${session.id}`);
    const startsAt = page.getByLabel('Sākums');
    await page.waitForFunction(
      (value) => (document.querySelector('input[name="startsAt"]') as HTMLInputElement | null)?.value === value,
      rigaLocal(session.startsAt).input,
    );
    await startsAt.fill(`${day}T07:00`);
    await page.getByLabel('Beigas').fill(`${day}T08:30`);
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.waitForURL(new RegExp(`#/groups/${group.id}/sessions`));

    const subject = `Nodarbību grafiks mainīts: ${group.course.title} (${group.code})`;
    await searchMailbox('Grafika izmaiņas', group.code);
    await page.getByText('E-pasts netiek sūtīts: SMTP_URL nav iestatīts; vēstules glabājas šeit').waitFor();
    // One e-mail per participant (and the lecturer, when there is one), each delivered to the mailbox.
    const expected = group.seatsTaken + (session.lecturerId ? 1 : 0);
    await page.waitForFunction(
      ([subject, expected]) =>
        [...document.querySelectorAll('table tbody tr')].filter((row) => row.textContent?.includes(subject as string)).length >= (expected as number),
      [subject, expected] as const,
    );
    await rows().filter({ hasText: subject }).filter({ hasText: 'Nosūtīta' }).first().waitFor();

    await rows().filter({ hasText: subject }).first().click();
    await page.waitForURL(/#\/outboxMessages\/[0-9a-f-]+\/show/);
    await page.getByText(subject, { exact: true }).first().waitFor();
    await page.getByText('Izstrādes pastkaste').waitFor();
    // The HTML part, in its sandboxed frame: the new time, in Riga time.
    await emailFrame().getByRole('heading', { name: 'Nodarbību grafiks mainīts' }).waitFor();
    await emailFrame().getByText('07:00–08:30').waitFor();
    expect(await page.locator('iframe[title^="Vēstule"]').getAttribute('sandbox')).toBe('');

    await page.getByRole('tab', { name: 'Teksts' }).click();
    await page.locator('pre').filter({ hasText: '07:00–08:30' }).waitFor();

    await page.getByRole('tab', { name: /^Pielikumi/ }).click();
    const download = page.getByRole('link', { name: 'Lejupielādēt invite.ics' });
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Rādīt invite.ics saturu' }).click();
    const calendar = page.getByLabel('Faila invite.ics saturs');
    await calendar.filter({ hasText: 'BEGIN:VCALENDAR' }).waitFor();
    expect(await calendar.textContent()).toContain('METHOD:REQUEST');
  });

  test('the template previews render every kind of e-mail, in both languages', async () => {
    await page.getByRole('menuitem', { name: 'Vēstuļu paraugi' }).click();
    const kinds: [string, string][] = [
      ['Jauna grupa pieteikušajiem', 'Jauna grupa kursā, kuram pieteicāties:'],
      ['Grafika izmaiņas', 'Nodarbību grafiks mainīts:'],
      ['Grupa atcelta', 'Grupa atcelta:'],
      ['Grupa apstiprināta', 'Grupa apstiprināta:'],
      ['Lektors norīkots', 'Norīkojums vadīt nodarbības:'],
      ['Lektors atcelts', 'Jūs vairs nevadāt nodarbības:'],
    ];
    for (const [kind, subject] of kinds) {
      await choose('Vēstules veids', kind);
      await page.getByRole('heading', { name: new RegExp(`^Temats: ${subject}`) }).waitFor();
      await emailFrame().getByText('Valsts administrācijas skola').first().waitFor();
    }
    await choose('Valoda', 'Angļu');
    await page.getByRole('heading', { name: /^Temats: You no longer teach:/ }).waitFor();
    await emailFrame().getByText('Latvian School of Public Administration').first().waitFor();
    await page.getByRole('tab', { name: 'Teksts' }).click();
    await page.locator('pre').filter({ hasText: 'Latvian School of Public Administration' }).waitFor();
  });

  test('a session that clashes with another session’s lecturer asks first, saves anyway, and is flagged', async () => {
    const groups = await openGroups();
    // The other session: a lecturer's, in another group, not the one moved above.
    const other = groups.find((g) => g.id !== moved.group.id && g.sessions.some((s) => future(s) && s.lecturerId));
    expect(other).toBeDefined();
    const busy = other!.sessions.find((s) => future(s) && s.lecturerId)!;
    const target = groups.find((g) => g.id !== moved.group.id && g.id !== other!.id)!;
    expect(target).toBeDefined();
    const start = rigaLocal(busy.startsAt);
    const end = rigaLocal(busy.endsAt);

    await page.goto(`${server.url}/admin/#/groups/${target.id}/sessions`);
    await page.getByRole('link', { name: 'Pievienot nodarbību' }).click();
    await page.waitForURL(/#\/sessions\/create/);
    await page.getByLabel('Sākums').fill(start.input);
    await page.getByLabel('Beigas').fill(end.input);
    await page.getByLabel('Tiešsaistes saite').fill('https://vas.zoom.us/j/123456789');
    const lecturer = page.getByRole('combobox', { name: 'Pasniedzējs' });
    await lecturer.fill(busy.lecturer!.name);
    await page.getByRole('option', { name: busy.lecturer!.name }).click();

    const dialog = page.getByRole('dialog', { name: 'Pasniedzējs vai norises vieta ir aizņemta' });
    const line = dialog.getByRole('listitem').filter({ hasText: `Grupa ${other!.code}` });
    // "Atcelt" leaves the form as it was, unsaved.
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await line.waitFor();
    expect(await line.textContent()).toContain(`${start.time}–${end.time}: aizņemts pasniedzējs`);
    await dialog.getByRole('button', { name: 'Atcelt' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toContain('/sessions/create');

    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await line.waitFor();
    await dialog.getByRole('button', { name: 'Saglabāt tik un tā' }).click();
    await page.waitForURL(new RegExp(`#/groups/${target.id}/sessions`));
    const flag = page.getByRole('img', { name: new RegExp(`^Pārklājas ar citām nodarbībām: Grupa ${other!.code}, .*aizņemts pasniedzējs`) });
    await flag.first().waitFor();

    // The sessions list flags it too, and the other session as well.
    await page.goto(`${server.url}/admin/#/sessions?filter=${encodeURIComponent(JSON.stringify({ groupId: target.id }))}`);
    await flag.first().waitFor();
    await page.goto(`${server.url}/admin/#/sessions?filter=${encodeURIComponent(JSON.stringify({ groupId: other!.id }))}`);
    await page
      .getByRole('img', { name: new RegExp(`^Pārklājas ar citām nodarbībām: Grupa ${target.code}`) })
      .first()
      .waitFor();
  });

  test('cancelling a group with a reason shows it cancelled, and group-cancelled e-mails carry the reason', async () => {
    const { group } = moved;
    const reason = 'Pasniedzēja slimības dēļ';
    await page.goto(`${server.url}/admin/#/groups/${group.id}`);
    // Not by the status input: cancelling asks for the reason first.
    await page.getByRole('combobox', { name: 'Statuss' }).click();
    expect(await page.getByRole('option', { name: 'Atcelta' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Atcelt grupu' }).click();
    const dialog = page.getByRole('dialog', { name: `Atcelt grupu ${group.code}?` });
    await dialog.getByLabel('Atcelšanas iemesls').fill(reason);
    await dialog.getByRole('button', { name: 'Atcelt grupu' }).click();
    await page.getByText('Grupa atcelta', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Grupa ir atcelta. Iemesls: ${reason}` })
      .waitFor();
    await page.getByRole('combobox', { name: 'Statuss' }).filter({ hasText: 'Atcelta' }).waitFor();
    await page.getByRole('button', { name: 'Atcelt grupu' }).waitFor({ state: 'detached' });

    const subject = `Grupa atcelta: ${group.course.title} (${group.code})`;
    await searchMailbox('Grupa atcelta', group.code);
    await page.waitForFunction(
      ([subject, expected]) =>
        [...document.querySelectorAll('table tbody tr')].filter((row) => row.textContent?.includes(subject as string)).length >= (expected as number),
      [subject, group.seatsTaken] as const,
    );
    await rows().filter({ hasText: subject }).first().click();
    await page.waitForURL(/#\/outboxMessages\/[0-9a-f-]+\/show/);
    await emailFrame().getByText(reason).waitFor();
  });

  test('a message to a lecturer without an address fails, and retrying it says why it still cannot go', async () => {
    const { createLecturer } = await graphqlFrom<{ createLecturer: { id: string } }>(
      page,
      'mutation { createLecturer(input: { name: "Pēteris Bezadresis" }) { id } }',
    );
    const groups = await openGroups();
    const session = groups.flatMap((g) => g.sessions).find(future)!;
    await graphqlFrom(page, 'mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }', {
      id: session.id,
      input: { lecturerId: createLecturer.id, overrideConflicts: true },
    });

    await openMailbox();
    await page.getByRole('button', { name: /^Neizdevās: [1-9]/ }).click();
    const row = rows().filter({ hasText: 'Pēteris Bezadresis' });
    await row.filter({ hasText: 'nav e-pasta adreses' }).filter({ hasText: 'Lektors norīkots' }).waitFor();
    await row.first().click();
    await page.waitForURL(/#\/outboxMessages\/[0-9a-f-]+\/show/);
    await page.getByRole('alert').filter({ hasText: 'Vēstuli neizdevās nosūtīt' }).waitFor();

    await page.getByRole('button', { name: 'Sūtīt vēlreiz' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sūtīt vēstuli vēlreiz (adresāts: Pēteris Bezadresis)?' });
    await dialog.getByRole('button', { name: 'Sūtīt vēlreiz' }).click();
    await page.getByText('Adresātam joprojām nav e-pasta adreses').waitFor();
  });

  test('coordinators do not see the mailbox', async () => {
    const other = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV' });
    other.setDefaultTimeout(WAIT);
    try {
      const coordinator = await other.newPage();
      await signIn(coordinator, 'Anna Bērziņa');
      await coordinator.getByRole('menuitem', { name: 'Darbinieki' }).waitFor();
      expect(await coordinator.getByRole('menuitem', { name: 'Pasts' }).count()).toBe(0);
      expect(await coordinator.getByRole('menuitem', { name: 'Vēstuļu paraugi' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
