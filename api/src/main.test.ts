import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProductServer } from './test/browser.js';

const CATALOG = JSON.stringify({ query: '{ courses(perPage: 50) { total items { openGroups { sessions { lecturer { name } } } } } }' });
const ask = (url: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: CATALOG });

test('npm start: migrates, loads demo data once, finishes requests in flight on SIGTERM, and starts again on the same data', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-main-'));
  try {
    const first = await startProductServer({}, { dataDir });
    expect(first.output()).toContain('Loaded demo data');
    const health = await (await fetch(`${first.url}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'ok' });

    // Requests already sent when the signal arrives still get their answers.
    const inFlight = Array.from({ length: 20 }, () => ask(first.url));
    await new Promise((resolve) => setImmediate(resolve));
    const [exitCode, ...responses] = await Promise.all([first.stop(), ...inFlight.map((r) => r.then((res) => res.status, () => 'failed'))]);
    expect({ exitCode, output: first.output() }).toEqual({ exitCode: 0, output: expect.stringContaining('SIGTERM') });
    expect(responses.filter((status) => status === 200).length).toBeGreaterThan(0);
    expect(responses.filter((status) => status !== 200 && status !== 'failed')).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'mps.lock'))).toBe(false);

    const second = await startProductServer({}, { dataDir });
    expect(second.output()).not.toContain('Loaded demo data');
    expect(second.output()).not.toContain('Applied');
    const data = await (await ask(second.url)).json();
    expect(data.data.courses.total).toBeGreaterThanOrEqual(40);
    expect(await second.stop()).toBe(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a bad setting stops the start with the variable named, not a stack trace', async () => {
  await expect(startProductServer({ PORT: 'eighty' })).rejects.toThrow(/MPS could not start: Invalid configuration:\s+- PORT must be a whole number/);
});
