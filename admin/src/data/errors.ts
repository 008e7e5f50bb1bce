import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { HttpError, type TranslateFunction } from 'react-admin';
import { UploadError } from './upload';

/** The HTTP-like status react-admin reasons with (401 signs out, the rest is shown). */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  BAD_REQUEST: 400,
  QUERY_TOO_COMPLEX: 400,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  SCHEDULE_CONFLICT: 409,
  SESSION_NOT_STARTED: 409,
  PROFILE_INCOMPLETE: 409,
  ALREADY_REGISTERED: 409,
  REGISTRATION_CLOSED: 409,
  DEADLINE_PASSED: 409,
  INVOICE_STATUS: 409,
  TEST_NOT_PUBLISHED: 409,
  TEST_LOCKED: 409,
  ATTEMPTS_USED_UP: 409,
  ATTEMPT_CLOSED: 409,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  SERVICE_BUSY: 503,
  RATE_LIMITED: 429,
  STORAGE_FULL: 507,
};

interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface ErrorContext {
  resource: string;
  translate: TranslateFunction;
  /** API input field -> form field. */
  formFields?: Record<string, string>;
}

/** A field problem in the UI language: field-specific wording first, then the code, then the server's text. */
export function problemMessage(translate: TranslateFunction, field: string, code: string, fallback: string): string {
  const generic = translate(`mps.validation.${code}`, { _: fallback });
  return translate(`mps.fieldValidation.${field}.${code}`, { _: generic });
}

function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] | null {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (error instanceof UploadError) return error.errors;
  // Requests the server refuses outright (400) still carry GraphQL errors in the body.
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Turns what Apollo threw into react-admin's HttpError with a translated message. A VALIDATION
 * error puts one message per form field into `body.errors`, which react-admin shows under the
 * inputs, and a summary into `body.errors.root.serverError` for the notification.
 */
export function toHttpError(error: unknown, context: ErrorContext): HttpError {
  const { translate, resource, formFields = {} } = context;
  const errors = graphQLErrorsOf(error);
  if (!errors) {
    const status = ServerError.is(error) ? error.statusCode : 0;
    return new HttpError(translate('mps.errors.NETWORK'), status, { code: 'NETWORK' });
  }
  const first = errors[0];
  const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const status = STATUS[code] ?? 500;
  // Resource-specific wording first: "the recipient has no address" says more than "the profile is incomplete".
  const message = translate(`mps.resourceErrors.${resource}.${code}`, { _: translate(`mps.errors.${code}`, { _: first.message }) });
  const formField = (field: string) => formFields[field] ?? field;
  const label = (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field });

  if (code === 'VALIDATION') {
    const problems = (first.extensions?.fields ?? []) as FieldProblem[];
    const fieldErrors: Record<string, string> = {};
    for (const problem of problems) {
      const field = formField(problem.field);
      fieldErrors[field] ??= problemMessage(translate, problem.field, problem.code, problem.message);
    }
    const summary = [message, ...Object.entries(fieldErrors).map(([field, text]) => `${label(field)}: ${text}`)].join(' ');
    return new HttpError(summary, status, { code, errors: { ...fieldErrors, root: { serverError: summary } } });
  }
  if (code === 'ALREADY_EXISTS' && typeof first.extensions?.field === 'string') {
    const field = formField(first.extensions.field);
    // Field-specific wording first: "already an employee" says more than "already in use".
    const text = problemMessage(translate, first.extensions.field, 'ALREADY_EXISTS', translate('mps.validation.ALREADY_EXISTS'));
    const summary = `${message} ${label(field)}: ${text}`;
    return new HttpError(summary, status, { code, errors: { [field]: text, root: { serverError: summary } } });
  }
  if (code === 'SCHEDULE_CONFLICT') {
    // The form asks whether to save anyway and lists what clashes (see sessions/ScheduleConflicts.tsx).
    return new HttpError(message, status, { code, conflicts: first.extensions?.conflicts ?? [] });
  }
  return new HttpError(message, status, { code });
}
