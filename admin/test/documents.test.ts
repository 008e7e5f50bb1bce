import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { RESOURCES } from '../src/data/resources.js';
import type { Operation } from '../src/data/resourceApi.js';
import { topicsApi } from '../src/resources/topics/documents.js';

const schema = buildSchema(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql'), 'utf8'));

/** Every document the dataProvider can send, named `resource.operation`. */
function operations(): [string, Operation][] {
  return Object.entries(RESOURCES).flatMap(([resource, api]) => {
    const standard = { list: api.list, one: api.one, create: api.create, update: api.update, delete: api.delete };
    const named = { ...standard, ...api.actions, ...api.mutations, ...api.queries };
    return Object.entries(named).flatMap(([name, operation]) => (operation ? [[`${resource}.${name}`, operation] as [string, Operation]] : []));
  });
}

// Codegen checks the hand-written documents; the CRUD ones are built at run time, so they are checked here.
test.each(operations())('%s is valid against schema.graphql and answers in its field', (_name, operation) => {
  expect(validate(schema, operation.document).map((error) => error.message)).toEqual([]);
  const [definition] = operation.document.definitions;
  expect(definition.kind).toBe('OperationDefinition');
  const fields =
    definition.kind === 'OperationDefinition'
      ? definition.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? selection.name.value : ''))
      : [];
  expect(fields).toEqual([operation.field]);
});

const same = (document: DocumentNode, text: string) => expect(print(document)).toBe(print(parse(text)));

test('the CRUD helper builds the documents the console wrote out before', () => {
  const fragment = 'fragment TopicRow on Topic { id code name nameLv nameEn sortOrder }';
  same(
    topicsApi.list!.document,
    `query AdminTopics($filter: TopicFilter, $page: Int!, $perPage: Int!) { topics(filter: $filter, page: $page, perPage: $perPage) { total items { ...TopicRow } } } ${fragment}`,
  );
  same(topicsApi.one!.document, `query AdminTopic($id: ID!) { topic(id: $id) { ...TopicRow } } ${fragment}`);
  same(topicsApi.create!.document, `mutation AdminCreateTopic($input: TopicInput!) { createTopic(input: $input) { ...TopicRow } } ${fragment}`);
  same(
    topicsApi.update!.document,
    `mutation AdminUpdateTopic($id: ID!, $input: TopicInput!) { updateTopic(id: $id, input: $input) { ...TopicRow } } ${fragment}`,
  );
  same(topicsApi.delete!.document, `mutation AdminDeleteTopic($id: ID!) { deleteTopic(id: $id) { ...TopicRow } } ${fragment}`);
  expect(topicsApi.list!.field).toBe('topics');
});

test('list arguments beside the filter and creation arguments beside the input keep their order and types', () => {
  const text = (resource: string, operation: 'list' | 'create') => print(RESOURCES[resource][operation]!.document).split('\n')[0];
  expect(text('courses', 'list')).toBe('query AdminCourses($filter: CourseFilter, $sort: CourseSort, $page: Int!, $perPage: Int!) {');
  expect(text('registrations', 'list')).toBe('query AdminRegistrations($filter: RegistrationFilter, $order: RegistrationOrder, $page: Int!, $perPage: Int!) {');
  expect(text('employees', 'create')).toBe('mutation AdminAddEmployee($institutionId: ID!, $input: EmployeeInput!) {');
});
