import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';

/** Codes the api puts in `extensions.code`, plus two of our own for failures before an answer arrives. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'ALREADY_EXISTS',
  'IN_USE',
  'PROFILE_INCOMPLETE',
  'ALREADY_REGISTERED',
  'REGISTRATION_CLOSED',
  'DEADLINE_PASSED',
  'INVOICE_STATUS',
  'TEST_NOT_PUBLISHED',
  'TEST_LOCKED',
  'ATTEMPTS_USED_UP',
  'ATTEMPT_CLOSED',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'SERVICE_BUSY',
  'RATE_LIMITED',
  'STORAGE_FULL',
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
  // Requests turned away before they ran (429 RATE_LIMITED, 503 SERVICE_BUSY) carry their code in the body.
  if (ServerError.is(error)) {
    try {
      const code = (JSON.parse(error.bodyText) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
      if (isErrorCode(code)) return code;
    } catch {
      return 'NETWORK';
    }
  }
  return 'NETWORK';
}

export const VALIDATION_CODES = ['INVALID_ID', 'INVALID_MONTH', 'TOO_LONG', 'PAGE_INVALID', 'OUT_OF_RANGE', 'REQUIRED', 'LENGTH'] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number] | 'UNKNOWN';

/** The field problems of a VALIDATION error (`extensions.fields`), by their stable codes. */
export function validationCodesOf(error: ErrorLike | undefined): ValidationCode[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const fields = error.errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions.fields as { code?: unknown }[]) : []));
  const codes = fields.map((f) => (VALIDATION_CODES.includes(f.code as never) ? (f.code as ValidationCode) : 'UNKNOWN'));
  return [...new Set(codes)];
}

/** Codes of field problems the profile forms explain next to the field. */
export const FIELD_CODES = [
  'REQUIRED',
  'LENGTH',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'INVALID_REGISTRATION_NUMBER',
  'INVALID_VAT_NUMBER',
  'INVALID_POSTCODE',
  'INVALID_COUNTRY',
  'TOO_SHORT',
  'UNKNOWN_COURSE',
  'ALREADY_REQUESTED',
  'ALREADY_COORDINATOR',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number] | 'UNKNOWN';

export interface FieldProblem {
  /** The api's name of the field: `email`, `employer.invoiceEmail`, … */
  field: string;
  code: FieldCode;
}

/** Each field problem of a VALIDATION error once, with codes the portal does not know as UNKNOWN. */
export function fieldProblemsOf(error: ErrorLike | undefined): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const e of error.errors) {
    if (e.extensions?.code !== 'VALIDATION' || !Array.isArray(e.extensions.fields)) continue;
    for (const item of e.extensions.fields as { field?: unknown; code?: unknown }[]) {
      if (typeof item?.field !== 'string') continue;
      const code: FieldCode = FIELD_CODES.includes(item.code as never) ? (item.code as FieldCode) : 'UNKNOWN';
      const key = `${item.field} ${code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ field: item.field, code });
    }
  }
  return problems;
}
