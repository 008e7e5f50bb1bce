import { GraphQLError, type ASTVisitor, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import { ErrorCode, type FieldProblem } from '../common/errors.js';

/**
 * A NUL character cannot be stored in PostgreSQL text: it would come back from the database as an
 * internal error. Every string a request brings, inline in the query or in its variables, is
 * checked at the edge and refused as VALIDATION, on HTTP and WebSocket alike.
 */
const NUL = '\u0000';
const PROBLEM = { code: 'INVALID_CHARACTER', message: 'Contains a NUL character, which is not allowed' } as const;

/** The paths (`variables.input.title`, `variables.ids.2`) of the strings that contain NUL. */
export function nulPaths(value: unknown, path = 'variables', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}.${i}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPaths(item, `${path}.${key}`, found);
  }
  return found;
}

/** The answer to variables with NUL characters, shaped as every VALIDATION error is. */
export function nulVariablesError(paths: string[]): GraphQLFormattedError {
  const fields: FieldProblem[] = paths.map((field) => ({ field, ...PROBLEM }));
  return { message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), extensions: { code: ErrorCode.VALIDATION, fields } };
}

/** A validation rule: string literals written in the query itself. */
export function noNulCharactersRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (!node.value.includes(NUL)) return;
      context.reportError(
        new GraphQLError(`A string in the query: ${PROBLEM.message}`, {
          nodes: node,
          extensions: { code: ErrorCode.VALIDATION, fields: [{ field: 'query', ...PROBLEM }] },
        }),
      );
    },
  };
}

/** Introspection off (production, WebSocket), as Apollo's own rule does it over HTTP: one error per `__schema` or `__type`. */
export function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(new GraphQLError('GraphQL introspection is not allowed here', { nodes: node }));
      }
    },
  };
}
