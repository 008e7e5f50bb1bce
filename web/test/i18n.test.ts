import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/i18n');
const load = (language: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dir, `${language}.json`), 'utf8'));

function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

test('Latvian and English have the same texts, none empty', () => {
  const lv = load('lv');
  const en = load('en');
  expect(keysOf(en).sort()).toEqual(keysOf(lv).sort());
  for (const tree of [lv, en]) {
    for (const key of keysOf(tree)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
    }
  }
});

test('counted texts have every plural form Latvian needs (zero, one, other)', () => {
  const keys = keysOf(load('lv'));
  const counted = new Set(keys.filter((k) => /_(zero|one|other)$/.test(k)).map((k) => k.replace(/_(zero|one|other)$/, '')));
  for (const key of counted) {
    for (const form of ['zero', 'one', 'other']) expect(keys).toContain(`${key}_${form}`);
  }
});
