import type { CourseFilter, CourseFormat, CourseSortField, InstructionLanguage, PriceKind } from '../gql/graphql';

export const PAGE_SIZE = 20;
export const FORMATS = ['IN_PERSON', 'ONLINE', 'HYBRID'] as const satisfies readonly CourseFormat[];
export const INSTRUCTION_LANGUAGES = ['LV', 'EN', 'RU'] as const satisfies readonly InstructionLanguage[];
export const PRICES = ['FREE', 'PAID'] as const satisfies readonly PriceKind[];
export const DATE_CHOICES = ['yes', 'no'] as const;
export const SORTS = ['title', 'date', 'price'] as const;

export type DateChoice = (typeof DATE_CHOICES)[number];
export type SortChoice = (typeof SORTS)[number];

/**
 * A catalog search as it stands in the address bar, so it can be shared and survives a reload:
 * /katalogs?q=vadiba&topic=<id>&month=2026-12&format=ONLINE&language=LV&price=FREE&date=yes&sort=date&page=2
 */
export interface CatalogParams {
  q: string;
  topic: string;
  month: string;
  format: CourseFormat | '';
  language: InstructionLanguage | '';
  price: PriceKind | '';
  date: DateChoice | '';
  sort: SortChoice;
  page: number;
}

export type FilterName = Exclude<keyof CatalogParams, 'page' | 'sort'>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// The api's ids are UUIDs; anything else in a shared or hand-edited address is ignored.
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(choices: readonly T[], value: string | null): T | '' => (choices.includes(value as T) ? (value as T) : '');

export function readCatalogParams(search: URLSearchParams): CatalogParams {
  const page = Number.parseInt(search.get('page') ?? '', 10);
  const month = search.get('month') ?? '';
  return {
    q: (search.get('q') ?? '').slice(0, 200),
    topic: ID.test(search.get('topic') ?? '') ? search.get('topic')! : '',
    month: MONTH.test(month) ? month : '',
    format: oneOf(FORMATS, search.get('format')),
    language: oneOf(INSTRUCTION_LANGUAGES, search.get('language')),
    price: oneOf(PRICES, search.get('price')),
    date: oneOf(DATE_CHOICES, search.get('date')),
    sort: oneOf(SORTS, search.get('sort')) || 'title',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** Only what differs from the defaults goes into the address. */
export function catalogSearch(params: CatalogParams): string {
  const search = new URLSearchParams();
  const q = params.q.trim();
  if (q) search.set('q', q);
  if (params.topic) search.set('topic', params.topic);
  if (params.month) search.set('month', params.month);
  if (params.format) search.set('format', params.format);
  if (params.language) search.set('language', params.language);
  if (params.price) search.set('price', params.price);
  if (params.date) search.set('date', params.date);
  if (params.sort !== 'title') search.set('sort', params.sort);
  if (params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(params: CatalogParams): boolean {
  return Boolean(params.q.trim() || params.topic || params.month || params.format || params.language || params.price || params.date);
}

const SORT_FIELDS: Record<SortChoice, CourseSortField> = { title: 'TITLE', date: 'NEXT_DATE', price: 'PRICE' };

export function courseFilterOf(params: CatalogParams): CourseFilter {
  const filter: CourseFilter = {};
  const q = params.q.trim();
  if (q) filter.q = q;
  if (params.topic) filter.topicId = params.topic;
  if (params.month) filter.month = params.month;
  if (params.format) filter.format = params.format;
  if (params.language) filter.language = params.language;
  if (params.price) filter.price = params.price;
  if (params.date) filter.hasDate = params.date === 'yes';
  return filter;
}

export function catalogVariables(params: CatalogParams) {
  return {
    filter: courseFilterOf(params),
    sort: { field: SORT_FIELDS[params.sort], order: 'ASC' as const },
    page: params.page,
    perPage: PAGE_SIZE,
  };
}
