import { X509Certificate, generateKeyPairSync, sign } from 'node:crypto';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { WSFED_ALGORITHM, WSFED_NS, autoPostForm, issueWsFedResponse, type WsFedIdentity } from './wsfed-token.js';
import { WsFedError, WsFedVerifier, signInRedirectUrl, type WsFedVerifierOptions } from './wsfed-verifier.js';

const REALM = 'https://mps.example.lv/';
const ISSUER = 'https://gateway.example.lv/';
const NOW = new Date('2026-03-02T10:00:00.000Z');
const seconds = (n: number) => new Date(NOW.getTime() + n * 1000);

const rsaKeys = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const gateway = rsaKeys();
const attacker = rsaKeys();

const liga: WsFedIdentity = {
  givenName: 'Līga',
  familyName: 'Bērziņa',
  personalCode: '321234-56789',
  historicalPersonalCodes: ['010190-10000', '010190-20000'],
  authenticationMethod: 'urn:latvija.lv:authn:eparaksts',
};

const issue = (options: Partial<Parameters<typeof issueWsFedResponse>[0]> = {}) =>
  issueWsFedResponse({ identity: liga, realm: REALM, issuer: ISSUER, privateKeyPem: gateway.privateKey, now: NOW, ...options });

const verifier = (options: Partial<WsFedVerifierOptions> = {}) =>
  new WsFedVerifier({ realm: REALM, certificatePem: gateway.publicKey, trustedIssuer: ISSUER, ...options });

