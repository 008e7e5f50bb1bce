import { registerEnumType } from 'type-graphql';

export enum UserRole {
  PARTICIPANT = 'PARTICIPANT',
  COORDINATOR = 'COORDINATOR',
  LECTURER = 'LECTURER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'PARTICIPANT: everyone signed in. COORDINATOR and LECTURER follow from institution and lecturer records; STAFF and ADMIN are granted.',
});

export enum Language {
  LV = 'lv',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'A language of the user interface and of e-mails.' });

/** What a third-party system may do with a token. A token never acts as a person. */
export enum ApiScope {
  /** Read the whole catalog, restricted courses included. */
  CATALOG_READ = 'CATALOG_READ',
  /** Read the employees of the token's institution. */
  EMPLOYEES_READ = 'EMPLOYEES_READ',
  /** Read the registrations of the token's institution's employees. */
  REGISTRATIONS_READ = 'REGISTRATIONS_READ',
}
registerEnumType(ApiScope, { name: 'ApiScope', description: 'What an API token may read.' });
