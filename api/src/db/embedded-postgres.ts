import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGliteServer, SOCKET_PORT } from './pglite-server.js';

/** A failure the person starting the system can act on; main prints only the message. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface EmbeddedPostgres {
  url: string;
  /** The folder holding the Unix socket (only this user may enter it). */
  socketDir: string;
  stop(): Promise<void>;
}

/** Unix socket paths are limited to about 104 bytes; a deeper data folder gets its socket in a private temporary folder. */
const MAX_SOCKET_PATH = 100;

/**
 * Where the socket goes: `<dataDir>/run`, or a fresh temporary folder; either way a folder only
 * this user may enter (0700), since PGlite asks no password and would let anyone in as anyone.
 */
function privateSocketDir(dataDir: string | null): { dir: string; remove: boolean } {
  if (dataDir) {
    const dir = path.join(dataDir, 'run');
    if (path.join(dir, `.s.PGSQL.${SOCKET_PORT}`).length <= MAX_SOCKET_PATH) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.chmodSync(dir, 0o700);
      return { dir, remove: false };
    }
  }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'mps-pg-')), remove: true };
}

/** A connection string for the socket in `dir`: `pg` connects to `<host>/.s.PGSQL.<port>` when host is a path. */
export function socketUrl(dir: string): string {
  return `postgres://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(dir)}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite has no lock of its own: two processes on one folder would corrupt it. */
function takeLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'mps.lock');
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
      throw new StartupError(
        `The data folder ${dataDir} is in use by another MPS process (pid ${holder}). ` +
          `Stop that process first, or start this one with another folder: MPS_DATA_DIR=/some/other/folder npm start`,
      );
    }
    // The holder is gone (a crash or kill -9): the lock is stale.
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

/**
 * Embedded PostgreSQL: PGlite in `dataDir` (or in memory when null), served on a Unix socket in a
 * private folder, so that every part of the system speaks ordinary `pg` and nobody else can.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  let releaseLock = () => {};
  let pgDir: string | undefined;
  if (dataDir) {
    pgDir = path.join(dataDir, 'pglite');
    fs.mkdirSync(pgDir, { recursive: true });
    releaseLock = takeLock(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(pgDir ? { dataDir: pgDir } : {});
    await db.query('select 1');
  } catch (error) {
    releaseLock();
    throw new StartupError(
      `The embedded database in ${pgDir} could not be opened (${(error as Error).message}). ` +
        `It may be damaged, for example by a crash during a write. To start with fresh demo data, move the folder away ` +
        `(mv ${pgDir} ${pgDir}.broken) and start again; to keep your data, restore the folder from a backup.`,
    );
  }
  const server = new PGliteServer(db);
  const socket = privateSocketDir(dataDir);
  try {
    await server.listen(socket.dir);
  } catch (error) {
    await db.close();
    releaseLock();
    throw error;
  }
  return {
    url: socketUrl(socket.dir),
    socketDir: socket.dir,
    async stop() {
      await server.close();
      await db.close();
      if (socket.remove) fs.rmSync(socket.dir, { recursive: true, force: true });
      releaseLock();
    },
  };
}
