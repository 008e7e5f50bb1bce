import { CsvError, parse } from 'csv-parse/sync';
import type { Problems } from '../../common/errors.js';
import { foldForSearch } from '../catalog/search-text.js';

/**
 * An employee roster as institutions export it from their HR systems or Excel: a header row, then
 * one employee per row. Only the shape is checked here; the rules for each row live in the service.
 */

export const MAX_ROSTER_BYTES = 1_000_000;
export const MAX_ROSTER_ROWS = 5_000;

export type RosterColumn = 'personalCode' | 'givenName' | 'familyName' | 'workEmail' | 'position';

const REQUIRED_COLUMNS: RosterColumn[] = ['personalCode', 'givenName', 'familyName'];

/** Header names, folded (lower case, no diacritics, spaces as "_"): Latvian as Excel users write them, and English. */
const HEADERS: Record<string, RosterColumn> = {
  personas_kods: 'personalCode',
  personal_code: 'personalCode',
  vards: 'givenName',
  given_name: 'givenName',
  uzvards: 'familyName',
  family_name: 'familyName',
  'e-pasts': 'workEmail',
  epasts: 'workEmail',
  email: 'workEmail',
  'e-mail': 'workEmail',
  amats: 'position',
  position: 'position',
};

export interface RosterRow {
  /** The line of the file the row ends on (the header is line 1), as a spreadsheet shows it. */
  line: number;
  values: Partial<Record<RosterColumn, string>>;
  /** More or fewer cells than the header has: the values cannot be trusted to be in their columns. */
  wrongColumnCount: boolean;
}

export interface Roster {
  /** The columns the file has; a column that is absent leaves what is stored as it is. */
  columns: Set<RosterColumn>;
  rows: RosterRow[];
}

const headerKey = (cell: string) => foldForSearch(cell).replace(/ /g, '_');

/** The delimiter Excel used: Latvian Excel writes ";", others ","; counted in the header, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [';', 0])[0];
}

/** Parses a roster; file-level problems (size, syntax, header) go to `problems` under `csv`, and the answer is null. */
export function parseRoster(text: string, problems: Problems): Roster | null {
  if (Buffer.byteLength(text, 'utf8') > MAX_ROSTER_BYTES) {
    problems.add('csv', 'FILE_TOO_LARGE', `The file must be at most ${MAX_ROSTER_BYTES / 1_000_000} MB`);
    return null;
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) {
    problems.add('csv', 'REQUIRED', 'The file is empty');
    return null;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with the line it ended on (the typings do not know that shape).
    records = parse(body, { delimiter: detectDelimiter(body), relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // A broken quote swallows the rows after it, so no row of such a file can be trusted.
    problems.add('csv', 'CSV_MALFORMED', `The file is not valid CSV near line ${String(error.lines ?? '?')}: ${error.message}`);
    return null;
  }
  const [header, ...data] = records;
  const columnOf = header.record.map((cell) => HEADERS[headerKey(cell)] ?? null);
  const missing = REQUIRED_COLUMNS.filter((column) => !columnOf.includes(column));
  if (missing.length > 0) {
    problems.add('csv', 'MISSING_COLUMNS', `The header row must name the columns ${missing.join(', ')}`);
    return null;
  }
  // Spreadsheets write rows whose cells are all empty; they are nobody.
  const rows = data.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (rows.length > MAX_ROSTER_ROWS) {
    problems.add('csv', 'TOO_MANY_ROWS', `The file may have at most ${MAX_ROSTER_ROWS} rows`);
    return null;
  }
  const width = header.record.length;
  return {
    columns: new Set(columnOf.filter((column): column is RosterColumn => column !== null)),
    rows: rows.map(({ record, info }) => {
      // Excel pads rows with empty cells up to the widest one; only real extra values are wrong.
      const wrongColumnCount = record.length < width || record.slice(width).some((cell) => cell.trim() !== '');
      const values: RosterRow['values'] = {};
      columnOf.forEach((column, i) => {
        // The first column of a kind wins when a header names it twice.
        if (column && values[column] === undefined) values[column] = (record[i] ?? '').trim();
      });
      return { line: info.lines, values, wrongColumnCount };
    }),
  };
}
