import 'reflect-metadata';
import { startApp } from './app.js';
import { loadConfig } from './config.js';
import { createTestDatabase } from './test/harness.js';
import * as demo from './db/seed/demo-data.js';
import { migrations as allMigrations } from './db/entities.js';

const quiet = { info: () => {}, error: (message: string, error?: unknown) => console.error(message, error) };

test('two instances starting at once on an empty database migrate and seed it exactly once', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', MPS_DEMO_DATA: 'true' });
  try {
    const apps = await Promise.all([1, 2, 3].map(() => startApp(config, quiet, { databaseUrl: database.url, jobs: { lockLifetimeMs: 2000 } })));
    const [one] = apps;
    const [{ n: migrations }] = await one.dataSource.query('SELECT count(*)::int AS n FROM migrations');
    const [{ n: courses }] = await one.dataSource.query('SELECT count(*)::int AS n FROM course');
    expect(migrations).toBe(allMigrations.length);
    expect(courses).toBe(demo.courses.length);
    for (const app of apps) await app.stop();
  } finally {
    await database.drop();
  }
});
