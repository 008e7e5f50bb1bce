import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../test/harness.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../test/temporary-postgres.js';

/** Issue 14 (5): requests per minute and WebSocket caps, answered with 429 and Retry-After. */

const SMALL_LIMITS = {
  MPS_LIMIT_GRAPHQL_PER_MINUTE: '5',
  MPS_LIMIT_SIGN_IN_PER_MINUTE: '2',
  MPS_LIMIT_CALENDAR_PER_MINUTE: '2',
  MPS_LIMIT_SOCKETS_PER_CLIENT: '2',
  MPS_LIMIT_SUBSCRIPTIONS_PER_SOCKET: '2',
};
const QUERY = JSON.stringify({ query: '{ courses { total } }' });

const graphql = (t: TestApp, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });

/** Opens a WebSocket to /graphql; resolves with it once open, or with the HTTP status that refused the upgrade. */
function openSocket(t: TestApp): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('on embedded PostgreSQL, with small limits', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp(SMALL_LIMITS)));
  afterAll(() => t?.stop());

  test('GraphQL: over the limit an anonymous caller gets 429 with Retry-After and RATE_LIMITED; a signed-in person counts apart', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await graphql(t)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await graphql(t);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringMatching(/^Too many requests/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }],
    });
    const { token } = await t.app.services.auth.startSession(await anyPerson(t), 'test');
    expect((await graphql(t, { cookie: `mps_session=${token}` })).status).toBe(200);
  });

  test('sign-in posts and calendar feeds have limits of their own', async () => {
    const post = () =>
      fetch(`${t.url}/auth/wsfed`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'wa=wsignin1.0' });
    expect([(await post()).status, (await post()).status]).toEqual([400, 400]);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Pages of the sign-in are not counted.
    expect((await fetch(`${t.url}/auth/sign-in`, { redirect: 'manual' })).status).not.toBe(429);

    const feed = (token: string) => fetch(`${t.url}/calendar/${token}.ics`);
    expect([(await feed('a'.repeat(43))).status, (await feed('a'.repeat(43))).status]).toEqual([404, 404]);
    expect((await feed('a'.repeat(43))).status).toBe(429);
    expect((await feed('b'.repeat(43))).status).toBe(404);
  });

  test('at most 2 subscriptions on one WebSocket', async () => {
    const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    try {
      const settled: unknown[] = [];
      // An accepted subscription stays open; a refused one settles with the errors.
      const subscribe = () =>
        new Promise<unknown>((resolve) => {
          client.subscribe({ query: 'subscription { scheduleChanged { id } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
        }).then((outcome) => settled.push(outcome));
      void subscribe();
      void subscribe();
      const live = t.app.services.scheduleEvents;
      const deadline = Date.now() + 5000;
      while (live.subscriberCount < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect({ serving: live.subscriberCount, settled }).toEqual({ serving: 2, settled: [] });
      await subscribe();
      expect(settled).toEqual([[expect.objectContaining({ message: 'Too many subscriptions on this connection', extensions: { code: 'RATE_LIMITED' } })]]);
    } finally {
      await client.dispose();
    }
  });

  test('at most 2 WebSockets per address; a closed one makes room', async () => {
    // (The previous test's socket may still be counted for a moment after it closed.)
    const first = await waitForSocket(t);
    const second = await waitForSocket(t);
    expect(await openSocket(t)).toBe(429);
    const closed = new Promise((resolve) => first.once('close', resolve));
    first.close();
    await closed;
    const again = await waitForSocket(t);
    second.close();
    again.close();
  });
});

/** A socket closed by the client is counted out when the server sees it close: until then a new one may still be refused. */
async function waitForSocket(t: TestApp): Promise<WebSocket> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const socket = await openSocket(t);
    if (socket instanceof WebSocket) return socket;
    if (Date.now() > deadline) throw new Error(`A socket was still refused (${socket}) after one closed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function anyPerson(t: TestApp): Promise<string> {
  const [row] = await t.app.dataSource.query(`INSERT INTO person (given_name, family_name, email) VALUES ('Anna', 'Bērziņa', 'anna@example.lv') RETURNING id`);
  return row.id;
}

(realPostgresAvailable() ? test : test.skip)(
  `two instances on one PostgreSQL count one limit together${realPostgresAvailable() ? '' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const apps: TestApp[] = [];
    try {
      apps.push(await startTestApp(SMALL_LIMITS, { databaseUrl: server.url }));
      apps.push(await startTestApp(SMALL_LIMITS, { databaseUrl: server.url }));
      const [a, b] = apps;
      const statuses = [];
      for (const app of [a, b, a, b, a]) statuses.push((await graphql(app)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect([(await graphql(b)).status, (await graphql(a)).status]).toEqual([429, 429]);
    } finally {
      for (const app of apps.reverse()) await app.stop();
      await server.stop();
    }
  },
);
