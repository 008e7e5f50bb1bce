import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../graphql/pagination.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { UserRole } from '../people/person.entity.js';
import { RegistrationService } from './registration.service.js';
import { RegistrationFilter, RegistrationPage } from './registration.types.js';

@Resolver()
export class RegistrationResolver {
  constructor(private readonly service: RegistrationService) {}

  @Authorized<Permission>(UserRole.STAFF, UserRole.COORDINATOR, ApiScope.REGISTRATIONS_READ)
  @Query(() => RegistrationPage, {
    description:
      "Newest first. Staff see all; a coordinator and an API token only those of persons employed today at their institution(s).",
  })
  registrations(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => RegistrationFilter, { nullable: true }) filter?: RegistrationFilter) {
    return this.service.listRegistrations(ctx, filter, page);
  }
}
