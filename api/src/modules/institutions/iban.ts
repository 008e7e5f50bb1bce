/**
 * International bank account numbers (ISO 13616): two letters of the country, two check digits and
 * up to 30 letters or digits. Valid when the number, with its first four characters moved to the
 * end and letters replaced by 10..35, leaves 1 when divided by 97.
 */

/** Lengths for the countries whose accounts we see most; others only get the general check. */
const LENGTHS: Record<string, number> = { LV: 21, LT: 20, EE: 20, FI: 18, SE: 24, DE: 22, PL: 28 };

/** Upper case without spaces, the way it is stored; people write it in groups of four. */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(input: string): boolean {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = LENGTHS[iban.slice(0, 2)];
  if (expected && iban.length !== expected) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  // Piecewise, so the number never leaves the range of exact integers.
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}
