import fs from 'node:fs';
import path from 'node:path';

/**
 * Things every test file needs and that cost seconds to make, made once per test run and copied:
 * a migrated database (a template database on the real server, a dump of an in-memory PGlite
 * otherwise) and, for tests of the built product, a data folder after the first start (migrated,
 * demo data loaded).
 *
 * jest's globalSetup (scripts/jest-global-setup.mjs) gives the run a folder in MPS_TEST_RUN_DIR and
 * its globalTeardown removes it and the template database. The first test file that needs a thing
 * makes it while holding a lock folder; the others wait for it. Without MPS_TEST_RUN_DIR (a
 * benchmark, a script) nothing is kept and every caller makes its own.
 */

const MAKING_TIMEOUT_MS = 180_000;
const POLL_MS = 50;

/** The file that names the template database, read by globalTeardown to drop it. */
export const TEMPLATE_NAME_FILE = 'template-database';

const runDir = (): string | null => process.env.MPS_TEST_RUN_DIR || null;

const made = new Map<string, Promise<string | null>>();

/**
 * `<run dir>/<name>` once `make` has written it (into a temporary path that is then renamed), made
 * by exactly one process of the run; null without a run dir.
 */
export function once(name: string, make: (target: string) => Promise<void>): Promise<string | null> {
  let result = made.get(name);
  if (!result) {
    result = makeOnce(name, make);
    made.set(name, result);
    result.catch(() => made.delete(name));
  }
  return result;
}

async function makeOnce(name: string, make: (target: string) => Promise<void>): Promise<string | null> {
  const dir = runDir();
  if (!dir) return null;
  const target = path.join(dir, name);
  const lock = `${target}.making`;
  const deadline = Date.now() + MAKING_TIMEOUT_MS;
  for (;;) {
    if (fs.existsSync(target)) return target;
    try {
      fs.mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline)
        throw new Error(`${target} was still being made after ${MAKING_TIMEOUT_MS / 1000} s (${lock} is left from a test process that died?)`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    try {
      if (fs.existsSync(target)) return target;
      const partial = `${target}.partial`;
      fs.rmSync(partial, { recursive: true, force: true });
      await make(partial);
      fs.renameSync(partial, target);
      return target;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * A data folder of the built product after its first start (migrated, demo data loaded), made by
 * `start(folder)` once per run; null without a run dir.
 */
export function productDataFolder(start: (dataDir: string) => Promise<{ stop(): Promise<number | null> }>): Promise<string | null> {
  return once('product-data', async (target) => {
    const server = await start(target);
    const code = await server.stop();
    if (code !== 0) throw new Error(`The product made for the snapshot stopped with exit code ${code}`);
    fs.rmSync(path.join(target, 'run'), { recursive: true, force: true });
  });
}
