import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphqlFrom, launchBrowser, signInToConsole, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/**
 * The demand for courses in the console, in real Chromium against the built system: two people ask
 * to be told of the next group of a course without one; staff find the course under "Pieprasījums",
 * open it, see the people with their addresses, and get an e-mail link to all of them and a CSV.
 */

const WAIT = 20_000;
const STAFF = 'Jānis Kalniņš';
const ASKING = ['Mārtiņš Zariņš', 'Anna Bērziņa'];

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

/** A fresh browser profile signed in as `person` through the development identity provider. */
async function signIn(person: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Riga', locale: 'lv-LV', viewport: { width: 1500, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signInToConsole(page, server.url, person);
  return page;
}

/** A GraphQL request from the page, with its session cookie. */
test('staff see the demand for a course and can write to, or export, the people who asked', async () => {
  const first = await signIn(ASKING[0]);
  const { courses } = await graphqlFrom<{ courses: { items: { id: string; code: string; title: string }[] } }>(
    first,
    `
      {
        courses(filter: { hasDate: false }, perPage: 1, sort: { field: CODE }) {
          items {
            id
            code
            title
          }
        }
      }
    `,
  );
  const [course] = courses.items;
  expect(course).toBeDefined();
  const emails: string[] = [];
  for (const [index, person] of ASKING.entries()) {
    const page = index === 0 ? first : await signIn(person);
    await graphqlFrom(
      page,
      `
        mutation ($id: ID!) {
          requestNextGroup(courseId: $id) {
            id
          }
        }
      `,
      { id: course.id },
    );
    emails.push(
      (
        await graphqlFrom<{ me: { person: { email: string } } }>(
          page,
          `
            {
              me {
                person {
                  email
                }
              }
            }
          `,
        )
      ).me.person.email,
    );
  }

  const page = await signIn(STAFF);
  await page.getByRole('menuitem', { name: 'Pieprasījums' }).click();
  const row = page.getByRole('row').filter({ hasText: course.title });
  await row.waitFor();
  await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('2');

  await row.click();
  await page.getByText('Gaida nākamo grupu: 2').waitFor();
  for (const [index, person] of ASKING.entries()) {
    const personRow = page.getByRole('row').filter({ hasText: person });
    await expect(personRow.getByRole('link', { name: emails[index] }).getAttribute('href')).resolves.toBe(`mailto:${emails[index]}`);
  }

  const mailAll = page.getByRole('link', { name: 'Rakstīt visiem (BCC)' });
  expect(await mailAll.getAttribute('aria-disabled')).toBeNull();
  const href = new URL((await mailAll.getAttribute('href'))!);
  expect(href.protocol).toBe('mailto:');
  expect(href.searchParams.get('bcc')!.split(',').sort()).toEqual([...emails].sort());
  expect(href.searchParams.get('subject')).toBe(`Par kursu „${course.title}”`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportēt CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${course.code}-pieteikumi.csv`);
  const lines = fs
    .readFileSync((await download.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('"Vārds, uzvārds","E-pasta adrese","Pieteicās"');
  expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(ASKING.map((person) => `"${person}"`));
  expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(emails.map((email) => `"${email}"`));
}, 120_000);
