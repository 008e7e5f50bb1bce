import { createPrivateKey, randomBytes } from 'node:crypto';
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

/**
 * The identity-provider side of Latvija.lv's WS-Federation passive profile: what the gateway POSTs
 * back (an RSTR holding a signed SAML 1.1 assertion). The development identity provider and the
 * tests issue tokens with it, so they go through the same verifier as production.
 */

export const WSFED_NS = {
  trust: 'http://schemas.xmlsoap.org/ws/2005/02/trust',
  /** WS-Trust 1.3, which other VISS profiles use; accepted around the assertion, never issued. */
  trust13: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512',
  policy: 'http://schemas.xmlsoap.org/ws/2004/09/policy',
  addressing: 'http://www.w3.org/2005/08/addressing',
  utility: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  saml: 'urn:oasis:names:tc:SAML:1.0:assertion',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  claims: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims',
} as const;

/** AttributeName of each claim Latvija.lv sends. */
export const WSFED_CLAIM = {
  givenName: 'givenname',
  familyName: 'surname',
  personalCode: 'privatepersonalidentifier',
  historicalPersonalCodes: 'historical_privatepersonalidentifier',
} as const;

/** The only algorithms issued and accepted (see wsfed-verifier.ts on why not SHA-1). */
export const WSFED_ALGORITHM = {
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

/** SAML 1.1 names its ID attribute `AssertionID`; xml-crypto only knows Id/ID/id unless told. */
export const SAML_ID_ATTRIBUTE = 'AssertionID';

export interface WsFedIdentity {
  givenName: string;
  familyName: string;
  personalCode: string;
  historicalPersonalCodes: string[];
  /** The gateway's sign-in method, e.g. `urn:latvija.lv:authn:eparaksts`; kept as it comes. */
  authenticationMethod: string;
}

const BEARER = 'urn:oasis:names:tc:SAML:1.0:cm:bearer';
const ASSERTION_XPATH = `//*[local-name(.)='Assertion' and namespace-uri(.)='${WSFED_NS.saml}']`;
// Characters XML 1.0 can carry at all; anything else would make the token unparseable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

type Child = Element | string | null;

/** Builds elements through the DOM so every text and attribute is escaped by the serializer. */
function builder(doc: Document) {
  return (ns: string, qualifiedName: string, attributes: Record<string, string>, ...children: Child[]): Element => {
    const element = doc.createElementNS(ns, qualifiedName);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, xmlText(value));
    for (const child of children) {
      if (child === null) continue;
      element.appendChild(typeof child === 'string' ? doc.createTextNode(xmlText(child)) : child);
    }
    return element;
  };
}

function xmlText(value: string): string {
  if (NOT_XML_CHAR.test(value)) throw new Error('WS-Federation: a value contains characters XML cannot carry');
  return value;
}

/**
 * The `wresult` of a sign-in response: a WS-Trust RSTR with an enveloped-signed SAML 1.1 assertion,
 * shaped like Latvija.lv's. An empty claim value is left out, as the gateway does for a claim it
 * does not have.
 */
