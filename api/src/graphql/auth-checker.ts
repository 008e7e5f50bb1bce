import type { AuthCheckerFn } from 'type-graphql';
import { ApiScope } from '../modules/auth/api-token.entity.js';
import { UserRole } from '../modules/people/person.entity.js';
import { DomainError, ErrorCode, ForbiddenError } from '../common/errors.js';
import type { Context } from './context.js';

/** What `@Authorized(...)` may list: roles of people and scopes of API tokens. */
export type Permission = UserRole | ApiScope;

/**
 * `@Authorized()` means a signed-in person; `@Authorized(UserRole.STAFF, ApiScope.CATALOG_READ)`
 * means any of the listed roles or scopes. ADMIN may do everything STAFF may. An API token passes
 * only where one of its scopes is listed. Row rules (a coordinator's own institution) live in services.
 */
export const authChecker: AuthCheckerFn<Context, Permission> = ({ context }, allowed) => {
  const viewer = context.viewer;
  if (!viewer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
  if (viewer.kind === 'token') {
    if (viewer.scopes.some((scope) => allowed.includes(scope))) return true;
    throw new ForbiddenError('This API token has no scope for this');
  }
  if (allowed.length === 0) return true;
  const granted = new Set<Permission>(viewer.roles);
  if (granted.has(UserRole.ADMIN)) granted.add(UserRole.STAFF);
  if (allowed.some((permission) => granted.has(permission))) return true;
  throw new ForbiddenError();
};
