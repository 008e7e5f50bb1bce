import type { Validator } from 'react-admin';

/**
 * Client-side checks that mirror the API's rules (api/src/modules/*\/*.service.ts), with the
 * same messages as the server's problem codes (`mps.validation.<CODE>`), so a rule reads the
 * same whether the browser or the server catches it.
 */

const message = (code: string, args?: Record<string, unknown>) => (args ? { message: `mps.validation.${code}`, args } : `mps.validation.${code}`);

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Like react-admin's `required()`, which also marks the label with an asterisk. */
export const required = (): Validator => {
  const validator: Validator & { isRequired?: boolean } = (value) => (isEmpty(value) ? message('REQUIRED') : undefined);
  validator.isRequired = true;
  return validator;
};

export const length =
  (min: number, max: number): Validator =>
  (value) => {
    if (isEmpty(value)) return undefined;
    const size = String(value).trim().length;
    return size < min || size > max ? message('LENGTH_BETWEEN', { min, max }) : undefined;
  };

export const maxLength =
  (max: number): Validator =>
  (value) =>
    !isEmpty(value) && String(value).trim().length > max ? message('MAX_LENGTH', { max }) : undefined;

/** Course and topic codes have at most 40 characters, group codes 60. */
export const code = (max: number): Validator => {
  const pattern = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]{1,${max - 1}}$`);
  return (value) => {
    if (isEmpty(value)) return undefined;
    const text = String(value).trim();
    if (text.length > max) return message('MAX_LENGTH', { max });
    return pattern.test(text) ? undefined : message('INVALID_CODE');
  };
};

export const wholeNumber =
  (min: number, max: number): Validator =>
  (value) => {
    if (isEmpty(value)) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number)) return message('WHOLE_NUMBER');
    return number < min || number > max ? message('RANGE', { min, max }) : undefined;
  };

/** Euro with at most two decimals, 0 to 100 000 (the API's 10 000 000 cents). */
export const euro = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  const number = Number(value);
  const cents = Math.round(number * 100);
  return Number.isFinite(number) && number >= 0 && cents <= 10_000_000 && Math.abs(cents - number * 100) < 1e-6 ? undefined : message('PRICE');
};

/** Academic hours: more than 0, at most 2000, in tenths. */
export const hours = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 && number <= 2000 && Math.abs(Math.round(number * 10) - number * 10) < 1e-6 ? undefined : message('HOURS');
};

export const email = (): Validator => (value) =>
  isEmpty(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value).trim()) ? undefined : message('INVALID_EMAIL');

export const httpUrl = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  try {
    const url = new URL(String(value).trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : message('INVALID_URL');
  } catch {
    return message('INVALID_URL');
  }
};

/** On maxSize, like the API: the maximum may not be below the minimum. */
export const notBelowMinSize: Validator = (value, values) => {
  const min = Number(values?.minSize);
  const max = Number(value);
  return !isEmpty(value) && !isEmpty(values?.minSize) && Number.isInteger(min) && Number.isInteger(max) && min > max ? message('MIN_ABOVE_MAX') : undefined;
};

const MAX_SESSION_HOURS = 14;

/** On endsAt, like the API: after the start, and a session lasts at most 14 hours. */
export const endAfterStart: Validator = (value, values) => {
  if (isEmpty(value) || isEmpty(values?.startsAt)) return undefined;
  const start = new Date(values.startsAt).getTime();
  const end = new Date(value).getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  if (end <= start) return message('END_BEFORE_START');
  return end - start > MAX_SESSION_HOURS * 3600_000 ? 'mps.fieldValidation.endsAt.TOO_LONG' : undefined;
};

/** On placeId, like the API: a session needs a place, an online link, or both. */
export const placeOrLink: Validator = (value, values) => (isEmpty(value) && isEmpty(values?.onlineUrl) ? message('PLACE_OR_LINK_REQUIRED') : undefined);

/** A list (checkboxes, multi-select) with at least one value; `text` is the message key to show. */
export const atLeastOne = (text = 'mps.validation.REQUIRED'): Validator => {
  const validator: Validator & { isRequired?: boolean } = (value) => (Array.isArray(value) && value.length > 0 ? undefined : text);
  validator.isRequired = true;
  return validator;
};

/** Like the API's IN_THE_PAST: a moment that must lie ahead (an API token's expiry). */
export const inFuture = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return message('INVALID_DATE');
  return time <= Date.now() ? message('IN_THE_PAST') : undefined;
};

const PERSONAL_CODE_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Like the API's personal code rules (api/src/modules/people/personal-code.ts): 11 digits, the
 * hyphen optional; new codes start with 32–39, old ones are a birth date with a check digit.
 */
export const personalCode = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  const match = /^(\d{6})-?(\d{5})$/.exec(String(value).replace(/\s+/g, ''));
  if (!match) return message('PERSONAL_CODE_FORMAT');
  const code = match[1] + match[2];
  if (/^3[2-9]/.test(code)) return undefined;
  const century = Number(code[6]);
  if (century > 2) return message('PERSONAL_CODE_FORMAT');
  const [day, month, year] = [Number(code.slice(0, 2)), Number(code.slice(2, 4)), 1800 + century * 100 + Number(code.slice(4, 6))];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return message('PERSONAL_CODE_DATE');
  const check = (1101 - PERSONAL_CODE_WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(code[i]), 0)) % 11;
  return check < 10 && check === Number(code[10]) ? undefined : message('PERSONAL_CODE_CHECK_DIGIT');
};

/** Like the API: an IBAN (spaces allowed) with valid check digits; Latvian ones have 21 characters. */
export const iban = (): Validator => (value) => {
  if (isEmpty(value)) return undefined;
  const text = String(value).replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(text) || (text.startsWith('LV') && text.length !== 21)) return message('INVALID_IBAN');
  let remainder = 0;
  for (const digit of (text.slice(4) + text.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))) {
    remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1 ? undefined : message('INVALID_IBAN');
};

/** Like the API: 11 digits (spaces ignored). */
export const registrationNumber = (): Validator => (value) =>
  isEmpty(value) || /^\d{11}$/.test(String(value).replace(/\s/g, '')) ? undefined : message('INVALID_REGISTRATION_NUMBER');

/** Like the API: LV and 11 digits (spaces ignored). */
export const vatNumber = (): Validator => (value) =>
  isEmpty(value) || /^LV\d{11}$/.test(String(value).replace(/\s/g, '').toUpperCase()) ? undefined : message('INVALID_VAT_NUMBER');
