import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { ApiTokenService } from './modules/auth/api-token.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { CertificatesService } from './modules/certificates/certificates.service.js';
import { EmploymentsService } from './modules/institutions/employments.service.js';
import { InstitutionsService } from './modules/institutions/institutions.service.js';
import { PeopleService } from './modules/people/people.service.js';
import { PersonalCodeCipher } from './modules/people/personal-code.js';
import { RegistrationService } from './modules/registration/registration.service.js';
import { SchedulingService } from './modules/scheduling/scheduling.service.js';

/** The one instance of each domain service, wired by hand: the graph of dependencies is small and visible. */
export function createServices(
  dataSource: DataSource,
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
  codes: PersonalCodeCipher,
) {
  const people = new PeopleService(dataSource, codes);
  const institutions = new InstitutionsService(dataSource, people);
  const employments = new EmploymentsService(dataSource, people);
  const catalog = new CatalogService(dataSource);
  const certificates = new CertificatesService(dataSource);
  const registrations = new RegistrationService(dataSource, institutions);
  const scheduling = new SchedulingService(dataSource, catalog, registrations);
  const auth = new AuthService(dataSource, people, institutions, scheduling, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  const apiTokens = new ApiTokenService(dataSource, institutions);
  return { codes, certificates, people, institutions, employments, catalog, registrations, scheduling, auth, apiTokens };
}

export type Services = ReturnType<typeof createServices>;
