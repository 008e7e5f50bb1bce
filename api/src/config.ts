import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: api/src and api/dist both sit two levels below it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A value that must never be printed: `toString` and JSON both hide it. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
}

export type Role = 'api' | 'worker' | 'all';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  role: Role;
  /** Unset: embedded PGlite in `dataDir`. */
  databaseUrl: Secret | null;
  dataDir: string;
  demoData: boolean;
  secret: Secret;
  devSignIn: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  allowedOrigins: string[];
  staticDirs: { web: string; admin: string };
  logQueries: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'development-only-secret-do-not-use-in-production';

/** Reads the environment once into a typed object; every bad value is reported with its variable's name. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => env[name]?.trim() || fallback;

  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const bool = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  };

  const url = (name: string, protocols: string[]) => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const production = nodeEnv === 'production';
  const port = int('PORT', 4000, 0, 65535);
  const host = str('HOST', '0.0.0.0');
  const publicUrl = (url('MPS_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, '');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);

  const secretRaw = env.MPS_SECRET?.trim();
  if (production && !secretRaw) problems.push('MPS_SECRET must be set in production (32 or more characters)');
  if (secretRaw && secretRaw.length < 32) problems.push('MPS_SECRET must be at least 32 characters long');

  const devSignIn = bool('MPS_DEV_SIGN_IN', !production);
  if (production && devSignIn) {
    problems.push('MPS_DEV_SIGN_IN cannot be on when NODE_ENV=production: the development sign-in lets anyone act as anyone');
  }

  const config: Config = {
    nodeEnv,
    port,
    host,
    publicUrl,
    role: oneOf('MPS_ROLE', ['api', 'worker', 'all'] as const, 'all'),
    databaseUrl: databaseUrl ? new Secret(databaseUrl) : null,
    dataDir: path.resolve(repoRoot, str('MPS_DATA_DIR', '.data')),
    demoData: bool('MPS_DEMO_DATA', !databaseUrl),
    secret: new Secret(secretRaw || DEV_SECRET),
    devSignIn,
    sessionIdleMinutes: int('MPS_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int('MPS_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    allowedOrigins: str('MPS_ALLOWED_ORIGINS', publicUrl)
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean),
    staticDirs: {
      web: path.resolve(repoRoot, str('MPS_WEB_DIR', 'web/dist')),
      admin: path.resolve(repoRoot, str('MPS_ADMIN_DIR', 'admin/dist')),
    },
    logQueries: bool('MPS_LOG_QUERIES', false),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
