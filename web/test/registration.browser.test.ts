import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, graphqlFrom, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Applying for a course as the manual describes it ("Kā pieteikties kursiem?"): the built system
 * with its demo data, people's own browsers, the confirmation step with who pays, the inactive
 * button for someone already registered, and cancelling from "Manas mācības".
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

interface OpenGroup {
  id: string;
  code: string;
  seatsLeft: number;
  priceCents: number | null;
  registrationDeadline: string | null;
  euProject: { id: string } | null;
}
interface Course {
  id: string;
  title: string;
  visibility: string;
  openGroups: OpenGroup[];
}

/** Paid public courses with a group that still has `seats` free seats and no deadline passed, as the catalog shows them. */
async function paidGroups(seats: number): Promise<{ course: Course; group: OpenGroup }[]> {
  await page.goto(`${server.url}/katalogs`);
  const { courses } = await graphqlFrom<{ courses: { items: Course[] } }>(
    page,
    `{ courses(perPage: 100, filter: { hasDate: true }) { items { id title visibility openGroups { id code seatsLeft priceCents registrationDeadline euProject { id } } } } }`,
  );
  return courses.items.flatMap((course) =>
    course.openGroups
      .filter(
        (g) =>
          course.visibility === 'PUBLIC' &&
          // EU project groups ask more questions: eu-registration.browser.test.ts
          !g.euProject &&
          (g.priceCents ?? 0) > 0 &&
          g.seatsLeft >= seats &&
          (!g.registrationDeadline || Date.parse(g.registrationDeadline) > Date.now() + 86_400_000),
      )
      .map((group) => ({ course, group })),
  );
}

const groupCard = (group: OpenGroup): Locator => page.locator(`section[aria-labelledby="group-${group.id}"]`);
const seatsText = (count: number) => (count === 1 ? `${count} brīva vieta` : `${count} brīvas vietas`);

const myRegistrations = async (from: Page) =>
  (
    await graphqlFrom<{ myRegistrations: { id: string; status: string; payerKind: string; group: { id: string } }[] }>(
      from,
      '{ myRegistrations { id status payerKind group { id } } }',
    )
  ).myRegistrations;

/** Opens the course page in a browser of its own (nobody signed in) and resolves once it listens for seat counts. */
async function watchingVisitor(courseId: string): Promise<{ page: Page; close(): Promise<void> }> {
  const visitorContext = await context.browser()!.newContext({ locale: 'lv-LV' });
  const visitor = await visitorContext.newPage();
  const listening = new Promise<void>((resolve) =>
    visitor.on('websocket', (socket) => socket.on('framesent', ({ payload }) => String(payload).includes('"GroupSeatsChanged"') && resolve())),
  );
  await visitor.goto(`${server.url}/kursi/${courseId}`);
  await listening;
  return { page: visitor, close: () => visitorContext.close() };
}

