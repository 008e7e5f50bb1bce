/**
 * Every expected failure has one of these codes in `extensions.code`. Clients translate codes;
 * they never parse messages. The list is documented in docs/errors.md.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION = 'VALIDATION',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  IN_USE = 'IN_USE',
  PROFILE_INCOMPLETE = 'PROFILE_INCOMPLETE',
  SCHEDULE_CONFLICT = 'SCHEDULE_CONFLICT',
  SESSION_NOT_STARTED = 'SESSION_NOT_STARTED',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  /** The invoice is not in a status that allows this (e.g. issuing one that is not a draft). */
  INVOICE_STATUS = 'INVOICE_STATUS',
  /** A knowledge test is still a draft: nobody can be invited to it or start it. */
  TEST_NOT_PUBLISHED = 'TEST_NOT_PUBLISHED',
  /** Someone has started a knowledge test: its questions and pass mark can no longer change. */
  TEST_LOCKED = 'TEST_LOCKED',
  /** Every attempt a knowledge test allows has been used. */
  ATTEMPTS_USED_UP = 'ATTEMPTS_USED_UP',
  /** The test attempt has been submitted, or its time ran out (it was scored with the answers saved until then). */
  ATTEMPT_CLOSED = 'ATTEMPT_CLOSED',
  BAD_REQUEST = 'BAD_REQUEST',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  SERVICE_BUSY = 'SERVICE_BUSY',
  RATE_LIMITED = 'RATE_LIMITED',
  STORAGE_FULL = 'STORAGE_FULL',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One problem with one input field; `code` is stable and translated by clients. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class ValidationError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super(ErrorCode.VALIDATION, fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }
}

/** Collects field problems and throws them together, so the user sees every mistake at once. */
export class Problems {
  private readonly list: FieldProblem[] = [];
  add(field: string, code: string, message: string): this {
    this.list.push({ field, code, message });
    return this;
  }
  check(condition: boolean, field: string, code: string, message: string): this {
    if (!condition) this.add(field, code, message);
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  throwIfAny(): void {
    if (this.any) throw new ValidationError(this.list);
  }
}
