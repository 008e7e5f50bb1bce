import { SingleFlight } from './single-flight.js';

/** What a SingleFlight logged: message and error, in order. */
function recorder() {
  const lines: { message: string; error?: unknown }[] = [];
  return { lines, log: { error: (message: string, error?: unknown) => void lines.push(error === undefined ? { message } : { message, error }) } };
}

describe('SingleFlight', () => {
  test('one run at a time: a start while a run is in flight joins it, the next start after it runs again', async () => {
    let runs = 0;
    let finish!: () => void;
    const flight = new SingleFlight(() => {
      runs++;
      return new Promise<void>((resolve) => (finish = resolve));
    }, 'Sweep failed');
    const { log, lines } = recorder();
    flight.start(log);
    flight.start(log);
    expect(runs).toBe(1);
    finish();
    await flight.idle();
    flight.start(log);
    expect(runs).toBe(2);
    finish();
    await flight.idle();
    expect(lines).toEqual([]);
  });

  test('a failure is logged with its error, and the next start retries', async () => {
    const failure = new Error('column "x" does not exist');
    let attempt = 0;
    const flight = new SingleFlight(async () => {
      if (attempt++ === 0) throw failure;
    }, 'Sweep failed; the next one retries');
    const { log, lines } = recorder();
    flight.start(log);
    await flight.idle();
    flight.start(log);
    await flight.idle();
    expect(attempt).toBe(2);
    expect(lines).toEqual([{ message: 'Sweep failed; the next one retries', error: failure }]);
  });

  test('a run cut off by a database restart is one line with the reason, without the error and its stack', async () => {
    // As TypeORM throws it when PostgreSQL terminates the connection mid-transaction.
    const restart = Object.assign(new Error('terminating connection due to administrator command'), {
      name: 'QueryFailedError',
      code: '57P01',
      driverError: { code: '57P01', message: 'terminating connection due to administrator command' },
    });
    const flight = new SingleFlight(() => Promise.reject(restart), 'Session reminder sweep failed; the next one retries');
    const { log, lines } = recorder();
    flight.start(log);
    await flight.idle();
    expect(lines).toEqual([
      {
        message:
          'Session reminder sweep failed; the next one retries (the database was unavailable: 57P01: terminating connection due to administrator command)',
      },
    ]);
  });
});
