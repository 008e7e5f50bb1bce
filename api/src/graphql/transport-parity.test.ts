import { generateKeyPairSync } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type GraphQLResponse, type TestApp } from '../test/harness.js';

/**
 * Issue 14 (1, 2, 6): a request gets the same answer over HTTP and over the WebSocket: the same
 * validation (introspection off and no "Did you mean" in production, no NUL characters anywhere),
 * the same error codes, the same masking.
 */

type Transport = 'HTTP' | 'WebSocket';

async function overWebSocket(t: TestApp, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  try {
    return await new Promise<GraphQLResponse>((resolve) => {
      let result: GraphQLResponse = {};
      client.subscribe(
        { query, variables },
        {
          next: (value) => (result = value as GraphQLResponse),
          error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'SOCKET_ERROR' } }] }),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const ask = (t: TestApp, transport: Transport, query: string, variables?: Record<string, unknown>) =>
  transport === 'HTTP' ? t.anonymous.request(query, variables) : overWebSocket(t, query, variables);

const codes = (result: GraphQLResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

const modes = {
  development: {},
  production: {
    NODE_ENV: 'production',
    MPS_SECRET: 'p'.repeat(40),
    MPS_PUBLIC_URL: 'https://mps.example.lv',
    MPS_WSFED_URL: 'https://gateway.example.lv/Auth/Login',
    MPS_WSFED_CERT: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  },
};

describe.each(Object.keys(modes) as (keyof typeof modes)[])('in %s', (mode) => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp(modes[mode])));
  afterAll(() => t?.stop());

  describe.each<Transport>(['HTTP', 'WebSocket'])('over %s', (transport) => {
    test(mode === 'production' ? 'introspection is refused as BAD_REQUEST' : 'introspection answers', async () => {
      const result = await ask(t, transport, '{ __schema { queryType { name } } }');
      if (mode === 'production') expect(codes(result)).toEqual(['BAD_REQUEST']);
      else expect(result).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    });

    test(`a misspelt field is BAD_REQUEST${mode === 'production' ? ', with no suggestion that would reveal the schema' : ', with a suggestion'}`, async () => {
      const result = await ask(t, transport, '{ courses { totl } }');
      expect(codes(result)).toEqual(['BAD_REQUEST']);
      expect(result.errors![0].message).toMatch(mode === 'production' ? /^Cannot query field "totl" on type "CoursePage"\.$/ : /Did you mean "total"\?/);
    });

    test('a NUL character in a variable is VALIDATION, naming the variable', async () => {
      const result = await ask(t, transport, 'query ($q: String) { courses(filter: { q: $q }) { total } }', { q: 'a\u0000b' });
      expect(codes(result)).toEqual(['VALIDATION']);
      expect(result.errors![0].extensions!.fields).toEqual([
        { field: 'variables.q', code: 'INVALID_CHARACTER', message: 'Contains a NUL character, which is not allowed' },
      ]);
    });

    test('a NUL character in a nested variable or written in the query itself is VALIDATION too', async () => {
      const nested = await ask(t, transport, 'query ($filter: CourseFilter) { courses(filter: $filter) { total } }', { filter: { q: 'x', ids: ['\u0000'] } });
      expect(nested.errors![0].extensions).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ field: 'variables.filter.ids.0' })] });
      const inline = await ask(t, transport, '{ courses(filter: { q: "a\\u0000b" }) { total } }');
      expect(inline.errors![0].extensions).toMatchObject({
        code: 'VALIDATION',
        fields: [expect.objectContaining({ field: 'query', code: 'INVALID_CHARACTER' })],
      });
    });

    test('an error of the operation itself carries its code', async () => {
      const result = await ask(t, transport, '{ course(id: "00000000-0000-4000-8000-000000000000") { id } }');
      expect(codes(result)).toEqual(['NOT_FOUND']);
    });
  });
});
