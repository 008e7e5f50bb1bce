import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';

/** Codes the api puts in `extensions.code`, plus two of our own for failures before an answer arrives. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const isErrorCode = (value: unknown): value is ErrorCode => ERROR_CODES.includes(value as ErrorCode);

/** The code to translate for an error of a query; messages are never shown, they are English and for developers. */
export function errorCodeOf(error: ErrorLike | undefined): ErrorCode {
  if (!error) return 'UNKNOWN';
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return isErrorCode(code) ? code : 'UNKNOWN';
  }
  return 'NETWORK';
}

export const VALIDATION_CODES = ['INVALID_ID', 'INVALID_MONTH', 'TOO_LONG', 'PAGE_INVALID', 'OUT_OF_RANGE', 'REQUIRED'] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number] | 'UNKNOWN';

/** The field problems of a VALIDATION error (`extensions.fields`), by their stable codes. */
export function validationCodesOf(error: ErrorLike | undefined): ValidationCode[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const fields = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as { code?: unknown }[]) : []));
  const codes = fields.map((f) => (VALIDATION_CODES.includes(f.code as never) ? (f.code as ValidationCode) : 'UNKNOWN'));
  return [...new Set(codes)];
}
