import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors.js';
import { isConnectionError, isStorageFull } from '../db/connection-health.js';

const GRAPHQL_CODES: Record<string, ErrorCode> = {
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_REQUEST,
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_REQUEST,
  BAD_USER_INPUT: ErrorCode.BAD_REQUEST,
  BAD_REQUEST: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_REQUEST,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
};

/**
 * Maps every error once, at the API edge: domain errors keep their code and details; GraphQL's own
 * request errors become BAD_REQUEST; anything else is unexpected and, in production, masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { maskUnexpected: boolean; log: (error: unknown) => void },
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  // Our own validation rules (query limits) carry our code, which Apollo replaces with its generic one.
  const ownCode = [error, (error as GraphQLError)?.originalError]
    .map((e) => (e instanceof GraphQLError ? String(e.extensions?.code ?? '') : ''))
    .find((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values(ErrorCode).includes(code as ErrorCode));
  if (ownCode) {
    // A field list (a VALIDATION found by a rule) goes with the code; nothing else of the error's extensions does.
    const fields = [error, (error as GraphQLError)?.originalError]
      .map((e) => (e instanceof GraphQLError ? e.extensions?.fields : undefined))
      .find(Array.isArray);
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: fields ? { code: ownCode, fields } : { code: ownCode },
    };
  }
  const graphqlCode = String(formatted.extensions?.code ?? '');
  if (graphqlCode in GRAPHQL_CODES || (error instanceof GraphQLError && !error.originalError && graphqlCode !== 'INTERNAL_SERVER_ERROR')) {
    const code = GRAPHQL_CODES[graphqlCode] ?? (Object.values(ErrorCode).includes(graphqlCode as ErrorCode) ? graphqlCode : ErrorCode.BAD_REQUEST);
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // An argument that failed scalar parsing surfaces as an originalError of type GraphQLError.
  if (original instanceof GraphQLError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  // The database's disk is full: nothing was saved; reads go on, and writes work again once there is room.
  if (isStorageFull(original)) {
    options.log(original);
    return {
      message: 'The server has no room to save this at the moment; nothing was saved. Try again later',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.STORAGE_FULL },
    };
  }
  // The database restarts or is down: worth telling apart from a bug, since trying again will do.
  if (isConnectionError(original)) {
    return {
      message: 'The database cannot be reached at the moment; try again in a minute',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  options.log(original);
  return {
    message: options.maskUnexpected ? 'Internal server error' : formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
