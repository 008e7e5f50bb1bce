import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { repoRoot } from '../../config.js';
import { createDataSource } from '../../db/data-source.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded-postgres.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { Language } from '../people/person.entity.js';
import { NotificationKind } from './notification-kinds.js';
import { NotificationsService, type EmailRequest } from './notifications.service.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';
import { TemplateRenderer } from './template-renderer.js';

/**
 * Delivery workers (separate processes, api/src/test/outbox-worker-child.ts) killed with SIGKILL
 * at random moments: no e-mail is lost, and the only duplicates are the ones the design allows
 * (accepted by the server, the worker killed before it marked the message SENT), each with the
 * Message-ID of the first copy. OUTBOX_CRASH_SEED replays another run's kill delays.
 */

const CHILD = path.join(repoRoot, 'api/dist-tools/test/outbox-worker-child.js');
const MESSAGES = 300;
const KILLS = 8;
const SEED = Number(process.env.OUTBOX_CRASH_SEED) || 20_251_124;
const MAX_DUPLICATE_RATE = 0.05;

/** A deadline for something that must happen: a wedged queue fails the test with a reason instead of hanging it. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** mulberry32: a small seeded generator, so that a failing run's kill delays can be replayed (OUTBOX_CRASH_SEED). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Message-ID header of a raw message (header lines may be folded). */
function messageIdOf(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n');
  const header = raw
    .subarray(0, end === -1 ? raw.length : end)
    .toString('utf8')
    .replace(/\r\n[ \t]+/g, ' ');
  return /^message-id:\s*(\S+)/im.exec(header)?.[1] ?? '';
}

interface Mail {
  recipient: string;
  messageId: string;
  /** The worker whose connection brought it. */
  worker: number;
}

interface SmtpCapture {
  url: string;
  /** What the server accepted (answered 250 to a client that was still connected), in order. */
  accepted: Mail[];
  /**
   * Messages received in full whose sender died while the server took its time: not counted as
   * delivered (the client never heard a 250 and sends them again). A server that commits a
   * message at its final dot would deliver these too, duplicates as well.
   */
  orphaned: Mail[];
  /** Set by the test: the worker that connections from now on come from. */
  worker: number;
  /**
   * Told by the test the moment it kills a worker: the server learns of closed connections only on
   * a later turn of the event loop, and must not count what it answers a dead worker in between.
   */
  killed(worker: number): void;
  /** Messages whose DATA has started and that are not accepted or refused yet. */
  receiving: number;
  /** Resolves when a client next connects. */
  nextConnection(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An SMTP server on 127.0.0.1 that takes a while over each message (delayMs after its end, like a
 * real server scanning it) before it accepts. A message counts as accepted when the server answers
 * 250 to a client that is still there; one whose sender died before that is refused, as the
 * transaction was never completed.
 */
async function startSmtpCapture({ delayMs }: { delayMs: () => number }): Promise<SmtpCapture> {
  const closed = new Set<string>();
  const workerOf = new Map<string, number>();
  const killed = new Set<number>();
  const connected = new EventEmitter();
  const capture: SmtpCapture = {
    url: '',
    accepted: [],
    orphaned: [],
    worker: 0,
    killed: (worker) => killed.add(worker),
    receiving: 0,
    nextConnection: () => once(connected, 'connection').then(() => {}),
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect: (session, callback) => {
      workerOf.set(session.id, capture.worker);
      connected.emit('connection');
      callback();
    },
    onClose: (session) => closed.add(session.id),
    onData(stream, session, callback) {
      capture.receiving += 1;
      const recipient = session.envelope.rcptTo.map((r) => r.address).join(',');
      const done = (error?: Error) => {
        capture.receiving -= 1;
        callback(error);
      };
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (error) => done(error));
      const received = async () => {
        await sleep(delayMs()); // the server's own time with the message (not a wait for a condition)
        const worker = workerOf.get(session.id)!;
        const mail = { recipient, messageId: messageIdOf(Buffer.concat(chunks)), worker };
        if (closed.has(session.id) || killed.has(worker)) {
          capture.orphaned.push(mail);
          return done(new Error('The client went away'));
        }
        capture.accepted.push(mail);
        done();
      };
      stream.once('end', () => {
        received().catch(done);
      });
    },
  });
  server.on('error', () => {}); // a killed client resets its connection: nothing to report
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  capture.url = `smtp://127.0.0.1:${port}`;
  capture.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return capture;
}

