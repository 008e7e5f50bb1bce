import 'reflect-metadata';
import { startApp, type App } from './app.js';
import { processLogger as log } from './common/logger.js';
import { ConfigError, loadConfig } from './config.js';
import { isStorageFull } from './db/connection-health.js';
import { JobStoreError } from './jobs/job-runner.js';
import { StartupError } from './startup-error.js';

/** Failures a person can act on get one clear line; anything else keeps its stack. */
function explain(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof JobStoreError) return error.message;
  if (isStorageFull(error)) return `The database's disk is full (${(error as Error).message}). Make room on it and start again.`;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return `Cannot reach the database at DATABASE_URL (${(error as Error).message}). Check the address, the user and that the server is running.`;
  }
  return (error as Error)?.stack ?? String(error);
}

async function main(): Promise<void> {
  const config = loadConfig();
  let app: App | null = null;
  let stopping = false;
  const stop = async () => {
    try {
      await app!.stop();
      process.exit(0);
    } catch (error) {
      log.error('Stopping failed', error);
      process.exit(1);
    }
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C means now; a repeated SIGTERM changes nothing.
      if (signal === 'SIGINT') process.exit(1);
      return;
    }
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then stopping`);
    // While starting, the start finishes first (a migration is not cut in half).
    if (app) void stop();
  };
  // Before anything is announced: a signal that came before the handlers would end the process at once.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  app = await startApp(config);
  if (stopping) return stop();
  log.info(`MPS is running: portal ${app.url}/  console ${app.url}/admin  GraphQL ${app.url}/graphql`);
}

main().catch((error) => {
  log.error(`MPS could not start: ${explain(error)}`);
  process.exit(1);
});
