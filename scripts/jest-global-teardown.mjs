// jest globalTeardown: removes the run's folder and the template database made in it (api/src/test/run-folder.ts).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const runDir = process.env.MPS_TEST_RUN_DIR;
  if (!runDir) return;
  const nameFile = path.join(runDir, 'template-database');
  if (process.env.DATABASE_URL && fs.existsSync(nameFile)) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${fs.readFileSync(nameFile, 'utf8')} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  fs.rmSync(runDir, { recursive: true, force: true });
}
