import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { readOnlyAsDiskFull, type StorageGuard } from './storage-guard.js';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol batch (Parse, Bind, Describe, Execute, Sync)
const QUERY = 0x51; // 'Q': a simple query is a batch by itself
const TERMINATE = 0x58; // 'X': the client is leaving
const PROTOCOL_3 = 196608;

function isStartup(message: Uint8Array): boolean {
  return message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === PROTOCOL_3;
}

/** A frontend message: type byte, then its length (itself included) and body. */
function frontendMessage(type: string, body: string): Uint8Array {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0, 'latin1');
  bytes.writeInt32BE(4 + body.length, 1);
  bytes.write(body, 5, 'latin1');
  return new Uint8Array(bytes);
}
const SYNC_MESSAGE = frontendMessage('S', '');
const ROLLBACK_MESSAGE = frontendMessage('Q', 'ROLLBACK\0');

const ERROR_RESPONSE = 0x45; // 'E'

/**
 * Finds the severity of every ErrorResponse in a backend's output, which arrives in chunks that
 * need not end where a message ends: type byte, length (itself included), then for an error its
 * fields, each a type byte and a NUL-terminated text ('V': the severity, never translated).
 */
export class ErrorSeverities {
  private readonly header = new Uint8Array(5);
  private headerBytes = 0;
  private remaining = 0;
  private inBody = false;
  private errorBody: Buffer[] | null = null;

  constructor(private readonly onError: (severity: string, message: string) => void) {}

  feed(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      if (!this.inBody) {
        const take = Math.min(5 - this.headerBytes, data.length - at);
        this.header.set(data.subarray(at, at + take), this.headerBytes);
        this.headerBytes += take;
        at += take;
        if (this.headerBytes < 5) return;
        this.headerBytes = 0;
        this.remaining = new DataView(this.header.buffer).getInt32(1) - 4;
        this.errorBody = this.header[0] === ERROR_RESPONSE ? [] : null;
        this.inBody = true;
      }
      const take = Math.min(this.remaining, data.length - at);
      this.errorBody?.push(Buffer.from(data.subarray(at, at + take)));
      at += take;
      this.remaining -= take;
      if (this.remaining === 0) this.endMessage();
    }
  }

  private endMessage(): void {
    this.inBody = false;
    if (!this.errorBody) return;
    const fields = new Map(
      Buffer.concat(this.errorBody)
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
        .map((field) => [field[0], field.slice(1)] as const),
    );
    this.errorBody = null;
    this.onError(fields.get('V') ?? fields.get('S') ?? '', fields.get('M') ?? '');
  }
}

/**
 * PGlite is one backend shared by every socket. The queue shipped with pglite-socket hands it out
 * message by message, so two connections' Parse/Bind/Execute interleave and one loses its unnamed
 * portal ("portal "" does not exist") under concurrent requests. This queue gives one connection
 * the backend from its first message until its batch ends (Sync or a simple query), and for as
 * long as it has a transaction open.
 *
 * A connection that goes away while it holds the backend (a killed process) gives it back in a
 * state the next one can use: its batch ended with a Sync (after an error the backend skips every
 * message up to one, the next connection's included) and its transaction rolled back. That is done
 * by the loop that runs the messages, between two of them, so it cannot race with one.
 */
