import type { DocumentNode } from 'graphql';

export type Values = Record<string, unknown>;

/** One GraphQL operation and the field of `data` that holds its answer. */
export interface Operation {
  document: DocumentNode;
  field: string;
}

/**
 * How the dataProvider talks to the API about one react-admin resource: explicit documents
 * (no introspection), and the mapping between react-admin's shapes and the API's.
 */
export interface ResourceApi {
  /** `x(filter, sort?, page, perPage): XPage { items total }`; absent for settings that are one record, not a list. */
  list?: Operation;
  /** react-admin field -> the API's sort enum; absent: the API does not sort this list. */
  sortFields?: Record<string, string>;
  /** react-admin filter values -> the API's filter input (`ids` is added by the provider). */
  filter(values: Values): Values;
  /** Variables of the list query besides filter, sort and page, given the API filter (e.g. an order). */
  listVariables?(filter: Values): Values;
  /** `x(id)`; absent: getOne goes through the list with `filter.ids`. */
  one?: Operation;
  create?: Operation;
  update?: Operation;
  delete?: Operation;
  /** Other mutations of one record, `mutation($id: ID!)`, run with the dataProvider's `runAction` (e.g. revoking a token). */
  actions?: Record<string, Operation>;
  /** Mutations not about one record (e.g. registering many people), run with the dataProvider's `runMutation`. */
  mutations?: Record<string, Operation>;
  /** Other reads about the resource as a whole (e.g. counts), run with the dataProvider's `runQuery`. */
  queries?: Record<string, Operation>;
  /** API item -> react-admin record (e.g. cents -> euro for the forms). */
  toRecord?(item: Values): Values;
  /** Variables of the create mutation besides `input`, e.g. the institution an employee is added to. */
  createVariables?(values: Values): Values;
  /** Form values that need requests of their own first (e.g. a file to upload) -> the values toInput reads. */
  prepare?(values: Values): Promise<Values>;
  /** Form values -> the mutation input; only keys present in the values. */
  toInput(values: Values): Values;
  /** The API's update input is not partial: always send every field. */
  fullUpdate?: boolean;
  /** API input field -> form field, where they differ (for server-side field errors). */
  formFields?: Record<string, string>;
}

/** Copies `keys` that are present in `values`, converting each with `convert` when given. */
export function pick(values: Values, keys: string[], convert: Record<string, (value: unknown) => unknown> = {}): Values {
  const out: Values = {};
  for (const key of keys) {
    if (!(key in values) || values[key] === undefined) continue;
    out[key] = convert[key] ? convert[key](values[key]) : values[key];
  }
  return out;
}

/** Empty inputs mean "none". */
export const emptyToNull = (value: unknown): unknown => (value === '' || value === undefined ? null : value);

export const trimmedOrNull = (value: unknown): unknown => {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  return text === '' ? null : text;
};

export const textOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

/** A date from a form (Date, ISO string or a datetime-local string in browser time) as ISO; empty -> null. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/** Euro as typed in a form -> integer cents; empty -> null. */
export function euroToCents(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const euro = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(euro) ? Math.round(euro * 100) : NaN;
}

export function centsToEuro(value: unknown): number | null {
  return typeof value === 'number' ? value / 100 : null;
}

export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

/** Filter keys passed through as they are, when set. */
export function passFilters(values: Values, keys: string[]): Values {
  const out: Values = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null || value === '') continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
