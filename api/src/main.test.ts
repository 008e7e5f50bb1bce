import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startProductServer } from './test/browser.js';

const CATALOG = JSON.stringify({ query: '{ courses(perPage: 50) { total items { openGroups { sessions { lecturer { name } } } } } }' });
const ask = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: CATALOG });

/** One request on a connection of its own, written at once: really in flight, not queued in a client pool. */
function askOnOwnConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(CATALOG);
  });
}

test('npm start: migrates, loads demo data once, finishes requests in flight on SIGTERM, and starts again on the same data', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-main-'));
  try {
    const first = await startProductServer({}, { dataDir });
    expect(first.output()).toContain('Loaded demo data');
    const health = await (await fetch(`${first.url}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'ok', jobs: 'ok', liveUpdates: 'ok', mail: 'ok' });

    // Once the server is answering the batch, the rest of it is in flight: every request gets its answer.
    const inFlight = Array.from({ length: 20 }, () => askOnOwnConnection(first.url).catch((error) => `failed: ${error}`));
    await Promise.race(inFlight);
    const [exitCode, ...statuses] = await Promise.all([first.stop(), ...inFlight]);
    expect({ exitCode, output: first.output() }).toEqual({ exitCode: 0, output: expect.stringContaining('SIGTERM') });
    expect(statuses).toEqual(Array(20).fill(200));
    expect(fs.existsSync(path.join(dataDir, 'mps.lock'))).toBe(false);

    const second = await startProductServer({}, { dataDir });
    expect(second.output()).not.toContain('Loaded demo data');
    expect(second.output()).not.toContain('Applied');
    const data = (await (await ask(second.url)).json()) as { data: { courses: { total: number } } };
    expect(data.data.courses.total).toBeGreaterThanOrEqual(40);
    expect(await second.stop()).toBe(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a bad setting stops the start with the variable named, not a stack trace', async () => {
  await expect(startProductServer({ PORT: 'eighty' })).rejects.toThrow(/MPS could not start: Invalid configuration:\s+- PORT must be a whole number/);
});
