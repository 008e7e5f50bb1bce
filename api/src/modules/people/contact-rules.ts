import { checkPostalAddress, type PostalAddressInput } from '../../common/postal-address.js';
import type { Problems } from '../../common/errors.js';
import type { PayerDetails } from '../institutions/payer-details.js';

/** Practical, not RFC 5322: one @, a dot in the domain, no spaces; at most 254 characters. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed text, null when empty; LENGTH when longer than `max`. */
export function cleanText(value: string | null, field: string, problems: Problems, max: number): string | null {
  const text = value?.trim() ?? '';
  problems.check(text.length <= max, field, 'LENGTH', `${field} must be at most ${max} characters`);
  return text || null;
}

export function checkEmail(value: string | null, field: string, problems: Problems, options: { required?: boolean } = {}): string | null {
  const email = value?.trim().toLowerCase() ?? '';
  if (!email) {
    if (options.required) problems.add(field, 'REQUIRED', `${field} is required`);
    return null;
  }
  problems.check(EMAIL.test(email) && email.length <= 254, field, 'INVALID_EMAIL', `${field} is not a valid e-mail address`);
  return email;
}

/** A phone number as people write it: digits with spaces, an optional leading +; stored without spaces. */
export function checkPhone(value: string | null, field: string, problems: Problems): string | null {
  const phone = value?.replace(/[\s()-]/g, '') ?? '';
  if (!phone) return null;
  problems.check(/^\+?\d{8,15}$/.test(phone), field, 'INVALID_PHONE', `${field} must be 8 to 15 digits, optionally starting with +`);
  return phone;
}

/** Latvian registration numbers have 11 digits; VAT numbers are LV and the same 11 digits. */
export function checkRegistrationNumber(value: string | null, field: string, problems: Problems, options: { required?: boolean } = {}): string | null {
  const number = value?.replace(/\s/g, '') ?? '';
  if (!number) {
    if (options.required) problems.add(field, 'REQUIRED', `${field} is required`);
    return null;
  }
  problems.check(/^\d{11}$/.test(number), field, 'INVALID_REGISTRATION_NUMBER', `${field} must be 11 digits`);
  return number;
}

export function checkVatNumber(value: string | null, field: string, problems: Problems): string | null {
  const number = value?.replace(/\s/g, '').toUpperCase() ?? '';
  if (!number) return null;
  problems.check(/^LV\d{11}$/.test(number), field, 'INVALID_VAT_NUMBER', `${field} must be LV followed by 11 digits`);
  return number;
}

/**
 * An employer's requisites: all empty clears them; otherwise name, registration number, address and
 * invoice e-mail are needed for an invoice to be made out.
 */
/** Input of the employer's requisites: the address in parts. */
export type PayerDetailsGiven = Partial<Omit<PayerDetails, 'address'>> & { address?: PostalAddressInput | null };

export function checkPayerDetails(input: PayerDetailsGiven | null, prefix: string, problems: Problems): PayerDetails {
  const values = {
    name: cleanText(input?.name ?? null, `${prefix}.name`, problems, 200),
    registrationNumber: input?.registrationNumber?.trim() ? checkRegistrationNumber(input.registrationNumber, `${prefix}.registrationNumber`, problems) : null,
    vatNumber: checkVatNumber(input?.vatNumber ?? null, `${prefix}.vatNumber`, problems),
    address: checkPostalAddress(input?.address ?? null, `${prefix}.address`, problems),
    invoiceEmail: checkEmail(input?.invoiceEmail ?? null, `${prefix}.invoiceEmail`, problems),
  };
  if (Object.values(values).some((value) => value !== null)) {
    for (const key of ['name', 'registrationNumber', 'address', 'invoiceEmail'] as const) {
      if (values[key] === null) problems.add(`${prefix}.${key}`, 'REQUIRED', `${prefix}.${key} is required with the other billing details`);
    }
  }
  return values;
}
