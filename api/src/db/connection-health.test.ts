import { ConnectionHealth, isConnectionError } from './connection-health.js';

test('connection errors are told apart from errors of the query', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  expect(isConnectionError(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
  expect(isConnectionError(pgError('57P03', 'the database system is starting up'))).toBe(true);
  expect(isConnectionError(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
  expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isConnectionError(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]))).toBe(true);
  // TypeORM wraps the driver's error.
  expect(isConnectionError(Object.assign(new Error('QueryFailedError'), { driverError: pgError('57P01') }))).toBe(true);
  expect(isConnectionError(Object.assign(new Error('x'), { name: 'MongoServerSelectionError' }))).toBe(true);

  expect(isConnectionError(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
  expect(isConnectionError(pgError('42P01', 'relation "nope" does not exist'))).toBe(false);
  expect(isConnectionError(new Error('Cannot read properties of undefined'))).toBe(false);
  expect(isConnectionError(null)).toBe(false);
});

test('a link logs one line when it is lost and one when it is back, however many attempts fail between', () => {
  const lines: string[] = [];
  const health = new ConnectionHealth({ info: (m) => lines.push(`info: ${m}`), error: (m) => lines.push(`error: ${m}`) });
  const jobs = health.link('jobs', 'The job store');
  let restoredCalls = 0;
  jobs.whenRestored(() => (restoredCalls += 1));
  expect(health.report()).toEqual({ jobs: { state: 'ok', since: expect.any(Date) } });

  const lost = Object.assign(new Error('terminating connection due to administrator command\n  at somewhere postgres://u:secret@db/mps'), { code: '57P01' });
  for (let i = 0; i < 5; i++) jobs.lost(lost);
  expect(health.report().jobs).toEqual({
    state: 'reconnecting',
    since: expect.any(Date),
    reason: '57P01: terminating connection due to administrator command',
  });
  jobs.restored();
  jobs.restored();
  expect(health.report().jobs.state).toBe('ok');
  expect(restoredCalls).toBe(1);
  expect(lines).toEqual([
    'error: The job store lost the database connection (57P01: terminating connection due to administrator command); reconnecting',
    expect.stringMatching(/^info: The job store reconnected to the database after \d+\.\d s$/),
  ]);
  // The same link is handed out again by name.
  expect(health.link('jobs', 'other label')).toBe(jobs);
});
