import { isValidIban, normalizeIban } from './iban.js';
import { testIban } from '../../test/institutions-fixtures.js';

test.each(['LV34TREL2200000000001', 'LV02TREL9800000000003', 'LV80BANK0000435195001', 'GB82WEST12345698765432', 'DE89370400440532013000'])(
  '%s is a valid IBAN',
  (iban) => expect(isValidIban(iban)).toBe(true),
);

test('spaces and lower case are how people write it, and are accepted', () => {
  expect(isValidIban('lv80 bank 0000 4351 9500 1')).toBe(true);
  expect(normalizeIban(' lv80 bank 0000 4351 9500 1 ')).toBe('LV80BANK0000435195001');
});

test.each([
  ['a wrong check digit', 'LV81BANK0000435195001'],
  ['two digits swapped', 'LV80BANK0000435915001'],
  ['a Latvian IBAN one character short', 'LV80BANK000043519500'],
  ['no country', '80BANK0000435195001'],
  ['punctuation', 'LV80-BANK-0000-4351-9500-1'],
  ['an empty value', ''],
])('%s is refused', (_case, iban) => expect(isValidIban(iban)).toBe(false));

test('the test generator makes valid and distinct IBANs', () => {
  const ibans = [1, 2, 99_999].map(testIban);
  expect(ibans.every(isValidIban)).toBe(true);
  expect(new Set(ibans).size).toBe(3);
});