test('a private person registers through the confirmation step, finds it in Manas mācības and cancels there', async () => {
  const [{ course, group }] = await paidGroups(2);
  const visitor = await watchingVisitor(course.id);
  await signInAsDemoPerson(page, server.url, 'Roberts Siliņš', `/kursi/${course.id}`);
  const card = groupCard(group);
  await card.getByText(seatsText(group.seatsLeft)).first().waitFor();

  await card.getByRole('button', { name: 'Pieteikties', exact: true }).click();
  const panel = card.getByRole('form', { name: 'Reģistrācijas apstiprināšana' });
  await panel.waitFor();
  const confirm = panel.getByRole('button', { name: 'Apstiprināt reģistrāciju' });
  // Nothing chosen yet: the price is paid by someone, so the question must be answered first.
  expect(await confirm.isDisabled()).toBe(true);
  await panel.getByLabel('Es pats kā fiziska persona').check();
  await panel.getByText('Avotu iela 12-5, Rīga, LV-1011').waitFor();
  expect(await seriousViolations(page, 'course page, confirmation step')).toEqual([]);
  await confirm.click();

  await card.getByRole('status').getByText('Pieteikums saņemts: Jums ir vieta šajā grupā.').waitFor();
  // The button stays, inactive, and says why; the seats count has gone down.
  const button = card.getByRole('button', { name: 'Pieteikties', exact: true });
  expect(await button.isDisabled()).toBe(true);
  await card.getByText('Jūs esat pieteikts šai grupai.').waitFor();
  expect(await card.getByText(/^Pieteicāties .*, tāpēc atkārtoti pieteikties nevar\.$/).count()).toBe(1);
  await card
    .getByText(seatsText(group.seatsLeft - 1))
    .first()
    .waitFor();
  // Someone else reading the same page sees the seat go, without reloading.
  await visitor.page
    .locator(`section[aria-labelledby="group-${group.id}"]`)
    .getByText(seatsText(group.seatsLeft - 1))
    .first()
    .waitFor();
  await visitor.close();
  const [registration] = (await myRegistrations(page)).filter((r) => r.group.id === group.id);
  expect(registration).toMatchObject({ status: 'CONFIRMED', payerKind: 'PRIVATE' });

  // After a reload, too: the button is inactive because the api says so, not because of the page's memory.
  await page.reload();
  await groupCard(group).getByText('Jūs esat pieteikts šai grupai.').waitFor();
  expect(await groupCard(group).getByRole('button', { name: 'Pieteikties', exact: true }).isDisabled()).toBe(true);

  // Manas mācības: the registration with its way out, and the group's sessions among the upcoming ones.
  await page.getByRole('navigation').getByRole('link', { name: 'Manas mācības' }).click();
  const mine = page.getByTestId('my-registrations');
  await mine.getByRole('link', { name: course.title }).waitFor();
  await page.getByTestId('my-training-upcoming').getByRole('link', { name: course.title }).first().waitFor();
  const item = mine.locator(`[data-registration-id="${registration.id}"]`);
  await item.getByText('Vieta apstiprināta').waitFor();
  await item.getByRole('button', { name: 'Atteikties no dalības' }).click();
  await item.getByText(`Atteikties no dalības grupā ${group.code}?`).waitFor();
  await item.getByRole('button', { name: 'Jā, atteikties' }).click();
  await mine.waitFor({ state: 'detached' });
  // The group's sessions leave the schedule once it has been fetched again.
  await page.getByTestId('my-training-upcoming').getByRole('link', { name: course.title }).first().waitFor({ state: 'detached' });
  await page.getByTestId('my-training-empty').waitFor();
  expect((await myRegistrations(page)).find((r) => r.id === registration.id)?.status).toBe('CANCELLED');
});

test('an employee pays through an account of the employer; paying privately without a declared address says what to add, with a link', async () => {
  const [{ course, group }] = (await paidGroups(1)).slice(-1);
  await signInAsDemoPerson(page, server.url, 'Andris Ozols', `/kursi/${course.id}`);
  const card = groupCard(group);
  await card.getByRole('button', { name: 'Pieteikties', exact: true }).click();
  const panel = card.getByRole('form', { name: 'Reģistrācijas apstiprināšana' });

  await panel.getByLabel('Es pats kā fiziska persona').check();
  const blocker = panel.getByRole('alert');
  await blocker.getByText('Lai maksātu kā fiziska persona, profilā jānorāda deklarētā dzīvesvietas adrese.').waitFor();
  expect(await blocker.getByRole('link', { name: 'Papildināt profilu' }).getAttribute('href')).toBe('/profils#adrese');
  expect(await panel.getByRole('button', { name: 'Apstiprināt reģistrāciju' }).isDisabled()).toBe(true);

  await panel.getByLabel('Darba vieta (iestāde)').check();
  const account = panel.getByLabel('Organizācijas konts');
  // Two accounts at the Valsts ieņēmumu dienests: the person chooses.
  expect(await account.locator('option').allTextContents()).toEqual([
    'Izvēlieties kontu',
    'Valsts ieņēmumu dienests · ES projekts “Kompetenču attīstība” (LV07TREL2200000000002)',
    'Valsts ieņēmumu dienests · Personāla attīstības daļa (LV34TREL2200000000001)',
  ]);
  expect(await panel.getByRole('button', { name: 'Apstiprināt reģistrāciju' }).isDisabled()).toBe(true);
  await account.selectOption({ label: 'Valsts ieņēmumu dienests · Personāla attīstības daļa (LV34TREL2200000000001)' });
  await panel.getByRole('button', { name: 'Apstiprināt reģistrāciju' }).click();
  await card
    .getByRole('status')
    .getByText(/^Pieteikums saņemts/)
    .waitFor();
  expect((await myRegistrations(page)).find((r) => r.group.id === group.id)).toMatchObject({ status: 'CONFIRMED', payerKind: 'INSTITUTION' });
});

