import { pino, stdSerializers, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** What every part that reports something takes: a message, and for failures the error. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * Where personal data may sit in what is logged: pino removes these fields before a line is written.
 * Request objects and errors from libraries (pg, nodemailer, openid-client) carry them.
 */
export const REDACTED_PATHS = [
  'personalCode',
  'email',
  'givenName',
  'familyName',
  'phone',
  'token',
  'password',
  'cookie',
  'authorization',
  '*.personalCode',
  '*.email',
  '*.givenName',
  '*.familyName',
  '*.phone',
  '*.token',
  '*.password',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  'err.parameters',
  'err.config',
  'err.response',
];

const PERSONAL_CODE = /\b\d{6}-?\d{5}\b/g;
const EMAIL_ADDRESS = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
const COOKIE_VALUE = /\b(mps_session|cookie)=[^;\s]+/gi;

/** Masks personal codes, e-mail addresses and credentials inside free text (messages, stacks, SQL errors). */
export function scrub(text: string): string {
  return text
    .replace(PERSONAL_CODE, '[personal code]')
    .replace(EMAIL_ADDRESS, '[e-mail]')
    .replace(BEARER, '$1 [redacted]')
    .replace(COOKIE_VALUE, '$1=[redacted]');
}

/** An error as pino writes it, with personal data masked in its text (a pg error quotes the row it refused). */
function errorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrub(error) : error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    clean[key] = typeof value === 'string' ? scrub(value) : value;
  }
  return clean;
}

export type LogFormat = 'json' | 'readable';

/** The format of the running process: JSON lines in production, plain lines for a person at a terminal. */
export function logFormatFor(env: NodeJS.ProcessEnv): LogFormat {
  return env.NODE_ENV === 'production' || env.MPS_LOG_FORMAT === 'json' ? 'json' : 'readable';
}

/**
 * The readable format: the message alone (start-up failures stay one line a person can act on),
 * failures on stderr with the error's stack below. Lines are the JSON pino wrote, already redacted.
 */
function readableStreams(out: NodeJS.WritableStream, err: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as { level: number; msg?: string; err?: { stack?: string; message?: string } };
      const failure = entry.level >= 50;
      const detail = entry.err ? `\n${entry.err.stack ?? entry.err.message ?? ''}` : '';
      (failure ? err : out).write(`${entry.msg ?? ''}${detail}\n`);
    },
  };
}

export interface LoggerOptions {
  format: LogFormat;
  /** Where JSON lines go (stdout by default); tests pass their own. */
  destination?: DestinationStream;
  /** The readable format's streams (stdout and stderr by default). */
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** The pino logger behind every Logger: personal data redacted by field and masked in free text. */
export function createPinoLogger(options: LoggerOptions): PinoLogger {
  const destination =
    options.format === 'json'
      ? (options.destination ?? pino.destination({ dest: 1, sync: true }))
      : readableStreams(options.out ?? process.stdout, options.err ?? process.stderr);
  return pino(
    {
      base: { service: 'mps' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: errorSerializer, error: errorSerializer },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** A Logger on pino. */
export function createLogger(options: LoggerOptions): Logger {
  const log = createPinoLogger(options);
  return {
    info: (message) => log.info(message),
    error: (message, error) => (error === undefined ? log.error(message) : log.error({ err: error }, message)),
  };
}

/** The process's logger, in the format its environment asks for. */
export const processLogger: Logger = createLogger({ format: logFormatFor(process.env) });
