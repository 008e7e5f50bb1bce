import { Kind, parse, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { Mutation, Query } from '../gql/graphql';
import type { Operation, ResourceApi } from './resourceApi';

/** Variables beside the standard ones: name -> GraphQL type, e.g. `{ sort: 'CourseSort' }`. */
export type Args = Record<string, string>;

// Field names are checked against the generated schema types, so a renamed query fails typecheck;
// type names and arguments are checked by admin/test/documents.test.ts.
type QueryField = Exclude<keyof Query, '__typename'>;
type MutationField = Exclude<keyof Mutation, '__typename'>;

/**
 * A resource's standard operations, named after the API's fields. Every resource's list, one,
 * create, update and delete follow one pattern; only these names and the fields differ.
 */
export interface CrudDescriptor {
  /** The fields of a list row: a codegen fragment (`graphql('fragment XRow on X …')`). */
  row: DocumentNode;
  /** The fields of one record (one, create, update, delete); default `row`. */
  detail?: DocumentNode;
  /** `field(filter, …args, page, perPage): { total items }`. */
  list: { field: QueryField; filter: string; args?: Args };
  /** `field(id)`. */
  one?: QueryField;
  /** The input type of create and update, e.g. `TopicInput`. */
  input?: string;
  /** `field(…args, input)`. */
  create?: MutationField | { field: MutationField; args: Args };
  /** `field(id, input)`. */
  update?: MutationField;
  /** `field(id)`. */
  delete?: MutationField;
}

type CrudOperations = Pick<ResourceApi, 'list' | 'one' | 'create' | 'update' | 'delete'>;

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const variableDefinitions = (args: Args) => Object.entries(args).map(([name, type]) => `$${name}: ${type}`);
const passedArguments = (args: Args) => Object.keys(args).map((name) => `${name}: $${name}`);

/** The fragment's own name; its document also holds the fragments it spreads. */
function fragmentName(fragment: DocumentNode): string {
  const [first] = fragment.definitions;
  if (first?.kind !== Kind.FRAGMENT_DEFINITION) throw new Error('A CRUD descriptor needs fragment documents');
  return (first as FragmentDefinitionNode).name.value;
}

/** `kind AdminField(vars) { field(args) { selection } }` plus the fragments, as `gql` interpolation gave it. */
function operation(kind: 'query' | 'mutation', field: string, args: Args, selection: string, fragment: DocumentNode): Operation {
  const text = `${kind} Admin${capitalized(field)}(${variableDefinitions(args).join(', ')}) { ${field}(${passedArguments(args).join(', ')}) { ${selection} } }`;
  return { field, document: { kind: Kind.DOCUMENT, definitions: [...parse(text).definitions, ...fragment.definitions] } };
}

/** The list, one, create, update and delete operations a descriptor names. */
export function crudOperations(descriptor: CrudDescriptor): CrudOperations {
  const { row, list } = descriptor;
  const detail = descriptor.detail ?? row;
  const rowFields = `...${fragmentName(row)}`;
  const detailFields = `...${fragmentName(detail)}`;
  const input = (): string => {
    if (!descriptor.input) throw new Error(`${list.field}: create and update need the input type`);
    return `${descriptor.input}!`;
  };
  const create = typeof descriptor.create === 'string' ? { field: descriptor.create, args: {} } : descriptor.create;
  return {
    list: operation('query', list.field, { filter: list.filter, ...list.args, page: 'Int!', perPage: 'Int!' }, `total items { ${rowFields} }`, row),
    ...(descriptor.one && { one: operation('query', descriptor.one, { id: 'ID!' }, detailFields, detail) }),
    ...(create && { create: operation('mutation', create.field, { ...create.args, input: input() }, detailFields, detail) }),
    ...(descriptor.update && { update: operation('mutation', descriptor.update, { id: 'ID!', input: input() }, detailFields, detail) }),
    ...(descriptor.delete && { delete: operation('mutation', descriptor.delete, { id: 'ID!' }, detailFields, detail) }),
  };
}
