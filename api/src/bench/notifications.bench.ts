import 'reflect-metadata';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createClient, type Client as WsClient } from 'graphql-ws';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { startApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { SESSION_COOKIE } from '../http/cookies.js';
import { sessionUid } from '../modules/notifications/calendar.js';
import { createMailTransport, mailOptions } from '../modules/notifications/mail-transport.js';
import { NotificationKind, type NotificationData, type SessionView } from '../modules/notifications/notification-kinds.js';
import { NotificationsService, type EmailRequest } from '../modules/notifications/notifications.service.js';
import { OutboxDelivery } from '../modules/notifications/outbox-delivery.js';
import { OutboxMessage } from '../modules/notifications/outbox-message.entity.js';
import { TemplateRenderer } from '../modules/notifications/template-renderer.js';
import { Language, Person } from '../modules/people/person.entity.js';
import { Registration, RegistrationStatus } from '../modules/registration/registration.entity.js';
import { createTestDatabase } from '../test/harness.js';
import { fixtures } from '../test/fixtures.js';
import { NO_LIMITS } from './bench-limits.js';

/**
 * `npm run bench` (after the catalog bench):
 *  (a) 10,000 queued e-mails delivered by OutboxDelivery over SMTP to a local smtp-server, next to
 *      nodemailer sending the same messages in a plain loop (the baseline), in the same run;
 *  (b) one schedule change fanned out to 1,000 graphql-ws subscribers.
 * Database: embedded PGlite, or a fresh database on the server of DATABASE_URL when it is set.
 * The SMTP server and the WebSocket clients run in worker threads, so that they do not take the
 * event loop of the code being measured.
 */

const EMAILS = Number(process.env.BENCH_EMAILS ?? 10_000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const FROM = 'Valsts administrācijas skola <noreply@mps.example.lv>';
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

type HelperData = { role: 'smtp-sink' } | { role: 'subscribers'; url: string; cookies: string[] };

/** Monotonic nanoseconds, one clock for every thread of the process. */
const now = () => process.hrtime.bigint();
const progress = (message: string) => process.stderr.write(`  ... ${message}\n`);
const ms = (ns: bigint) => Number(ns) / 1e6;

if (isMainThread) await main();
else if ((workerData as HelperData).role === 'smtp-sink') smtpSink();
else await subscribers(workerData as Extract<HelperData, { role: 'subscribers' }>);

// ---------------------------------------------------------------- helpers in worker threads

/** Accepts everything at once; counts messages, bytes and distinct Message-IDs. */
function smtpSink(): void {
  let received = 0;
  let bytes = 0;
  const ids = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.once('end', () => {
        received += 1;
        const header = head.slice(0, head.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
        ids.add(/^message-id:\s*(\S+)/im.exec(header)?.[1] ?? '');
        callback();
      });
    },
  });
  server.on('error', (error) => console.error('smtp sink:', error));
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.server.address() as { port: number }).port }));
  parentPort!.on('message', (message: string) => {
    if (message === 'count') parentPort!.postMessage({ received, bytes, distinct: ids.size });
    if (message === 'reset') {
      received = 0;
      bytes = 0;
      ids.clear();
      parentPort!.postMessage('reset');
    }
  });
}

/** One graphql-ws client (one WebSocket) per cookie, each subscribed to scheduleChanged; reports arrival times. */
async function subscribers({ url, cookies }: { url: string; cookies: string[] }): Promise<void> {
  const arrivals: (bigint | null)[] = cookies.map(() => null);
  const clients: WsClient[] = [];
  let errors = 0;
  const query = 'subscription { scheduleChanged { id kind groupId sessionIds removedSessionIds } }';
  for (let start = 0; start < cookies.length; start += 100) {
    // A hundred at a time: the server authenticates each connection against the database.
    await Promise.all(
      cookies.slice(start, start + 100).map(
        (cookie, offset) =>
          new Promise<void>((resolve) => {
            const i = start + offset;
            const client = createClient({
              url,
              retryAttempts: 0,
              lazy: false,
              webSocketImpl: class extends WebSocket {
                constructor(address: string, protocols?: string | string[]) {
                  super(address, protocols, { headers: { cookie } });
                }
              },
              on: { connected: () => resolve(), closed: () => resolve() },
            });
            clients.push(client);
            client.subscribe(
              { query },
              {
                next: () => {
                  arrivals[i] ??= now();
                },
                error: () => {
                  errors += 1;
                  resolve();
                },
                complete: () => {},
              },
            );
          }),
      ),
    );
  }
  parentPort!.postMessage({ connected: clients.length });
  parentPort!.on('message', (message: string) => {
    if (message === 'report') parentPort!.postMessage({ arrivals: arrivals.map((a) => (a === null ? null : a.toString())), errors });
  });
}

