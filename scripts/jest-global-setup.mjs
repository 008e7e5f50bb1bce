// jest globalSetup: a folder for things made once per test run (api/src/test/run-folder.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function globalSetup() {
  process.env.MPS_TEST_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-test-run-'));
}
