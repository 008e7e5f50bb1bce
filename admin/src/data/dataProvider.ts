import type { ApolloClient } from '@apollo/client';
import { HttpError, type DataProvider, type Identifier, type RaRecord, type TranslateFunction } from 'react-admin';
import { toHttpError } from './errors';
import { RESOURCES } from './resources';
import type { Operation, ResourceApi, Values } from './resourceApi';

/** The API's page size limit (and the limit of `filter.ids`). */
const MAX_PER_PAGE = 100;

interface Page {
  items: Values[];
  total: number;
}

/** The largest page size the API accepts that divides `perPage`, so bigger pages can be fetched in parts. */
function apiChunk(perPage: number): number {
  for (let size = Math.min(perPage, MAX_PER_PAGE); size > 1; size--) if (perPage % size === 0) return size;
  return 1;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The keys whose value differs: an update sends only what the user changed. */
function changed(input: Values, previous: Values): Values {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(previous[key])));
}

/** A mutation on one record beyond create, update and delete: the resource's `actions[action]`. */
export interface ActionParams {
  action: string;
  id: Identifier;
  /** The action's other variables, beside `$id`. */
  variables?: Values;
}

/** A read beyond react-admin's methods: the resource's `queries[query]`. */
export interface QueryParams {
  query: string;
  variables?: Values;
}

/** A mutation beyond the record actions: the resource's `mutations[mutation]`. */
export interface MutationParams {
  mutation: string;
  variables?: Values;
}

/** react-admin's methods plus `runAction`, `runMutation` and `runQuery` (call them through `useDataProvider<ConsoleDataProvider>()`). */
export type ConsoleDataProvider = DataProvider & {
  runAction(resource: string, params: ActionParams): Promise<{ data: RaRecord }>;
  runMutation(resource: string, params: MutationParams): Promise<{ data: unknown }>;
  runQuery(resource: string, params: QueryParams): Promise<{ data: unknown }>;
};

/**
 * react-admin's DataProvider over Apollo Client: every call maps to one of the explicit documents
 * in `resources/<name>/documents.ts`. Reads always go to the network (react-admin keeps its own
 * cache); GraphQL errors become translated HttpErrors (see errors.ts).
 */
