/** An address in the parts an e-invoice needs (EN 16931 BG-5 / BG-8). */
export interface PostalAddress {
  street: string | null;
  city: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
}

const LATVIAN_POSTCODE = /\bLV[- ]?(\d{4})\b/i;

/**
 * Splits a Latvian address written as free text ("Brīvības iela 1, Rīga, LV-1050") into its parts,
 * as well as it can: the postcode by its pattern, the city as the last part without digits, the rest
 * as the street. What cannot be told apart stays in the street, so nothing is lost.
 */
export function parseAddress(text: string | null | undefined, countryCode = 'LV'): PostalAddress {
  const parts = (text ?? '')
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  let postcode: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    const match: RegExpExecArray | null = postcode ? null : LATVIAN_POSTCODE.exec(part);
    if (!match) {
      rest.push(part);
      continue;
    }
    postcode = `LV-${match[1]}`;
    const remainder = part.replace(match[0], '').trim();
    if (remainder) rest.push(remainder);
  }
  let city: string | null = null;
  if (rest.length >= 2) {
    const index = rest.findLastIndex((part) => !/\d/.test(part));
    if (index > 0) city = rest.splice(index, 1)[0];
  }
  return { street: rest.length ? rest.join(', ') : null, city, postcode, countryCode };
}

/** One line for the PDF: "Street, City, LV-1050". */
export function formatAddress(address: Pick<PostalAddress, 'street' | 'city' | 'postcode'>): string {
  return [address.street, address.city, address.postcode].filter(Boolean).join(', ');
}
