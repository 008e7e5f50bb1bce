import { coordinates, isStaff, type Viewer } from '../../common/request-context.js';
import { ForbiddenError } from '../../common/errors.js';
import { ApiScope } from '../auth/api-token.entity.js';

/**
 * Who may do what with an institution's data (the row rules; roles are checked by `@Authorized`).
 * Staff: every institution. A coordinator: the institutions they coordinate. An API token with
 * EMPLOYEES_READ: reads the employees of its own institution, nothing else.
 */

/** Change requisites-level data of the institution: employees, billing accounts. */
export function managesInstitution(viewer: Viewer | null, institutionId: string): boolean {
  return isStaff(viewer) || (viewer?.kind === 'person' && coordinates(viewer, institutionId));
}

export function readsEmployees(viewer: Viewer | null, institutionId: string): boolean {
  if (viewer?.kind === 'token') return viewer.institutionId === institutionId && viewer.scopes.includes(ApiScope.EMPLOYEES_READ);
  return managesInstitution(viewer, institutionId);
}

/** The institutions whose employees the viewer reads; null means all of them (staff). */
export function employeeScope(viewer: Viewer | null): string[] | null {
  if (isStaff(viewer)) return null;
  if (viewer?.kind === 'token') return viewer.institutionId && viewer.scopes.includes(ApiScope.EMPLOYEES_READ) ? [viewer.institutionId] : [];
  return viewer?.coordinatorInstitutionIds ?? [];
}

export function requireManages(viewer: Viewer | null, institutionId: string): void {
  if (!managesInstitution(viewer, institutionId)) throw new ForbiddenError('Only staff and the coordinators of this institution may do this');
}
