import type { AuthCheckerFn } from 'type-graphql';
import { UserRole } from '../modules/people/person.entity.js';
import { DomainError, ErrorCode, ForbiddenError } from './errors.js';
import type { Context } from './context.js';

/**
 * `@Authorized()` means signed in; `@Authorized(UserRole.STAFF)` means any of the listed roles.
 * ADMIN may do everything STAFF may. Row rules (a coordinator's own institution) live in services.
 */
export const authChecker: AuthCheckerFn<Context, UserRole> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
  if (roles.length === 0) return true;
  const granted = new Set(viewer.roles);
  if (granted.has(UserRole.ADMIN)) granted.add(UserRole.STAFF);
  if (roles.some((role) => granted.has(role))) return true;
  throw new ForbiddenError();
};
