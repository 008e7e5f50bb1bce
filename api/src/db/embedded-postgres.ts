import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { processLogger } from '../common/logger.js';
import { StartupError } from '../startup-error.js';
import { PGliteServer, SOCKET_PORT } from './pglite-server.js';
import { MB, STORAGE_RESERVE_BYTES, StorageGuard, freeBytes, type StorageLog } from './storage-guard.js';

export interface EmbeddedPostgres {
  url: string;
  /** The folder holding the Unix socket (only this user may enter it). */
  socketDir: string;
  /** The whole database as a tarball, for `EmbeddedOptions.load` (tests copy one migrated database this way). */
  dump(): Promise<Blob>;
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

/** Who runs MPS, for the message: a container may run it under a user id without a name. */
function runningUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** System error codes that mean the data folder cannot be used, and what each means for the operator. */
const FOLDER_PROBLEMS: Record<string, () => string> = {
  ENOTDIR: () => 'it is a file, not a folder',
  EEXIST: () => 'it is a file, not a folder',
  EACCES: () => `the user running MPS (${runningUser()}) may not write in it`,
  EPERM: () => `the user running MPS (${runningUser()}) may not write in it`,
  EROFS: () => 'it is on a read-only file system',
  ENOSPC: () => 'its disk is full',
  EDQUOT: () => 'the disk quota of the user running MPS is used up',
};
/** The same errors as PGlite's file system reports them (Emscripten numbers them as WASI does). */
const WASM_ERRNOS: Record<number, string> = { 2: 'EACCES', 19: 'EDQUOT', 51: 'ENOSPC', 54: 'ENOTDIR', 63: 'EPERM', 69: 'EROFS' };

/** The operator's one line for an error of the data folder, or null when it is not one of those. */
function folderProblem(dataDir: string, error: unknown): StartupError | null {
  const { code, errno, name } = (error ?? {}) as { code?: string; errno?: number; name?: string };
  const key = code ?? (name === 'ErrnoError' && errno !== undefined ? WASM_ERRNOS[errno] : undefined);
  const problem = key ? FOLDER_PROBLEMS[key] : undefined;
  if (!problem) return null;
  return unusableFolder(dataDir, problem(), key!);
}

function unusableFolder(dataDir: string, problem: string, code: string): StartupError {
  return new StartupError(
    `The data folder ${dataDir} cannot be used: ${problem} (${code}). Fix that, or choose another folder: MPS_DATA_DIR=/some/other/folder npm start`,
  );
}

/** Whether PGlite has ever written to the folder: a failed first start leaves only what can go. */
function isEmptyFolder(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}

/** The folders and the lock, with a folder that cannot be used reported as such. */
function prepareDataDir(dataDir: string, pgDir: string): () => void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // Before making anything inside: on a read-only file system mkdir reports a misleading ENOENT.
    fs.accessSync(dataDir, fs.constants.W_OK);
    fs.mkdirSync(pgDir, { recursive: true });
    return takeLock(dataDir);
  } catch (error) {
    throw folderProblem(dataDir, error) ?? error;
  }
}

/**
 * Embedded PostgreSQL: PGlite in `dataDir` (or in memory when null), served on a Unix socket in a
 * private folder, so that every part of the system speaks ordinary `pg` and nobody else can.
 */
export interface EmbeddedOptions {
  /** Where the storage guard says when saving stops and resumes. */
  log?: StorageLog;
  /** PGlite answered with a PANIC and cannot be used any more, not even closed (see pglite-server.ts). */
  onPanic?: (message: string) => void;
  /** An in-memory database starts as a copy of this dump instead of empty. */
  load?: Blob;
}

export async function startEmbeddedPostgres(dataDir: string | null, options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  const { log = processLogger, onPanic, load } = options;
  let releaseLock = () => {};
  let pgDir: string | undefined;
  let firstStart = false;
  if (dataDir) {
    pgDir = path.join(dataDir, 'pglite');
    releaseLock = prepareDataDir(dataDir, pgDir);
    firstStart = isEmptyFolder(pgDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(pgDir ? { dataDir: pgDir } : load ? { loadDataDir: load } : {});
    await db.query('select 1');
  } catch (error) {
    releaseLock();
    const problem = dataDir && folderProblem(dataDir, error);
    if (problem) {
      // A first start that could not finish leaves a half-made database that the next start would call damaged.
      if (firstStart && pgDir) fs.rmSync(pgDir, { recursive: true, force: true });
      throw problem;
    }
    throw new StartupError(
      `The embedded database in ${pgDir} could not be opened (${(error as Error).message}). ` +
        `It may be damaged, for example by a crash during a write. To start with fresh demo data, move the folder away ` +
        `(mv ${pgDir} ${pgDir}.broken) and start again; to keep your data, restore the folder from a backup.`,
    );
  }
  // A new database on a disk below the reserve could not even take its tables and demo data.
  const free = dataDir && firstStart ? freeBytes(dataDir) : null;
  if (free !== null && free < STORAGE_RESERVE_BYTES) {
    await db.close();
    fs.rmSync(pgDir!, { recursive: true, force: true });
    releaseLock();
    throw unusableFolder(
      dataDir!,
      `its disk has ${Math.floor(free / MB)} MB free once the new database is made, and saving needs ${STORAGE_RESERVE_BYTES / MB} MB to spare`,
      'ENOSPC',
    );
  }
  const server = new PGliteServer(db, { storage: dataDir ? new StorageGuard(dataDir, log) : null, onPanic });
  let socket: { dir: string; remove: boolean };
  try {
    socket = privateSocketDir(dataDir);
    await server.listen(socket.dir);
  } catch (error) {
    await db.close();
    releaseLock();
    throw (dataDir && folderProblem(dataDir, error)) || error;
  }
  return {
    url: socketUrl(socket.dir),
    socketDir: socket.dir,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.close();
      await db.close();
      if (socket.remove) fs.rmSync(socket.dir, { recursive: true, force: true });
      releaseLock();
    },
  };
}