interface Child {
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL'); // left by a test that failed half-way
});

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { process: child, exited, output: () => output };
}

describe('outbox delivery with workers killed at random moments', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    if (!fs.existsSync(CHILD)) throw new Error(`${CHILD} is missing: build the api first (npm run build -w api)`);
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await dataSource.runMigrations();
    // Slow enough that kills land while messages are on their way.
    smtp = await startSmtpCapture({ delayMs: () => 30 + Math.floor(Math.random() * 50) });
  });

  afterAll(async () => {
    await smtp?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  test(`${MESSAGES} e-mails, ${KILLS} workers killed with SIGKILL: none lost, duplicates keep their Message-ID`, async () => {
    const renderer = new TemplateRenderer();
    const notifications = new NotificationsService(dataSource, renderer, { mailFrom: 'MPS <noreply@mps.test>', mailbox: false }, null as never);
    const kinds = Object.values(NotificationKind);
    const requests: EmailRequest[] = Array.from({ length: MESSAGES }, (_, i) => {
      const kind = kinds[i % kinds.length];
      return {
        kind,
        idempotencyKey: `crash-test:${i}`,
        to: { personId: null, email: `r${i}@example.lv`, name: `Saņēmējs ${i}`, language: i % 2 ? Language.EN : Language.LV },
        data: renderer.sample(kind) as never,
      };
    });
    const stored = await dataSource.transaction((em) => notifications.enqueue(em, requests));
    expect(stored).toBe(MESSAGES);
    const messageIds = new Map((await dataSource.getRepository(OutboxMessage).find()).map((m) => [m.toAddress!, m.messageId] as const));

    const unfinished = async () => Number((await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE status <> 'SENT'`))[0].n);
    const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, OUTBOX_LEASE_MS: '1500', OUTBOX_BATCH_SIZE: '10' };
    const random = seededRandom(SEED);
    let kills = 0;
    let killsMidSend = 0;
    const delays: number[] = [];
    while (kills < KILLS && (await unfinished()) > 0) {
      // The random moment counts from the worker's first connection to the SMTP server: it has
      // claimed messages and is sending them (starting node takes long and varies a lot).
      const connection = smtp.nextConnection();
      smtp.worker = kills;
      const child = startChild(env);
      const started = await within(Promise.race([connection.then(() => true), child.exited.then(() => false)]), 30_000, 'a worker starting');
      if (!started) {
        const { code } = await child.exited;
        if (code === 0 && (await unfinished()) === 0) break; // the killed ones had left it nothing to send
        throw new Error(`A worker exited (${code}) before it sent anything:\n${child.output()}`);
      }
      const delay = 50 + Math.floor(random() * 350);
      delays.push(delay);
      await sleep(delay); // the deliberate random moment of the crash
      const inFlight = smtp.receiving;
      child.process.kill('SIGKILL');
      smtp.killed(kills);
      const { code, signal } = await child.exited;
      if (signal !== 'SIGKILL') {
        if (code === 0) break; // it had delivered everything before its moment came
        throw new Error(`A worker failed (${code}) before it was killed:\n${child.output()}`);
      }
      kills += 1;
      if (inFlight > 0) killsMidSend += 1;
    }

    // The last worker runs to completion (it exits once nothing is left to deliver).
    smtp.worker = kills;
    const last = startChild(env);
    const end = await within(last.exited, 60_000, 'the last worker delivering the rest');
    expect({ ...end, output: last.output() }).toEqual({ code: 0, signal: null, output: 'ready\n' });

    const counts: { status: OutboxStatus; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`);
    expect(counts).toEqual([{ status: OutboxStatus.SENT, n: MESSAGES }]);
    const [{ reclaimed }] = await dataSource.query(`SELECT count(*)::int AS reclaimed FROM outbox_message WHERE attempts > 1`);

    const arrivals = new Map<string, Mail[]>();
    for (const mail of smtp.accepted) arrivals.set(mail.recipient, [...(arrivals.get(mail.recipient) ?? []), mail]);
    const lost = [...messageIds.keys()].filter((address) => !arrivals.has(address));
    const strangers = [...arrivals.keys()].filter((address) => !messageIds.has(address));
    const wrongIds = [...smtp.accepted, ...smtp.orphaned].filter((copy) => copy.messageId !== messageIds.get(copy.recipient));
    const duplicates = smtp.accepted.length - arrivals.size;
    // A copy followed by another comes from a worker killed before it marked the message SENT, and
    // such a worker had at most its concurrency (5) of messages on their way.
    const unmarked = new Map<number, number>();
    for (const copies of arrivals.values()) {
      for (const copy of copies.slice(0, -1)) unmarked.set(copy.worker, (unmarked.get(copy.worker) ?? 0) + 1);
    }
    const rate = duplicates / MESSAGES;

    console.log(
      `outbox crash test (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, seed ${SEED}): ${MESSAGES} messages, ` +
        `${kills} workers killed (${killsMidSend} mid-send; delays ${delays.join(', ')} ms), ${reclaimed} messages re-claimed after a kill, ` +
        `${smtp.accepted.length} accepted by the server, ${duplicates} duplicates (${(rate * 100).toFixed(1)}%; per killed worker ${[...unmarked.values()].join(', ') || 'none'}), ${lost.length} lost; ` +
        `${smtp.orphaned.length} more received in full but answered only after their worker died (not counted as delivered)`,
    );
    expect({ lost, strangers, wrongIds }).toEqual({ lost: [], strangers: [], wrongIds: [] });
    for (const [worker, count] of unmarked) {
      expect({ worker, killed: worker < kills, atMostConcurrency: count <= 5 }).toEqual({ worker, killed: true, atMostConcurrency: true });
    }
    expect(kills).toBe(KILLS);
    expect(killsMidSend).toBeGreaterThan(0);
    expect(rate).toBeLessThan(MAX_DUPLICATE_RATE);
  }, 180_000);
});

/**
 * PGlite is one backend that our socket server lends to one connection at a time, for a whole
 * batch and for a whole transaction. A client that dies holding it must give it back, in a state
 * the next client can use: batch ended, transaction rolled back.
 */
describe('the PGlite socket server when a client dies holding the backend', () => {
  let embedded: EmbeddedPostgres;
  let client: pg.Client;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(null);
    client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query('CREATE TABLE t (v int PRIMARY KEY)');
  });
  afterEach(() => RawConnection.dieAll()); // a test that failed half-way must not hold the backend for the next
  afterAll(async () => {
    await client?.end();
    await embedded?.stop();
  });

  /** The next client must be served, and see a backend outside any transaction. */
  async function expectUsable(): Promise<void> {
    const other = new pg.Client({ connectionString: embedded.url });
    await within(other.connect(), 10_000, 'connecting after the death');
    try {
      const { rows } = await within(other.query('SELECT 42::int AS n, count(*)::int AS rows FROM t'), 10_000, 'a query after the death');
      expect(rows).toEqual([{ n: 42, rows: 0 }]);
      await expect(other.query('SAVEPOINT s')).rejects.toThrow(/transaction block/);
    } finally {
      await other.end();
    }
    // A connection that was there before is served too.
    expect((await within(client.query('SELECT 1 AS one'), 10_000, 'the old connection')).rows).toEqual([{ one: 1 }]);
  }

  test('inside a transaction: rolled back, the backend free', async () => {
    const raw = await RawConnection.open(embedded.url);
    await raw.query('BEGIN; INSERT INTO t VALUES (1)');
    expect(raw.transactionStatus).toBe('T');
    raw.die();
    await expectUsable();
  });

  test('in the middle of a batch after an error: the batch is ended', async () => {
    const raw = await RawConnection.open(embedded.url);
    await raw.parseAndFlush('SELEKT 1');
    raw.die();
    await expectUsable();
  });

  test('in the middle of a batch inside a failed transaction: the batch is ended and the transaction rolled back', async () => {
    const raw = await RawConnection.open(embedded.url);
    await raw.query('BEGIN; INSERT INTO t VALUES (2)');
    await raw.parseAndFlush('SELEKT 1');
    raw.die();
    await expectUsable();
  });

  test('in the middle of a batch that went well: the batch is ended', async () => {
    const raw = await RawConnection.open(embedded.url);
    await raw.parseAndFlush('INSERT INTO t VALUES (3)');
    raw.die();
    await expectUsable();
  });

  test('a process killed with SIGKILL while it holds a transaction and a row lock', async () => {
    await client.query('INSERT INTO t VALUES (4)');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import pg from 'pg';
         const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
         await c.connect();
         await c.query('BEGIN');
         await c.query('UPDATE t SET v = 5 WHERE v = 4');
         await c.query('SELECT * FROM t FOR UPDATE');
         process.stdout.write('ready\\n');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: path.join(repoRoot, 'api'), env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: embedded.url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await within(new Promise((resolve) => holder.stdout!.once('data', resolve)), 30_000, 'the lock holder starting');
    holder.kill('SIGKILL');
    await exited;
    const { rows } = await within(client.query('UPDATE t SET v = 6 WHERE v = 4 RETURNING v'), 10_000, 'updating the row it held');
    expect(rows).toEqual([{ v: 6 }]);
    await client.query('DELETE FROM t');
    await expectUsable();
  });
});

