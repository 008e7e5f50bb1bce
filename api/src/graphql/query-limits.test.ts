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
          if (Array.isArray(error)) resolve({ errors: error });
          else reject(error);
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

/**
 * Each fragment spreads the one before it twice: walked anew at every spread, level n costs 2^n
 * walks (22 levels took ~9.5 s of CPU, 40 would take days) in a few hundred tokens. Measured once
 * per document, both are refused at once; a regression would run into jest's timeout.
 */
function fragmentBomb(levels: number): string {
  const fragments = [`fragment F0 on Course { code }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Course { ...F${i - 1} ...F${i - 1} }`);
  return `{ courses { items { ...F${levels} } } } ${fragments.join(' ')}`;
}

describe.each([22, 40])('a %i-level fragment bomb', (levels) => {
  test('is refused over HTTP', async () => {
    expect(await t.anonymous.codes(fragmentBomb(levels))).toContain('QUERY_TOO_COMPLEX');
  });
  test('is refused over the WebSocket', async () => {
    const result = await wsRequest(fragmentBomb(levels));
    expect(JSON.stringify(result.errors)).toMatch(/Query cost \d+ exceeds the limit/);
  });
});

test('a fragment spread inside its own fragment is refused, not walked forever', async () => {
  const cyclic = `{ courses { items { ...A } } } fragment A on Course { code ...B } fragment B on Course { title ...A }`;
  const overHttp = await t.anonymous.request(cyclic);
  expect(overHttp.errors?.map((e) => e.extensions?.code)).toContain('BAD_REQUEST');
  const messages = (errors: unknown[] | undefined) => (errors as { message: string }[] | undefined)?.map((e) => e.message).join('\n');
  expect(messages(overHttp.errors)).toMatch(/Cannot spread fragment "A" within itself/);
  expect(messages((await wsRequest(cyclic)).errors)).toMatch(/Cannot spread fragment "A" within itself/);
});

test('a fragment counts as deep and as costly as where it is spread', async () => {
  const fragment = `fragment Deep on Session { group { course { code } } }`;
  const tooDeep = `{ courses { items { openGroups { sessions { ...Deep } } } } } ${fragment}`;
  expect(await t.anonymous.codes(tooDeep)).toContain('QUERY_TOO_COMPLEX');
  const sameDepthInline = `{ courses { items { openGroups { sessions { group { course { code } } } } } } }`;
  expect(await t.anonymous.codes(sameDepthInline)).toContain('QUERY_TOO_COMPLEX');
  const atTheTop = `{ courses { items { ...Listed } } } fragment Listed on Course { code openGroups { code } }`;
  expect(await t.anonymous.codes(atTheTop)).toEqual([]);
});

test('a WebSocket from a foreign origin is refused', async () => {
  await expect(wsRequest('{ topics { total } }', { origin: 'https://evil.example' })).rejects.toBeDefined();
});
