/**
 * Lower case without diacritics, so "apmacibas" finds "apmācības". Latvian letters (ā č ē ģ ī ķ ļ
 * ņ š ū ž) all decompose under NFD into a base letter and a combining mark.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A SQL text expression folded as `foldForSearch` folds in code, for the Latvian letters (lower() alone misses them in the C locale). */
export const foldedSql = (sql: string) => `lower(translate(${sql}, 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ', 'acegiklnsuzACEGIKLNSUZ'))`;

/** The words of a search, folded; LIKE wildcards escaped. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}

type Searchable = 'code' | 'titleLv' | 'titleEn' | 'summaryLv' | 'summaryEn' | 'descriptionLv' | 'descriptionEn' | 'targetAudienceLv' | 'targetAudienceEn';

/** What catalog search covers for a course: every text of it in both languages, folded. */
export function courseSearchText(course: Record<Searchable, string>): string {
  return foldForSearch(
    [
      course.code,
      course.titleLv,
      course.titleEn,
      course.summaryLv,
      course.summaryEn,
      course.descriptionLv,
      course.descriptionEn,
      course.targetAudienceLv,
      course.targetAudienceEn,
    ].join(' '),
  );
}
