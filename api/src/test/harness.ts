import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApp, type App, type StartOptions } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { QueryCounter } from '../db/data-source.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { SESSION_COOKIE } from '../http/cookies.js';
import { migratedPgliteDump, migratedTemplate } from './snapshots.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a fresh database on the server of DATABASE_URL (CI runs
 * a real PostgreSQL), or else an in-memory PGlite. Empty, or with `migrated` a copy of the run's
 * migrated database (see snapshots.ts), which saves each file the migrations.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const load = options.migrated ? await migratedPgliteDump() : null;
    const embedded = await startEmbeddedPostgres(null, load ? { load } : {});
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const template = options.migrated ? await migratedTemplate(serverUrl) : null;
  const name = `mps_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string; code: string }[] } & Record<string, unknown> }[];
}

/** The field problems of a VALIDATION error as `field:CODE`, sorted ([] without any). */
export const fieldCodes = (result: GraphQLResponse) => (result.errors?.[0]?.extensions?.fields ?? []).map((f) => `${f.field}:${f.code}`).sort();

export interface Client {
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** `data`, failing the test with the errors when there are any. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  /** The error codes of a request that must fail. */
  codes(query: string, variables?: Record<string, unknown>): Promise<string[]>;
}

export interface TestApp {
  app: App;
  config: Config;
  url: string;
  queries: QueryCounter;
  anonymous: Client;
  /** A client signed in as the person (a real session through the auth service). */
  as(personId: string): Promise<Client>;
  stop(): Promise<void>;
}

function client(url: string, cookie?: string): Client {
  const request = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return {
    request,
    async data(query, variables, headers) {
      const result = await request(query, variables, headers);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    async codes(query, variables) {
      const result = await request(query, variables);
      return (result.errors ?? []).map((e) => String(e.extensions?.code));
    },
  };
}

export interface TestAppOptions {
  /** A database to share (two instances on one server); it is left in place at stop(). Unset: a fresh one. */
  databaseUrl?: string;
  delivery?: StartOptions['delivery'];
}

/** Boots the real server (HTTP, GraphQL, WebSocket) on a free port over a fresh database. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await createTestDatabase({ migrated: true });
  // API tests fire bursts of up to 200 requests at once at an in-process database to test the services
  // under concurrency; the line that turns such bursts away when they wait too long has its own tests
  // (http/admission.test.ts), so here it waits as long as a test may take.
  // Uploaded files of this app only, removed at stop().
  const filesDir = env.MPS_FILES_DIR || env.S3_URL ? null : await fs.mkdtemp(path.join(os.tmpdir(), 'mps-files-'));
  const config = loadConfig({
    ...(filesDir ? { MPS_FILES_DIR: filesDir } : {}),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    MPS_DEMO_DATA: 'false',
    MPS_LIMIT_QUEUE_WAIT_MS: '60000',
    MPS_LIMIT_QUEUE_LENGTH: '10000',
    ...env,
  });
  const queries = new QueryCounter();
  const quiet = { info: () => {}, error: (message: string, error?: unknown) => console.error(message, error) };
  let app: App;
  try {
    app = await startApp(config, quiet, { databaseUrl: database.url, queryLogger: queries, jobs: { lockLifetimeMs: 2000 }, delivery: options.delivery });
  } catch (error) {
    await database.drop();
    if (filesDir) await fs.rm(filesDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    config,
    url: app.url,
    queries,
    anonymous: client(app.url),
    async as(personId) {
      const { token } = await app.services.auth.startSession(personId, 'test');
      return client(app.url, `${SESSION_COOKIE}=${token}`);
    },
    async stop() {
      await app.stop();
      await database.drop();
      if (filesDir) await fs.rm(filesDir, { recursive: true, force: true });
    },
  };
}
