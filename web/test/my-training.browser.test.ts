import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, type ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, graphqlFrom, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * "Manas mācības", live schedule changes and the private calendar link, as people meet them: the
 * built system with its demo data, a participant's browser and, beside it, a staff member's.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

// In the demo data she is confirmed in a past group and in VAS-LEAD-101-G2, waits for a seat in
// VAS-DIG-101-G1 and was in VAS-EU-203-G1, which is cancelled.
const PARTICIPANT = 'Līga Kalniņa';
const STAFF = 'Jānis Kalniņš';
const MOVED_GROUP = 'VAS-LEAD-101-G2';

interface MySession {
  role: 'PARTICIPANT' | 'LECTURER';
  registrationStatus: 'CONFIRMED' | 'WAITING' | null;
  session: {
    id: string;
    startsAt: string;
    endsAt: string;
    group: { id: string; code: string; status: string; cancellationReason: string | null; course: { id: string; title: string } };
  };
}

const mySessions = async () =>
  (
    await graphqlFrom<{ mySessions: MySession[] }>(
      page,
      '{ mySessions { role registrationStatus session { id startsAt endsAt group { id code status cancellationReason course { id title } } } } }',
    )
  ).mySessions;

/** What the browser's fetch gets for a path of the server: status, type and text. */
async function fetchFromPage(path: string): Promise<{ status: number; type: string; body: string }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  }, path);
}

