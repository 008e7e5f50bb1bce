// The tests' environment: jest's Node environment, plus what a failed browser test saw. When a test
// fails, every open page of the browsers the test file launched (launchBrowser in
// api/src/test/browser.ts registers them here) is described in the failure: its address and the
// text on it, and the last lines the file's product servers printed. A flake in CI is then
// explained by its own report instead of needing a rerun to look at.
const { TestEnvironment } = require('jest-environment-node');

const TEXT_LIMIT = 3000;
const OUTPUT_LIMIT = 3000;
const ASK_TIMEOUT_MS = 5000;

/** The value of `work`, or undefined when it fails or takes longer than the time given. */
async function within(work) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ASK_TIMEOUT_MS)));
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

const tail = (text, limit) => (text.length > limit ? `…${text.slice(-limit)}` : text);

class MpsEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__mpsDiagnostics = { browsers: [], servers: [] };
  }

  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure') return;
    const { browsers, servers } = this.global.__mpsDiagnostics;
    const parts = [];
    for (const browser of browsers) {
      if (!browser.isConnected()) continue;
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          if (page.isClosed()) continue;
          const text = await within(page.evaluate(() => document.body?.innerText ?? ''));
          parts.push(`page ${page.url()}\n${text === undefined ? '(the page did not answer)' : tail(text, TEXT_LIMIT)}`);
        }
      }
    }
    for (const server of servers) parts.push(`server ${server.url} printed:\n${tail(server.output(), OUTPUT_LIMIT)}`);
    if (parts.length === 0) return;
    const report = new Error(`What the browsers and servers showed when the test failed:\n\n${parts.join('\n\n')}`);
    report.stack = report.message;
    event.test.errors.push([report, report]);
  }
}

module.exports = MpsEnvironment;
