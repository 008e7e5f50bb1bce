import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { Problems } from './errors.js';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export const MAX_PER_PAGE = 100;

/** The one list convention of the graph: 1-based `page`, `perPage` up to 100, `{ items, total }` back. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 1, description: 'Page number, from 1.' })
  page: number = 1;

  @Field(() => Int, { defaultValue: 20, description: `Items per page, 1 to ${MAX_PER_PAGE}.` })
  perPage: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageWindow {
  offset: number;
  limit: number;
}

/** Adds any problem with the page arguments to `problems`; the caller throws them with its own. */
export function pageWindow({ page, perPage }: PageArgs, problems: Problems): PageWindow {
  problems
    .check(Number.isInteger(page) && page >= 1, 'page', 'PAGE_INVALID', 'page must be 1 or more')
    .check(Number.isInteger(perPage) && perPage >= 1 && perPage <= MAX_PER_PAGE, 'perPage', 'PER_PAGE_INVALID', `perPage must be from 1 to ${MAX_PER_PAGE}`);
  return { offset: (page - 1) * perPage, limit: perPage };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A filter's `ids`: at most 100 valid ids. Adds the problem and answers false when they are not. */
export function validIds(ids: string[] | undefined | null, field: string, problems: Problems): ids is string[] {
  if (!ids) return false;
  if (ids.length > 100 || !ids.every(isUuid)) {
    problems.add(field, 'INVALID_ID', 'ids must be at most 100 valid ids');
    return false;
  }
  return true;
}
