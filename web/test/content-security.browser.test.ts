import type { BrowserContext, Page } from 'playwright-core';
import type { ProductServer } from '../../api/src/test/browser.js';
import { eachTestInChromium, signInAsDemoPerson } from './browser-helpers.js';

/**
 * Issue 14 (4): the portal, the console and the sign-in pages work under the Content-Security-Policy
 * the api sends (no inline scripts but the sign-in form's nonce'd one), and Chromium reports no
 * violation on the way: not on loading, not while signing in, not over the live WebSocket.
 */

let server: ProductServer;
let context: BrowserContext;
let page: Page;

eachTestInChromium((opened) => ({ server, context, page } = opened));

/** Every CSP violation any page of the context reports, as "directive: blocked URI". */
async function recordViolations(): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.effectiveDirective}: ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the portal and the console run under the CSP, signing in included, with no violation', async () => {
  const violations = await recordViolations();
  const response = await page.goto(`${server.url}/katalogs`);
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-eval'");
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // The sign-in goes through the development identity provider's auto-posting page (the nonce'd
  // script); Manas mācības then opens the live updates' WebSocket under connect-src.
  await signInAsDemoPerson(page, server.url, 'Līga Kalniņa');
  const socket = page.waitForEvent('websocket', (ws) => ws.url().endsWith('/graphql'));
  await page.getByRole('navigation').getByRole('link', { name: 'Manas mācības' }).click();
  await page.getByTestId('my-training-upcoming').waitFor();
  expect((await socket).isClosed()).toBe(false);

  await page.goto(`${server.url}/admin/`);
  await page.locator('#main-content, main').first().waitFor();
  expect(violations).toEqual([]);
});

test('an inline script that is not the server’s own is blocked', async () => {
  const violations = await recordViolations();
  await page.goto(`${server.url}/`);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.appendChild(script);
  });
  await page.waitForFunction(() => document.readyState === 'complete');
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected ?? false)).toBe(false);
  // The report comes as an event; the page is idle by now, so it is there or on its way.
  const deadline = Date.now() + 5000;
  while (violations.length === 0 && Date.now() < deadline) await page.waitForTimeout(20);
  expect(violations.some((v) => /^script-src(-elem)?: inline$/.test(v))).toBe(true);
});
