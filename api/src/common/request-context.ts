import { type ApiScope, Language, UserRole } from './roles.js';

/** A signed-in person. Derived once per request from the session cookie. */
export interface PersonViewer {
  kind: 'person';
  personId: string;
  sessionId: string;
  roles: UserRole[];
  /** Institutions this person coordinates: the only ones whose data a coordinator sees. */
  coordinatorInstitutionIds: string[];
  lecturerId: string | null;
}

/** A third-party system with an API token: no person, no roles, only its scopes. */
export interface TokenViewer {
  kind: 'token';
  tokenId: string;
  scopes: ApiScope[];
  /** The one institution whose data an institution-scoped token reads. */
  institutionId: string | null;
  personId: null;
  /** Always empty: a token is not a person and has no roles. */
  roles: UserRole[];
  coordinatorInstitutionIds: string[];
  lecturerId: null;
}

/** Who is asking. */
export type Viewer = PersonViewer | TokenViewer;

/** The first argument of every service method. */
export interface RequestContext {
  viewer: Viewer | null;
  lang: Language;
}

export function isStaff(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes(UserRole.STAFF) || viewer.roles.includes(UserRole.ADMIN));
}

/** A context for work the system does by itself (seeding, jobs): it may see everything. */
export function systemContext(lang: Language = Language.LV): RequestContext {
  return {
    viewer: { kind: 'person', personId: 'system', sessionId: 'system', roles: [UserRole.ADMIN], coordinatorInstitutionIds: [], lecturerId: null },
    lang,
  };
}

export function hasScope(viewer: Viewer | null, scope: ApiScope): boolean {
  return viewer?.kind === 'token' && viewer.scopes.includes(scope);
}

/** Whether the viewer is a coordinator of this institution. */
export function coordinates(viewer: Viewer | null, institutionId: string): boolean {
  return !!viewer && viewer.coordinatorInstitutionIds.includes(institutionId);
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
