import fs from 'node:fs';

export const MB = 1024 * 1024;

/**
 * Free space below which the embedded database stops saving: a WAL segment (16 MB) and room to
 * spare. PGlite survives a table file that cannot grow (the statement fails with disk_full), but
 * not a WAL file that cannot be made: that is a PANIC, after which its WebAssembly backend spins
 * forever on its next call, and the whole process with it (docs/architecture.md, "A full disk").
 */
export const STORAGE_RESERVE_BYTES = 48 * MB;

export interface StorageLog {
  info(message: string): void;
  error(message: string): void;
}

/** Bytes this user may still write on the file system of `dir`. */
export function freeBytes(dir: string): number {
  const { bavail, bsize } = fs.statfsSync(dir);
  return bavail * bsize;
}

/**
 * Watches the free space of the embedded database's folder. Below the reserve, the backend's one
 * session turns read-only (default_transaction_read_only): PostgreSQL itself then refuses every
 * write, reads go on and the WAL stops growing. With room again, saving works without a restart.
 * The queue asks between two batches, outside any transaction, so the change never lands inside one.
 */
export class StorageGuard {
  private low = false;

  constructor(
    private readonly dir: string,
    private readonly log: StorageLog,
    private readonly reserveBytes = STORAGE_RESERVE_BYTES,
  ) {}

  /** True while writes are refused. */
  get refusing(): boolean {
    return this.low;
  }

  /** The statement to run before the next batch when the free space crossed the reserve, else null. */
  nextSetting(): string | null {
    let free: number;
    try {
      free = freeBytes(this.dir);
    } catch {
      return null; // the folder cannot be measured: keep the current state
    }
    const low = free < this.reserveBytes;
    if (low === this.low) return null;
    this.low = low;
    const state = `${Math.floor(free / MB)} MB free in ${this.dir}`;
    if (low)
      this.log.error(
        `The disk of the embedded database is almost full (${state}): saving is refused until ${this.reserveBytes / MB} MB are free; reading goes on`,
      );
    else this.log.info(`The disk of the embedded database has room again (${state}): saving works`);
    return `SET default_transaction_read_only = ${low ? 'on' : 'off'}`;
  }
}

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
/** The SQLSTATE field of an ErrorResponse: read_only_sql_transaction, and disk_full of the same length. */
const READ_ONLY = encode('\0C25006\0');
const DISK_FULL = encode('\0C53100\0');

/**
 * While the guard refuses writes, PostgreSQL's "cannot execute INSERT in a read-only transaction"
 * (25006) means the disk is full: it goes to the client as disk_full (53100), which the API already
 * answers as STORAGE_FULL. Rewritten in place; no data row holds a NUL byte in the text protocol.
 */
export function readOnlyAsDiskFull(data: Uint8Array): Uint8Array {
  const at = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(READ_ONLY);
  if (at === -1) return data;
  const copy = new Uint8Array(data);
  for (let from = at; from !== -1; from = Buffer.from(copy.buffer).indexOf(READ_ONLY, from + 1)) copy.set(DISK_FULL, from);
  return copy;
}
