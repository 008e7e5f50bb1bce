import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './config.js';
import { socketUrl } from './db/embedded-postgres.js';
import { startProductServer, startedDataFolder } from './test/browser.js';
import { mountTmpfs, type Tmpfs } from './test/tmpfs.js';

const CATALOG = JSON.stringify({ query: '{ courses(perPage: 50) { total items { openGroups { sessions { lecturer { name } } } } } }' });
const ask = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: CATALOG });

/** One request on a connection of its own, written at once: really in flight, not queued in a client pool. */
function askOnOwnConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(CATALOG);
  });
}

/**
 * The drain tests need every one of their 20 requests taken on: with the shipped line (4 at once, 3 s
 * of waiting) the rest would be answered 503 SERVICE_BUSY instead, as http/admission.test.ts shows.
 */
const TAKE_ALL_ON = { MPS_LIMIT_CONCURRENT_REQUESTS: '20', MPS_LIMIT_QUEUE_WAIT_MS: '60000' };

test('npm start: migrates, loads demo data once, finishes requests in flight on SIGTERM, and starts again on the same data', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-main-'));
  try {
    const first = await startProductServer(TAKE_ALL_ON, { dataDir });
    expect(first.output()).toContain('Loaded demo data');
    const health = await (await fetch(`${first.url}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'ok', jobs: 'ok', liveUpdates: 'ok', mail: 'ok', requests: { running: 0, queued: 0, refused: 0 } });

    // Once the server is answering the batch, the rest of it is in flight: every request gets its answer.
    const inFlight = Array.from({ length: 20 }, () => askOnOwnConnection(first.url).catch((error) => `failed: ${error}`));
    await Promise.race(inFlight);
    const [exitCode, ...statuses] = await Promise.all([first.stop(), ...inFlight]);
    expect({ exitCode, output: first.output() }).toEqual({ exitCode: 0, output: expect.stringContaining('SIGTERM') });
    expect(statuses).toEqual(Array(20).fill(200));
    expect(fs.existsSync(path.join(dataDir, 'mps.lock'))).toBe(false);

    const second = await startProductServer({}, { dataDir });
    expect(second.output()).not.toContain('Loaded demo data');
    expect(second.output()).not.toContain('Applied');
    const data = (await (await ask(second.url)).json()) as { data: { courses: { total: number } } };
    expect(data.data.courses.total).toBeGreaterThanOrEqual(40);
    expect(await second.stop()).toBe(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** One request over `agent`: its status, and whether it went over a connection kept alive from before. */
function askKeptAlive(url: string, agent: http.Agent): { written: Promise<void>; answer: Promise<{ status: number | string; reused: boolean }> } {
  let written!: () => void;
  const sent = new Promise<void>((resolve) => (written = resolve));
  const answer = new Promise<{ status: number | string; reused: boolean }>((resolve) => {
    const request = http.request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? String(error), reused: request.reusedSocket }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? String(error), reused: request.reusedSocket }));
    request.on('finish', written);
    request.end(CATALOG);
  });
  return { written: sent, answer };
}

/** Longer than the 10 s the drain used to give: requests that slow were cut with ECONNRESET. */
const SLOW_MS = 12_000;

/** One round: 20 requests in flight over kept-alive connections, SIGTERM, the requests held longer than the old drain. */
async function drainRound(round: number): Promise<void> {
  const dataDir = await startedDataFolder();
  const server = await startProductServer(TAKE_ALL_ON, { dataDir });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
  const holder = new pg.Client({ connectionString: socketUrl(path.join(dataDir, 'run')) });
  try {
    // Twenty connections, kept alive by the server for the next requests.
    const warm = await Promise.all(Array.from({ length: 20 }, () => askKeptAlive(server.url, agent).answer));
    expect(warm.map((w) => w.status)).toEqual(Array(20).fill(200));

    // A transaction of the test holds the one embedded backend: every request waits for it, as behind a slow query.
    await holder.connect();
    await holder.query('BEGIN');
    const requests = Array.from({ length: 20 }, () => askKeptAlive(server.url, agent));
    await Promise.all(requests.map((r) => r.written));
    const stopped = server.stop();
    // Deliberately a fixed time: the requests must stay in flight longer than the drain used to wait.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    await holder.query('COMMIT');
    await holder.end();

    const [exitCode, ...answers] = await Promise.all([stopped, ...requests.map((r) => r.answer)]);
    expect({ round, answers }).toEqual({ round, answers: Array(20).fill({ status: 200, reused: true }) });
    expect(exitCode).toBe(0);
  } finally {
    await holder.end().catch(() => {});
    agent.destroy();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test('SIGTERM: 20 slow requests in flight over kept-alive connections all get their answer, round after round', async () => {
  // One after another: after the hold, the drain has 13 s left for the twenty answers, which three
  // servers at once on a small machine may not get.
  for (const round of [1, 2, 3]) await drainRound(round);
}, 300_000);

test('a bad setting stops the start with the variable named, not a stack trace', async () => {
  await expect(startProductServer({ PORT: 'eighty' })).rejects.toThrow(/MPS could not start: Invalid configuration:\s+- PORT must be a whole number/);
});

interface FailedStart {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built product (as `npm start` does) until it ends by itself, as a start that fails does. */
function startUntilExit(
  env: Record<string, string>,
  user?: { uid: number; gid: number },
  signal?: { when: RegExp; send: NodeJS.Signals },
): Promise<FailedStart> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', ...env };
  delete childEnv.DATABASE_URL;
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'api/dist/main.js')], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (signal && !signalled && signal.when.test(stdout)) {
      signalled = true;
      child.kill(signal.send);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Still running after 60 s:\n${stdout}${stderr}`));
    }, 60_000);
    // 'close', not 'exit': the process may have ended before the last of what it wrote was read.
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