/** The refusal reason, or who got in: a test expecting a refusal then fails showing the identity. */
function outcomeOf(wresult: string, now = NOW, by = verifier()): string {
  try {
    const { identity } = by.verify(wresult, now);
    return `accepted ${identity.givenName} ${identity.personalCode}`;
  } catch (error) {
    if (error instanceof WsFedError) return error.reason;
    throw error;
  }
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc);
const all = (root: Document | Element, ns: string, name: string) => {
  const list = root.getElementsByTagNameNS(ns, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
};
const first = (root: Document | Element, ns: string, name: string) => all(root, ns, name)[0];
const assertionOf = (doc: Document) => first(doc, WSFED_NS.saml, 'Assertion');
const signatureOf = (doc: Document | Element) => first(doc, WSFED_NS.dsig, 'Signature');

/** A copy of the signed assertion claiming to be someone else, without a signature. */
function evilCopy(doc: Document, assertionId: string): Element {
  const evil = assertionOf(doc).cloneNode(true) as Element;
  evil.setAttribute('AssertionID', assertionId);
  evil.removeChild(signatureOf(evil));
  for (const value of all(evil, WSFED_NS.saml, 'AttributeValue')) {
    if (value.textContent === liga.personalCode) value.textContent = '999999-99999';
    if (value.textContent === liga.givenName) value.textContent = 'Eve';
  }
  return evil;
}

/** Signs the token's assertion again, with the gateway key, the way another implementation might. */
function resign(
  wresult: string,
  options: { prefix?: string; signatureAlgorithm?: string; digestAlgorithm?: string; reshape?: (xml: string) => string },
): string {
  const doc = parse(wresult);
  assertionOf(doc).removeChild(signatureOf(doc));
  const unsigned = (options.reshape ?? ((xml) => xml))(serialize(doc));
  const signer = new SignedXml({
    privateKey: gateway.privateKey,
    idAttribute: 'AssertionID',
    signatureAlgorithm: options.signatureAlgorithm ?? WSFED_ALGORITHM.rsaSha256,
    canonicalizationAlgorithm: WSFED_ALGORITHM.excC14n,
  });
  const xpath = `//*[local-name(.)='Assertion']`;
  signer.addReference({
    xpath,
    transforms: [WSFED_ALGORITHM.enveloped, WSFED_ALGORITHM.excC14n],
    digestAlgorithm: options.digestAlgorithm ?? WSFED_ALGORITHM.sha256,
  });
  signer.computeSignature(unsigned, { prefix: options.prefix, location: { reference: xpath, action: 'append' } });
  return signer.getSignedXml();
}

/** A self-signed X.509 certificate built with DER by hand: Node can read certificates but not make them. */
function selfSignedCertificate(keys: { publicKey: string; privateKey: string }, commonName: string): string {
  const der = (tag: number, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const n = body.length;
    const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
    return Buffer.concat([Buffer.from([tag, ...length]), body]);
  };
  const sequence = (...parts: Buffer[]) => der(0x30, ...parts);
  const sha256WithRsa = sequence(Buffer.from('06092a864886f70d01010b0500', 'hex'));
  const name = sequence(der(0x31, sequence(Buffer.from('0603550403', 'hex'), der(0x0c, Buffer.from(commonName)))));
  const spki = Buffer.from(keys.publicKey.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([1])),
    sha256WithRsa,
    name,
    sequence(der(0x17, Buffer.from('250101000000Z')), der(0x17, Buffer.from('491231235959Z'))),
    name,
    spki,
  );
  const signature = sign('sha256', tbs, keys.privateKey);
  const certificate = sequence(tbs, sha256WithRsa, der(0x03, Buffer.from([0]), signature));
  return `-----BEGIN CERTIFICATE-----\n${certificate.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}

describe('sign-in round trip', () => {
  test('what the development provider issues verifies to the same person, diacritics and earlier codes intact', () => {
    const result = verifier().verify(issue({ assertionId: '_round_trip' }), seconds(30));
    expect(result).toEqual({
      assertionId: '_round_trip',
      issuer: ISSUER,
      // NotOnOrAfter (5 minutes) plus the clock skew: how long the caller must remember the ID.
      expiresAt: seconds(300 + 120),
      identity: liga,
    });
  });

  test('a person without earlier personal codes gets an empty list, and the sign-in method is kept as sent', () => {
    const identity = { ...liga, historicalPersonalCodes: [], authenticationMethod: 'urn:latvija.lv:authn:swedbank' };
    expect(verifier().verify(issue({ identity }), NOW).identity).toEqual(identity);
  });

  test('the token has the shape Latvija.lv sends: RSTR around a SAML 1.1 assertion, signed where SAML 1.1 signs', () => {
    const doc = parse(issue({ assertionId: '_shape' }));
    expect(doc.documentElement!.namespaceURI).toBe(WSFED_NS.trust);
    expect(doc.documentElement!.localName).toBe('RequestSecurityTokenResponse');
    expect(first(doc, WSFED_NS.addressing, 'Address').textContent).toBe(REALM);
    const assertion = assertionOf(doc);
    expect((assertion.parentNode as Element).localName).toBe('RequestedSecurityToken');
    expect([assertion.getAttribute('MajorVersion'), assertion.getAttribute('MinorVersion')]).toEqual(['1', '1']);
    expect(assertion.getAttribute('IssueInstant')).toBe(NOW.toISOString());
    expect(first(assertion, WSFED_NS.saml, 'Audience').textContent).toBe(REALM);
    const attributes = all(assertion, WSFED_NS.saml, 'Attribute');
    expect(attributes.map((a) => a.getAttribute('AttributeName'))).toEqual([
      'givenname',
      'surname',
      'privatepersonalidentifier',
      'historical_privatepersonalidentifier',
    ]);
    expect(new Set(attributes.map((a) => a.getAttribute('AttributeNamespace')))).toEqual(new Set([WSFED_NS.claims]));
    expect(first(assertion, WSFED_NS.saml, 'AuthenticationStatement').getAttribute('AuthenticationMethod')).toBe(liga.authenticationMethod);

    const signature = signatureOf(doc);
    expect(signature.parentNode).toBe(assertion);
    expect(assertion.lastChild).toBe(signature);
    expect(first(signature, WSFED_NS.dsig, 'Reference').getAttribute('URI')).toBe('#_shape');
    expect(first(signature, WSFED_NS.dsig, 'SignatureMethod').getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(all(doc, WSFED_NS.dsig, 'KeyInfo')).toHaveLength(0);
  });

  test('the gateway can be configured by its X.509 certificate, which the issuer may publish in KeyInfo', () => {
    const certificatePem = selfSignedCertificate(gateway, 'Gateway');
    expect(new X509Certificate(certificatePem).subject).toBe('CN=Gateway');
    const wresult = issue({ certificatePem });
    expect(wresult).toContain('<ds:X509Certificate>');
    expect(verifier({ certificatePem }).verify(wresult, NOW).identity).toEqual(liga);
  });

  test('a token written the way .NET gateways write it verifies: unprefixed Signature, 7-digit fractions, indentation', () => {
    const wresult = resign(issue(), {
      reshape: (xml) => xml.replace(/(\d\d:\d\d:\d\d)\.000Z/g, '$1.0000000Z').replace(/></g, '>\n  <'),
    });
    expect(wresult).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect(wresult).toContain('NotOnOrAfter="2026-03-02T10:05:00.0000000Z"');
    expect(verifier().verify(wresult, NOW)).toMatchObject({ identity: liga, expiresAt: seconds(300 + 120) });
  });

  test('the ds prefix may be declared on an ancestor rather than on the Signature', () => {
    const declaration = ' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
    const wresult = issue()
      .replace(`<ds:Signature${declaration}`, '<ds:Signature')
      .replace('<wst:RequestSecurityTokenResponse', `<wst:RequestSecurityTokenResponse${declaration}`);
    expect(wresult.split('xmlns:ds=')).toHaveLength(2);
    expect(wresult.indexOf('xmlns:ds=')).toBeLessThan(wresult.indexOf('<saml:Assertion'));
    expect(verifier().verify(wresult, NOW).identity).toEqual(liga);
  });

  test('markup in names is carried as text, not as XML', () => {
    const identity = { ...liga, givenName: 'A&B <saml:Attribute>', familyName: `O'Neil "Jr" ]]>` };
    expect(verifier().verify(issue({ identity }), NOW).identity).toEqual(identity);
  });
});

