import { createPublicKey, type KeyObject } from 'node:crypto';
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { SAML_ID_ATTRIBUTE, WSFED_ALGORITHM, WSFED_CLAIM, WSFED_NS, type WsFedIdentity } from './wsfed-token.js';

/**
 * The service-provider side of Latvija.lv's WS-Federation passive profile: builds the sign-in
 * redirect and verifies the `wresult` the gateway POSTs back.
 *
 * Algorithms: RSA-SHA256 with SHA-256 digests only. SHA-1 is not accepted: nothing we have seen
 * shows Latvija.lv needs it, and allowing it would let a collision-prone digest through. Should a
 * real gateway token turn out to use it, add it here on purpose, with a test.
 */

export interface WsFedVerifierOptions {
  realm: string;
  /** The gateway's X.509 certificate PEM or SPKI public key PEM: the only key ever trusted. */
  certificatePem: string;
  trustedIssuer?: string;
  clockSkewSeconds?: number;
  maxLifetimeSeconds?: number;
}

/** Why a token was refused. `REPLAYED` is the caller's to raise: it keeps the IDs already used. */
export type WsFedRefusal =
  'MALFORMED' | 'UNSIGNED' | 'BAD_SIGNATURE' | 'WRONG_AUDIENCE' | 'NOT_YET_VALID' | 'EXPIRED' | 'WRONG_ISSUER' | 'MISSING_CLAIMS' | 'REPLAYED';

/** A refused token. Messages never quote claim values: they end up in logs. */
export class WsFedError extends Error {
  constructor(
    readonly reason: WsFedRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'WsFedError';
  }
}

export interface VerifiedAssertion {
  assertionId: string;
  issuer: string;
  /**
   * The last moment this verifier would still accept the token (NotOnOrAfter plus the clock skew):
   * the caller keeps `issuer` + `assertionId` at least until then to refuse a replay.
   */
  expiresAt: Date;
  identity: WsFedIdentity;
}

const MAX_WRESULT_BYTES = 256 * 1024;
const NCNAME = /^[A-Za-z_][\w.-]*$/;
// xs:dateTime as SAML writes it; .NET gateways send up to 7 fraction digits.
const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

const refuse = (reason: WsFedRefusal, message: string) => new WsFedError(reason, message);

export class WsFedVerifier {
  private readonly key: KeyObject;
  private readonly realm: string;
  private readonly skewMs: number;
  private readonly maxLifetimeMs: number;

  constructor(private readonly options: WsFedVerifierOptions) {
    this.key = createPublicKey(options.certificatePem);
    // An RSA key only: no HMAC or other algorithm family can be confused with it.
    if (this.key.asymmetricKeyType !== 'rsa') throw new Error('WS-Federation: the gateway key must be RSA');
    if (!options.realm) throw new Error('WS-Federation: the realm is required');
    this.realm = sameAudience(options.realm);
    this.skewMs = (options.clockSkewSeconds ?? 120) * 1000;
    this.maxLifetimeMs = (options.maxLifetimeSeconds ?? 3600) * 1000;
  }

  verify(wresult: string, now: Date = new Date()): VerifiedAssertion {
    // An invalid date would make every time comparison false, and so pass.
    if (Number.isNaN(now.getTime())) throw new Error('WS-Federation: the current time is not a valid date');
    if (typeof wresult !== 'string' || Buffer.byteLength(wresult, 'utf8') > MAX_WRESULT_BYTES) {
      throw refuse('MALFORMED', 'the token is missing or too large');
    }
    const doc = parseXml(wresult);
    const assertion = this.onlyAssertion(doc);
    const assertionId = assertion.getAttribute(SAML_ID_ATTRIBUTE) ?? '';
    if (!NCNAME.test(assertionId)) throw refuse('MALFORMED', 'the assertion has no valid AssertionID');

    const signature = onlySignature(doc, assertion);
    checkSignedInfo(signature, assertionId);
    const signedXml = this.checkSignature(wresult, signature, assertionId);

    // Everything below reads the canonical XML the signature covers, never the document as posted:
    // whatever was moved, duplicated or commented around the signed element cannot be seen here.
    // Nor is anything taken from the RSTR around it (AppliesTo, Lifetime): that part is unsigned.
    const signed = parseXml(signedXml).documentElement!;
    if (!isElement(signed, WSFED_NS.saml, 'Assertion') || signed.getAttribute(SAML_ID_ATTRIBUTE) !== assertionId) {
      throw refuse('BAD_SIGNATURE', 'the signature does not cover the assertion');
    }
    return this.readAssertion(signed, assertionId, now);
  }

