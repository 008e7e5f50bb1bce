import type { Problems } from '../../common/errors.js';
import type { NamedPerson } from '../people/people.service.js';
import { normalizePersonalCode, personalCodeProblem, type PersonalCodeProblem } from '../people/personal-code.js';
import { foldForSearch } from '../catalog/search-text.js';

export const MAX_NAME_LENGTH = 100;

/** The field problem code for what is wrong with a personal code (docs/errors.md). */
export const PERSONAL_CODE_PROBLEM_CODES: Record<PersonalCodeProblem, string> = {
  REQUIRED: 'REQUIRED',
  FORMAT: 'PERSONAL_CODE_FORMAT',
  DATE: 'PERSONAL_CODE_DATE',
  CHECK_DIGIT: 'PERSONAL_CODE_CHECK_DIGIT',
};

/** A name as people type it: trimmed, single spaces, composed Unicode (Excel and macOS differ). */
export function cleanName(value: string | null | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Whether two names are the same person's, ignoring case and diacritics: "Berzina" for "Bērziņa" is
 * how a name looks after a system without Latvian letters, not a different person.
 */
export function sameName(a: { givenName: string; familyName: string }, b: { givenName: string; familyName: string }): boolean {
  return foldForSearch(a.givenName) === foldForSearch(b.givenName) && foldForSearch(a.familyName) === foldForSearch(b.familyName);
}

/** Checks a personal code and a name as a coordinator or staff typed them. */
export function checkNamedPerson(
  input: { personalCode?: string | null; givenName?: string | null; familyName?: string | null },
  problems: Problems,
): NamedPerson {
  const problem = personalCodeProblem(input.personalCode);
  if (problem) problems.add('personalCode', PERSONAL_CODE_PROBLEM_CODES[problem], `personalCode: ${problem.toLowerCase().replace('_', ' ')}`);
  const givenName = cleanName(input.givenName);
  const familyName = cleanName(input.familyName);
  for (const [field, value] of [
    ['givenName', givenName],
    ['familyName', familyName],
  ] as const) {
    if (!value) problems.add(field, 'REQUIRED', `${field} is required`);
    else problems.check(value.length <= MAX_NAME_LENGTH, field, 'LENGTH', `${field} must be at most ${MAX_NAME_LENGTH} characters`);
  }
  return { personalCode: normalizePersonalCode(input.personalCode ?? '') ?? '', givenName, familyName };
}

/**
 * The typo guard: a person who has signed in carries the name the identity provider vouched for, so
 * a different name with their code most likely means a mistyped code, which would bind someone else.
 */
export function nameMismatch(person: { givenName: string; familyName: string; lastSignInAt: Date | null } | null, named: NamedPerson): boolean {
  return !!person?.lastSignInAt && !sameName(person, named);
}
