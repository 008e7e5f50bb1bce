import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../graphql/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { InstitutionsService } from './institutions.service.js';
import { InstitutionFilter, InstitutionPage } from './institutions.types.js';

@Resolver()
export class InstitutionsResolver {
  constructor(private readonly service: InstitutionsService) {}

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Query(() => InstitutionPage, { description: 'Staff see all institutions; a coordinator only their own.' })
  institutions(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => InstitutionFilter, { nullable: true }) filter?: InstitutionFilter) {
    return this.service.listInstitutions(ctx, filter, page);
  }
}