  private onlyAssertion(doc: Document): Element {
    const assertions = elementsNamed(doc, WSFED_NS.saml, 'Assertion');
    if (assertions.length !== 1) throw refuse('MALFORMED', `expected one SAML 1.1 assertion, found ${assertions.length}`);
    const [assertion] = assertions;
    const parent = assertion.parentNode;
    const inToken =
      parent !== null && (isElement(parent, WSFED_NS.trust, 'RequestedSecurityToken') || isElement(parent, WSFED_NS.trust13, 'RequestedSecurityToken'));
    if (!inToken) throw refuse('MALFORMED', 'the assertion is not the requested security token');
    return assertion;
  }

  /** Verifies with the configured key only and returns the canonical XML that was signed. */
  private checkSignature(wresult: string, signature: Element, assertionId: string): string {
    const checker = new SignedXml({
      publicCert: this.key,
      idAttribute: SAML_ID_ATTRIBUTE,
      // Never a certificate the document brings along: anyone can sign with their own.
      getCertFromKeyInfo: () => null,
    });
    // Defence in depth: xml-crypto cannot fall back to an algorithm checkSignedInfo did not allow.
    checker.SignatureAlgorithms = { [WSFED_ALGORITHM.rsaSha256]: checker.SignatureAlgorithms[WSFED_ALGORITHM.rsaSha256] };
    checker.HashAlgorithms = { [WSFED_ALGORITHM.sha256]: checker.HashAlgorithms[WSFED_ALGORITHM.sha256] };

    let valid: boolean;
    try {
      // As a string: xml-crypto parses with its own xmldom, and finds this signature again in its
      // parse of the document by the signature value.
      checker.loadSignature(signature.toString());
      valid = checker.checkSignature(wresult);
    } catch (error) {
      const message = error instanceof Error && !error.message.startsWith('invalid signature') ? `: ${error.message}` : '';
      throw refuse('BAD_SIGNATURE', `the signature does not verify with the gateway key${message}`);
    }
    if (!valid) throw refuse('BAD_SIGNATURE', 'the signed content was changed after signing');

    const references = checker.getReferences();
    const signedReferences = checker.getSignedReferences();
    if (references.length !== 1 || references[0].uri !== `#${assertionId}` || signedReferences.length !== 1) {
      throw refuse('BAD_SIGNATURE', 'the signature must cover exactly the assertion');
    }
    return signedReferences[0];
  }

  private readAssertion(assertion: Element, assertionId: string, now: Date): VerifiedAssertion {
    if (assertion.getAttribute('MajorVersion') !== '1' || assertion.getAttribute('MinorVersion') !== '1') {
      throw refuse('MALFORMED', 'not a SAML 1.1 assertion');
    }
    const issuer = assertion.getAttribute('Issuer')?.trim() ?? '';
    const issuedAt = parseInstant(assertion.getAttribute('IssueInstant'));
    if (!issuer || !issuedAt) throw refuse('MALFORMED', 'the assertion has no Issuer or IssueInstant');
    if (this.options.trustedIssuer !== undefined && issuer !== this.options.trustedIssuer) {
      throw refuse('WRONG_ISSUER', 'the assertion comes from another issuer');
    }

    const conditions = childElements(assertion, WSFED_NS.saml, 'Conditions');
    if (conditions.length !== 1) throw refuse('MALFORMED', 'the assertion must have one Conditions element');
    this.checkAudience(conditions[0]);
    const expiresAt = this.checkTime(conditions[0], issuedAt, now);

    return { assertionId, issuer, expiresAt, identity: readIdentity(assertion) };
  }