export function issueWsFedResponse(options: {
  identity: WsFedIdentity;
  realm: string;
  issuer: string;
  privateKeyPem: string;
  certificatePem?: string;
  now?: Date;
  lifetimeSeconds?: number;
  assertionId?: string;
}): string {
  const { identity, realm, issuer, privateKeyPem, certificatePem, now = new Date(), lifetimeSeconds = 300 } = options;
  const assertionId = options.assertionId ?? `_${randomBytes(16).toString('hex')}`;
  if (!realm || !issuer) throw new Error('WS-Federation: realm and issuer are required');
  if (!/^[A-Za-z_][\w.-]*$/.test(assertionId)) throw new Error('WS-Federation: an AssertionID must be an XML NCName');
  if (!Number.isFinite(lifetimeSeconds) || lifetimeSeconds <= 0) throw new Error('WS-Federation: lifetime must be positive');
  if (createPrivateKey(privateKeyPem).asymmetricKeyType !== 'rsa') throw new Error('WS-Federation: the signing key must be RSA');

  const issued = now.toISOString();
  const expires = new Date(now.getTime() + lifetimeSeconds * 1000).toISOString();
  const doc = new DOMImplementation().createDocument(WSFED_NS.trust, 'wst:RequestSecurityTokenResponse', null);
  const el = builder(doc);
  const { saml, trust } = WSFED_NS;

  const subject = () => el(saml, 'saml:Subject', {}, el(saml, 'saml:SubjectConfirmation', {}, el(saml, 'saml:ConfirmationMethod', {}, BEARER)));
  const attribute = (name: string, values: string[]) => {
    const present = values.filter((value) => value !== '');
    if (present.length === 0) return null;
    const valueElements = present.map((value) => el(saml, 'saml:AttributeValue', {}, value));
    return el(saml, 'saml:Attribute', { AttributeName: name, AttributeNamespace: WSFED_NS.claims }, ...valueElements);
  };

  const assertion = el(
    saml,
    'saml:Assertion',
    { MajorVersion: '1', MinorVersion: '1', AssertionID: assertionId, Issuer: issuer, IssueInstant: issued },
    el(
      saml,
      'saml:Conditions',
      { NotBefore: issued, NotOnOrAfter: expires },
      el(saml, 'saml:AudienceRestrictionCondition', {}, el(saml, 'saml:Audience', {}, realm)),
    ),
    el(
      saml,
      'saml:AttributeStatement',
      {},
      subject(),
      attribute(WSFED_CLAIM.givenName, [identity.givenName]),
      attribute(WSFED_CLAIM.familyName, [identity.familyName]),
      attribute(WSFED_CLAIM.personalCode, [identity.personalCode]),
      attribute(WSFED_CLAIM.historicalPersonalCodes, identity.historicalPersonalCodes),
    ),
    el(saml, 'saml:AuthenticationStatement', { AuthenticationMethod: identity.authenticationMethod, AuthenticationInstant: issued }, subject()),
  );

  const rstr = doc.documentElement!;
  for (const child of [
    el(trust, 'wst:Lifetime', {}, el(WSFED_NS.utility, 'wsu:Created', {}, issued), el(WSFED_NS.utility, 'wsu:Expires', {}, expires)),
    el(WSFED_NS.policy, 'wsp:AppliesTo', {}, el(WSFED_NS.addressing, 'wsa:EndpointReference', {}, el(WSFED_NS.addressing, 'wsa:Address', {}, realm))),
    el(trust, 'wst:RequestedSecurityToken', {}, assertion),
    el(trust, 'wst:TokenType', {}, WSFED_NS.saml),
    el(trust, 'wst:RequestType', {}, `${trust}/Issue`),
    el(trust, 'wst:KeyType', {}, 'http://schemas.xmlsoap.org/ws/2005/05/identity/NoProofKey'),
  ]) {
    rstr.appendChild(child);
  }

  // The serializer writes a carriage return in text raw, and a parser would read it back as a line
  // feed; as a character reference it survives (no markup we build contains one).
  const unsigned = new XMLSerializer().serializeToString(doc).replace(/\r/g, '&#13;');
  return signAssertion(unsigned, privateKeyPem, certificatePem);
}

/** Enveloped signature as the last child of the assertion, where SAML 1.1 puts it. */
function signAssertion(xml: string, privateKeyPem: string, certificatePem: string | undefined): string {
  const signer = new SignedXml({
    privateKey: privateKeyPem,
    // Only published in KeyInfo for the reader's convenience; verifiers use their configured key.
    publicCert: certificatePem,
    idAttribute: SAML_ID_ATTRIBUTE,
    signatureAlgorithm: WSFED_ALGORITHM.rsaSha256,
    canonicalizationAlgorithm: WSFED_ALGORITHM.excC14n,
  });
  signer.addReference({
    xpath: ASSERTION_XPATH,
    transforms: [WSFED_ALGORITHM.enveloped, WSFED_ALGORITHM.excC14n],
    digestAlgorithm: WSFED_ALGORITHM.sha256,
  });
  signer.computeSignature(xml, { prefix: 'ds', location: { reference: ASSERTION_XPATH, action: 'append' } });
  return signer.getSignedXml();
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A form may only post to a web address or a path of this site, never `javascript:` and the like. */
function assertFormAction(action: string): void {
  if (action.startsWith('/') && !action.startsWith('//') && !action.startsWith('/\\')) return;
  let protocol = '';
  try {
    protocol = new URL(action).protocol;
  } catch {
    // Falls through to the refusal below.
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error('WS-Federation: a form action must be an http(s) URL or a path');
  }
}

/**
 * The page that carries a WS-Federation message by POST: submitted at once by a tiny inline script
 * (allowed by the CSP nonce when given), with a visible button when scripts do not run.
 */
export function autoPostForm(options: {
  action: string;
  fields: Record<string, string>;
  lang: 'lv' | 'en';
  title: string;
  continueLabel: string;
  nonce?: string;
}): string {
  const { action, fields, lang, title, continueLabel, nonce } = options;
  assertFormAction(action);
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const nonceAttribute = nonce === undefined ? '' : ` nonce="${escapeHtml(nonce)}"`;
  // Through the prototype: a field named "submit" would shadow form.submit().
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
</head>
<body>
<form method="post" action="${escapeHtml(action)}">
${inputs}
<button type="submit">${escapeHtml(continueLabel)}</button>
</form>
<script${nonceAttribute}>HTMLFormElement.prototype.submit.call(document.forms[0]);</script>
</body>
</html>
`;
}