test('someone the training centre registered sees an inactive button that says so, in English too', async () => {
  const [{ course, group }] = await paidGroups(1);
  // Staff register Emily (Centrālā statistikas pārvalde) with her institution's account.
  await signInAsDemoPerson(page, server.url, 'Jānis Kalniņš', `/kursi/${course.id}`);
  const { employees } = await graphqlFrom<{
    employees: { items: { person: { id: string; fullName: string }; institution: { id: string; billingAccounts: { id: string }[] } }[] };
  }>(page, `{ employees(filter: { q: "Clarke" }) { items { person { id fullName } institution { id billingAccounts { id } } } } }`);
  const emily = employees.items.find((e) => e.person.fullName === 'Emily Clarke')!;
  await graphqlFrom(page, `mutation($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id } }`, {
    input: { groupId: group.id, institutionId: emily.institution.id, personIds: [emily.person.id], billingAccountId: emily.institution.billingAccounts[0].id },
  });

  await context.clearCookies();
  await signInAsDemoPerson(page, server.url, 'Emily Clarke', `/kursi/${course.id}`);
  await page.locator('header').getByRole('button', { name: /^EN/ }).click();
  const card = groupCard(group);
  await card.getByText('You are registered in this group.').waitFor();
  const button = card.getByRole('button', { name: 'Register', exact: true });
  expect(await button.isDisabled()).toBe(true);
  expect(await card.getByText(/^The training centre registered you on .*, so you cannot register again\.$/).count()).toBe(1);
  // The api refuses a second registration all the same.
  const refused = await page.evaluate(async (groupId) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: RegisterInput!) { register(input: $input) { id } }',
        variables: { input: { groupId, payer: 'PRIVATE' } },
      }),
    });
    return ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
  }, group.id);
  expect(refused).toBe('ALREADY_REGISTERED');
});

test('without signing in, "Pieteikties" leads to the sign-in and back to the course', async () => {
  const [{ course, group }] = await paidGroups(1);
  await page.goto(`${server.url}/kursi/${course.id}`);
  const link = groupCard(group).getByRole('link', { name: 'Pieteikties', exact: true });
  expect(await link.getAttribute('href')).toBe(`/auth/sign-in?returnTo=${encodeURIComponent(`/kursi/${course.id}`)}`);
});

test('a course with no open group takes a request for the next group, kept until withdrawn', async () => {
  await page.goto(`${server.url}/katalogs`);
  const { courses } = await graphqlFrom<{ courses: { items: Course[] } }>(
    page,
    `{ courses(perPage: 100, filter: { hasDate: false }) { items { id title visibility openGroups { id code seatsLeft priceCents registrationDeadline } } } }`,
  );
  const course = courses.items.find((c) => c.visibility === 'PUBLIC' && c.openGroups.length === 0)!;
  await signInAsDemoPerson(page, server.url, 'Zane Eglīte', `/kursi/${course.id}`);
  const box = page.getByTestId('next-group-request');
  await box.getByRole('button', { name: 'Pieteikties nākamajai grupai' }).click();
  await box.getByRole('status').getByText('Pieteikums nākamajai grupai saņemts.').waitFor();
  const mine = async () =>
    (await graphqlFrom<{ myInterestRequests: { course: { id: string } }[] }>(page, '{ myInterestRequests { course { id } } }')).myInterestRequests;
  expect((await mine()).map((r) => r.course.id)).toEqual([course.id]);

  await page.reload();
  await box.getByText(/^Jūs pieteicāties nākamajai grupai .*\. Kad tā tiks izveidota, saņemsiet e-pastu\.$/).waitFor();
  await box.getByRole('button', { name: 'Atsaukt pieteikumu nākamajai grupai' }).click();
  await box.getByRole('button', { name: 'Pieteikties nākamajai grupai' }).waitFor();
  expect(await mine()).toEqual([]);
});
