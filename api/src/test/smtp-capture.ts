import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface CapturedMail {
  /** MAIL FROM and RCPT TO of the transaction (what the envelope said, not the headers). */
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/** A recipient the server refuses: for good (5xx), or for now (4xx) the next `times` attempts. */
export interface RecipientRefusal {
  code: number;
  message: string;
  /** How many RCPT commands are refused; unset: every one. */
  times?: number;
}

export interface SmtpCapture {
  /** For SMTP_URL. */
  url: string;
  /** Every message received so far, in arrival order. */
  readonly messages: readonly CapturedMail[];
  /** Messages to one address (envelope recipient, case-insensitive). */
  to(address: string): CapturedMail[];
  /** Resolves once `condition` holds, checked now and after every message received; rejects after `timeoutMs`. */
  waitFor(condition: (messages: readonly CapturedMail[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Refuse RCPT TO for this address (see RecipientRefusal). */
  refuse(address: string, refusal: RecipientRefusal): void;
  /** How many times RCPT TO was refused for an address. */
  refusals(address: string): number;
  /**
   * From now on a message, once received, is not answered until release() is called: the sender
   * waits with the message sent but not yet accepted. Held messages count in `held`, not `messages`.
   */
  hold(): { release(): void };
  /** How many messages are received and waiting for release(). */
  readonly held: number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests: plain SMTP (no STARTTLS), any or no authentication,
 * keeping every message raw and parsed with mailparser.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);
  const refusals = new Map<string, RecipientRefusal>();
  const refused = new Map<string, number>();
  let holding: Promise<void> | null = null;
  let held = 0;
  const key = (address: string) => address.trim().toLowerCase();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(key(address.address));
      if (!refusal || refusal.times === 0) return callback();
      if (refusal.times !== undefined) refusal.times -= 1;
      refused.set(key(address.address), (refused.get(key(address.address)) ?? 0) + 1);
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      const received = async () => {
        const raw = Buffer.concat(chunks);
        if (holding) {
          held += 1;
          arrivals.emit('held');
          await holding;
          held -= 1;
        }
        simpleParser(raw)
          .then((parsed) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            messages.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed });
            arrivals.emit('message');
            callback();
          })
          .catch(callback);
      };
      stream.on('end', () => {
        received().catch(callback);
      });
    },
  });
  server.on('error', () => {}); // a client dropping its connection is not the test's failure

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.envelope.to.some((to) => key(to) === key(address))),
    waitFor(condition, timeoutMs = 15_000, what = 'the expected e-mails') {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!condition(messages)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          const received = messages.map((m) => `${m.envelope.to.join(',')}: ${m.parsed.subject}`).join('\n  ');
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; received ${messages.length}:\n  ${received}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          arrivals.off('message', check);
        };
        arrivals.on('message', check);
        check();
      });
    },
    refuse(address, refusal) {
      refusals.set(key(address), { ...refusal });
    },
    refusals: (address) => refused.get(key(address)) ?? 0,
    hold() {
      let release = () => {};
      holding = new Promise<void>((resolve) => (release = resolve));
      const current = holding;
      return {
        release() {
          if (holding === current) holding = null;
          release();
        },
      };
    },
    get held() {
      return held;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