describe('refused tokens', () => {
  test('unsigned', () => {
    const doc = parse(issue());
    assertionOf(doc).removeChild(signatureOf(doc));
    expect(outcomeOf(serialize(doc))).toBe('UNSIGNED');
  });

  test('signed by another key', () => {
    expect(outcomeOf(issue({ privateKeyPem: attacker.privateKey }))).toBe('BAD_SIGNATURE');
  });

  test("signed by another key that brings its own certificate in KeyInfo: the document's key is never used", () => {
    const wresult = issue({ privateKeyPem: attacker.privateKey, certificatePem: selfSignedCertificate(attacker, 'Gateway') });
    expect(wresult).toContain('<ds:X509Certificate>');
    expect(outcomeOf(wresult)).toBe('BAD_SIGNATURE');
  });

  test('signed with RSA-SHA1 by the right key: the algorithm is not allowed', () => {
    const wresult = resign(issue(), {
      prefix: 'ds',
      signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',
    });
    expect(wresult).toContain('#rsa-sha1');
    expect(outcomeOf(wresult)).toBe('BAD_SIGNATURE');
  });

  test('expired, after the clock skew; still accepted within it', () => {
    const wresult = issue({ lifetimeSeconds: 300 });
    expect(outcomeOf(wresult, seconds(300 + 60))).toBe(`accepted ${liga.givenName} ${liga.personalCode}`);
    expect(outcomeOf(wresult, seconds(300 + 120))).toBe('EXPIRED');
    expect(outcomeOf(wresult, seconds(86_400))).toBe('EXPIRED');
  });

  test('not yet valid, beyond the clock skew; accepted within it', () => {
    const wresult = issue();
    expect(outcomeOf(wresult, seconds(-119))).toBe(`accepted ${liga.givenName} ${liga.personalCode}`);
    expect(outcomeOf(wresult, seconds(-121))).toBe('NOT_YET_VALID');
  });

  test('valid for longer than the gateway ever issues', () => {
    expect(outcomeOf(issue({ lifetimeSeconds: 3600 }))).toBe(`accepted ${liga.givenName} ${liga.personalCode}`);
    expect(outcomeOf(issue({ lifetimeSeconds: 3601 }))).toBe('EXPIRED');
  });

  test('meant for another realm; the trailing slash alone does not matter', () => {
    expect(outcomeOf(issue({ realm: 'https://other.example.lv/' }))).toBe('WRONG_AUDIENCE');
    expect(outcomeOf(issue({ realm: 'https://mps.example.lv.evil.example/' }))).toBe('WRONG_AUDIENCE');
    expect(outcomeOf(issue(), NOW, verifier({ realm: 'https://mps.example.lv' }))).toBe(`accepted ${liga.givenName} ${liga.personalCode}`);
  });

  test('from another issuer, when an issuer is configured', () => {
    expect(outcomeOf(issue({ issuer: 'https://idp.evil.example/' }))).toBe('WRONG_ISSUER');
  });

  test('a personal code edited after signing', () => {
    const wresult = issue();
    const edited = wresult.replace(`>${liga.personalCode}<`, '>999999-99999<');
    expect(edited).not.toBe(wresult);
    expect(outcomeOf(edited)).toBe('BAD_SIGNATURE');
  });

  test('an issuer or audience edited after signing', () => {
    expect(outcomeOf(issue({ issuer: 'https://idp.evil.example/' }).replace('https://idp.evil.example/', ISSUER))).toBe('BAD_SIGNATURE');
    expect(outcomeOf(issue({ realm: 'https://other.example.lv/' }).replaceAll('https://other.example.lv/', REALM))).toBe('BAD_SIGNATURE');
  });

  test.each(['personalCode', 'givenName', 'familyName', 'authenticationMethod'] as const)('missing %s', (field) => {
    expect(outcomeOf(issue({ identity: { ...liga, [field]: '' } }))).toBe('MISSING_CLAIMS');
  });
});