const rigaTime = new Intl.DateTimeFormat('lv-LV', { timeZone: 'Europe/Riga', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** A session's time as both pages show it: 09:35–12:50. */
const timeRange = (startsAt: string, endsAt: string) => `${rigaTime.format(new Date(startsAt))}–${rigaTime.format(new Date(endsAt))}`;
const later = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * The ScheduleChanged subscriptions a page has sent on any of its sockets. A change saved before
 * the subscription reached the api would never be pushed, so a test waits for it before acting.
 */
function watchSubscriptions(on: Page) {
  const sent: { groupIds?: string[] }[] = [];
  const waiters = new Set<() => void>();
  on.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      let message: { type?: string; payload?: { operationName?: string; variables?: { groupIds?: string[] } } };
      try {
        message = JSON.parse(payload.toString());
      } catch {
        return;
      }
      if (message.type !== 'subscribe' || message.payload?.operationName !== 'ScheduleChanged') return;
      sent.push(message.payload.variables ?? {});
      waiters.forEach((wake) => wake());
    }),
  );
  return {
    /** How many have been sent so far: the mark for `sentSince`. */
    mark: () => sent.length,
    async sentSince(mark: number, accept: (variables: { groupIds?: string[] }) => boolean, what: string): Promise<void> {
      const deadline = Date.now() + 20_000;
      while (!sent.slice(mark).some(accept)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No subscription ${what} was sent; sent: ${JSON.stringify(sent)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
  };
}

/** A second person at another browser: a staff member of the school, signed in. */
async function openStaffPage(): Promise<Page> {
  const staffContext = await context.browser()!.newContext({ locale: 'lv-LV' });
  const staff = await staffContext.newPage();
  await signInAsDemoPerson(staff, server.url, STAFF);
  return staff;
}

async function moveSession(staff: Page, session: { id: string; startsAt: string; endsAt: string }, minutes: number) {
  const moved = { startsAt: later(session.startsAt, minutes), endsAt: later(session.endsAt, minutes) };
  await graphqlFrom(staff, 'mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }', {
    id: session.id,
    input: { ...moved, overrideConflicts: true },
  });
  return { ...session, ...moved };
}

/** From the e-mail's link, signed out: the sign-in, then back on the page. */
async function openMyTrainingSignedOut(name: string) {
  await page.goto(`${server.url}/manas-macibas`);
  await page.waitForURL((url) => url.pathname === '/auth/dev-idp');
  await page.locator(`button[data-person="${name}"]`).click();
  await page.waitForURL((url) => url.pathname === '/manas-macibas');
  await page.getByTestId('signed-in-name').getByText(name).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Manas mācības' }).waitFor();
}

const notice = () => page.getByTestId('schedule-change-notice');
const sessionItem = (id: string) => page.locator(`[data-session-id="${id}"]`);

test('a participant sees her sessions by day, and a staff change reaches her open page and the course page live', async () => {
  const subscriptions = watchSubscriptions(page);
  // Visitors have no such menu item; the e-mails' link sends them to sign in and back.
  await page.goto(`${server.url}/`);
  const nav = page.getByRole('navigation', { name: 'Galvenā izvēlne' });
  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).waitFor();
  expect(await nav.getByRole('link', { name: 'Manas mācības' }).count()).toBe(0);
  await openMyTrainingSignedOut(PARTICIPANT);
  await expect(nav.getByRole('link', { name: 'Manas mācības' }).getAttribute('aria-current')).resolves.toBe('page');

  const sessions = await mySessions();
  const now = Date.now();
  const upcoming = page.getByTestId('my-training-upcoming');
  const past = page.getByTestId('my-training-past');
  await upcoming.getByRole('heading', { level: 2, name: 'Gaidāmās nodarbības' }).waitFor();
  await past.getByRole('heading', { level: 2, name: 'Notikušās nodarbības' }).waitFor();
  // Every session once, upcoming ones nearest first, then past ones.
  const shownIds = await page.locator('[data-session-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-session-id')));
  const byStart = (a: MySession, b: MySession) => a.session.startsAt.localeCompare(b.session.startsAt);
  const expectedUpcoming = sessions.filter((s) => Date.parse(s.session.endsAt) >= now).sort(byStart);
  const expectedPast = sessions.filter((s) => Date.parse(s.session.endsAt) < now).sort((a, b) => byStart(b, a));
  expect(expectedUpcoming.length).toBeGreaterThan(0);
  expect(expectedPast.length).toBeGreaterThan(0);
  expect(shownIds).toEqual([...expectedUpcoming, ...expectedPast].map((s) => s.session.id));

  // A day heading in Latvian, and a session with its time, course, group, place and lecturer.
  const target = expectedUpcoming.find((s) => s.session.group.code === MOVED_GROUP)!;
  const item = sessionItem(target.session.id);
  await expect(item.locator('.schedule-session-time time').innerText()).resolves.toBe(timeRange(target.session.startsAt, target.session.endsAt));
  await item.getByRole('heading', { level: 4, name: target.session.group.course.title }).waitFor();
  await item.getByText(`Grupa ${MOVED_GROUP}`).waitFor();
  await item.getByText('Raiņa bulvāris 4, Rīga, LV-1050').waitFor();
  await item.locator('.session-lecturer').getByText('Kārlis Bērziņš').waitFor();
  const day = page.locator('.schedule-day').filter({ has: item });
  await expect(day.locator('h3').innerText()).resolves.toMatch(/^\p{L}+, \d{4}\. gada \d{1,2}\. \p{L}+$/u);
  // The waiting list and the cancelled group say so; the cancelled one is struck through, with its reason.
  const waiting = sessions.find((s) => s.registrationStatus === 'WAITING')!;
  await sessionItem(waiting.session.id).getByText('Gaidīšanas sarakstā', { exact: true }).waitFor();
  const cancelled = sessions.find((s) => s.session.group.status === 'CANCELLED')!;
  const cancelledItem = sessionItem(cancelled.session.id);
  await cancelledItem.getByText('Grupa atcelta', { exact: true }).waitFor();
  await cancelledItem.getByText(`Mācības atceltas. Iemesls: ${cancelled.session.group.cancellationReason}`).waitFor();
  expect(await cancelledItem.locator('.schedule-session-title s, .schedule-session-time s').count()).toBe(2);
  // The live region is there before anything is announced in it.
  await expect(notice().getAttribute('aria-live')).resolves.toBe('polite');
  await expect(notice().innerText()).resolves.toBe('');
  expect(await seriousViolations(page, 'my training')).toEqual([]);

  // Staff move her session, in another browser; her page was opened once and is never reloaded.
  await subscriptions.sentSince(0, (v) => !v.groupIds, 'for her own groups');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const staff = await openStaffPage();
  try {
    const moved = await moveSession(staff, target.session, 35);
    const movedTime = timeRange(moved.startsAt, moved.endsAt);
    await item.locator('.schedule-session-time').getByText(movedTime, { exact: true }).waitFor();
    await notice().getByText(`Grafiks atjaunināts: ${target.session.group.course.title}, grupa ${MOVED_GROUP} — mainīta 1 nodarbība.`).waitFor();
    await expect(notice().getAttribute('role')).resolves.toBe('status');
    // The changed session stands out, in words as well as colour.
    await item.getByText('Atjaunināts').waitFor();
    await expect(item.getAttribute('class')).resolves.toContain('is-changed');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await seriousViolations(page, 'my training with a change announced')).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await seriousViolations(page, 'my training at 360px')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The course page of that course follows its groups live too.
    const mark = subscriptions.mark();
    await item.getByRole('link', { name: target.session.group.course.title }).click();
    await page.getByRole('heading', { level: 1, name: target.session.group.course.title }).waitFor();
    const courseSession = sessionItem(target.session.id);
    await courseSession.locator('.session-time').getByText(movedTime).waitFor();
    await subscriptions.sentSince(mark, (v) => !!v.groupIds?.includes(target.session.group.id), 'for the groups of the course page');

    const movedAgain = await moveSession(staff, moved, 40);
    await courseSession.locator('.session-time').getByText(timeRange(movedAgain.startsAt, movedAgain.endsAt)).waitFor();
    await notice().getByText(`Grafiks atjaunināts: ${target.session.group.course.title}, grupa ${MOVED_GROUP} — mainīta 1 nodarbība.`).waitFor();
    await courseSession.getByText('Atjaunināts').waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await staff.context().close();
  }
}, 180_000);

