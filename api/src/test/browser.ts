import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../config.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
 * Starts the built system exactly as `npm start` does (node api/dist/main.js, embedded PGlite, demo
 * data) in a fresh data folder on a free port. DATABASE_URL of this process is removed on purpose:
 * this is the newcomer's path, also in CI. A test that wants a server of its own passes it in `env`.
 */
export async function startProductServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<ProductServer> {
  const main = path.join(repoRoot, 'api/dist/main.js');
  if (!fs.existsSync(main)) throw new Error('api/dist/main.js is missing: run "npm run build" first (npm test does it).');
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mps-e2e-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', MPS_DATA_DIR: dataDir, NODE_ENV: 'development', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [main], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
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
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => output,
    exited: () => (child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode ? `signal ${child.signalCode}` : null),
    kill: () => void child.kill('SIGKILL'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      const code = child.exitCode;
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
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
}