test('SIGTERM while starting lets the start finish, then stops cleanly', async () => {
  const dataDir = await startedDataFolder();
  try {
    // The first line comes while the database is being opened: the signal arrives in the middle of the start.
    const start = await startUntilExit({ MPS_DATA_DIR: dataDir }, undefined, { when: /Embedded PostgreSQL/, send: 'SIGTERM' });
    expect({ code: start.code, stderr: start.stderr }).toEqual({ code: 0, stderr: '' });
    expect(start.stdout).toContain('SIGTERM: finishing requests in flight, then stopping');
    expect(start.stdout).not.toContain('MPS is running');
    expect(fs.existsSync(path.join(dataDir, 'mps.lock'))).toBe(false);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a busy port stops the start at once with one line, before the database is opened', async () => {
  const occupant = net.createServer();
  await new Promise<void>((resolve) => occupant.listen(0, '127.0.0.1', resolve));
  const { port } = occupant.address() as net.AddressInfo;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-port-'));
  try {
    const start = await startUntilExit({ PORT: String(port), MPS_DATA_DIR: dataDir });
    expect(start).toEqual({
      code: 1,
      stdout: '',
      stderr: `MPS could not start: Port ${port} is already in use (127.0.0.1:${port}). Stop the program using it or choose another port: PORT=4100 npm start\n`,
      ms: expect.any(Number),
    });
    // No migrations or demo data first: the embedded database was never opened.
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(start.ms).toBeLessThan(10_000);
  } finally {
    occupant.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a data folder that cannot be used stops the start with one line naming it and the cause', async () => {
  const root = process.getuid?.() === 0;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-folder-'));
  const mounts: Tmpfs[] = [];
  try {
    const file = path.join(scratch, 'data.txt');
    fs.writeFileSync(file, 'not a folder');
    const locked = path.join(scratch, 'locked');
    fs.mkdirSync(locked);
    // Root may write anywhere: the folder is refused to another user ("nobody") running MPS instead.
    fs.chmodSync(locked, root ? 0o755 : 0o555);
    const nobody = root ? { uid: 65534, gid: 65534 } : undefined;

    const cases: { dir: string; cause: RegExp; user?: { uid: number; gid: number } }[] = [
      { dir: file, cause: /it is a file, not a folder \((ENOTDIR|EEXIST)\)/ },
      { dir: locked, cause: /the user running MPS \(\w+\) may not write in it \(EACCES\)/, user: nobody },
    ];
    // Mounting needs root (as CI runs the tests): a read-only file system, a disk too small for a new
    // database, and one that holds it but would leave less than the reserve for saving.
    if (root) {
      const readOnly = mountTmpfs({ size: '1m', readOnly: true });
      const small = mountTmpfs({ size: '200k' });
      const tight = mountTmpfs({ size: '70m' });
      mounts.push(readOnly, small, tight);
      cases.push(
        { dir: readOnly.dir, cause: /it is on a read-only file system \(EROFS\)/ },
        { dir: small.dir, cause: /its disk is full \(ENOSPC\)/ },
        { dir: tight.dir, cause: /its disk has \d+ MB free once the new database is made, and saving needs 48 MB to spare \(ENOSPC\)/ },
      );
    }

    // Each case is a process of its own: all at once.
    const starts = await Promise.all(cases.map(({ dir, user }) => startUntilExit({ MPS_DATA_DIR: dir }, user)));
    cases.forEach(({ dir, cause }, i) => {
      const start = starts[i];
      expect({ code: start.code, stderr: start.stderr }).toEqual({
        code: 1,
        stderr: expect.stringMatching(/^MPS could not start: The data folder \S+ cannot be used: .+ MPS_DATA_DIR=\/some\/other\/folder npm start\n$/),
      });
      expect(start.stderr).toContain(`The data folder ${dir} cannot be used`);
      expect(start.stderr).toMatch(cause);
    });
    // A first start short of room left nothing half-made behind that a later start would call damaged.
    for (const disk of mounts.slice(1)) expect(fs.readdirSync(disk.dir)).toEqual([]);
  } finally {
    for (const mount of mounts) mount.remove();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}, 180_000);