function startHelper<T>(data: HelperData): { worker: Worker; first: Promise<T>; ask<R>(message: string): Promise<R> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: data });
  worker.on('error', (error) => console.error('bench helper failed:', error));
  const next = <R>() => new Promise<R>((resolve) => worker.once('message', resolve));
  return {
    worker,
    first: next<T>(),
    ask<R>(message: string) {
      const answer = next<R>();
      worker.postMessage(message);
      return answer;
    },
  };
}

// ---------------------------------------------------------------- (a) e-mail delivery

/** What the real system attaches: the sessions of the e-mail as an iTIP calendar. */
function calendarsOf(kind: NotificationKind, data: NotificationData[NotificationKind]): EmailRequest['calendars'] {
  if (!('course' in data) || !data.course) return [];
  const course = data.course;
  const sessions: SessionView[] = 'changes' in data ? data.changes.map((c) => c.session) : 'sessions' in data ? data.sessions : [];
  const method = kind === NotificationKind.GROUP_CANCELLED || kind === NotificationKind.LECTURER_REMOVED ? 'CANCEL' : 'REQUEST';
  return [
    {
      method,
      events: sessions.map((s) => ({
        uid: sessionUid(s.id, 'mps.example.lv'),
        sequence: 1,
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        summary: `${course.code} ${course.title}`,
        location: s.place ? `${s.place.name}, ${s.place.address}` : s.onlineUrl,
        description: null,
        url: data.portalUrl,
        cancelled: method === 'CANCEL',
      })),
    },
  ];
}

async function queueEmails(dataSource: DataSource): Promise<void> {
  const renderer = new TemplateRenderer();
  const notifications = new NotificationsService(dataSource, renderer, { mailFrom: FROM, mailbox: false }, null as never);
  const kinds = Object.values(NotificationKind);
  const CHUNK = 500;
  for (let start = 0; start < EMAILS; start += CHUNK) {
    const requests: EmailRequest[] = [];
    for (let i = start; i < Math.min(start + CHUNK, EMAILS); i++) {
      const kind = kinds[i % kinds.length];
      const data = renderer.sample(kind);
      data.recipientName = `Dalībnieks ${i}`;
      requests.push({
        kind,
        idempotencyKey: `bench:${i}`,
        to: { personId: null, email: `dalibnieks${i}@example.lv`, name: `Dalībnieks ${i}`, language: i % 3 ? Language.LV : Language.EN },
        data,
        calendars: calendarsOf(kind, data),
      });
    }
    await dataSource.transaction((em) => notifications.enqueue(em, requests));
  }
}

