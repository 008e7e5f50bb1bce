import { ConfigError, loadConfig } from './config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

test('defaults run the embedded system with the development sign-in', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({ port: 4000, role: 'all', databaseUrl: null, demoData: true, devSignIn: true, nodeEnv: 'development' });
  expect(config.publicUrl).toBe('http://localhost:4000');
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ MPS_ROLE: 'boss' }, 'MPS_ROLE'],
  [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
  [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
  [{ MPS_DEMO_DATA: 'maybe' }, 'MPS_DEMO_DATA'],
  [{ MPS_SECRET: 'short' }, 'MPS_SECRET'],
  [{ NODE_ENV: 'production' }, 'MPS_SECRET'],
  [{ NODE_ENV: 'production', MPS_SECRET: 'x'.repeat(40) }, 'sign-in provider'],
  [{ NODE_ENV: 'production', MPS_SECRET: 'x'.repeat(40) }, 'MPS_PUBLIC_URL'],
  [{ MPS_WSFED_URL: 'https://gw.example.lv' }, 'MPS_WSFED_CERT_FILE'],
  [{ MPS_WSFED_URL: 'https://gw.example.lv', MPS_WSFED_CERT_FILE: '/nonexistent/cert.pem' }, 'cannot be read'],
  [{ MPS_WSFED_URL: 'https://gw.example.lv', MPS_WSFED_CERT: 'not a pem' }, 'PEM'],
  [{ MPS_OIDC_ISSUER: 'https://id.example.lv' }, 'MPS_OIDC_CLIENT_ID'],
  [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  [{ MPS_SESSION_IDLE_MINUTES: '0' }, 'MPS_SESSION_IDLE_MINUTES'],
  [{ MONGODB_URL: 'redis://cache:6379' }, 'MONGODB_URL'],
  [{ MONGODB_URL: 'mongodb://' }, 'MONGODB_URL'],
  [{ SMTP_URL: 'http://mail.example.lv' }, 'SMTP_URL'],
  [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
  [{ S3_URL: 'ftp://key:secret@s3.example.lv/mps' }, 'S3_URL'],
  [{ S3_URL: 'https://s3.example.lv/mps' }, 'S3_URL'],
  [{ S3_URL: 'https://key:secret@s3.example.lv/' }, 'S3_URL'],
  [{ MPS_MATERIAL_MAX_MB: '0' }, 'MPS_MATERIAL_MAX_MB'],
  [{ MPS_MAIL_FROM: 'Valsts administrācijas skola' }, 'MPS_MAIL_FROM'],
  [{ MPS_MAIL_FROM: 'School <not-an-address>' }, 'MPS_MAIL_FROM'],
  [{ MPS_JOB_POLL_MS: '50' }, 'MPS_JOB_POLL_MS'],
  [{ MPS_JOB_POLL_MS: '60001' }, 'MPS_JOB_POLL_MS'],
  [{ MPS_JOB_POLL_MS: 'often' }, 'MPS_JOB_POLL_MS'],
])('%j fails at start naming %s', (env, variable) => {
  const problems = problemsOf(env);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.join('\n')).toContain(variable);
});

test('every bad value is reported at once', () => {
  expect(problemsOf({ PORT: 'x', MPS_ROLE: 'y', MPS_DEMO_DATA: 'z' })).toHaveLength(3);
});

test('jobs, e-mail and their defaults: PostgreSQL for jobs, the mailbox for e-mail', () => {
  expect(loadConfig({})).toMatchObject({
    mongodbUrl: null,
    smtpUrl: null,
    mailFrom: 'Valsts administrācijas skola <noreply@localhost>',
    jobPollMs: 1000,
  });
  expect(loadConfig({ DATABASE_URL: 'postgres://db/mps' }).jobPollMs).toBe(5000);
  const config = loadConfig({
    MONGODB_URL: 'mongodb://mongo1:27017,mongo2:27017/mps?replicaSet=rs0',
    SMTP_URL: 'smtps://mps:hunter2@smtp.example.lv:465',
    MPS_MAIL_FROM: 'noreply@vas.gov.lv',
    MPS_JOB_POLL_MS: '250',
  });
  expect(config.mongodbUrl!.reveal()).toBe('mongodb://mongo1:27017,mongo2:27017/mps?replicaSet=rs0');
  expect(config.smtpUrl!.reveal()).toBe('smtps://mps:hunter2@smtp.example.lv:465');
  expect(config).toMatchObject({ mailFrom: 'noreply@vas.gov.lv', jobPollMs: 250 });
  expect(loadConfig({ MONGODB_URL: 'mongodb+srv://cluster0.example.net/mps' }).mongodbUrl).not.toBeNull();
});

test('uploaded files: a folder in the data folder by default, an S3 bucket by S3_URL', () => {
  const local = loadConfig({ MPS_DATA_DIR: '/srv/mps-data' }).files;
  expect(local).toEqual({ storage: { kind: 'disk', dir: '/srv/mps-data/files' }, maxBytes: 50 * 1024 * 1024 });
  expect(loadConfig({ MPS_FILES_DIR: '/srv/files', MPS_MATERIAL_MAX_MB: '5' }).files).toEqual({
    storage: { kind: 'disk', dir: '/srv/files' },
    maxBytes: 5 * 1024 * 1024,
  });
  const s3 = loadConfig({ S3_URL: 'https://AKIA123:hunter2%2Fx@s3.eu-north-1.amazonaws.com/vas-mps-files?region=eu-north-1' }).files.storage;
  expect(s3).toMatchObject({
    kind: 's3',
    endpoint: 'https://s3.eu-north-1.amazonaws.com',
    bucket: 'vas-mps-files',
    region: 'eu-north-1',
    accessKeyId: 'AKIA123',
  });
  expect(s3.kind === 's3' && s3.secretAccessKey.reveal()).toBe('hunter2/x');
  expect(JSON.stringify(s3)).not.toContain('hunter2');
});

const OIDC = {
  MPS_PUBLIC_URL: 'https://mps.example.lv',
  MPS_OIDC_ISSUER: 'https://id.example.lv',
  MPS_OIDC_CLIENT_ID: 'mps',
  MPS_OIDC_CLIENT_SECRET: 'oidc-hunter2',
};

test('production refuses the development sign-in', () => {
  const problems = problemsOf({ NODE_ENV: 'production', MPS_SECRET: 'x'.repeat(40), MPS_DEV_SIGN_IN: 'true', ...OIDC });
  expect(problems.join()).toContain('MPS_DEV_SIGN_IN');
  expect(loadConfig({ NODE_ENV: 'production', MPS_SECRET: 'x'.repeat(40), ...OIDC }).devSignIn).toBe(false);
});

test('Latvija.lv is configured by gateway URL and certificate; the realm defaults to the public address', () => {
  const config = loadConfig({
    MPS_PUBLIC_URL: 'https://mps.example.lv',
    MPS_WSFED_URL: 'https://gw.example.lv',
    MPS_WSFED_CERT: '-----BEGIN CERTIFICATE-----\\nAA==\\n-----END CERTIFICATE-----',
  });
  expect(config.wsfed).toMatchObject({ gatewayUrl: 'https://gw.example.lv', realm: 'https://mps.example.lv/', issuer: null });
  expect(config.wsfed!.certificatePem).toBe('-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----');
});

test('secrets never print', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://mps:hunter2@db/mps',
    MONGODB_URL: 'mongodb://mps:hunter2@mongo/mps',
    SMTP_URL: 'smtp://mps:hunter2@smtp',
    MPS_SECRET: 's'.repeat(40),
    ...OIDC,
  });
  expect(JSON.stringify(config)).not.toContain('hunter2');
  expect(String(config.secret)).toBe('[secret]');
  expect(config.databaseUrl!.reveal()).toContain('hunter2');
});
