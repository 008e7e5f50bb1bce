import { GraphQLError } from 'graphql';
import { startTestApp, type TestApp } from '../test/harness.js';
import { DomainError, ErrorCode, formatError } from './errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NODE_ENV: 'production', MPS_SECRET: 'p'.repeat(40) });
});
afterAll(() => t?.stop());

test('production turns introspection off', async () => {
  expect(await t.anonymous.codes(`{ __schema { types { name } } }`)).toEqual(['BAD_REQUEST']);
});

test('production gives no field suggestions that would reveal the schema', async () => {
  const result = await t.anonymous.request(`{ course { titl } }`);
  expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean/);
});

test('production has no development sign-in', async () => {
  expect((await fetch(`${t.url}/auth/dev`)).status).toBe(404);
  const signIn = await fetch(`${t.url}/auth/sign-in`, { redirect: 'manual' });
  expect(signIn.status).toBe(503);
});

describe('formatError', () => {
  const logged: unknown[] = [];
  const options = (maskUnexpected: boolean) => ({ maskUnexpected, log: (e: unknown) => logged.push(e) });
  const wrap = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['courses'] });

  test('masks an unexpected error in production and logs it', () => {
    const error = new Error('connection to 10.0.0.5:5432 refused, password for mps rejected');
    const formatted = formatError({ message: error.message, path: ['courses'] }, wrap(error), options(true));
    expect(formatted).toEqual({ message: 'Internal server error', path: ['courses'], locations: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(logged).toContain(error);
  });

  test('keeps the message outside production, for developers', () => {
    const error = new Error('a bug');
    expect(formatError({ message: 'a bug' }, wrap(error), options(false)).message).toBe('a bug');
  });

  test('keeps domain errors with their code and details, also in production', () => {
    const error = new DomainError(ErrorCode.IN_USE, 'Topic LAW still has 3 courses', { courses: 3 });
    expect(formatError({ message: error.message }, wrap(error), options(true))).toMatchObject({
      message: 'Topic LAW still has 3 courses',
      extensions: { code: 'IN_USE', courses: 3 },
    });
  });
});
