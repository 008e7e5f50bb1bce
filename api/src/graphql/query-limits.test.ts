import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const deep = `{ courses { items { openGroups { sessions { group { course { code } } } } } } }`;
const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: topics { total }`).join(' ')} }`;

test.each([
  ['depth over 6', deep],
  ['more than 15 aliases', aliases],
])('HTTP refuses a query with %s', async (_what, query) => {
  expect(await t.anonymous.codes(query)).toContain('QUERY_TOO_COMPLEX');
});

test('HTTP refuses more than 1000 tokens', async () => {
  const huge = `{ courses { total ${'total '.repeat(1200)} } }`;
  expect(await t.anonymous.codes(huge)).toEqual(['BAD_REQUEST']);
});

test('HTTP refuses batched requests', async () => {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ query: '{ topics { total } }' }, { query: '{ topics { total } }' }]),
  });
  expect(response.status).toBe(400);
});

test('a GET without the preflight header is refused (CSRF prevention)', async () => {
  const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ topics { total } }')}`);
  expect(response.status).toBe(400);
});

function wsRequest(query: string, headers: Record<string, string> = {}): Promise<{ data?: unknown; errors?: unknown[] }> {
  const client = createClient({
    url: t.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    retryAttempts: 0,
  });
  return new Promise((resolve, reject) => {
    let result: { data?: unknown; errors?: unknown[] } = {};
    client.subscribe(
      { query },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => {
          void client.dispose();
          Array.isArray(error) ? resolve({ errors: error }) : reject(error);
        },
        complete: () => {
          void client.dispose();
          resolve(result);
        },
      },
    );
  });
}

test('the WebSocket endpoint answers queries', async () => {
  const result = await wsRequest('{ topics { total } }');
  expect(result).toEqual({ data: { topics: { total: 0 } } });
});

test.each([
  ['depth over 6', deep],
  ['more than 15 aliases', aliases],
])('the WebSocket endpoint applies the same limits: %s', async (_what, query) => {
  const result = await wsRequest(query);
  expect(JSON.stringify(result.errors)).toMatch(/exceeds? the limit/);
});

test('a WebSocket from a foreign origin is refused', async () => {
  await expect(wsRequest('{ topics { total } }', { origin: 'https://evil.example' })).rejects.toBeDefined();
});