async function deliveryBench(): Promise<void> {
  progress('preparing the database');
  const database = await createTestDatabase();
  const dataSource = createDataSource({ url: database.url });
  const sink = startHelper<{ port: number }>({ role: 'smtp-sink' });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const smtpUrl = `smtp://127.0.0.1:${(await sink.first).port}`;
    progress(`queueing ${EMAILS} e-mails`);
    let started = now();
    await queueEmails(dataSource);
    const queueMs = ms(now() - started);
    const messages = await dataSource.getRepository(OutboxMessage).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    if (messages.length !== EMAILS) throw new Error(`${messages.length} messages queued, expected ${EMAILS}`);

    // Pooled as the outbox's transport is; a plain loop awaits one send at a time.
    const transporter = () => nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5, ...SMTP_TIMEOUTS } as SMTPTransport.Options);
    const count = () => sink.ask<{ received: number; bytes: number; distinct: number }>('count');
    const expectAll = async (what: string) => {
      const counted = await count();
      if (counted.received !== EMAILS || counted.distinct !== EMAILS)
        throw new Error(`${what}: the server got ${counted.received} messages, ${counted.distinct} distinct`);
      return counted;
    };

    progress('warming up');
    // Warm-up: nodemailer, the sink and the MIME code, on a few hundred messages.
    const warm = transporter();
    for (const message of messages.slice(0, 300)) await warm.sendMail(mailOptions(message, FROM));
    warm.close();
    await sink.ask('reset');

    // The outbox: claim, send, mark, until nothing is due.
    progress('OutboxDelivery');
    const delivery = new OutboxDelivery(dataSource, createMailTransport(smtpUrl, FROM), { error: (m, e) => console.error(m, e) });
    started = now();
    for (;;) {
      const report = await delivery.deliverDue();
      if (report.retrying + report.failed > 0) throw new Error(`delivery failed: ${JSON.stringify(report)}`);
      if (report.sent === 0) break;
    }
    const outboxMs = ms(now() - started);
    await delivery.stop();
    const [{ unsent }] = await dataSource.query(`SELECT count(*)::int AS unsent FROM outbox_message WHERE status <> 'SENT'`);
    if (unsent !== 0) throw new Error(`${unsent} messages were not sent`);
    const { bytes } = await expectAll('outbox');
    await sink.ask('reset');

    // The baseline: the same messages, nodemailer in a plain loop.
    progress('nodemailer plain loop');
    const plain = transporter();
    started = now();
    for (const message of messages) await plain.sendMail(mailOptions(message, FROM));
    const plainMs = ms(now() - started);
    plain.close();
    await expectAll('nodemailer loop');
    await sink.ask('reset');

    // For scale: nodemailer with as many sends at once as the outbox has (5).
    progress('nodemailer, 5 at a time');
    const parallel = transporter();
    let next = 0;
    started = now();
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (next < messages.length) await parallel.sendMail(mailOptions(messages[next++], FROM));
      }),
    );
    const parallelMs = ms(now() - started);
    parallel.close();
    await expectAll('nodemailer, 5 at a time');

    const rate = (elapsedMs: number) => EMAILS / (elapsedMs / 1000);
    const row = (name: string, elapsedMs: number) =>
      `${name.padEnd(46)} ${rate(elapsedMs).toFixed(0).padStart(7)} msg/s   ${(elapsedMs / 1000).toFixed(1).padStart(6)} s`;
    const kind = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
    console.log(
      `\ne-mail delivery: ${EMAILS} messages, ${(bytes / EMAILS / 1024).toFixed(1)} KiB each on average (HTML + text + calendar), ` +
        `to a local smtp-server; outbox on ${kind} (rendering and queueing them took ${(queueMs / 1000).toFixed(1)} s)`,
    );
    console.log(row('OutboxDelivery (claim, send 5 at a time, mark)', outboxMs));
    console.log(row('baseline: nodemailer plain loop (pooled)', plainMs));
    console.log(row('nodemailer, 5 sends at a time (for scale)', parallelMs));
    console.log(
      `ratio: outbox ${(rate(outboxMs) / rate(plainMs)).toFixed(2)}x the plain loop's rate, ` +
        `${(rate(outboxMs) / rate(parallelMs)).toFixed(2)}x nodemailer at the same concurrency`,
    );
  } finally {
    await sink.worker.terminate();
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

// ---------------------------------------------------------------- (b) subscription fan-out

async function fanOutBench(): Promise<void> {
  progress('starting the app');
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', MPS_DEMO_DATA: 'false', MPS_ROLE: 'api', ...NO_LIMITS });
  const app = await startApp(config, { info: () => {}, error: (m, e) => console.error(m, e) }, { databaseUrl: database.url });
  let helper: ReturnType<typeof startHelper> | null = null;
  try {
    const ds = app.dataSource;
    const f = fixtures(ds);
    const staff = await f.staff();
    const course = await f.course((await f.topic()).id);
    const group = await f.group(course.id, { maxSize: SUBSCRIBERS });
    const session = await f.session(group.id, 30);
    const people = Array.from({ length: SUBSCRIBERS }, (_, i) =>
      ds.getRepository(Person).create({ givenName: 'Dalībnieks', familyName: String(i), email: `fan${i}@example.lv`, preferredLanguage: Language.LV }),
    );
    await ds.getRepository(Person).save(people, { chunk: 200 });
    await ds.getRepository(Registration).insert(people.map((p) => ({ personId: p.id, groupId: group.id, status: RegistrationStatus.CONFIRMED })));
    const cookies: string[] = [];
    for (const person of people) cookies.push(`${SESSION_COOKIE}=${(await app.services.auth.startSession(person.id, 'bench')).token}`);
    const staffCookie = `${SESSION_COOKIE}=${(await app.services.auth.startSession(staff.id, 'bench')).token}`;

    progress(`connecting ${SUBSCRIBERS} subscribers`);
    let started = now();
    helper = startHelper<{ connected: number }>({ role: 'subscribers', url: `${app.url.replace('http', 'ws')}/graphql`, cookies });
    await helper.first;
    // Subscribed means listening on the server, which graphql-ws does not acknowledge: ask the server.
    const deadline = Date.now() + 60_000;
    while (app.services.scheduleEvents.subscriberCount < SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const listening = app.services.scheduleEvents.subscriberCount;
    const subscribeMs = ms(now() - started);
    if (listening < SUBSCRIBERS) console.error(`only ${listening} of ${SUBSCRIBERS} subscriptions became active`);

    // One change through the API: the session moves by a day.
    progress('changing the schedule');
    const moved = new Date(session.startsAt.getTime() + 24 * 3600_000);
    started = now();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: staffCookie },
      body: JSON.stringify({
        query: 'mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id startsAt } }',
        variables: { id: session.id, input: { startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 3 * 3600_000).toISOString() } },
      }),
    });
    const answered = now();
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`the mutation failed: ${JSON.stringify(body.errors)}`);

    // Wait until everyone has it, or 30 s.
    let report: { arrivals: (string | null)[]; errors: number };
    const until = Date.now() + 30_000;
    for (;;) {
      report = await helper.ask<{ arrivals: (string | null)[]; errors: number }>('report');
      if (report.arrivals.every((a) => a !== null) || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const latencies = report.arrivals
      .filter((a): a is string => a !== null)
      .map((a) => ms(BigInt(a) - started))
      .sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const [{ queued }] = await ds.query(`SELECT count(*)::int AS queued FROM outbox_message WHERE group_id = $1`, [group.id]);
    const kind = process.env.DATABASE_URL ? 'PostgreSQL (LISTEN/NOTIFY)' : 'embedded PGlite';
    console.log(
      `\nsubscription fan-out: ${SUBSCRIBERS} graphql-ws subscribers (participants of one group, one WebSocket each, ` +
        `${(subscribeMs / 1000).toFixed(1)} s to subscribe all), one updateSession through the API; ${kind}`,
    );
    console.log(`mutation answered in ${ms(answered - started).toFixed(0)} ms (it also queued ${queued} e-mails in its transaction)`);
    console.log(
      `received by ${latencies.length} of ${SUBSCRIBERS} (errors ${report.errors}); time from sending the mutation to arrival: ` +
        `p50 ${at(0.5).toFixed(0)} ms   p99 ${at(0.99).toFixed(0)} ms   max ${(latencies.at(-1) ?? NaN).toFixed(0)} ms   ` +
        `(first ${latencies[0]?.toFixed(0) ?? '-'} ms)`,
    );
    const afterAnswer = (value: number) => (value - ms(answered - started)).toFixed(0);
    console.log(
      `the same counted from the mutation's answer: p50 ${afterAnswer(at(0.5))} ms   p99 ${afterAnswer(at(0.99))} ms   ` +
        `max ${afterAnswer(latencies.at(-1) ?? NaN)} ms   (negative: before the answer; the event leaves at the commit)`,
    );
  } finally {
    await helper?.worker.terminate(); // its WebSockets simply drop
    await app.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  await deliveryBench();
  await fanOutBench();
}
