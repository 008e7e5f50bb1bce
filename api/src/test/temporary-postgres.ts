import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from './harness.js';

export interface RealPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A server of this test's own, which it may also take down and bring back on the same port and data. */
export interface OwnPostgres extends RealPostgres {
  /** Fast shutdown (sessions are ended with 57P01, as `pg_ctl stop -m fast` does); resolves once it has exited. */
  halt(): Promise<void>;
  /** Starts it again after halt(); resolves once it takes connections. */
  resume(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * A real PostgreSQL server for tests that need one (LISTEN/NOTIFY between instances, concurrent
 * transactions): a fresh database on DATABASE_URL's server when it is set; otherwise a throwaway
 * cluster of the PostgreSQL installed here (Debian's /usr/lib/postgresql/<version>/bin); null when
 * there is neither.
 */
export async function realPostgresUrl(): Promise<RealPostgres | null> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    return { url: database.url, stop: () => database.drop() };
  }
  const bin = installedPostgresBin();
  return bin ? startCluster(bin) : null;
}

/** A throwaway cluster of the PostgreSQL installed here, also when DATABASE_URL names a server; null without one. */
export async function ownPostgres(): Promise<OwnPostgres | null> {
  const bin = installedPostgresBin();
  return bin ? startCluster(bin) : null;
}

/** Whether ownPostgres() will find the binaries, known when tests are declared. */
export function ownPostgresAvailable(): boolean {
  return installedPostgresBin() !== null;
}

/**
 * Whether realPostgresUrl() will find a server, known when tests are declared: a test that needs
 * one is declared skipped, with the reason in its name, when it will not.
 */
export function realPostgresAvailable(): boolean {
  return !!process.env.DATABASE_URL || installedPostgresBin() !== null;
}

/** Appended to the name of a test that needs a real PostgreSQL, so a skipped run says why. */
export const REAL_POSTGRES_SKIP_REASON = 'SKIPPED: no real PostgreSQL here (set DATABASE_URL, or install PostgreSQL under /usr/lib/postgresql)';

/** The bin directory of the newest installed PostgreSQL that has initdb and postgres. */
function installedPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin/initdb')) && fs.existsSync(path.join(root, v, 'bin/postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to the postgres user and runs as it. */
function runAs(dir: string): Pick<SpawnOptions, 'uid' | 'gid'> {
  if (process.getuid?.() !== 0) return {};
  const entry = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) throw new Error('Running as root, and there is no postgres user to run PostgreSQL as');
  const [uid, gid] = [Number(entry[2]), Number(entry[3])];
  fs.chownSync(dir, uid, gid);
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${stderr}`))));
  });
}

async function startCluster(bin: string): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-pg-'));
  const data = path.join(dir, 'data');
  let server: ChildProcess | null = null;
  let log = '';
  const exited = () =>
    new Promise<void>((resolve) => (server && server.exitCode === null && server.signalCode === null ? server.once('exit', () => resolve()) : resolve()));
  const halt = async () => {
    if (!server) return;
    const stopped = exited();
    server.kill('SIGINT'); // fast shutdown: ends sessions, no waiting for clients to leave
    await stopped;
    server = null;
  };
  const stop = async () => {
    await halt();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const user = { ...runAs(dir), cwd: dir };
    await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], user);
    const port = await freePort();
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const resume = async () => {
      if (server) return;
      const started = spawn(
        path.join(bin, 'postgres'),
        [
          '-D',
          data,
          '-p',
          String(port),
          '-k',
          dir,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
        ],
        { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      server = started;
      started.stderr!.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
      await untilAccepting(url, started, () => log);
    };
    await resume();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE DATABASE mps_test');
    await admin.end();
    return { url: `postgresql://postgres@127.0.0.1:${port}/mps_test`, stop, halt, resume };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls until the server takes a connection; fails at once when it exited, and after READY_TIMEOUT_MS. */
async function untilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${READY_TIMEOUT_MS} ms: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