  /** Every audience restriction must name our realm; a condition we do not understand is refused (SAML 1.1 §2.3.2.1). */
  private checkAudience(conditions: Element): void {
    let restricted = false;
    for (const condition of childElements(conditions)) {
      if (isElement(condition, WSFED_NS.saml, 'DoNotCacheCondition')) continue;
      if (!isElement(condition, WSFED_NS.saml, 'AudienceRestrictionCondition')) {
        throw refuse('MALFORMED', `unknown condition ${condition.localName}`);
      }
      const audiences = childElements(condition, WSFED_NS.saml, 'Audience').map((audience) => sameAudience(audience.textContent ?? ''));
      if (!audiences.includes(this.realm)) throw refuse('WRONG_AUDIENCE', 'the assertion is meant for another service');
      restricted = true;
    }
    if (!restricted) throw refuse('WRONG_AUDIENCE', 'the assertion names no audience');
  }

  private checkTime(conditions: Element, issuedAt: Date, now: Date): Date {
    const notOnOrAfter = parseInstant(conditions.getAttribute('NotOnOrAfter'));
    const notBeforeText = conditions.getAttribute('NotBefore');
    const notBefore = notBeforeText === null ? issuedAt : parseInstant(notBeforeText);
    // Without an end we could not bound how long to remember the ID against replay.
    if (!notOnOrAfter || !notBefore || notOnOrAfter <= notBefore) {
      throw refuse('MALFORMED', 'the assertion has no valid validity period');
    }

    const at = now.getTime();
    if (at + this.skewMs < Math.max(notBefore.getTime(), issuedAt.getTime())) {
      throw refuse('NOT_YET_VALID', 'the assertion is not valid yet');
    }
    if (at - this.skewMs >= notOnOrAfter.getTime()) throw refuse('EXPIRED', 'the assertion has expired');
    // A token valid for longer than the gateway ever issues is refused like an expired one.
    if (notOnOrAfter.getTime() - Math.min(notBefore.getTime(), issuedAt.getTime()) > this.maxLifetimeMs) {
      throw refuse('EXPIRED', 'the assertion is valid for longer than allowed');
    }
    return new Date(notOnOrAfter.getTime() + this.skewMs);
  }
}

function readIdentity(assertion: Element): WsFedIdentity {
  const claims = new Map<string, string[]>();
  for (const statement of childElements(assertion, WSFED_NS.saml, 'AttributeStatement')) {
    for (const attribute of childElements(statement, WSFED_NS.saml, 'Attribute')) {
      // Matched by AttributeName: the whole statement is signed by the gateway we trust.
      const name = attribute.getAttribute('AttributeName') ?? '';
      const values = childElements(attribute, WSFED_NS.saml, 'AttributeValue')
        .map((value) => (value.textContent ?? '').trim())
        .filter((value) => value !== '');
      claims.set(name, [...(claims.get(name) ?? []), ...values]);
    }
  }
  const single = (name: string) => {
    const values = [...new Set(claims.get(name) ?? [])];
    if (values.length === 0) throw refuse('MISSING_CLAIMS', `the assertion has no ${name} claim`);
    if (values.length > 1) throw refuse('MALFORMED', `the assertion has several ${name} claims`);
    return values[0];
  };

  const authentications = childElements(assertion, WSFED_NS.saml, 'AuthenticationStatement');
  if (authentications.length > 1) throw refuse('MALFORMED', 'the assertion has several authentication statements');
  const authenticationMethod = authentications[0]?.getAttribute('AuthenticationMethod')?.trim();
  if (!authenticationMethod) throw refuse('MISSING_CLAIMS', 'the assertion does not say how the person signed in');

  return {
    givenName: single(WSFED_CLAIM.givenName),
    familyName: single(WSFED_CLAIM.familyName),
    personalCode: single(WSFED_CLAIM.personalCode),
    historicalPersonalCodes: [...new Set(claims.get(WSFED_CLAIM.historicalPersonalCodes) ?? [])],
    authenticationMethod,
  };
}

/** One enveloped signature, directly in the assertion: the only shape Latvija.lv sends. */
function onlySignature(doc: Document, assertion: Element): Element {
  const signatures = elementsNamed(doc, WSFED_NS.dsig, 'Signature');
  if (signatures.length === 0) throw refuse('UNSIGNED', 'the token is not signed');
  if (signatures.length > 1) throw refuse('MALFORMED', 'the token has more than one signature');
  if (signatures[0].parentNode !== assertion) throw refuse('BAD_SIGNATURE', 'the signature is not in the assertion');
  return signatures[0];
}

