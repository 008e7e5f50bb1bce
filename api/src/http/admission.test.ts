import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import pg from 'pg';
import { createTestDatabase, startTestApp } from '../test/harness.js';
import { AdmissionGate } from './admission.js';

/** Issue 15 §6: an overloaded instance turns requests away early with 503 and Retry-After instead of letting them time out. */

interface Held {
  name: string;
  finish(): void;
}

/** A real HTTP server whose handler answers only when the test says so. */
async function gatedServer(gate: AdmissionGate) {
  const held: Held[] = [];
  const app = express();
  app.use(gate.middleware);
  app.get('/:name', (req, res) => {
    held.push({ name: req.params.name, finish: () => res.json({ name: req.params.name }) });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    held,
    get: (name: string, signal?: AbortSignal) => fetch(`${url}/${name}`, { signal }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the admission gate', () => {
  test('runs so many at once, queues the next ones in order and turns away one more at once', async () => {
    const gate = new AdmissionGate({ concurrent: 2, maxWaitMs: 60_000, maxQueue: 2 });
    const server = await gatedServer(gate);
    try {
      const answers = ['a', 'b', 'c', 'd'].map((name) => server.get(name));
      await until(() => server.held.length === 2 && gate.stats().queued === 2);
      expect(server.held.map((h) => h.name).sort()).toEqual(['a', 'b']);

      const refused = await server.get('e');
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refused.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
      expect(body.errors[0].extensions.code).toBe('SERVICE_BUSY');
      expect(body.errors[0].extensions.retryAfterSeconds).toBe(Number(refused.headers.get('retry-after')));
      expect(server.held).toHaveLength(2);

      // Each answer lets the next in line in, first come first served.
      server.held.find((h) => h.name === 'a')!.finish();
      await until(() => server.held.length === 3);
      expect(server.held[2].name).toBe('c');
      server.held.find((h) => h.name === 'b')!.finish();
      await until(() => server.held.length === 4);
      expect(server.held[3].name).toBe('d');
      server.held.slice(2).forEach((h) => h.finish());

      const statuses = await Promise.all(answers.map(async (answer) => (await answer).status));
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(gate.stats()).toEqual({ running: 0, queued: 0, refused: 1 });
    } finally {
      await server.close();
    }
  });

  test('a request that waits longer than allowed gets 503; one whose client gave up leaves the line', async () => {
    const gate = new AdmissionGate({ concurrent: 1, maxWaitMs: 200, maxQueue: 1 });
    const server = await gatedServer(gate);
    try {
      const first = server.get('first');
      await until(() => server.held.length === 1);

      const waited = await server.get('waits');
      expect(waited.status).toBe(503);
      expect(gate.stats()).toMatchObject({ running: 1, queued: 0, refused: 1 });

      // A client that gives up frees its place: the next one is queued, not turned away.
      const giveUp = new AbortController();
      const abandoned = server.get('abandoned', giveUp.signal).catch((error: Error) => error.name);
      await until(() => gate.stats().queued === 1);
      giveUp.abort();
      expect(await abandoned).toBe('AbortError');
      await until(() => gate.stats().queued === 0);

      const next = server.get('next');
      await until(() => gate.stats().queued === 1);
      server.held[0].finish();
      await until(() => server.held.length === 2);
      expect(server.held[1].name).toBe('next');
      server.held[1].finish();
      expect((await first).status).toBe(200);
      expect((await next).status).toBe(200);
      expect(gate.stats()).toEqual({ running: 0, queued: 0, refused: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('GraphQL behind the gate', () => {
  test('while the database holds the one running request, the next gets 503 SERVICE_BUSY; both work again after', async () => {
    const database = await createTestDatabase({ migrated: true });
    const t = await startTestApp({ MPS_LIMIT_CONCURRENT_REQUESTS: '1', MPS_LIMIT_QUEUE_WAIT_MS: '300' }, { databaseUrl: database.url });
    const blocker = new pg.Client({ connectionString: database.url });
    try {
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE course IN ACCESS EXCLUSIVE MODE');
      const held = t.anonymous.request('{ courses { total } }');
      await until(() => t.app.server.admission.stats().running === 1);

      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ topics { total } }' }),
      });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SERVICE_BUSY');

      await blocker.query('COMMIT');
      expect((await held).data).toEqual({ courses: { total: 0 } });
      expect((await t.anonymous.request('{ topics { total } }')).data).toEqual({ topics: { total: 0 } });
    } finally {
      await blocker.end();
      await t.stop();
      await database.drop();
    }
  });
});