describe('signature wrapping', () => {
  test('a second, unsigned assertion next to the signed one', () => {
    for (const place of ['before', 'after'] as const) {
      const doc = parse(issue({ assertionId: '_signed' }));
      const signed = assertionOf(doc);
      const evil = evilCopy(doc, '_evil');
      signed.parentNode!.insertBefore(evil, place === 'before' ? signed : signed.nextSibling);
      expect(outcomeOf(serialize(doc))).toBe('MALFORMED');
    }
  });

  test('the signed assertion moved aside and an evil one put in its place', () => {
    for (const evilId of ['_signed', '_evil']) {
      const doc = parse(issue({ assertionId: '_signed' }));
      const signed = assertionOf(doc);
      const token = signed.parentNode as Element;
      const evil = evilCopy(doc, evilId);
      const wrapper = doc.createElementNS('urn:evil', 'x:Extensions');
      token.replaceChild(evil, signed);
      wrapper.appendChild(signed);
      doc.documentElement!.appendChild(wrapper);
      expect(outcomeOf(serialize(doc))).toBe('MALFORMED');
    }
  });

  test('the signature moved onto an evil assertion, the signed one hidden inside that signature', () => {
    const doc = parse(issue({ assertionId: '_signed' }));
    const signed = assertionOf(doc);
    const signature = signatureOf(doc);
    const evil = evilCopy(doc, '_evil');
    signed.parentNode!.replaceChild(evil, signed);
    signed.removeChild(signature);
    const object = doc.createElementNS(WSFED_NS.dsig, 'ds:Object');
    object.appendChild(signed);
    signature.appendChild(object);
    evil.appendChild(signature);
    expect(outcomeOf(serialize(doc))).toBe('MALFORMED');
  });

  test("an evil assertion taking the signed one's ID and signature, the signed one gone", () => {
    const doc = parse(issue({ assertionId: '_signed' }));
    const signed = assertionOf(doc);
    const evil = evilCopy(doc, '_signed');
    evil.appendChild(signatureOf(doc));
    signed.parentNode!.replaceChild(evil, signed);
    expect(outcomeOf(serialize(doc))).toBe('BAD_SIGNATURE');
  });

  test('comments inside a signed value do not change what is read (claims come from the signed XML)', () => {
    // Canonicalization drops comments, so the signature still holds; a reader of the posted DOM
    // could see a truncated text node instead of the signed value.
    const wresult = issue().replace(`>${liga.personalCode}<`, `>321234<!---->-56789<`);
    expect(wresult).toContain('321234<!---->-56789');
    expect(verifier().verify(wresult, NOW).identity.personalCode).toBe(liga.personalCode);
  });
});

