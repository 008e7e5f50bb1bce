import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../config.js';
import { productDataFolder } from './run-folder.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the tests' environment (scripts/jest-environment.cjs) looks when a test fails. */
interface Diagnostics {
  browsers: Browser[];
  servers: ProductServer[];
}
const diagnostics = (globalThis as { __mpsDiagnostics?: Diagnostics }).__mpsDiagnostics;

export interface ProductServer {
  url: string;
  dataDir: string;
  output(): string;
  /** Null while the process runs; then how it ended (exit code or signal). */
  exited(): string | null;
  /** SIGTERM, then the exit code once the process has ended. */
  stop(): Promise<number | null>;
  /** SIGKILL: for a process that may no longer handle signals. */
  kill(): void;
}

/**
 * A data folder as `npm start` leaves it after its first start (migrated, demo data loaded): a copy
 * of the one made once per test run (run-folder.ts) in `into` (an empty folder) or a fresh one;
 * outside a run the folder stays empty.
 */
export async function startedDataFolder(into?: string): Promise<string> {
  const dataDir = into ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mps-e2e-'));
  const snapshot = await productDataFolder((folder) => startProductServer({}, { dataDir: folder }));
  if (snapshot) fs.cpSync(snapshot, dataDir, { recursive: true });
  return dataDir;
}

/**
 * Starts the built system exactly as `npm start` does (node api/dist/main.js, embedded PGlite, demo
 * data) on a free port. DATABASE_URL of this process is removed on purpose: this is the newcomer's
 * path, also in CI. A test that wants a server of its own passes it in `env`. Without `dataDir` and
 * `env` it starts in a copy of the run's started data folder (the first start, tested in main.test.ts,
 * takes seconds more); with `env` in an empty folder.
 */
export async function startProductServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<ProductServer> {
  const main = path.join(repoRoot, 'api/dist/main.js');
  if (!fs.existsSync(main)) throw new Error('api/dist/main.js is missing: run "npm run build" first (npm test does it).');
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (Object.keys(env).length === 0 ? await startedDataFolder() : fs.mkdtempSync(path.join(os.tmpdir(), 'mps-e2e-')));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', MPS_DATA_DIR: dataDir, NODE_ENV: 'development', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [main], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = new Promise((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /portal (http:\/\/\S+?)\/\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // 'close', not 'exit': the process may have ended before the last of what it wrote was read.
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const server: ProductServer = {
    url,
    dataDir,
    output: () => output,
    exited: () => (child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode ? `signal ${child.signalCode}` : null),
    kill: () => void child.kill('SIGKILL'),
    async stop() {
      // Stopped on purpose: no longer part of what a failure is explained by.
      if (diagnostics) diagnostics.servers = diagnostics.servers.filter((running) => running !== server);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await closed;
      const code = child.exitCode;
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
  diagnostics?.servers.push(server);
  return server;
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  diagnostics?.browsers.push(browser);
  return browser;
}

/** A GraphQL answer as it came, errors included (`data` is typed for the tests that expect it). */
export interface GraphQLAnswer<T> {
  data: T;
  errors?: { message: string; extensions: { code?: string } & Record<string, unknown> }[];
}

/** A GraphQL request made by the page itself (its session cookie, its language): the answer as it came. */
export function graphqlAnswer<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  return page.evaluate(async (body) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return (await response.json()) as GraphQLAnswer<any>;
  }, JSON.stringify({ query, variables }));
}

/** The data of a GraphQL request made by the page; errors fail the test. */
export async function graphqlFrom<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await graphqlAnswer<T>(page, query, variables);
  if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

/** Signs the page in to the console (at `path`) as a demo person, through the development identity provider. */
export async function signInToConsole(page: Page, serverUrl: string, person: string, path = '/admin/'): Promise<void> {
  await page.goto(serverUrl + path);
  await page.waitForURL(/\/auth\/dev/);
  await page.click(`button[data-person="${person}"]`);
  await page.waitForURL((url) => url.pathname.startsWith('/admin'));
}

/** The WCAG levels every page is held to. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityCheck {
  /** Only this part of the page (a CSS selector). */
  include?: string;
  /** Leave this out (a CSS selector). */
  exclude?: string;
  /** Count only serious and critical violations (the default: every impact). */
  seriousOnly?: boolean;
}

/**
 * The WCAG 2.1 A/AA violations of the page as it is now, as "<where>: <rule id>", each logged with
 * its nodes. axe runs inside the page (legacy mode): the default finishes every check in a blank
 * page of its own, which cost 2-3 s a check; our pages have no cross-origin frames that would need it.
 */
export async function accessibilityViolations(page: Page, where: string, check: AccessibilityCheck = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_21_AA);
  if (check.include) builder = builder.include(check.include);
  if (check.exclude) builder = builder.exclude(check.exclude);
  const result = await builder.analyze();
  const counted = check.seriousOnly ? result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') : result.violations;
  for (const v of counted) {
    console.log(`${where}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n  ')}`);
  }
  return counted.map((v) => `${where}: ${v.id}`);
}
