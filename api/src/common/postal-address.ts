import { Field, InputType, ObjectType } from 'type-graphql';
import type { Problems } from './errors.js';

/** An address in the parts an e-invoice needs (EN 16931 BG-5 / BG-8). */
export interface PostalAddress {
  street: string | null;
  city: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
}

/** A person's declared address, an employer's or an institution's legal address, in parts. */
@ObjectType('PostalAddress', { description: 'An address in parts (street, city, postcode, country), as invoices and e-invoices need it.' })
export class PostalAddressType implements PostalAddress {
  @Field(() => String, { nullable: true, description: 'Street, house and flat, or a rural property name.' })
  street: string | null;

  @Field(() => String, { nullable: true, description: 'City, town or parish (pagasts) with its municipality.' })
  city: string | null;

  @Field(() => String, { nullable: true, description: 'LV-1050 for Latvia.' })
  postcode: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. LV.' })
  countryCode: string;
}

@InputType('PostalAddressInput', { description: 'Street, city and postcode are required; the country defaults to LV.' })
export class PostalAddressInput {
  @Field()
  street: string;

  @Field()
  city: string;

  @Field()
  postcode: string;

  @Field(() => String, { nullable: true })
  countryCode?: string | null;
}

const COUNTRY = /^[A-Z]{2}$/;
const POSTCODE_LV = /^LV-?(\d{4})$/i;

/**
 * A complete address, cleaned: the Latvian postcode in its LV-1234 form, the country in capitals.
 * Problems are reported per part (`<field>.street`, `<field>.postcode`...). Null input: no address.
 */
export function checkPostalAddress(input: PostalAddressInput | null, field: string, problems: Problems): PostalAddress | null {
  if (!input) return null;
  const street = input.street?.trim() ?? '';
  const city = input.city?.trim() ?? '';
  const rawPostcode = input.postcode?.trim().replace(/\s+/g, '') ?? '';
  const countryCode = (input.countryCode?.trim() || 'LV').toUpperCase();
  problems.check(street.length > 0, `${field}.street`, 'REQUIRED', 'The street is required');
  problems.check(street.length <= 200, `${field}.street`, 'LENGTH', 'The street must be at most 200 characters');
  problems.check(city.length > 0, `${field}.city`, 'REQUIRED', 'The city is required');
  problems.check(city.length <= 100, `${field}.city`, 'LENGTH', 'The city must be at most 100 characters');
  problems.check(COUNTRY.test(countryCode), `${field}.countryCode`, 'INVALID_COUNTRY', 'The country must be a two-letter code, e.g. LV');
  let postcode = rawPostcode.toUpperCase();
  if (countryCode === 'LV') {
    const match = POSTCODE_LV.exec(rawPostcode);
    problems.check(!!match, `${field}.postcode`, 'INVALID_POSTCODE', 'A Latvian postcode is LV- and four digits, e.g. LV-1050');
    if (match) postcode = `LV-${match[1]}`;
  } else {
    problems.check(postcode.length > 0 && postcode.length <= 20, `${field}.postcode`, 'REQUIRED', 'The postcode is required');
  }
  return { street, city, postcode, countryCode };
}

/** Every part an invoice needs is there (an address split from old free text may lack some). */
export function isCompleteAddress(address: PostalAddress | null | undefined): address is PostalAddress {
  return !!address?.street && !!address.city && !!address.postcode && !!address.countryCode;
}

/** An address kept before addresses had parts (a text), or in parts: in parts. */
export function addressParts(value: PostalAddress | string | null | undefined): PostalAddress {
  if (value && typeof value === 'object') return value;
  return parseAddress(value);
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

/** One line for the PDF: "Street, City, LV-1050" (and the country when it is not Latvia). */
export function formatAddress(address: Pick<PostalAddress, 'street' | 'city' | 'postcode'> & { countryCode?: string }): string {
  return [address.street, address.city, address.postcode, address.countryCode && address.countryCode !== 'LV' ? address.countryCode : null]
    .filter(Boolean)
    .join(', ');
}