export class BatchExclusiveQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  private owner: number | null = null;
  /** The owner's batch is open: its last message was neither a Sync nor a simple query. */
  private midBatch = false;
  /** The connection whose message the backend is running now. */
  private running: number | null = null;
  /** Connections gone while they held the backend or had a message running: released by the loop. */
  private readonly gone = new Set<number>();

  /** Why the backend may not be called any more: it answered with a PANIC. */
  private stopped: string | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly storage: StorageGuard | null = null,
    private readonly onPanic: (message: string) => void = () => {},
  ) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (this.stopped) return Promise.reject(new Error(this.stopped));
    if (this.gone.has(handlerId)) return Promise.reject(new Error('Connection closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (this.stopped) return this.refuseAll(this.stopped);
        if (this.owner !== null && this.gone.has(this.owner)) await this.releaseDeadOwner();
        if (this.queue.length === 0) return;
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index === -1) return; // the owner's next message has not arrived yet
        if (this.owner === null) await this.guardStorage();
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        this.running = item.handlerId;
        const refusing = this.storage?.refusing ?? false;
        const errors = new ErrorSeverities((severity, message) => {
          if (severity === 'PANIC') this.stopped ??= message;
        });
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                errors.feed(data);
                item.onData(refusing ? readOnlyAsDiskFull(data) : data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        } finally {
          this.running = null;
        }
        if (this.stopped) {
          this.onPanic(this.stopped);
          return this.refuseAll(this.stopped);
        }
        const type = item.message[0];
        this.midBatch = !(type === SYNC || type === QUERY || type === TERMINATE || isStartup(item.message));
        this.owner = this.midBatch || this.db.isInTransaction() ? item.handlerId : null;
        // Gone during its last message but left nothing to undo: forget it.
        if (this.owner !== item.handlerId) this.gone.delete(item.handlerId);
      }
    } finally {
      this.processing = false;
    }
  }

  /**
   * A PostgreSQL backend ends after a PANIC; PGlite's cannot, and its next call never returns (it
   * spins on the Node thread: seen when a WAL file could not be made on a full disk). So nothing
   * reaches it any more, and the owner of the process is told (it exits, see app.ts).
   */
  private refuseAll(reason: string): void {
    for (const item of this.queue.splice(0)) item.reject(new Error(reason));
  }

  /** Between two batches, outside any transaction: turns writes off or on again as the disk fills or has room. */
  private async guardStorage(): Promise<void> {
    const setting = this.storage?.nextSetting();
    if (!setting) return;
    await this.db.runExclusive(() => this.db.execProtocolRawStream(frontendMessage('Q', `${setting}\0`), { onRawData: () => {} }));
  }

  /** Ends the dead owner's batch and rolls back its transaction; the backend is free afterwards, whatever happens. */
  private async releaseDeadOwner(): Promise<void> {
    const handlerId = this.owner!;
    try {
      await this.db.runExclusive(async () => {
        const discard = { onRawData: () => {} };
        if (this.midBatch) await this.db.execProtocolRawStream(SYNC_MESSAGE, discard);
        if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK_MESSAGE, discard);
      });
    } catch {
      // Nothing more can be done for the backend; the next connection finds out.
    } finally {
      this.gone.delete(handlerId);
      this.owner = null;
      this.midBatch = false;
    }
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      this.queue[i].reject(new Error('Connection closed'));
      this.queue.splice(i, 1);
    }
  }

  /**
   * The connection is gone (pglite-socket calls this from detach, after clearQueueForHandler). If
   * it holds the backend, or a message of it is running, the loop releases it.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.stopped || (this.owner !== handlerId && this.running !== handlerId)) return;
    this.gone.add(handlerId);
    await this.process();
  }
}

/** The port in the socket's name (`.s.PGSQL.<port>`), which a connection string must name too. */
export const SOCKET_PORT = 5432;

/** Serves PGlite on a Unix socket, speaking the PostgreSQL wire protocol. */
export class PGliteServer {
  private readonly queue: BatchExclusiveQueue;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private server: net.Server | null = null;

  constructor(
    private readonly db: PGlite,
    options: { storage?: StorageGuard | null; onPanic?: (message: string) => void } = {},
  ) {
    this.queue = new BatchExclusiveQueue(db, options.storage ?? null, options.onPanic);
  }

  /**
   * Listens on a Unix socket `.s.PGSQL.5432` in `socketDir` (PostgreSQL's own naming, so `pg`
   * finds it from `host=<dir>`). Only who may enter the folder may connect: PGlite asks no password.
   */
  async listen(socketDir: string): Promise<void> {
    await this.db.waitReady;
    const server = net.createServer((socket) => {
      const handler = new PGLiteSocketHandler({ queryQueue: this.queue as never, closeOnDetach: true });
      this.handlers.add(handler);
      const forget = () => this.handlers.delete(handler);
      handler.addEventListener('close', forget);
      handler.addEventListener('error', forget);
      handler.attach(socket).catch(() => {
        forget();
        socket.destroy();
      });
    });
    this.server = server;
    const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
    fs.rmSync(socketPath, { force: true }); // left by a process that was killed
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.handlers].map((handler) => handler.detach(true)));
    this.handlers.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
