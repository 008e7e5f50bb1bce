import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { startTestApp, type TestApp } from '../test/harness.js';
import { fixtures } from '../test/fixtures.js';
import { Language } from '../modules/people/person.entity.js';
import { GroupStatus } from '../modules/scheduling/group.entity.js';
import { compiledExecution } from './compiled-execution.js';
import { createContext } from './create-context.js';
import { createSchema } from './schema.js';

/**
 * Compiled queries (graphql-jit) must answer exactly as graphql-js does: the same data, the same
 * errors at the same paths, the same defaults. Each document here runs both ways, each with a
 * fresh request context, and the answers are compared whole.
 */

let t: TestApp;
let schema: GraphQLSchema;
let executor: GatewayExecutor;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  const f = fixtures(t.app.dataSource);
  const topic = await f.topic('Tiesības', 'Law');
  const lecturer = await f.lecturer('Jānis Ozols');
  const place = await f.place('Telpa 201');
  for (const [code, title] of [
    ['JIT-B', 'Burtnieku kurss'],
    ['JIT-A', 'Apmācību kurss'],
    ['JIT-C', 'Cēsu kurss'],
  ]) {
    const course = await f.course(topic.id, { code, titleLv: title, titleEn: `${title} (en)` });
    const group = await f.group(course.id, { status: GroupStatus.OPEN });
    await f.session(group.id, 3, { lecturerId: lecturer.id, placeId: place.id, onlineUrl: null });
  }
  schema = await createSchema(t.app.services);
  executor = (await compiledExecution(schema).load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } })).executor!;
});

afterAll(() => t?.stop());

const contextFor = (lang: Language) => createContext(t.app.services, { viewer: null, lang });

/** An answer as a client sees it: data, and per error its message, path and code. */
function seen(result: ExecutionResult) {
  return JSON.parse(
    JSON.stringify({
      data: result.data,
      errors: result.errors?.map((e) => ({ message: e.message, path: e.path, code: (e.originalError as { code?: string } | undefined)?.code })),
    }),
  );
}

async function bothWays(query: string, variables: Record<string, unknown> = {}, lang = Language.LV) {
  const document = parse(query);
  const request = { document, operationName: null, request: { variables }, context: contextFor(lang) };
  // The first run of a document goes through graphql-js; from the second on it runs compiled.
  const first = await executor(request as unknown as Parameters<GatewayExecutor>[0]);
  const compiled = await executor({ ...request, context: contextFor(lang) } as unknown as Parameters<GatewayExecutor>[0]);
  expect(seen(first)).toEqual(seen(compiled));
  const interpreted = await execute({ schema, document, variableValues: variables, contextValue: contextFor(lang) });
  return { compiled: seen(compiled), interpreted: seen(interpreted) };
}

test('a catalog page with variables: input defaults filled in as GraphQL fills them', async () => {
  const query = `query($filter: CourseFilter, $sort: CourseSort, $page: Int!) {
    courses(filter: $filter, sort: $sort, page: $page, perPage: 2) { total items { code title hasDate nextSessionStartsAt
      openGroups { code seatsLeft sessions { startsAt lecturer { name } place { name } } } topic { name } } } }`;
  // `order` left out: its default (ASC) applies.
  const { compiled, interpreted } = await bothWays(query, { filter: { q: 'JIT' }, sort: { field: 'CODE' }, page: 1 });
  expect(compiled).toEqual(interpreted);
  expect(compiled.data.courses.items.map((c: { code: string }) => c.code)).toEqual(['JIT-A', 'JIT-B']);
  const descending = await bothWays(query, { filter: { q: 'JIT' }, sort: { field: 'CODE', order: 'DESC' }, page: 1 });
  expect(descending.compiled).toEqual(descending.interpreted);
  expect(descending.compiled.data.courses.items[0].code).toBe('JIT-C');
});

test('aliases, fragments, directives and the request language', async () => {
  const query = `query($withGroups: Boolean!, $skipTotal: Boolean!) {
    first: courses(filter: { q: "JIT" }, sort: { field: TITLE }) { total @skip(if: $skipTotal) items { ...Card } }
    second: courses(filter: { q: "JIT-A" }) { __typename items { code openGroups @include(if: $withGroups) { code } } } }
    fragment Card on Course { id title label: code ... on Course { summary } }`;
  for (const variables of [
    { withGroups: true, skipTotal: false },
    { withGroups: false, skipTotal: true },
  ]) {
    for (const lang of [Language.LV, Language.EN]) {
      const { compiled, interpreted } = await bothWays(query, variables, lang);
      expect(compiled).toEqual(interpreted);
    }
  }
  const english = await bothWays(query, { withGroups: true, skipTotal: false }, Language.EN);
  expect(english.compiled.data.first.items[0].title).toBe('Apmācību kurss (en)');
  expect(english.compiled.data.second.items[0].openGroups).toHaveLength(1);
});

test('errors: the same message, path and code, and the same null propagation', async () => {
  const query = `{ courses(filter: { q: "JIT" }) { total } missing: course(id: "00000000-0000-4000-8000-000000000000") { code } }`;
  const { compiled, interpreted } = await bothWays(query);
  expect(compiled).toEqual(interpreted);
  expect(compiled.errors).toEqual([expect.objectContaining({ path: ['missing'], code: 'NOT_FOUND' })]);
  // `course` is non-null: its error takes the whole answer's data with it, both ways.
  expect(compiled.data).toBeNull();
  const malformed = await bothWays(`{ courses(page: 0) { total } }`);
  expect(malformed.compiled).toEqual(malformed.interpreted);
  expect(malformed.compiled.errors[0].code).toBe('VALIDATION');
});

test('what is not compiled runs through graphql-js: introspection and mutations', async () => {
  const introspection = await bothWays(`{ __type(name: "Course") { name fields { name } } }`);
  expect(introspection.compiled).toEqual(introspection.interpreted);
  expect(introspection.compiled.data.__type.name).toBe('Course');
  const mutation = await bothWays(`mutation { createTopic(input: { code: "X", nameLv: "X", nameEn: "X" }) { id } }`);
  expect(mutation.compiled).toEqual(mutation.interpreted);
  expect(mutation.compiled.errors[0].code).toBe('UNAUTHENTICATED');
});
