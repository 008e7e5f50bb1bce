import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGliteServer } from './pglite-server.js';

/** A failure the person starting the system can act on; main prints only the message. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
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
 * Embedded PostgreSQL: PGlite in `dataDir` (or in memory when null), served on a loopback port so
 * that every part of the system speaks ordinary `pg`.
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
  const port = await server.listen('127.0.0.1', 0);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async stop() {
      await server.close();
      await db.close();
      releaseLock();
    },
  };
}
