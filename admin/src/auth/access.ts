/** Roles as the API names them (`UserRole`). */
export type Role = 'ADMIN' | 'STAFF' | 'COORDINATOR' | 'LECTURER' | 'PARTICIPANT';

const has = (roles: unknown, role: Role): boolean => Array.isArray(roles) && roles.includes(role);

/** Staff and administrators plan the catalog and the schedule. */
export const isStaff = (roles: unknown): boolean => has(roles, 'STAFF') || has(roles, 'ADMIN');

/** Coordinators without staff rights get the reduced console: only their own institutions. */
export const isCoordinatorOnly = (roles: unknown): boolean => !isStaff(roles) && has(roles, 'COORDINATOR');

/** Lecturers mark the attendance of the sessions they teach (R-AFT-5). */
export const isLecturer = (roles: unknown): boolean => has(roles, 'LECTURER');

export const mayUseConsole = (roles: unknown): boolean => isStaff(roles) || has(roles, 'COORDINATOR') || isLecturer(roles);

/** Administrators grant and withdraw the staff and administrator roles (R-ID-7). */
export const isAdmin = (roles: unknown): boolean => has(roles, 'ADMIN');