export function createDataProvider(client: ApolloClient, translate: TranslateFunction): ConsoleDataProvider {
  const apiOf = (resource: string): ResourceApi => {
    const api = RESOURCES[resource];
    if (!api) throw new Error(`Unknown resource: ${resource}`);
    return api;
  };

  const toRecord = (api: ResourceApi, item: Values): Values => {
    const { __typename: _typename, ...fields } = item;
    return api.toRecord ? api.toRecord(fields) : fields;
  };

  const guarded = async <T>(resource: string, work: (api: ResourceApi) => Promise<T>): Promise<T> => {
    const api = apiOf(resource);
    try {
      return await work(api);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw toHttpError(error, { resource, translate, formFields: api.formFields });
    }
  };

  const query = async (operation: Operation, variables: Values): Promise<unknown> => {
    const { data } = await client.query<Record<string, unknown>>({ query: operation.document, variables, fetchPolicy: 'network-only' });
    return data?.[operation.field];
  };

  const mutate = async (operation: Operation, variables: Values): Promise<Values> => {
    const { data } = await client.mutate<Record<string, unknown>>({ mutation: operation.document, variables });
    return data?.[operation.field] as Values;
  };

  const fetchPage = async (api: ResourceApi, variables: Values): Promise<Page> => {
    if (!api.list) throw new HttpError(translate('mps.errors.FORBIDDEN'), 405, { code: 'FORBIDDEN', action: 'list' });
    const page = (await query(api.list, variables)) as Page;
    return { items: page.items.map((item) => toRecord(api, item)), total: page.total };
  };

  /** One react-admin page, fetched in API-sized parts when it is larger than the API allows. */
  const fetchList = async (api: ResourceApi, filter: Values, sort: Values | undefined, page: number, perPage: number): Promise<Page> => {
    const base = { ...api.listVariables?.(filter), filter, ...(sort ? { sort } : {}) };
    if (perPage <= MAX_PER_PAGE) return fetchPage(api, { ...base, page, perPage });
    const size = apiChunk(perPage);
    const first = ((page - 1) * perPage) / size + 1;
    const result: Page = { items: [], total: 0 };
    for (let part = 0; part < perPage / size; part++) {
      const { items, total } = await fetchPage(api, { ...base, page: first + part, perPage: size });
      result.items.push(...items);
      result.total = total;
      if (items.length < size) break;
    }
    return result;
  };

  const fetchByIds = async (api: ResourceApi, ids: Identifier[]): Promise<Values[]> => {
    const unique = [...new Set(ids.map(String))];
    const parts = await Promise.all(chunks(unique, MAX_PER_PAGE).map((part) => fetchPage(api, { filter: { ids: part }, page: 1, perPage: part.length })));
    return parts.flatMap((part) => part.items);
  };

  const sortOf = (api: ResourceApi, sort?: { field: string; order: string }): Values | undefined => {
    const field = sort && api.sortFields?.[sort.field];
    return field ? { field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
  };

  const notFound = () => new HttpError(translate('mps.errors.NOT_FOUND'), 404, { code: 'NOT_FOUND' });

  const required = (operation: Operation | undefined, resource: string, action: string): Operation => {
    if (!operation) throw new HttpError(translate('mps.errors.FORBIDDEN'), 405, { code: 'FORBIDDEN', resource, action });
    return operation;
  };

  return {
    getList: (resource, params) =>
      guarded(resource, async (api) => {
        const { page = 1, perPage = 25 } = params.pagination ?? {};
        const result = await fetchList(api, api.filter(params.filter ?? {}), sortOf(api, params.sort), page, perPage);
        return { data: result.items as never[], total: result.total };
      }),

    getOne: (resource, params) =>
      guarded(resource, async (api) => {
        if (api.one) return { data: toRecord(api, (await query(api.one, { id: params.id })) as Values) as never };
        const [record] = await fetchByIds(api, [params.id]);
        if (!record) throw notFound();
        return { data: record as never };
      }),

    getMany: (resource, params) => guarded(resource, async (api) => ({ data: (await fetchByIds(api, params.ids)) as never[] })),

    getManyReference: (resource, params) =>
      guarded(resource, async (api) => {
        const filter = api.filter({ ...params.filter, [params.target]: params.id });
        const { page, perPage } = params.pagination;
        const result = await fetchList(api, filter, sortOf(api, params.sort), page, perPage);
        return { data: result.items as never[], total: result.total };
      }),

    create: (resource, params) =>
      guarded(resource, async (api) => {
        const values = api.prepare ? await api.prepare(params.data as Values) : (params.data as Values);
        const item = await mutate(required(api.create, resource, 'create'), {
          ...api.createVariables?.(values),
          input: api.toInput(values),
        });
        return { data: toRecord(api, item) as never };
      }),

    update: (resource, params) =>
      guarded(resource, async (api) => {
        const input = api.toInput(api.prepare ? await api.prepare(params.data as Values) : (params.data as Values));
        const previous = params.previousData as Values | undefined;
        const item = await mutate(required(api.update, resource, 'update'), {
          id: params.id,
          input: api.fullUpdate || !previous ? input : changed(input, api.toInput(previous)),
        });
        return { data: toRecord(api, item) as never };
      }),

    updateMany: (resource) =>
      guarded(resource, async () => {
        throw new HttpError(translate('mps.errors.BAD_REQUEST'), 400, { code: 'BAD_REQUEST' });
      }),

    delete: (resource, params) =>
      guarded(resource, async (api) => {
        const item = await mutate(required(api.delete, resource, 'delete'), { id: params.id });
        return { data: toRecord(api, item) as never };
      }),

    // The API deletes one at a time; stop at the first refusal so the user sees why.
    deleteMany: (resource, params) =>
      guarded(resource, async (api) => {
        const operation = required(api.delete, resource, 'delete');
        const deleted: Identifier[] = [];
        for (const id of params.ids) {
          await mutate(operation, { id });
          deleted.push(id);
        }
        return { data: deleted as RaRecord['id'][] };
      }),

    runAction: (resource, params) =>
      guarded(resource, async (api) => {
        const item = await mutate(required(api.actions?.[params.action], resource, params.action), { ...params.variables, id: params.id });
        return { data: toRecord(api, item) as RaRecord };
      }),

    runMutation: (resource, params) =>
      guarded(resource, async (api) => {
        const answer = await mutate(required(api.mutations?.[params.mutation], resource, params.mutation), params.variables ?? {});
        const items = Array.isArray(answer) ? answer.map((item) => toRecord(api, item as Values)) : answer && toRecord(api, answer);
        return { data: items };
      }),

    runQuery: (resource, params) =>
      guarded(resource, async (api) => ({ data: await query(required(api.queries?.[params.query], resource, params.query), params.variables ?? {}) })),
  };
}
