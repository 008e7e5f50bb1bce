import fs from 'node:fs';
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

/** Latvija.lv (or another WS-Federation gateway): where to send people and whose signature to trust. */
export interface WsFedConfig {
  gatewayUrl: string;
  /** Our identifier at the gateway (wtrealm); tokens must name it as their audience. */
  realm: string;
  /** The gateway's signing certificate (or public key), PEM. */
  certificatePem: string;
  /** When set, tokens from any other issuer are refused. */
  issuer: string | null;
}

/** A generic OpenID Connect provider (eParaksts and others). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: Secret;
  /** The button text on the sign-in page. */
  label: string;
  scopes: string;
  personalCodeClaim: string;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** False when MPS_PUBLIC_URL is unset: development pages then take the address from the request. */
  publicUrlConfigured: boolean;
  role: Role;
  /** Unset: embedded PGlite in `dataDir`. */
  databaseUrl: Secret | null;
  dataDir: string;
  demoData: boolean;
  secret: Secret;
  devSignIn: boolean;
  wsfed: WsFedConfig | null;
  oidc: OidcConfig | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  allowedOrigins: string[];
  staticDirs: { web: string; admin: string };
  logQueries: boolean;
  /** Unset: Agenda keeps its jobs in PostgreSQL. */
  mongodbUrl: Secret | null;
  /** Unset: e-mails are recorded and shown in the console's mailbox instead of being sent. */
  smtpUrl: Secret | null;
  /** The From of every e-mail: `Name <address>` or a bare address. */
  mailFrom: string;
  /** Requests allowed per minute (0: no limit), and the WebSocket caps. */
  limits: {
    /** GraphQL over HTTP, per session (signed in) or per address (anonymous). */
    graphqlPerMinute: number;
    /** Sign-in requests (/auth), per address. */
    signInPerMinute: number;
    /** Calendar feed reads, per feed. */
    calendarPerMinute: number;
    /** Open WebSockets per address. */
    socketsPerClient: number;
    /** Subscriptions at once on one WebSocket. */
    subscriptionsPerSocket: number;
    /** GraphQL requests worked on at once; the rest wait in line (load shedding, issue 15 §6). */
    concurrentRequests: number;
    /** How long a request may wait in that line before it is answered 503 SERVICE_BUSY (ms). */
    queueWaitMs: number;
    /** How many requests may wait in that line. */
    queueLength: number;
  };
  /** How often the job worker looks for due jobs, in milliseconds. */
  jobPollMs: number;
  /** The school as the seller on its invoices (R-FIN-1). */
  invoicing: InvoicingConfig;
  /** Uploaded files (course materials, R-CAT-5). */
  files: FilesConfig;
}

export interface FilesConfig {
  /** A folder (the embedded default: `<data folder>/files`) or an S3-compatible bucket (`S3_URL`). */
  storage: { kind: 'disk'; dir: string } | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: Secret };
  /** The largest file staff may upload, in bytes. */
  maxBytes: number;
}

/** The school's own requisites and invoice rules; demo defaults, set the real ones in production. */
export interface InvoicingConfig {
  sellerName: string;
  /** Register of Enterprises / taxpayer number; also the Peppol endpoint id with scheme 0218... see docs/invoices.md. */
  registrationNumber: string;
  /** Null: the school is not a VAT payer. */
  vatNumber: string | null;
  street: string;
  city: string;
  postcode: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  bankName: string;
  iban: string;
  bic: string;
  /** Invoice numbers read `<prefix>-<year>-<n>`; credit notes have their own series `<prefix>K`. */
  seriesPrefix: string;
  /** Percent, e.g. 21; 0 together with an exemption reason for exempt training. */
  vatRatePercent: number;
  /** Set when training is VAT exempt: the reason code (VATEX-EU-...) and the text printed on the invoice. */
  exemption: { code: string; text: string } | null;
  /** Days from the issue date to the due date. */
  paymentDays: number;
  /** Issue invoices by themselves when a group becomes CONFIRMED. */
  autoIssueOnConfirmation: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'development-only-secret-do-not-use-in-production';
const DEFAULT_MAIL_FROM = 'Valsts administrācijas skola <noreply@localhost>';

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

