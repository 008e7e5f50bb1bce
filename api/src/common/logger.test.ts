import { Writable } from 'node:stream';
import { createLogger, createPinoLogger, logFormatFor } from './logger.js';

/** A stream that keeps what was written, line by line. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream, write: (line: string) => lines.push(...line.split('\n').filter(Boolean)) };
}

const CODE = '120389-11234';
const EMAIL = 'anna.berzina@example.lv';

test('JSON lines carry no personal code, e-mail, name, token or cookie, in fields, messages or errors', () => {
  const out = capture();
  const pinoLog = createPinoLogger({ format: 'json', destination: { write: out.write } });
  pinoLog.info(
    {
      person: { personalCode: CODE, email: EMAIL, givenName: 'Anna', familyName: 'Bērziņa' },
      req: { headers: { cookie: 'mps_session=s3cret', authorization: 'Bearer tok3n' } },
    },
    'Signed in',
  );
  const log = createLogger({ format: 'json', destination: { write: out.write } });
  log.info(`Sent the confirmation to ${EMAIL} for ${CODE}`);
  const error = Object.assign(new Error(`duplicate key (personal_code)=(${CODE}) for ${EMAIL}`), { parameters: [CODE, EMAIL] });
  log.error('Registration failed', error);

  const text = out.lines.join('\n');
  for (const secret of [CODE, EMAIL, 'Anna', 'Bērziņa', 's3cret', 'tok3n']) expect(text).not.toContain(secret);
  const [signedIn, sent, failed] = out.lines.map((line) => JSON.parse(line));
  expect(signedIn).toMatchObject({
    level: 30,
    msg: 'Signed in',
    person: { personalCode: '[redacted]', email: '[redacted]' },
    req: { headers: { cookie: '[redacted]' } },
  });
  expect(sent.msg).toBe('Sent the confirmation to [e-mail] for [personal code]');
  expect(failed).toMatchObject({
    level: 50,
    msg: 'Registration failed',
    err: { type: 'Error', message: 'duplicate key (personal_code)=([personal code]) for [e-mail]' },
  });
  expect(failed.err.stack).toContain('[personal code]');
});

test('the readable format writes the message alone, failures with their stack on stderr', () => {
  const out = capture();
  const err = capture();
  const log = createLogger({ format: 'readable', out: out.stream, err: err.stream });
  log.info('Loaded demo data');
  log.error('MPS could not start: Port 4000 is already in use');
  log.error(`Delivery to ${EMAIL} failed`, new Error('connection refused'));
  expect(out.lines).toEqual(['Loaded demo data']);
  expect(err.lines[0]).toBe('MPS could not start: Port 4000 is already in use');
  expect(err.lines[1]).toBe('Delivery to [e-mail] failed');
  expect(err.lines[2]).toBe('Error: connection refused');
  expect(err.lines.join('\n')).not.toContain(EMAIL);
});

test('production logs JSON lines; development and tests read as plain lines', () => {
  expect(logFormatFor({ NODE_ENV: 'production' })).toBe('json');
  expect(logFormatFor({ NODE_ENV: 'development' })).toBe('readable');
  expect(logFormatFor({ NODE_ENV: 'development', MPS_LOG_FORMAT: 'json' })).toBe('json');
});
