import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol batch (Parse, Bind, Describe, Execute, Sync)
const QUERY = 0x51; // 'Q': a simple query is a batch by itself
const PROTOCOL_3 = 196608;

function isStartup(message: Uint8Array): boolean {
  return message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === PROTOCOL_3;
}

/**
 * PGlite is one backend shared by every socket. The queue shipped with pglite-socket hands it out
 * message by message, so two connections' Parse/Bind/Execute interleave and one loses its unnamed
 * portal ("portal "" does not exist") under concurrent requests. This queue gives one connection
 * the backend from its first message until its batch ends (Sync or a simple query), and for as
 * long as it has a transaction open.
 */
export class BatchExclusiveQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index === -1) return; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        const type = item.message[0];
        const batchEnded = type === SYNC || type === QUERY || isStartup(item.message);
        this.owner = !batchEnded || this.db.isInTransaction() ? item.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      this.queue[i].reject(new Error('Connection closed'));
      this.queue.splice(i, 1);
    }
  }

  /** A connection that goes away mid-batch or mid-transaction must not keep the backend. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }
}

/** Serves PGlite on a loopback TCP port, speaking the PostgreSQL wire protocol. */
export class PGliteServer {
  private readonly queue: BatchExclusiveQueue;
  private readonly handlers = new Set<PGLiteSocketHandler>();
  private server: net.Server | null = null;

  constructor(private readonly db: PGlite) {
    this.queue = new BatchExclusiveQueue(db);
  }

  async listen(host = '127.0.0.1', port = 0): Promise<number> {
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
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    await Promise.all([...this.handlers].map((handler) => handler.detach(true)));
    this.handlers.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
