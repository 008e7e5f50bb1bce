import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/**
 * Latvian personal codes. Two formats are in use:
 * - the old one, `DDMMYY-CNNNN`: birth date, a century digit (0 = 1800s, 1 = 1900s, 2 = 2000s),
 *   three serial digits and a check digit;
 * - the new one (since 2017), eleven digits starting with 3 and a second digit from 2 to 9, which
 *   tells nothing about the person (old codes of people born on the 30th or 31st start with 30 or 31).
 * A code is kept as eleven digits; people see it as `NNNNNN-NNNNN`.
 */
export type PersonalCodeProblem = 'REQUIRED' | 'FORMAT' | 'DATE' | 'CHECK_DIGIT';

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Digits only: spaces and one hyphen after the sixth digit are allowed; eParaksts adds `PNOLV-`. */
export function normalizePersonalCode(input: string): string | null {
  const text = input
    .trim()
    .toUpperCase()
    .replace(/^PNOLV-?/, '')
    .replace(/\s+/g, '');
  const match = /^(\d{6})-?(\d{5})$/.exec(text);
  return match ? match[1] + match[2] : null;
}

function checkDigit(digits: string): number {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (1101 - sum) % 11;
}

function isRealDate(day: number, month: number, year: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a code is not valid, or null when it is. */
export function personalCodeProblem(input: string | null | undefined): PersonalCodeProblem | null {
  if (!input?.trim()) return 'REQUIRED';
  const code = normalizePersonalCode(input);
  if (!code) return 'FORMAT';
  // New codes start with 32–39; old ones of people born on the 30th or 31st start with 30 or 31.
  if (/^3[2-9]/.test(code)) return null;
  const century = Number(code[6]);
  if (century > 2) return 'FORMAT';
  const year = 1800 + century * 100 + Number(code.slice(4, 6));
  if (!isRealDate(Number(code.slice(0, 2)), Number(code.slice(2, 4)), year)) return 'DATE';
  const check = checkDigit(code);
  return check < 10 && check === Number(code[10]) ? null : 'CHECK_DIGIT';
}

/** `NNNNNN-NNNNN`, the way Latvians write it. */
export const formatPersonalCode = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

/** What a coordinator sees of an employee's code: enough to tell two people apart, not to use it. */
export const maskPersonalCode = (code: string) => `******-***${code.slice(-2)}`;

/** A valid code of the old format for a birth date (demo data and tests). */
export function oldFormatPersonalCode(birth: { day: number; month: number; year: number }, serial: number): string {
  const century = Math.floor((birth.year - 1800) / 100);
  const base =
    String(birth.day).padStart(2, '0') +
    String(birth.month).padStart(2, '0') +
    String(birth.year % 100).padStart(2, '0') +
    String(century) +
    String(serial % 1000).padStart(3, '0');
  const check = checkDigit(base);
  if (check === 10) return oldFormatPersonalCode(birth, serial + 1);
  return base + String(check);
}

/** A random code of the new format (the development sign-in's "invent a person"). */
export function randomNewFormatPersonalCode(): string {
  return `3${randomInt(2, 10)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/**
 * Codes have too little entropy for a plain hash: anyone with a dump could hash every possible code.
 * So look-ups use a keyed HMAC (a blind index) and the code itself is stored encrypted with
 * AES-256-GCM. Both keys derive from MPS_SECRET; changing that secret makes stored codes unreadable.
 */
export class PersonalCodeCipher {
  private readonly indexKey: Buffer;
  private readonly encryptionKey: Buffer;

  constructor(secret: string) {
    this.indexKey = Buffer.from(hkdfSync('sha256', secret, 'mps', 'personal-code-index', 32));
    this.encryptionKey = Buffer.from(hkdfSync('sha256', secret, 'mps', 'personal-code-encryption', 32));
  }

  /** The blind index of a normalized code. */
  index(code: string): string {
    return createHmac('sha256', this.indexKey).update(code).digest('base64url');
  }

  encrypt(code: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from('personal-code'));
    const data = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), data.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, data, tag] = stored.split('.');
    if (version !== 'v1' || !iv || !data || !tag) throw new Error('Unknown personal code encryption format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from('personal-code'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** The birth date an old-format code carries; null for a new-format code (it tells nothing) or an invalid one. */
export function birthDateOfPersonalCode(input: string): { year: number; month: number; day: number } | null {
  const code = normalizePersonalCode(input);
  if (!code || personalCodeProblem(code) || /^3[2-9]/.test(code)) return null;
  return { day: Number(code.slice(0, 2)), month: Number(code.slice(2, 4)), year: 1800 + Number(code[6]) * 100 + Number(code.slice(4, 6)) };
}
