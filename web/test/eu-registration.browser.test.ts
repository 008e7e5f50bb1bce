import type { Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, graphqlFrom, seriousViolations, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Registering for a group of an EU-funded project (R-FIN-2) in the built system with its demo data:
 * the ESF+ questions with why they are asked, consent required, and the answers kept with the
 * registration, the age band computed from the birth date in the person's (old-format) personal code.
 */

let server: ProductServer;
let page: Page;

eachTestInChromium((opened) => ({ server, page } = opened));

const GROUP = 'VAS-DIG-202-G1';

test('a person answers the ESF+ questions, is stopped without consent, and registers with it', async () => {
  await page.goto(`${server.url}/katalogs`);
  const { courses } = await graphqlFrom<{
    courses: { items: { id: string; openGroups: { id: string; code: string; euProject: { code: string } | null }[] }[] };
  }>(page, `{ courses(perPage: 100, filter: { hasDate: true }) { items { id openGroups { id code euProject { code } } } } }`);
  const course = courses.items.find((c) => c.openGroups.some((g) => g.code === GROUP))!;
  const group = course.openGroups.find((g) => g.code === GROUP)!;
  expect(group.euProject).toEqual({ code: '4.2.1.1/23/ESF+/001' });

  // Roberts Siliņš (born 2001) has an old-format personal code: his age is not asked.
  await signInAsDemoPerson(page, server.url, 'Roberts Siliņš', `/kursi/${course.id}`);
  const card = page.locator(`section[aria-labelledby="group-${group.id}"]`);
  await card.getByRole('button', { name: 'Pieteikties', exact: true }).click();
  const panel = card.getByRole('form', { name: 'Reģistrācijas apstiprināšana' });
  const questions = panel.getByRole('group', { name: 'Informācija ES fonda projekta uzraudzībai' });
  await questions.getByText(/Regula \(ES\) 2021\/1057|regula \(ES\) 2021\/1057/).waitFor();
  await questions.getByRole('group', { name: 'Dzimums' }).getByLabel('Vīrietis').check();
  await questions.getByRole('group', { name: 'Nodarbinātības statuss' }).getByLabel('Nodarbināts', { exact: true }).check();
  await questions.getByRole('group', { name: 'Augstākais iegūtais izglītības līmenis' }).getByLabel('Augstākā izglītība (ISCED 5–8)').check();
  await questions.getByRole('group', { name: 'Vai dzīvojat lauku teritorijā?' }).getByLabel('Nevēlos norādīt').check();
  expect(await questions.getByRole('group', { name: /^Vecums/ }).count()).toBe(0);
  expect(await seriousViolations(page, 'course page, EU project questions')).toEqual([]);

  // Without consent the registration does not go: the checkbox says why.
  const confirm = panel.getByRole('button', { name: 'Apstiprināt reģistrāciju' });
  await confirm.click();
  const consent = questions.getByRole('checkbox', { name: /^Piekrītu, ka šīs atbildes/ });
  await questions.getByText('Lai pieteiktos ES fonda projekta grupai, nepieciešama Jūsu piekrišana.').waitFor();
  expect(await consent.getAttribute('aria-invalid')).toBe('true');
  expect(await consent.getAttribute('aria-describedby')).toBeTruthy();

  await consent.check();
  await confirm.click();
  await card.getByRole('status').getByText('Pieteikums saņemts: Jums ir vieta šajā grupā.').waitFor();
  const { myRegistrations } = await graphqlFrom<{
    myRegistrations: { group: { id: string }; indicatorDataMissing: boolean; indicatorData: Record<string, string | boolean | null> | null }[];
  }>(page, '{ myRegistrations { group { id } indicatorDataMissing indicatorData { gender ageBand employmentStatus educationLevel rural disability } } }');
  expect(myRegistrations.find((r) => r.group.id === group.id)).toEqual({
    group: { id: group.id },
    indicatorDataMissing: false,
    indicatorData: { gender: 'MALE', ageBand: 'UNDER_30', employmentStatus: 'EMPLOYED', educationLevel: 'ISCED_5_8', rural: null, disability: null },
  });
});

test('a coordinator’s registration keeps no answers: "Manas mācības" asks the person for them, once', async () => {
  // Andris Ozols, an employee of VID, signs in first (his id), then his coordinator Anna Bērziņa registers him.
  await signInAsDemoPerson(page, server.url, 'Andris Ozols');
  const { me } = await graphqlFrom<{ me: { person: { id: string } } }>(page, '{ me { person { id } } }');
  const coordinatorContext = await page.context().browser()!.newContext({ locale: 'lv-LV' });
  try {
    const coordinator = await coordinatorContext.newPage();
    await signInAsDemoPerson(coordinator, server.url, 'Anna Bērziņa');
    const { me: anna, courses } = await graphqlFrom<{
      me: { coordinatedInstitutions: { id: string }[] };
      courses: { items: { openGroups: { id: string; code: string }[] }[] };
    }>(coordinator, `{ me { coordinatedInstitutions { id } } courses(perPage: 100, filter: { hasDate: true }) { items { openGroups { id code } } } }`);
    const group = courses.items.flatMap((c) => c.openGroups).find((g) => g.code === GROUP)!;
    await graphqlFrom(coordinator, `mutation ($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id } }`, {
      input: { groupId: group.id, institutionId: anna.coordinatedInstitutions[0].id, personIds: [me.person.id] },
    });
  } finally {
    await coordinatorContext.close();
  }

  await page.goto(`${server.url}/manas-macibas`);
  const prompt = page.getByRole('region', { name: 'Lūdzam sniegt informāciju ES fonda projekta uzraudzībai' });
  await prompt.getByText(`Jūs pieteica grupai ${GROUP}, kas ir daļa no ES fonda projekta.`).waitFor();
  await prompt.getByRole('button', { name: 'Atbildēt' }).click();
  const questions = prompt.getByRole('group', { name: 'Informācija ES fonda projekta uzraudzībai' });
  await questions.getByRole('group', { name: 'Nodarbinātības statuss' }).getByLabel('Nodarbināts', { exact: true }).check();
  await questions.getByRole('checkbox', { name: /^Piekrītu, ka šīs atbildes/ }).check();
  expect(await seriousViolations(page, 'Manas mācības, EU project questions')).toEqual([]);
  await prompt.getByRole('button', { name: 'Saglabāt atbildes' }).click();
  await prompt.waitFor({ state: 'detached' });
  const { myRegistrations } = await graphqlFrom<{
    myRegistrations: { group: { code: string }; indicatorDataMissing: boolean; indicatorData: { employmentStatus: string } | null }[];
  }>(page, '{ myRegistrations { group { code } indicatorDataMissing indicatorData { employmentStatus } } }');
  expect(myRegistrations.filter((r) => r.group.code === GROUP)).toEqual([
    { group: { code: GROUP }, indicatorDataMissing: false, indicatorData: { employmentStatus: 'EMPLOYED' } },
  ]);
});
