import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StartupError } from '../startup-error.js';
import { mountTmpfs, testWithMount } from '../test/tmpfs.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { STORAGE_RESERVE_BYTES } from './storage-guard.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mps-pglite-'));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('a second start reuses the data folder', async () => {
  const dir = tempDir();
  const first = await startEmbeddedPostgres(dir);
  await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('saglabāts')`);
  await first.stop();
  const second = await startEmbeddedPostgres(dir);
  expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'saglabāts' }]);
  await second.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a folder in use by a live process is refused with what to do', async () => {
  const dir = tempDir();
  // The parent of this test process is alive for as long as the test runs.
  fs.writeFileSync(path.join(dir, 'mps.lock'), String(process.ppid));
  const attempt = startEmbeddedPostgres(dir);
  await expect(attempt).rejects.toBeInstanceOf(StartupError);
  await expect(attempt).rejects.toThrow(/in use by another MPS process.*MPS_DATA_DIR/s);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a stale lock from a dead process is taken over', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'mps.lock'), '999999999');
  const db = await startEmbeddedPostgres(dir);
  expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  await db.stop();
  expect(fs.existsSync(path.join(dir, 'mps.lock'))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a damaged data folder gives a clear message, not a stack trace', async () => {
  const dir = tempDir();
  const pgDir = path.join(dir, 'pglite');
  fs.mkdirSync(pgDir, { recursive: true });
  fs.writeFileSync(path.join(pgDir, 'PG_VERSION'), 'garbage');
  fs.mkdirSync(path.join(pgDir, 'global'));
  fs.writeFileSync(path.join(pgDir, 'global', 'pg_control'), Buffer.alloc(100, 7));
  const attempt = startEmbeddedPostgres(dir);
  await expect(attempt).rejects.toBeInstanceOf(StartupError);
  await expect(attempt).rejects.toThrow(/could not be opened.*move the folder away/s);
  expect(fs.existsSync(path.join(dir, 'mps.lock'))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the embedded database listens on a Unix socket in a folder only this user may enter, not on a TCP port', async () => {
  const dir = tempDir();
  fs.chmodSync(dir, 0o755); // the data folder itself open to all: the socket's own folder must keep others out
  const embedded = await startEmbeddedPostgres(dir);
  try {
    const socketDir = path.join(dir, 'run');
    expect(embedded.socketDir).toBe(socketDir);
    expect(new URL(embedded.url).searchParams.get('host')).toBe(socketDir);
    expect(fs.statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(await query(embedded.url, `SELECT 1 AS one`)).toEqual([{ one: 1 }]);

    // Another local user (here "nobody", when the test may act as one) is refused by the system.
    if (process.getuid?.() === 0) {
      const socketPath = path.join(socketDir, '.s.PGSQL.5432');
      const script = `require('net').connect(${JSON.stringify(socketPath)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); })`;
      const { execFileSync } = await import('node:child_process');
      const outcome = execFileSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: '/' }).trim();
      expect(outcome).toBe('EACCES');
    }
  } finally {
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without a data folder (tests) the socket is in a private temporary folder, removed at stop', async () => {
  const embedded = await startEmbeddedPostgres(null);
  expect(fs.statSync(embedded.socketDir).mode & 0o777).toBe(0o700);
  await embedded.stop();
  expect(fs.existsSync(embedded.socketDir)).toBe(false);
});

testWithMount('short of room, the embedded database refuses writes as disk_full and adds nothing to its WAL; with room again it writes', async () => {
  // A file system of its own, shrunk while the database runs to leave less room than the reserve.
  const disk = mountTmpfs({ size: '256m' });
  const dir = disk.dir;
  const lines: string[] = [];
  const embedded = await startEmbeddedPostgres(dir, { log: { info: (line) => lines.push(line), error: (line) => lines.push(line) } });
  const client = new pg.Client({ connectionString: embedded.url });
  try {
    await client.connect();
    disk.resize('64m');
    const { bavail, bsize } = fs.statfsSync(dir);
    expect(bavail * bsize).toBeLessThan(STORAGE_RESERVE_BYTES);
    const walPosition = async () => (await client.query('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0].lsn as string;
    const before = await walPosition();
    const refused = await client.query('CREATE TABLE kept (v text)').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: '53100' });
    expect((await client.query('SELECT count(*)::int AS n FROM pg_class')).rows[0].n).toBeGreaterThan(0);
    expect(await walPosition()).toBe(before);
    expect(lines).toEqual([expect.stringMatching(/almost full \(\d+ MB free in .+\): saving is refused until 48 MB are free; reading goes on/)]);

    disk.resize('256m');
    await client.query(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('saglabāts')`);
    expect((await client.query('SELECT v FROM kept')).rows).toEqual([{ v: 'saglabāts' }]);
    expect(lines[1]).toMatch(/has room again \(\d+ MB free in .+\): saving works/);
  } finally {
    await client.end();
    await embedded.stop();
    disk.remove();
  }
});