/** Just enough of the PostgreSQL wire protocol to leave a connection in the states above. */
class RawConnection {
  private static readonly living = new Set<RawConnection>();
  private buffer = Buffer.alloc(0);
  private waiting: { types: string; resolve: (type: string) => void } | null = null;
  transactionStatus = '';

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.read();
    });
    socket.on('error', () => {});
  }

  static async open(url: string): Promise<RawConnection> {
    // Embedded PGlite listens on a Unix socket (host=<folder>); a real server on TCP.
    const { hostname, port, searchParams } = new URL(url);
    const socketDir = searchParams.get('host');
    const socket = socketDir ? net.connect(path.join(socketDir, `.s.PGSQL.${port || 5432}`)) : net.connect(Number(port), hostname);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const connection = new RawConnection(socket);
    RawConnection.living.add(connection);
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(Buffer.concat([startup, params]));
    await connection.until('Z');
    return connection;
  }

  private static message(type: string, body: Buffer): Buffer {
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(4 + body.length, 1);
    return Buffer.concat([header, body]);
  }

  /** A simple query, up to its ReadyForQuery. */
  async query(sql: string): Promise<void> {
    this.socket.write(RawConnection.message('Q', Buffer.from(`${sql}\0`)));
    await this.until('Z');
  }

  /** Parse and Flush, no Sync: the batch stays open. Resolves on ParseComplete or the error. */
  async parseAndFlush(sql: string): Promise<string> {
    const body = Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.alloc(2)]);
    this.socket.write(Buffer.concat([RawConnection.message('P', body), RawConnection.message('H', Buffer.alloc(0))]));
    return this.until('1E');
  }

  die(): void {
    this.socket.destroy();
    RawConnection.living.delete(this);
  }

  static dieAll(): void {
    for (const connection of RawConnection.living) connection.die();
  }

  private until(types: string): Promise<string> {
    return within(
      new Promise((resolve) => {
        this.waiting = { types, resolve };
        this.read();
      }),
      10_000,
      `waiting for ${types}`,
    );
  }

  private read(): void {
    while (this.buffer.length >= 5) {
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const type = String.fromCharCode(this.buffer[0]);
      if (type === 'Z') this.transactionStatus = String.fromCharCode(this.buffer[5]);
      this.buffer = this.buffer.subarray(1 + length);
      if (this.waiting?.types.includes(type)) {
        const { resolve } = this.waiting;
        this.waiting = null;
        resolve(type);
      }
    }
  }
}
