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
