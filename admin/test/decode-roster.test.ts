import { decodeRoster } from '../src/resources/employees/decodeRoster.js';

const bytes = (values: number[]) => new Uint8Array(values).buffer;

test('a UTF-8 file is read as UTF-8, its BOM dropped', () => {
  const utf8 = new TextEncoder().encode('\uFEFFvārds;uzvārds\nŽanis;Ēriņš\n');
  expect(decodeRoster(utf8.buffer as ArrayBuffer)).toEqual({ text: 'vārds;uzvārds\nŽanis;Ēriņš\n', encoding: 'utf-8' });
});

test('a Latvian Excel export (windows-1257) is not valid UTF-8 and is read as windows-1257', () => {
  // "Žanis;Ēriņš" in windows-1257: Ž DE, Ē C7, ņ F2, š F0.
  const file = bytes([0xde, 0x61, 0x6e, 0x69, 0x73, 0x3b, 0xc7, 0x72, 0x69, 0xf2, 0xf0]);
  expect(decodeRoster(file)).toEqual({ text: 'Žanis;Ēriņš', encoding: 'windows-1257' });
});

test('plain ASCII is valid UTF-8', () => {
  expect(decodeRoster(bytes([0x61, 0x3b, 0x62])).encoding).toBe('utf-8');
});
