import { Language, UserRole } from '../modules/people/person.entity.js';
import type { Loaders } from './loaders.js';

/** Who is asking. Derived once per request from the session cookie or (later) an API token. */
export interface Viewer {
  personId: string;
  sessionId: string;
  roles: UserRole[];
  /** Institutions this person coordinates: the only ones whose data a coordinator sees. */
  coordinatorInstitutionIds: string[];
  lecturerId: string | null;
}

/** The first argument of every service method. */
export interface RequestContext {
  viewer: Viewer | null;
  lang: Language;
}

export interface Context extends RequestContext {
  loaders: Loaders;
}

export function isStaff(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(UserRole.STAFF) || viewer.roles.includes(UserRole.ADMIN));
}

/** A context for work the system does by itself (seeding, jobs): it may see everything. */
export function systemContext(lang: Language = Language.LV): RequestContext {
  return { viewer: { personId: 'system', sessionId: 'system', roles: [UserRole.ADMIN], coordinatorInstitutionIds: [], lecturerId: null }, lang };
}

const SUPPORTED = new Set<string>(Object.values(Language));

/** The request language: an explicit header from our clients, then Accept-Language, then Latvian. */
export function languageOf(headers: Record<string, string | string[] | undefined>): Language {
  const explicit = String(headers['x-mps-language'] ?? '').toLowerCase();
  if (SUPPORTED.has(explicit)) return explicit as Language;
  const accept = String(headers['accept-language'] ?? '');
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0].trim().slice(0, 2).toLowerCase();
    if (SUPPORTED.has(tag)) return tag as Language;
  }
  return Language.LV;
}