test('after switching to English the socket reconnects, so pushed changes come in English too', async () => {
  const subscriptions = watchSubscriptions(page);
  await openMyTrainingSignedOut(PARTICIPANT);
  await page.getByTestId('my-training-upcoming').waitFor();
  await subscriptions.sentSince(0, (v) => !v.groupIds, 'for her own groups');

  const mark = subscriptions.mark();
  await page.locator('header').getByRole('button', { name: /^EN/ }).click();
  await page.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Upcoming sessions' }).waitFor();
  // A new socket, with the new language cookie, and the subscription on it.
  await subscriptions.sentSince(mark, (v) => !v.groupIds, 'again after the language changed');

  const target = (await mySessions()).find((s) => s.session.group.code === MOVED_GROUP && Date.parse(s.session.endsAt) > Date.now())!;
  const { course } = await graphqlFrom<{ course: { titleEn: string } }>(page, 'query($id: ID!) { course(id: $id) { titleEn } }', {
    id: target.session.group.course.id,
  });
  const staff = await openStaffPage();
  try {
    const moved = await moveSession(staff, target.session, 25);
    await sessionItem(target.session.id).locator('.schedule-session-time').getByText(timeRange(moved.startsAt, moved.endsAt)).waitFor();
    await notice().getByText(`Schedule updated: ${course.titleEn}, group ${MOVED_GROUP} — 1 session changed.`).waitFor();
    await sessionItem(target.session.id).getByText('Updated').waitFor();
  } finally {
    await staff.context().close();
  }
}, 120_000);