describe('malformed input', () => {
  const signed = issue();

  test.each([
    ['an internal entity', `<!DOCTYPE x [<!ENTITY n "Eve">]>${signed.replace(`>${liga.givenName}<`, '>&n;<')}`],
    ['an external entity', `<!DOCTYPE x [<!ENTITY n SYSTEM "file:///etc/passwd">]>${signed.replace(`>${liga.givenName}<`, '>&n;<')}`],
    [
      'entity expansion (billion laughs)',
      `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><x>&c;</x>`,
    ],
    ['a bare DOCTYPE', `<!DOCTYPE x>${signed}`],
  ])('%s is refused before parsing', (_what, payload) => {
    expect(outcomeOf(payload)).toBe('MALFORMED');
  });

  test.each([
    ['empty', ''],
    ['text', 'not a token'],
    ['unclosed XML', '<wst:RequestSecurityTokenResponse xmlns:wst="http://schemas.xmlsoap.org/ws/2005/02/trust">'],
    ['two roots', `${signed}${signed}`],
    ['XML without an assertion', '<wst:RequestSecurityTokenResponse xmlns:wst="http://schemas.xmlsoap.org/ws/2005/02/trust"/>'],
    ['binary', String.fromCharCode(0, 1, 2, 255, 254)],
    ['over 256 KB', signed.replace('<wst:TokenType>', `${' '.repeat(300 * 1024)}<wst:TokenType>`)],
  ])('garbage: %s', (_what, payload) => {
    expect(outcomeOf(payload)).toBe('MALFORMED');
  });

  test('not a string at all', () => {
    expect(outcomeOf(undefined as unknown as string)).toBe('MALFORMED');
  });
});

describe('configuration', () => {
  test('only an RSA key is accepted as the gateway key', () => {
    const { publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => verifier({ certificatePem: publicKey })).toThrow(/RSA/);
    expect(() => verifier({ certificatePem: 'not a key' })).toThrow();
  });
});

describe('browser legs', () => {
  test('the sign-in redirect carries wsignin1.0 with realm, reply, context and time, keeping the gateway query', () => {
    const url = new URL(
      signInRedirectUrl({
        gatewayUrl: 'https://gateway.example.lv/Auth/WsFed?lang=lv',
        realm: REALM,
        replyUrl: 'https://mps.example.lv/auth/latvija/callback',
        context: 'state&x=1',
        now: NOW,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://gateway.example.lv/Auth/WsFed');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lang: 'lv',
      wa: 'wsignin1.0',
      wtrealm: REALM,
      wreply: 'https://mps.example.lv/auth/latvija/callback',
      wctx: 'state&x=1',
      wct: NOW.toISOString(),
    });
  });

  test('the auto-post form escapes every value, so markup in a field stays inert', () => {
    const hostile = '"><script>alert(1)</script>';
    const html = autoPostForm({
      action: 'https://mps.example.lv/auth/latvija/callback?a=1&b="2"',
      fields: { wa: 'wsignin1.0', wresult: issue(), wctx: hostile, [hostile]: 'x' },
      lang: 'lv',
      title: `Pieslēgšanās ${hostile}`,
      continueLabel: 'Turpināt',
      nonce: 'abc123',
    });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc123">');
    expect(html).not.toContain('"><script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('action="https://mps.example.lv/auth/latvija/callback?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('<title>Pieslēgšanās &quot;&gt;&lt;script&gt;');
    expect(html).toContain('<button type="submit">Turpināt</button>');
    // The token survives escaping: what the browser posts is what was issued.
    const wresult = /name="wresult" value="([^"]*)"/.exec(html)![1];
    const unescaped = wresult.replace(/&(quot|#39|lt|gt|amp);/g, (_m, e: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[e]!);
    expect(verifier().verify(unescaped, NOW).identity).toEqual(liga);
  });

  test('the auto-post form posts only to a web address or a path of this site', () => {
    const page = (action: string) => autoPostForm({ action, fields: {}, lang: 'en', title: 'Signing in', continueLabel: 'Continue' });
    expect(page('/auth/latvija/callback')).toContain('action="/auth/latvija/callback"');
    expect(page('/auth')).not.toContain('nonce=');
    for (const action of ['javascript:alert(1)', '//evil.example/x', 'data:text/html,x']) expect(() => page(action)).toThrow();
  });
});
