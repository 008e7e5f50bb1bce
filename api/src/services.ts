import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
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
  const institutions = new InstitutionsService(dataSource);
  const catalog = new CatalogService(dataSource);
  const registrations = new RegistrationService(dataSource);
  const scheduling = new SchedulingService(dataSource, catalog, registrations);
  const auth = new AuthService(dataSource, people, institutions, scheduling, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  });
  return { codes, people, institutions, catalog, registrations, scheduling, auth };
}

export type Services = ReturnType<typeof createServices>;
