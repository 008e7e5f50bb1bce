import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses in parts (issue 13, R-FIN-1): a person's declared address, the employer address a person
 * gives, and an institution's legal address become `{ street, city, postcode, countryCode }` (jsonb),
 * as e-invoices need them. Today's free text is split as well as it can be: the postcode by its
 * pattern, the city as the last part without digits, the rest as the street, so nothing is lost;
 * people and staff correct what the split got wrong in the forms, which now ask for each part.
 * Registration snapshots keep what they froze (text); readers accept both.
 * The parser is copied here, not imported: a migration must do the same thing forever.
 */
export class StructuredAddresses1764697000000 implements MigrationInterface {
  name = 'StructuredAddresses1764697000000';

  async up(q: QueryRunner): Promise<void> {
    const columns: [table: string, column: string][] = [
      ['person', 'declared_address'],
      ['person', 'employer_address'],
      ['institution', 'legal_address'],
    ];
    for (const [table, column] of columns) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${column}_parts jsonb`);
      const rows: { id: string; text: string }[] = await q.query(`SELECT id, ${column} AS text FROM ${table} WHERE ${column} IS NOT NULL AND ${column} <> ''`);
      for (const row of rows) {
        await q.query(`UPDATE ${table} SET ${column}_parts = $2 WHERE id = $1`, [row.id, JSON.stringify(split(row.text))]);
      }
      await q.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      await q.query(`ALTER TABLE ${table} RENAME COLUMN ${column}_parts TO ${column}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['person', 'declared_address'],
      ['person', 'employer_address'],
      ['institution', 'legal_address'],
    ]) {
      await q.query(`
        ALTER TABLE ${table} ALTER COLUMN ${column} TYPE text
        USING nullif(concat_ws(', ', ${column} ->> 'street', ${column} ->> 'city', ${column} ->> 'postcode'), '')`);
    }
  }
}

function split(text: string): { street: string | null; city: string | null; postcode: string | null; countryCode: string } {
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  let postcode: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    const match: RegExpExecArray | null = postcode ? null : /\bLV[- ]?(\d{4})\b/i.exec(part);
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
  return { street: rest.length ? rest.join(', ') : null, city, postcode, countryCode: 'LV' };
}
