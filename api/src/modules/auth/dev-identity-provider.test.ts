import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_IDP_ISSUER, DEV_IDP_KEY_FILE, storedKeyPair } from './dev-identity-provider.js';
import { issueWsFedResponse } from './wsfed/wsfed-token.js';
import { WsFedVerifier } from './wsfed/wsfed-verifier.js';

const REALM = 'http://localhost:4000/';
let dir: string;

beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-dev-idp-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const keyFile = () => path.join(dir, DEV_IDP_KEY_FILE);
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Signed with one pair, checked with another: what a sign-in after a restart does. */
function signedWithAcceptedBy(signer: { privateKeyPem: string }, checker: { publicKeyPem: string }): string {
  const wresult = issueWsFedResponse({
    identity: { givenName: 'Līga', familyName: 'Bērziņa', personalCode: '321234-56789', historicalPersonalCodes: [], authenticationMethod: 'urn:test' },
    realm: REALM,
    issuer: DEV_IDP_ISSUER,
    privateKeyPem: signer.privateKeyPem,
  });
  return new WsFedVerifier({ realm: REALM, certificatePem: checker.publicKeyPem }).verify(wresult).identity.givenName;
}

test('the first start makes the key in the data folder, readable by its owner only; later starts use the same key', () => {
  const first = storedKeyPair(dir);
  expect(modeOf(keyFile())).toBe(0o600);
  expect(fs.readFileSync(keyFile(), 'utf8')).toBe(first.privateKeyPem);

  const again = storedKeyPair(dir);
  expect(again).toEqual(first);
  expect(signedWithAcceptedBy(first, again)).toBe('Līga');
  expect(fs.readdirSync(dir)).toEqual([DEV_IDP_KEY_FILE]);
});

test('a key file others could read is tightened to 0600', () => {
  const first = storedKeyPair(dir);
  fs.chmodSync(keyFile(), 0o644);
  expect(storedKeyPair(dir)).toEqual(first);
  expect(modeOf(keyFile())).toBe(0o600);
});

test('a damaged key file is replaced by a new key', () => {
  fs.writeFileSync(keyFile(), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
  const pair = storedKeyPair(dir);
  expect(pair.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  expect(fs.readFileSync(keyFile(), 'utf8')).toBe(pair.privateKeyPem);
  expect(modeOf(keyFile())).toBe(0o600);
  expect(signedWithAcceptedBy(pair, storedKeyPair(dir))).toBe('Līga');
});

test('a folder that does not exist yet is made', () => {
  const nested = path.join(dir, 'data');
  const pair = storedKeyPair(nested);
  expect(fs.readFileSync(path.join(nested, DEV_IDP_KEY_FILE), 'utf8')).toBe(pair.privateKeyPem);
});

test('a folder that takes no file still gives a working key, kept for this process only', () => {
  // A file where the folder should be: nothing can be written under it, for root too.
  const notAFolder = path.join(dir, 'data');
  fs.writeFileSync(notAFolder, 'not a folder');
  const pair = storedKeyPair(notAFolder);
  expect(signedWithAcceptedBy(pair, pair)).toBe('Līga');
  expect(fs.readdirSync(dir)).toEqual(['data']);
  expect(fs.readFileSync(notAFolder, 'utf8')).toBe('not a folder');
});
