import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../db/data-source.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { TEMPLATE_NAME_FILE, once } from './run-folder.js';

/** Databases with every migration applied, made once per test run (see run-folder.ts) and copied per test file. */

async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** A dump of an in-memory PGlite with every migration applied (null: no run dir). */
export async function migratedPgliteDump(): Promise<Blob | null> {
  const file = await once('pglite-migrated.tar', async (target) => {
    const embedded = await startEmbeddedPostgres(null);
    try {
      await migrate(embedded.url);
      fs.writeFileSync(target, Buffer.from(await (await embedded.dump()).arrayBuffer()));
    } finally {
      await embedded.stop();
    }
  });
  return file ? new Blob([fs.readFileSync(file)]) : null;
}

/** The name of a migrated template database on the server of `serverUrl` (null: no run dir). */
export async function migratedTemplate(serverUrl: string): Promise<string | null> {
  const file = await once(TEMPLATE_NAME_FILE, async (target) => {
    const name = `mps_template_${path
      .basename(process.env.MPS_TEST_RUN_DIR!)
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    fs.writeFileSync(target, name);
  });
  return file ? fs.readFileSync(file, 'utf8') : null;
}
