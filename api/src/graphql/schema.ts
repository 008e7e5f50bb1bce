import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { CatalogService } from '../modules/catalog/catalog.service.js';
import { InstitutionsService } from '../modules/institutions/institutions.service.js';
import { PeopleService } from '../modules/people/people.service.js';
import { SchedulingService } from '../modules/scheduling/scheduling.service.js';
import { CatalogResolver } from '../modules/catalog/catalog.resolver.js';
import { CourseEntityResolver, TopicEntityResolver } from '../modules/catalog/course-entity.resolver.js';
import { InstitutionsResolver } from '../modules/institutions/institutions.resolver.js';
import { PeopleResolver, PersonEntityResolver } from '../modules/people/people.resolver.js';
import {
  GroupEntityResolver,
  LecturerEntityResolver,
  SessionEntityResolver,
} from '../modules/scheduling/scheduling-entity.resolver.js';
import { SchedulingResolver } from '../modules/scheduling/scheduling.resolver.js';
import type { Services } from '../services.js';
import { authChecker } from './auth-checker.js';
import { ServiceContainer } from './container.js';

export const resolvers = [
  CatalogResolver,
  CourseEntityResolver,
  TopicEntityResolver,
  SchedulingResolver,
  GroupEntityResolver,
  SessionEntityResolver,
  LecturerEntityResolver,
  PeopleResolver,
  PersonEntityResolver,
  InstitutionsResolver,
] as const;

/** Builds the graph. Without services (schema emission) resolvers are never called. */
export async function createSchema(services?: Services): Promise<GraphQLSchema> {
  const container = new ServiceContainer();
  if (services) {
    container
      .register(CatalogService, services.catalog)
      .register(SchedulingService, services.scheduling)
      .register(PeopleService, services.people)
      .register(InstitutionsService, services.institutions);
  }
  return buildSchema({
    resolvers: [...resolvers],
    authChecker,
    container: services ? container : { get: () => ({}) },
    validate: false,
  });
}

export function printGraph(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
