import type { Problems } from '../../common/errors.js';

/**
 * Electronic address schemes (EAS code list, Peppol BT-49) an institution in Latvia may give:
 * 0218 the Latvian unified registration number, 9939 the Latvian VAT number, 0088 a GLN, 0192
 * and 0007 Norwegian and Swedish organisation numbers (foreign buyers), EM an e-mail address.
 */
export const EAS_SCHEMES = ['0218', '9939', '0088', '0192', '0007', 'EM'] as const;

const ENDPOINT = /^\S{1,100}$/;

/**
 * Checks an e-invoice address: both parts or neither ("" or null clears). Returns what to store,
 * or undefined for "leave as it is" (neither given).
 */
export function checkEinvoiceAddress(
  scheme: string | null | undefined,
  endpoint: string | null | undefined,
  problems: Problems,
): { scheme: string | null; endpoint: string | null } | undefined {
  if (scheme === undefined && endpoint === undefined) return undefined;
  const s = scheme?.trim() || null;
  const e = endpoint?.trim() || null;
  if (!s && !e) return { scheme: null, endpoint: null };
  if (!s) problems.add('einvoiceScheme', 'REQUIRED', 'einvoiceScheme is required with an endpoint');
  else
    problems.check(
      (EAS_SCHEMES as readonly string[]).includes(s),
      'einvoiceScheme',
      'UNKNOWN_SCHEME',
      `einvoiceScheme must be one of ${EAS_SCHEMES.join(', ')}`,
    );
  if (!e) problems.add('einvoiceEndpoint', 'REQUIRED', 'einvoiceEndpoint is required with a scheme');
  else {
    problems.check(ENDPOINT.test(e), 'einvoiceEndpoint', 'INVALID_ENDPOINT', 'einvoiceEndpoint must be 1 to 100 characters without spaces');
    if (s === '0218') problems.check(/^\d{11}$/.test(e), 'einvoiceEndpoint', 'INVALID_ENDPOINT', 'A 0218 address is an 11-digit registration number');
    if (s === '9939') problems.check(/^LV\d{11}$/.test(e), 'einvoiceEndpoint', 'INVALID_ENDPOINT', 'A 9939 address is a VAT number, LV and 11 digits');
    if (s === 'EM') problems.check(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'einvoiceEndpoint', 'INVALID_ENDPOINT', 'An EM address is an e-mail address');
  }
  return { scheme: s, endpoint: e };
}

/** A buyer reference: trimmed, at most 100 characters; "" clears it. */
export function checkBuyerReference(value: string | null | undefined, problems: Problems): string | null {
  const text = value?.trim() || null;
  problems.check(!text || text.length <= 100, 'buyerReference', 'LENGTH', 'buyerReference must be at most 100 characters');
  return text;
}
