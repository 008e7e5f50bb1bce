import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  Kind,
  astFromValue,
  execute,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isInputType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

const SEEN_ONCE = 'seen once';

/**
 * Queries that come again run as code compiled once per document and operation (graphql-jit), instead of
 * graphql-js walking the document field by field on every request (issue 16: on the catalog page,
 * about 1,300 fields, graphql-js's per-field work and the garbage it left were the largest part
 * of a request's CPU after the statements). The resolvers, their authorization and their errors are
 * the same functions; only the walk is compiled.
 *
 * Apollo Server takes a custom executor through its gateway interface: this one serves the local
 * schema. Apollo still parses (with its limits), validates (with our rules), caches documents and
 * formats errors; it hands over the document it cached, so the compiled code is kept per document
 * object and goes when Apollo's document cache lets that document go. What is not compiled
 * (see `compilable`) runs through graphql-js as before.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  /** Per document and operation: its compiled query; SEEN_ONCE before that; null where graphql-js runs it. */
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | typeof SEEN_ONCE | null>>();

  /** The compiled query of a document's operation, from its second run on; null: graphql-js runs it. */
  const planFor = (document: DocumentNode, operationName: string | null | undefined): Compiled | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    const known = byOperation.get(key);
    if (known !== undefined && known !== SEEN_ONCE) return known;
    const operation = getOperationAST(document, operationName);
    if (!operation || !compilable(operation)) {
      byOperation.set(key, null);
      return null;
    }
    // Compiling costs more than one run: a document is compiled when it comes a second time.
    if (known === undefined) {
      byOperation.set(key, SEEN_ONCE);
      return null;
    }
    const plan = compile(schema, document, operation);
    byOperation.set(key, plan);
    return plan;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operationName, request, context } = requestContext;
    const variables = request.variables ?? {};
    const plan = planFor(document, operationName);
    if (!plan) return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
    // A document that does not compile answers with its errors, every time, as graphql-js would.
    if (!isCompiledQuery(plan.query)) return plan.query;
    const result = await plan.query.query(undefined, context, plan.withDefaults(variables));
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      // The schema never changes while the process runs; Apollo needs to be told it once.
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are GraphQLErrors without graphql-js's constructor (no `extensions` object
 * unless the thrown error had one, which Apollo's error formatting relies on): the same error made
 * by graphql-js's constructor, with its locations, path and original error.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return made;
}

interface Compiled {
  query: CompiledQuery | ExecutionResult;
  /** The variables with the defaults of their input objects' fields filled in (see below). */
  withDefaults: (variables: Record<string, unknown>) => Record<string, unknown>;
}

/** Queries are compiled; mutations (serial, and not where the time goes), subscriptions and introspection are not. */
function compilable(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value !== '__schema' && s.name.value !== '__type')
  );
}

/**
 * graphql-jit 0.8 leaves out the default of an input object's field that a variable's value
 * omits (and refuses the value when that field is required), where GraphQL fills the default in:
 * `$sort: CourseSort` given `{ field: CODE }` must sort ASC. So the defaults are filled into such
 * variables before the compiled query reads them, in their external form (as a client would write
 * them), for every variable whose type has a field with a default at any depth.
 */
function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Compiled {
  const query = compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true });
  const defaulted = (operation.variableDefinitions ?? []).flatMap((definition) => {
    const type = typeFromAST(schema, definition.type);
    return type && isInputType(type) && hasFieldDefaults(type, new Set()) ? [{ name: definition.variable.name.value, type }] : [];
  });
  if (defaulted.length === 0) return { query, withDefaults: (variables) => variables };
  return {
    query,
    withDefaults: (variables) => {
      const filled = { ...variables };
      for (const { name, type } of defaulted) filled[name] = fillDefaults(type, filled[name]);
      return filled;
    },
  };
}

function hasFieldDefaults(type: GraphQLInputType, seen: Set<GraphQLInputObjectType>): boolean {
  const named = getNullableType(type);
  if (isListType(named)) return hasFieldDefaults(named.ofType, seen);
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((field) => field.defaultValue !== undefined || hasFieldDefaults(field.type, seen));
}

function fillDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const named = getNullableType(type);
  if (isListType(named)) return Array.isArray(value) ? value.map((item) => fillDefaults(named.ofType, item)) : fillDefaults(named.ofType, value);
  if (!isInputObjectType(named) || typeof value !== 'object' || Array.isArray(value)) return value;
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of Object.values(named.getFields())) {
    if (filled[field.name] !== undefined) filled[field.name] = fillDefaults(field.type, filled[field.name]);
    else if (field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal) filled[field.name] = valueFromASTUntyped(literal);
    }
  }
  return filled;
}
