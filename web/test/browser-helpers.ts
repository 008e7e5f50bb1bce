import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, startProductServer, type ProductServer } from '../../api/src/test/browser.js';

/** The data of a GraphQL request made by the page; errors fail the test. */
export { graphqlFrom } from '../../api/src/test/browser.js';

export interface OpenedPortal {
  server: ProductServer;
  context: BrowserContext;
  page: Page;
}

/**
 * The built system, started once for a test file, and a fresh browser context for every test:
 * no cookies or stored language, so each test starts anonymous and in Latvian. `use` receives them
 * before each test. A clean exit of the server on SIGTERM is part of what is tested.
 */
export function eachTestInChromium(use: (opened: OpenedPortal) => void): void {
  let server: ProductServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    server = await startProductServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  }, 120_000);

  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'lv-LV' });
    use({ server: server!, context, page: await context.newPage() });
  });

  afterEach(async () => {
    await context?.close();
  });
}

/** Serious or critical WCAG 2.1 A/AA violations of the page as it is now; each is logged with its nodes. */
export const seriousViolations = (page: Page, where: string): Promise<string[]> => accessibilityViolations(page, where, { seriousOnly: true });

/** The development identity provider's answer to the portal: the form it posts to /auth/wsfed. */
export async function signInAsDemoPerson(page: Page, baseUrl: string, name: string, path = '/profils'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page
    .locator('header')
    .getByRole('link', { name: /^(Pieslēgties|Sign in)$/ })
    .click();
  await page.waitForURL((url) => url.pathname === '/auth/dev-idp');
  await page.locator(`button[data-person="${name}"]`).click();
  await page.waitForURL((url) => url.pathname === path);
  await page.getByTestId('signed-in-name').getByText(name).waitFor();
}
