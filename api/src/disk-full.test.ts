import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { socketUrl } from './db/embedded-postgres.js';
import { SESSION_COOKIE } from './http/cookies.js';
import { startProductServer, startedDataFolder, type ProductServer } from './test/browser.js';
import { mountTmpfs, testWithMount } from './test/tmpfs.js';

/**
 * Issue 15.4: the disk of the embedded database fills while it serves. Saving fails with
 * STORAGE_FULL, reading goes on, and once there is room saving works again, without a restart.
 * The data folder is a small file system of its own (tmpfs), filled by another file as a log would.
 */

const CATALOG = JSON.stringify({ query: '{ courses(perPage: 5) { total items { id code } } }' });
const MOVE_SESSION = `mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id startsAt } }`;

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Writes into `file` until the file system has no byte left. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

testWithMount(
  'a full disk refuses saving with STORAGE_FULL, reading goes on, and saving works again once there is room',
  async () => {
    // Room for the database with its demo data and the reserve the server keeps free.
    const disk = mountTmpfs({ size: '256m' });
    const dataDir = disk.dir;
    let server: ProductServer | null = null;
    const database = new pg.Client({ connectionString: socketUrl(path.join(dataDir, 'run')) });
    try {
      server = await startProductServer({}, { dataDir: await startedDataFolder(dataDir) });
      const url = server.url;
      await database.connect();
      // A staff member's session, as a sign-in would leave it, last seen a while ago: its next request refreshes it.
      const token = randomBytes(32).toString('base64url');
      await database.query(
        `INSERT INTO auth_session (token_hash, person_id, provider, last_seen_at, expires_at)
       SELECT $1, person_id, 'test', now() - interval '5 minutes', now() + interval '1 day' FROM person_role WHERE role = 'STAFF' LIMIT 1`,
        [createHash('sha256').update(token).digest('base64url')],
      );
      const cookie = `${SESSION_COOKIE}=${token}`;
      const {
        rows: [session],
      } = await database.query<{ id: string; startsAt: Date; endsAt: Date }>(
        `SELECT id, starts_at AS "startsAt", ends_at AS "endsAt" FROM session WHERE starts_at > now() + interval '3 days' ORDER BY starts_at LIMIT 1`,
      );
      await database.end();

      let moves = 0;
      const move = async (): Promise<Answer> => {
        moves += 1;
        const shift = moves * 15 * 60_000;
        const input = { startsAt: new Date(session.startsAt.getTime() + shift), endsAt: new Date(session.endsAt.getTime() + shift), overrideConflicts: true };
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: MOVE_SESSION, variables: { id: session.id, input } }),
        });
        return (await response.json()) as Answer;
      };
      const read = async (headers: Record<string, string> = {}): Promise<Answer> =>
        (
          await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: CATALOG })
        ).json() as Promise<Answer>;
      const me = async (): Promise<Answer> =>
        (
          await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ query: '{ me { roles } }' }),
          })
        ).json() as Promise<Answer>;

      const filler = path.join(dataDir, 'filler.log');
      fillDisk(filler);
      expect(fs.statfsSync(dataDir).bavail).toBe(0);

      // Signed in, reading: the session cannot be refreshed on a full disk, and that stops nobody.
      expect(await me()).toEqual({ data: { me: { roles: expect.arrayContaining(['STAFF']) } } });

      const refused = await move();
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'STORAGE_FULL' }) })]);
      expect(refused.errors![0].message).not.toContain(dataDir);
      const catalog = await read({ cookie });
      expect(catalog.errors).toBeUndefined();
      expect(catalog.data).toEqual({ courses: expect.objectContaining({ total: expect.any(Number) }) });
      expect(server.output()).toMatch(
        /The disk of the embedded database is almost full \(\d+ MB free in .+\): saving is refused until 48 MB are free; reading goes on/,
      );
      // Still refused, still reading: the server did not wedge on the first refusal.
      expect((await move()).errors?.[0].extensions?.code).toBe('STORAGE_FULL');
      expect((await read()).errors).toBeUndefined();

      fs.rmSync(filler);
      const saved = await move();
      expect(saved.errors).toBeUndefined();
      expect(saved.data).toEqual({ updateSession: expect.objectContaining({ id: session.id }) });
      expect(server.output()).toContain('The disk of the embedded database has room again');
      expect(server.exited()).toBeNull();
      expect(await server.stop()).toBe(0);
    } finally {
      await database.end().catch(() => {});
      await server?.stop();
      disk.remove();
    }
  },
  120_000,
);

/** How the process ended, once it has (polled), or null if it still runs after `ms`. */
async function exitWithin(server: ProductServer, ms: number): Promise<string | null> {
  const deadline = Date.now() + ms;
  while (server.exited() === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return server.exited();
}

testWithMount(
  'a WAL file that cannot be made stops the process at once with one line, and with room again it starts on its data',
  async () => {
    const disk = mountTmpfs({ size: '256m' });
    const dataDir = disk.dir;
    const url = socketUrl(path.join(dataDir, 'run'));
    let server: ProductServer | null = null;
    const database = new pg.Client({ connectionString: url });
    database.on('error', () => {}); // the server goes away under it
    try {
      server = await startProductServer({}, { dataDir: await startedDataFolder(dataDir) });
      await database.connect();
      await database.query(`CREATE TABLE kept (v text); INSERT INTO kept VALUES ('saglabāts')`);

      // A transaction under way when another program takes the last byte of the disk, and its WAL
      // segment runs out (pg_switch_wal: at once, not after 16 MB): the storage guard, which acts
      // between transactions, is too late for it.
      await database.query('BEGIN');
      await database.query(`INSERT INTO kept VALUES ('pazudis')`);
      const filler = path.join(dataDir, 'filler.log');
      fillDisk(filler);
      await database.query('SELECT pg_switch_wal()');
      const commit = await database.query('COMMIT').catch((error: unknown) => error);
      expect(commit).toMatchObject({ code: '53100', severity: 'PANIC', message: expect.stringContaining('pg_wal/') });

      expect(await exitWithin(server, 20_000)).toBe('exit code 1');
      const stopLines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('PANIC'));
      expect(stopLines).toEqual([
        expect.stringMatching(
          /^The embedded database in \S+ stopped \(PANIC: could not write to file "pg_wal\/xlogtemp\.\d+": No space left on device\) and cannot go on in this process\. If its disk is full, make room, then start MPS again$/,
        ),
      ]);

      fs.rmSync(filler);
      server = await startProductServer({}, { dataDir });
      const after = new pg.Client({ connectionString: url });
      await after.connect();
      expect((await after.query('SELECT v FROM kept')).rows).toEqual([{ v: 'saglabāts' }]);
      await after.end();
      expect(await server.stop()).toBe(0);
    } finally {
      await database.end().catch(() => {});
      if (server?.exited() === null) server.kill();
      await server?.stop();
      disk.remove();
    }
  },
  120_000,
);
