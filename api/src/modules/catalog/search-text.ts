/**
 * Lower case without diacritics, so "apmacibas" finds "apmācības". Latvian letters (ā č ē ģ ī ķ ļ
 * ņ š ū ž) all decompose under NFD into a base letter and a combining mark.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a search, folded; LIKE wildcards escaped. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}