test('a lecturer sees the sessions she teaches; a person without any sees an honest empty page', async () => {
  await openMyTrainingSignedOut('Inese Vītola');
  const first = page.locator('.schedule-session').first();
  await first.waitFor();
  // The role is a badge, read out as "Jūsu loma: Pasniedzējs".
  await expect(first.locator('.badge-role').textContent()).resolves.toBe('Jūsu loma: Pasniedzējs');
  await expect(first.locator('.session-lecturer').innerText()).resolves.toBe('Inese Vītola');

  await context.clearCookies();
  await openMyTrainingSignedOut('Roberts Siliņš');
  const empty = page.getByTestId('my-training-empty');
  await empty.getByText('Jums vēl nav nevienas nodarbības.').waitFor();
  await empty.getByRole('link', { name: 'Apskatīt mācību katalogu' }).waitFor();
  expect(await page.locator('.schedule-session').count()).toBe(0);
  expect(await seriousViolations(page, 'my training, empty')).toEqual([]);

  // Signing out here leads home, not straight back to the sign-in.
  await page.getByRole('button', { name: 'Iziet' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('header').getByRole('link', { name: 'Pieslēgties' }).waitFor();
});

test('the private calendar link: shown once, read by calendar programs, replaced and turned off after a question', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await signInAsDemoPerson(page, server.url, PARTICIPANT);
  // An earlier test stored English for her, and signing in applies it: back to Latvian.
  await page.locator('header').getByRole('button', { name: /^LV/ }).click();
  const section = page.getByTestId('profile-calendar');
  await section.getByRole('heading', { level: 2, name: 'Kalendārs' }).waitFor();
  await section.getByText('Jums vēl nav kalendāra saites.').waitFor();

  await section.getByRole('button', { name: 'Izveidot saiti' }).click();
  const urlField = section.getByLabel('Jūsu privātā kalendāra saite');
  await urlField.waitFor();
  await section.getByText('Ikviens, kam ir šī saite, var redzēt Jūsu nodarbību grafiku.', { exact: false }).waitFor();
  await section.getByRole('status').getByText('Kalendāra saite izveidota.').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('calendar-link-url');
  const url = await urlField.inputValue();
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await section.getByRole('button', { name: 'Kopēt saiti' }).click();
  await section.getByRole('status').getByText('Saite nokopēta starpliktuvē.').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(await seriousViolations(page, 'profile with a new calendar link')).toEqual([]);

  // The api writes its configured public address into the link; this test server's own port differs.
  const feedPath = (link: string) => new URL(link).pathname;
  const feed = await fetchFromPage(feedPath(url));
  expect(feed.status).toBe(200);
  expect(feed.type).toMatch(/^text\/calendar/);
  const sessions = await mySessions();
  const calendarSessions = sessions.filter((s) => s.role === 'PARTICIPANT' && s.registrationStatus === 'CONFIRMED' && s.session.group.status !== 'CANCELLED');
  expect(calendarSessions.length).toBeGreaterThan(0);
  for (const s of calendarSessions) expect(feed.body).toContain(`UID:session-${s.session.id}@`);
  // Not what she only waits for.
  for (const s of sessions.filter((s) => s.registrationStatus === 'WAITING')) expect(feed.body).not.toContain(s.session.id);

  // Shown once: after a reload the page knows the link exists and that it was used, not the link.
  await page.reload();
  await section.getByText('Pēdējoreiz izmantota').waitFor();
  expect(await section.getByText('Vēl nav izmantota').count()).toBe(0);
  expect(await urlField.count()).toBe(0);
  expect(await page.content()).not.toContain(feedPath(url));

  // A new link asks first; Escape changes nothing and gives focus back.
  const replace = section.getByRole('button', { name: 'Izveidot jaunu saiti' });
  await replace.click();
  const replaceQuestion = section.getByRole('group', { name: 'Vai izveidot jaunu saiti?' });
  await replaceQuestion.waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vai izveidot jaunu saiti?');
  await page.keyboard.press('Escape');
  await replaceQuestion.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Izveidot jaunu saiti');
  expect((await fetchFromPage(feedPath(url))).status).toBe(200);

  await replace.click();
  await replaceQuestion.getByRole('button', { name: 'Jā, izveidot jaunu saiti' }).click();
  await section.getByRole('status').getByText('Jauna saite izveidota. Iepriekšējā saite vairs nedarbojas.').waitFor();
  const newUrl = await urlField.inputValue();
  expect(newUrl).not.toBe(url);
  expect((await fetchFromPage(feedPath(url))).status).toBe(404);
  expect((await fetchFromPage(feedPath(newUrl))).status).toBe(200);

  // Turning it off asks too, then the link answers 404.
  await section.getByRole('button', { name: 'Atslēgt' }).click();
  await section.getByRole('group', { name: 'Vai atslēgt kalendāra saiti?' }).getByRole('button', { name: 'Jā, atslēgt' }).click();
  await section.getByRole('status').getByText('Kalendāra saite atslēgta. Tā vairs nedarbojas.').waitFor();
  await section.getByText('Jums vēl nav kalendāra saites.').waitFor();
  expect(await urlField.count()).toBe(0);
  expect((await fetchFromPage(feedPath(newUrl))).status).toBe(404);
  await section.getByRole('button', { name: 'Izveidot saiti' }).waitFor();
}, 120_000);

const rigaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' });
const fullDate = new Intl.DateTimeFormat('lv-LV', { timeZone: 'Europe/Riga', dateStyle: 'full' });

test("the home page's date scale: the nearest upcoming date chosen, back and forward, a date shows its sessions in Riga time, by keyboard too", async () => {
  await signInAsDemoPerson(page, server.url, PARTICIPANT, '/');
  const scale = page.getByTestId('date-scale');
  await scale.getByRole('heading', { level: 2, name: 'Manas mācības' }).waitFor();
  const sessions = await mySessions();
  const days = [...new Set(sessions.map((s) => rigaDay.format(new Date(s.session.startsAt))))].sort();
  const today = rigaDay.format(new Date());
  const nearest = days.find((day) => day >= today) ?? days[days.length - 1];
  const sessionsOn = (day: string) => sessions.filter((s) => rigaDay.format(new Date(s.session.startsAt)) === day);
  const labelOf = (day: string) => {
    const count = sessionsOn(day).length;
    return `${fullDate.format(new Date(sessionsOn(day)[0].session.startsAt))}, ${count} ${count === 1 ? 'nodarbība' : 'nodarbības'}`;
  };

  // The nearest upcoming date is chosen, and its sessions are shown with Riga times (the browser runs in UTC).
  const chosen = scale.getByRole('button', { pressed: true });
  expect(await chosen.textContent()).toContain(labelOf(nearest));
  const details = page.getByTestId('date-scale-details');
  for (const s of sessionsOn(nearest)) {
    await details.getByText(s.session.group.course.title).first().waitFor();
    await details.getByText(timeRange(s.session.startsAt, s.session.endsAt)).first().waitFor();
  }
  expect(await accessibilityViolations(page, 'home page date scale')).toEqual([]);

  // Back to the earliest dates, then a past date by keyboard: its session shows instead.
  const earlier = scale.getByRole('button', { name: 'Iepriekšējie datumi' });
  while (await earlier.isEnabled()) await earlier.click();
  const first = days[0];
  const firstButton = scale.getByRole('button', { name: labelOf(first) });
  await firstButton.focus();
  await page.keyboard.press('Enter');
  expect(await firstButton.getAttribute('aria-pressed')).toBe('true');
  await details.getByText(sessionsOn(first)[0].session.group.course.title).first().waitFor();
  expect(await firstButton.getAttribute('class')).toContain('is-past');

  // The arrow keys walk the dates and focus follows; End and Home jump to the last and the first,
  // and the page of dates moves with the choice.
  await page.keyboard.press('ArrowRight');
  const second = scale.getByRole('button', { name: labelOf(days[1]) });
  expect(await second.getAttribute('aria-pressed')).toBe('true');
  expect(await second.evaluate((button) => button === document.activeElement)).toBe(true);
  await page.keyboard.press('End');
  const last = scale.getByRole('button', { name: labelOf(days[days.length - 1]) });
  expect(await last.getAttribute('aria-pressed')).toBe('true');
  expect(await last.evaluate((button) => button === document.activeElement)).toBe(true);
  await page.keyboard.press('Home');
  expect(await firstButton.evaluate((button) => button === document.activeElement)).toBe(true);
  // Only the chosen date is in the tab order.
  expect(await scale.locator('.date-scale-day[tabindex="0"]').count()).toBe(1);

  // Forward again reaches the last date.
  const later_ = scale.getByRole('button', { name: 'Nākamie datumi' });
  while (await later_.isEnabled()) await later_.click();
  await scale.getByRole('button', { name: labelOf(days[days.length - 1]) }).waitFor();

  // A past group says where its certificate stands: the worker issues hers at start.
  const deadline = Date.now() + 30_000;
  let certificates: { number: string; groupId: string }[] = [];
  while (certificates.length === 0 && Date.now() < deadline) {
    certificates = (await graphqlFrom<{ me: { person: { certificates: typeof certificates } } }>(page, '{ me { person { certificates { number groupId } } } }'))
      .me.person.certificates;
    if (certificates.length === 0) await page.waitForTimeout(250);
  }
  expect(certificates).toHaveLength(1);
  const [certificate] = certificates;
  const certificateDay = days.filter((day) => sessionsOn(day).some((s) => s.session.group.id === certificate.groupId)).pop()!;
  await page.reload();
  await scale.getByRole('button', { pressed: true }).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < days.indexOf(certificateDay); i++) await page.keyboard.press('ArrowRight');
  await details.getByRole('link', { name: `Sertifikāts Nr. ${certificate.number} (PDF)` }).waitFor();
  expect(await accessibilityViolations(page, 'date scale, a past group')).toEqual([]);
});
