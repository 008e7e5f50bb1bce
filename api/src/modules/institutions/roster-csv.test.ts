import { Problems, ValidationError } from '../../common/errors.js';
import { detectDelimiter, MAX_ROSTER_ROWS, parseRoster, type Roster } from './roster-csv.js';

/** The roster, or the file-level problem codes. */
function parse(text: string): Roster | string[] {
  const problems = new Problems();
  const roster = parseRoster(text, problems);
  try {
    problems.throwIfAny();
  } catch (error) {
    return (error as ValidationError).fields.map((f) => `${f.field}:${f.code}`);
  }
  return roster!;
}

const rosterOf = (text: string) => {
  const result = parse(text);
  if (Array.isArray(result)) throw new Error(`Expected a roster, got ${result.join(', ')}`);
  return result;
};

test('a Latvian Excel export: BOM, ";" and Latvian headers in any case', () => {
  const roster = rosterOf('\uFEFFPersonas kods;Vārds;Uzvārds;E-pasts;Amats\r\n320000-00001;Jānis;Bērziņš;janis@iestade.lv;Jurists\r\n');
  expect([...roster.columns].sort()).toEqual(['familyName', 'givenName', 'personalCode', 'position', 'workEmail']);
  expect(roster.rows).toEqual([
    {
      line: 2,
      wrongColumnCount: false,
      values: { personalCode: '320000-00001', givenName: 'Jānis', familyName: 'Bērziņš', workEmail: 'janis@iestade.lv', position: 'Jurists' },
    },
  ]);
});

test('English headers with ",", quoted values holding the delimiter and a line break, in any column order', () => {
  const roster = rosterOf('family_name,given_name,personal_code,position\n"Ozola, Dr.",Anna,320000-00002,"Vadītāja\nnodaļā"\nLiepa,Pēteris,32000000003,\n');
  expect(roster.columns.has('workEmail')).toBe(false);
  expect(roster.rows.map((row) => [row.line, row.values])).toEqual([
    [3, { familyName: 'Ozola, Dr.', givenName: 'Anna', personalCode: '320000-00002', position: 'Vadītāja\nnodaļā' }],
    [4, { familyName: 'Liepa', givenName: 'Pēteris', personalCode: '32000000003', position: '' }],
  ]);
});

test('headers without diacritics are understood; unknown columns are ignored', () => {
  const roster = rosterOf('personas_kods;vards;uzvards;nodala\n320000-00001;Jānis;Bērziņš;IT\n');
  expect(roster.rows[0].values).toEqual({ personalCode: '320000-00001', givenName: 'Jānis', familyName: 'Bērziņš' });
});

test('rows with too few or too many cells are marked; empty padding cells and empty rows are not', () => {
  const roster = rosterOf(
    'personas_kods;vārds;uzvārds\n320000-00001;Jānis\n320000-00002;Anna;Ozola;extra\n320000-00003;Ilze;Liepa;;\n;;\n\n320000-00004;Pēteris;Kalns\n',
  );
  expect(roster.rows.map((row) => [row.line, row.wrongColumnCount])).toEqual([
    [2, true],
    [3, true],
    [4, false],
    [7, false],
  ]);
});

test.each([
  ['an empty file', '\uFEFF \n', 'csv:REQUIRED'],
  ['a header without the personal code', 'vārds;uzvārds\nJānis;Bērziņš\n', 'csv:MISSING_COLUMNS'],
  ['no header row at all', '320000-00001;Jānis;Bērziņš\n', 'csv:MISSING_COLUMNS'],
  ['an unclosed quote', 'personas_kods;vārds;uzvārds\n320000-00001;"Jānis;Bērziņš\n320000-00002;Anna;Ozola\n', 'csv:CSV_MALFORMED'],
  ['too many rows', `personas_kods;vārds;uzvārds\n${'320000-00001;A;B\n'.repeat(MAX_ROSTER_ROWS + 1)}`, 'csv:TOO_MANY_ROWS'],
  ['over 1 MB', `personas_kods;vārds;uzvārds\n${'x'.repeat(1_000_001)}`, 'csv:FILE_TOO_LARGE'],
])('%s is refused as a whole', (_case, text, problem) => {
  expect(parse(text)).toEqual([problem]);
});

test('exactly the row limit is accepted', () => {
  expect(rosterOf(`personas_kods;vārds;uzvārds\n${'320000-00001;A;B\n'.repeat(MAX_ROSTER_ROWS)}`).rows).toHaveLength(MAX_ROSTER_ROWS);
});

test.each([
  ['a;b;c', ';'],
  ['a,b,c', ','],
  ['a\tb\tc', '\t'],
  ['"a;b",c,d', ','],
  ['a;"b,c,d";e', ';'],
])('the delimiter of %j is %j', (header, delimiter) => {
  expect(detectDelimiter(`${header}\n1,2;3`)).toBe(delimiter);
});