/** The signature must reference the assertion, and only with the algorithms we allow. */
function checkSignedInfo(signature: Element, assertionId: string): void {
  const bad = (message: string) => refuse('BAD_SIGNATURE', message);
  const [signedInfo, ...moreSignedInfo] = childElements(signature, WSFED_NS.dsig, 'SignedInfo');
  if (!signedInfo || moreSignedInfo.length > 0) throw bad('the signature must have one SignedInfo');
  const algorithmOf = (parent: Element, name: string) => {
    const found = childElements(parent, WSFED_NS.dsig, name);
    return found.length === 1 ? found[0].getAttribute('Algorithm') : null;
  };
  if (algorithmOf(signedInfo, 'CanonicalizationMethod') !== WSFED_ALGORITHM.excC14n) throw bad('unsupported canonicalization');
  if (algorithmOf(signedInfo, 'SignatureMethod') !== WSFED_ALGORITHM.rsaSha256) throw bad('unsupported signature algorithm');

  const references = childElements(signedInfo, WSFED_NS.dsig, 'Reference');
  if (references.length !== 1) throw bad('the signature must have exactly one reference');
  const [reference] = references;
  if (reference.getAttribute('URI') !== `#${assertionId}`) throw bad('the signature does not reference the assertion');
  if (algorithmOf(reference, 'DigestMethod') !== WSFED_ALGORITHM.sha256) throw bad('unsupported digest algorithm');
  const transforms = childElements(reference, WSFED_NS.dsig, 'Transforms').flatMap((list) =>
    childElements(list, WSFED_NS.dsig, 'Transform').map((transform) => transform.getAttribute('Algorithm')),
  );
  if (transforms.length !== 2 || transforms[0] !== WSFED_ALGORITHM.enveloped || transforms[1] !== WSFED_ALGORITHM.excC14n) {
    throw bad('unsupported transforms');
  }
}

/**
 * Parses strictly: any error or warning refuses the token, and a document type declaration is
 * refused before parsing, so no entity is ever declared, let alone expanded.
 */
function parseXml(xml: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw refuse('MALFORMED', 'document type declarations are not accepted');
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: false,
      // XML 1.0 line ends only; xmldom's default also rewrites XML 1.1 newlines such as U+2028.
      normalizeLineEndings: (text) => text.replace(/\r\n?/g, '\n'),
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    throw refuse('MALFORMED', 'the token is not well-formed XML');
  }
  if (!doc.documentElement || doc.doctype) throw refuse('MALFORMED', 'the token is not an XML document');
  return doc;
}

function isElement(node: Node, ns: string, localName: string): boolean {
  return node.nodeType === node.ELEMENT_NODE && node.namespaceURI === ns && (node as Element).localName === localName;
}

function elementsNamed(doc: Document, ns: string, localName: string): Element[] {
  const list = doc.getElementsByTagNameNS(ns, localName);
  const found: Element[] = [];
  for (let i = 0; i < list.length; i++) found.push(list.item(i)!);
  return found;
}

/** Element children, optionally only those with this namespace and local name. */
function childElements(parent: Element, ns?: string, localName?: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    if (ns === undefined || localName === undefined || isElement(node, ns, localName)) found.push(node as Element);
  }
  return found;
}

function parseInstant(value: string | null): Date | null {
  const match = INSTANT.exec(value?.trim() ?? '');
  if (!match) return null;
  const millis = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  const date = new Date(`${match[1]}.${millis}${match[3]}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Realms compare without trailing slashes: `https://x.lv/` and `https://x.lv` are one service. */
function sameAudience(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** Where to send the browser to sign in at the gateway (WS-Federation `wsignin1.0`). */
export function signInRedirectUrl(options: { gatewayUrl: string; realm: string; replyUrl: string; context: string; now?: Date }): string {
  const url = new URL(options.gatewayUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('WS-Federation: the gateway URL must be http(s)');
  url.searchParams.set('wa', 'wsignin1.0');
  url.searchParams.set('wtrealm', options.realm);
  url.searchParams.set('wreply', options.replyUrl);
  url.searchParams.set('wctx', options.context);
  url.searchParams.set('wct', (options.now ?? new Date()).toISOString());
  return url.toString();
}
