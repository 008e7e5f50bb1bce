import {
  birthDateOfPersonalCode,
  formatPersonalCode,
  maskPersonalCode,
  normalizePersonalCode,
  oldFormatPersonalCode,
  personalCodeProblem,
  PersonalCodeCipher,
  randomNewFormatPersonalCode,
} from './personal-code.js';

describe('Latvian personal codes', () => {
  test.each([
    ['old format with hyphen', '010180-12347'],
    ['old format without hyphen', '01018012347'],
    ['old format, born in the 2000s', oldFormatPersonalCode({ day: 29, month: 2, year: 2004 }, 55)],
    ['old format, born in the 1800s', oldFormatPersonalCode({ day: 31, month: 12, year: 1899 }, 1)],
    ['old format, born on the 31st', oldFormatPersonalCode({ day: 31, month: 1, year: 1975 }, 7)],
    ['old format, born on the 30th', oldFormatPersonalCode({ day: 30, month: 6, year: 1990 }, 8)],
    ['new format 32…', '321234-56789'],
    ['new format 39…', '39999999999'],
    ['with spaces around', '  010180-12347 '],
    ['as eParaksts sends it', 'PNOLV-010180-12347'],
  ])('%s is valid: %s', (_what, code) => {
    expect(personalCodeProblem(code)).toBeNull();
  });

  test.each([
    ['empty', '', 'REQUIRED'],
    ['letters', '0101AB-12347', 'FORMAT'],
    ['too short', '010180-1234', 'FORMAT'],
    ['too long', '010180-123470', 'FORMAT'],
    ['two hyphens', '010-180-12347', 'FORMAT'],
    ['new format, second digit 0', '30123456789', 'FORMAT'],
    ['new format, second digit 1', '31123456789', 'FORMAT'],
    ['old format, century digit 3 is not a century', '010180-32347', 'FORMAT'],
    ['old format, wrong check digit', '010180-12345', 'CHECK_DIGIT'],
    ['old format, 31 April', '310480-12347', 'DATE'],
    ['old format, 29 February of a common year', '290281-12340', 'DATE'],
    ['old format, month 13', '011380-12347', 'DATE'],
  ])('%s is refused: %s → %s', (_what, code, problem) => {
    expect(personalCodeProblem(code)).toBe(problem);
  });

  test('the check digit follows the published weights 1,6,3,7,9,10,5,8,4,2', () => {
    // 0·1+1·6+0·3+1·7+8·9+0·10+1·5+2·8+3·4+4·2 = 126; (1101 − 126) mod 11 = 7
    expect(personalCodeProblem('010180-12347')).toBeNull();
    for (const wrong of [0, 1, 2, 3, 4, 5, 6, 8, 9]) expect(personalCodeProblem(`010180-1234${wrong}`)).toBe('CHECK_DIGIT');
  });

  test('generated codes are valid in both formats', () => {
    for (let serial = 0; serial < 200; serial += 1) {
      expect(personalCodeProblem(oldFormatPersonalCode({ day: 1 + (serial % 28), month: 1 + (serial % 12), year: 1900 + (serial % 120) }, serial))).toBeNull();
      expect(personalCodeProblem(randomNewFormatPersonalCode())).toBeNull();
    }
  });

  test('normalized, formatted and masked', () => {
    expect(normalizePersonalCode(' 010180-12347')).toBe('01018012347');
    expect(formatPersonalCode('01018012347')).toBe('010180-12347');
    expect(maskPersonalCode('01018012347')).toBe('******-***47');
  });
});

describe('PersonalCodeCipher', () => {
  const cipher = new PersonalCodeCipher('a-secret-of-at-least-thirty-two-characters');

  test('the blind index is stable for one key and differs for another; it does not contain the code', () => {
    expect(cipher.index('01018012347')).toBe(cipher.index('01018012347'));
    expect(cipher.index('01018012347')).not.toBe(cipher.index('01018012348'));
    expect(new PersonalCodeCipher('another-secret-of-at-least-thirty-two-chars').index('01018012347')).not.toBe(cipher.index('01018012347'));
    expect(cipher.index('01018012347')).not.toContain('01018012347');
  });

  test('encryption round-trips, uses a fresh IV each time and detects tampering', () => {
    const a = cipher.encrypt('01018012347');
    const b = cipher.encrypt('01018012347');
    expect(a).not.toBe(b);
    expect(a).not.toContain('01018012347');
    expect(cipher.decrypt(a)).toBe('01018012347');
    const [version, iv, data, tag] = a.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([version, iv, flipped.toString('base64url'), tag].join('.'))).toThrow();
    expect(() => new PersonalCodeCipher('another-secret-of-at-least-thirty-two-chars').decrypt(a)).toThrow();
  });

  test('an old-format code tells the birth date, in any century; a new-format or invalid one tells nothing', () => {
    expect(birthDateOfPersonalCode(oldFormatPersonalCode({ day: 29, month: 2, year: 2004 }, 55))).toEqual({ day: 29, month: 2, year: 2004 });
    expect(birthDateOfPersonalCode(formatPersonalCode(oldFormatPersonalCode({ day: 31, month: 12, year: 1899 }, 1)))).toEqual({
      day: 31,
      month: 12,
      year: 1899,
    });
    expect(birthDateOfPersonalCode('32990417325')).toBeNull();
    expect(birthDateOfPersonalCode('310299-12345')).toBeNull();
  });
});