  if (production && !env.MPS_PUBLIC_URL?.trim()) {
    problems.push('MPS_PUBLIC_URL must be set in production (the https address people use): sign-in replies and cookies depend on it');
  }
  const wsfed = wsfedConfig(env, publicUrl, problems);
  const oidc = oidcConfig(env, url, problems);
  if (production && !wsfed && !oidc) {
    problems.push('NODE_ENV=production needs a sign-in provider: set MPS_WSFED_URL and MPS_WSFED_CERT_FILE (Latvija.lv), or MPS_OIDC_ISSUER');
  }

  const config: Config = {
    nodeEnv,
    port,
    host,
    publicUrl,
    publicUrlConfigured: !!env.MPS_PUBLIC_URL?.trim(),
    role: oneOf('MPS_ROLE', ['api', 'worker', 'all'] as const, 'all'),
    databaseUrl: databaseUrl ? new Secret(databaseUrl) : null,
    dataDir: path.resolve(repoRoot, str('MPS_DATA_DIR', '.data')),
    demoData: bool('MPS_DEMO_DATA', !databaseUrl),
    secret: new Secret(secretRaw || DEV_SECRET),
    devSignIn,
    wsfed,
    oidc,
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
    mongodbUrl: mongodbUrl(env, problems),
    smtpUrl: secretUrl(url('SMTP_URL', ['smtp:', 'smtps:'])),
    mailFrom: mailFrom(env, problems),
    // Embedded PostgreSQL has no LISTEN/NOTIFY to wake the worker, so polling is all it has.
    jobPollMs: int('MPS_JOB_POLL_MS', databaseUrl ? 5000 : 1000, 100, 60_000),
    invoicing: invoicingConfig(env, str, int, bool, problems),
    files: filesConfig(env, path.resolve(repoRoot, str('MPS_DATA_DIR', '.data')), int, problems),
    limits: {
      graphqlPerMinute: int('MPS_LIMIT_GRAPHQL_PER_MINUTE', 1200, 0, 1_000_000),
      signInPerMinute: int('MPS_LIMIT_SIGN_IN_PER_MINUTE', 60, 0, 1_000_000),
      calendarPerMinute: int('MPS_LIMIT_CALENDAR_PER_MINUTE', 60, 0, 1_000_000),
      socketsPerClient: int('MPS_LIMIT_SOCKETS_PER_CLIENT', 20, 1, 10_000),
      subscriptionsPerSocket: int('MPS_LIMIT_SUBSCRIPTIONS_PER_SOCKET', 50, 1, 10_000),
      // The embedded database runs one statement at a time on the thread that serves HTTP: more at
      // once only makes each answer later. A server of its own works on several at once.
      concurrentRequests: int('MPS_LIMIT_CONCURRENT_REQUESTS', databaseUrl ? 16 : 4, 1, 10_000),
      queueWaitMs: int('MPS_LIMIT_QUEUE_WAIT_MS', 3000, 0, 600_000),
      queueLength: int('MPS_LIMIT_QUEUE_LENGTH', 200, 0, 100_000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function invoicingConfig(
  env: Env,
  str: (name: string, fallback: string) => string,
  int: (name: string, fallback: number, min: number, max: number) => number,
  bool: (name: string, fallback: boolean) => boolean,
  problems: string[],
): InvoicingConfig {
  const countryCode = str('MPS_INVOICE_COUNTRY', 'LV').toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) problems.push(`MPS_INVOICE_COUNTRY must be a two-letter country code (ISO 3166-1), got "${countryCode}"`);
  const seriesPrefix = str('MPS_INVOICE_SERIES', 'VAS');
  if (!/^[A-Z0-9]{1,10}$/.test(seriesPrefix)) problems.push(`MPS_INVOICE_SERIES must be 1 to 10 capital letters or digits, got "${seriesPrefix}"`);
  const vatRatePercent = int('MPS_INVOICE_VAT_RATE', 0, 0, 100);
  const exemptionCode = str('MPS_INVOICE_VAT_EXEMPTION_CODE', vatRatePercent === 0 ? 'VATEX-EU-132-1I' : '');
  const exemptionText = str(
    'MPS_INVOICE_VAT_EXEMPTION_TEXT',
    vatRatePercent === 0 ? 'PVN neapliekams saskaņā ar PVN likuma 52. panta pirmās daļas 12. punktu (izglītības pakalpojumi)' : '',
  );
  if (vatRatePercent === 0 && (!exemptionCode || !exemptionText)) {
    problems.push('MPS_INVOICE_VAT_EXEMPTION_CODE and MPS_INVOICE_VAT_EXEMPTION_TEXT must be set when MPS_INVOICE_VAT_RATE is 0');
  }
  const vatNumber = env.MPS_INVOICE_VAT_NUMBER?.trim() || null;
  if (vatRatePercent > 0 && !vatNumber) problems.push('MPS_INVOICE_VAT_NUMBER must be set when MPS_INVOICE_VAT_RATE is above 0 (BR-S-02)');
  if (exemptionCode && !/^VATEX-[A-Z0-9-]+$/.test(exemptionCode)) problems.push(`MPS_INVOICE_VAT_EXEMPTION_CODE must be a VATEX code, got "${exemptionCode}"`);
  return {
    sellerName: str('MPS_INVOICE_SELLER_NAME', 'Valsts administrācijas skola'),
    registrationNumber: str('MPS_INVOICE_REGISTRATION_NUMBER', '90001234567'),
    vatNumber,
    street: str('MPS_INVOICE_STREET', 'Raiņa bulvāris 4'),
    city: str('MPS_INVOICE_CITY', 'Rīga'),
    postcode: str('MPS_INVOICE_POSTCODE', 'LV-1050'),
    countryCode,
    bankName: str('MPS_INVOICE_BANK', 'Valsts kase'),
    iban: str('MPS_INVOICE_IBAN', 'LV12TREL9190000000000'),
    bic: str('MPS_INVOICE_BIC', 'TRELLV22'),
    seriesPrefix,
    vatRatePercent,
    exemption: vatRatePercent === 0 ? { code: exemptionCode, text: exemptionText } : null,
    paymentDays: int('MPS_INVOICE_PAYMENT_DAYS', 14, 0, 365),
    autoIssueOnConfirmation: bool('MPS_INVOICE_AUTO_ISSUE', false),
  };
}

/**
 * `S3_URL=https://<access key>:<secret key>@<host>/<bucket>?region=<region>`: files go to that bucket;
 * unset, to `MPS_FILES_DIR` (default `<data folder>/files`).
 */
function filesConfig(env: Env, dataDir: string, int: (name: string, fallback: number, min: number, max: number) => number, problems: string[]): FilesConfig {
  const maxBytes = int('MPS_MATERIAL_MAX_MB', 50, 1, 2048) * 1024 * 1024;
  const raw = env.S3_URL?.trim();
  if (!raw) return { storage: { kind: 'disk', dir: path.resolve(repoRoot, env.MPS_FILES_DIR?.trim() || path.join(dataDir, 'files')) }, maxBytes };
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    problems.push('S3_URL is not a valid URL; expected https://<access key>:<secret key>@<host>/<bucket>?region=<region>');
  }
  const bucket = parsed ? decodeURIComponent(parsed.pathname.replace(/^\/+|\/+$/g, '')) : '';
  if (parsed && !['http:', 'https:'].includes(parsed.protocol)) problems.push('S3_URL must start with https:// (or http:// for a server on a private network)');
  if (parsed && (!parsed.username || !parsed.password))
    problems.push('S3_URL must carry the access key and the secret key: https://<access key>:<secret key>@<host>/<bucket>');
  if (parsed && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    problems.push('S3_URL must name one bucket as its path, e.g. https://key:secret@s3.example.com/mps-files');
  return {
    storage: {
      kind: 's3',
      endpoint: parsed ? `${parsed.protocol}//${parsed.host}` : '',
      bucket,
      region: parsed?.searchParams.get('region') || 'us-east-1',
      accessKeyId: parsed ? decodeURIComponent(parsed.username) : '',
      secretAccessKey: new Secret(parsed ? decodeURIComponent(parsed.password) : ''),
    },
    maxBytes,
  };
}

const secretUrl = (value: string | null) => (value ? new Secret(value) : null);

/** Checked by shape only: a replica set URL lists several hosts, which `new URL` refuses. */
function mongodbUrl(env: Env, problems: string[]): Secret | null {
  const raw = env.MONGODB_URL?.trim();
  if (!raw) return null;
  if (!/^mongodb(\+srv)?:\/\/[^/?#\s]+/.test(raw)) {
    problems.push('MONGODB_URL must start with mongodb:// or mongodb+srv:// followed by a host, for example mongodb://mongo:27017/mps');
  }
  return new Secret(raw);
}

function mailFrom(env: Env, problems: string[]): string {
  const raw = env.MPS_MAIL_FROM?.trim();
  if (!raw) return DEFAULT_MAIL_FROM;
  if (!/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(raw)) {
    problems.push(`MPS_MAIL_FROM must be an e-mail address, optionally with a name: "Name <noreply@example.lv>", got "${raw}"`);
  }
  return raw;
}

function wsfedConfig(env: Env, publicUrl: string, problems: string[]): WsFedConfig | null {
  const gatewayUrl = env.MPS_WSFED_URL?.trim();
  const certFile = env.MPS_WSFED_CERT_FILE?.trim();
  const certInline = env.MPS_WSFED_CERT?.trim();
  if (!gatewayUrl && !certFile && !certInline) return null;
  if (!gatewayUrl) problems.push('MPS_WSFED_URL must be set with MPS_WSFED_CERT_FILE / MPS_WSFED_CERT');
  else if (!/^https?:\/\//.test(gatewayUrl)) problems.push('MPS_WSFED_URL must start with https://');
  let certificatePem = certInline?.replace(/\\n/g, '\n') ?? '';
  if (certFile) {
    try {
      certificatePem = fs.readFileSync(certFile, 'utf8');
    } catch {
      problems.push(`MPS_WSFED_CERT_FILE cannot be read: ${certFile}`);
    }
  }
  if (!certificatePem) problems.push("MPS_WSFED_CERT_FILE (or MPS_WSFED_CERT) must give the gateway's signing certificate");
  else if (!certificatePem.includes('-----BEGIN')) problems.push('The gateway certificate must be PEM (-----BEGIN CERTIFICATE-----)');
  return {
    gatewayUrl: gatewayUrl ?? '',
    realm: env.MPS_WSFED_REALM?.trim() || `${publicUrl}/`,
    certificatePem,
    issuer: env.MPS_WSFED_ISSUER?.trim() || null,
  };
}

function oidcConfig(env: Env, url: (name: string, protocols: string[]) => string | null, problems: string[]): OidcConfig | null {
  const issuer = url('MPS_OIDC_ISSUER', ['https:', 'http:']);
  if (!issuer) return null;
  const clientId = env.MPS_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.MPS_OIDC_CLIENT_SECRET?.trim();
  if (!clientId) problems.push('MPS_OIDC_CLIENT_ID must be set with MPS_OIDC_ISSUER');
  if (!clientSecret) problems.push('MPS_OIDC_CLIENT_SECRET must be set with MPS_OIDC_ISSUER');
  return {
    issuer,
    clientId: clientId ?? '',
    clientSecret: new Secret(clientSecret ?? ''),
    label: env.MPS_OIDC_LABEL?.trim() || 'eParaksts',
    scopes: env.MPS_OIDC_SCOPES?.trim() || 'openid profile',
    personalCodeClaim: env.MPS_OIDC_PERSONAL_CODE_CLAIM?.trim() || 'personal_code',
  };
}
