import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Person, UserRole } from './person.entity.js';
import { RolesService } from './roles.service.js';
import { PersonFilter, PersonPage } from './roles.types.js';

@Resolver()
export class RolesResolver {
  constructor(private readonly roles: RolesService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => PersonPage, { description: 'Staff: everyone known to the system, by family name.' })
  people(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter) {
    return this.roles.listPeople(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.ADMIN)
  @Mutation(() => Person, { description: 'An administrator grants STAFF or ADMIN to another person (R-ID-7); effective at their next request.' })
  grantRole(@Ctx() ctx: Context, @Arg('personId', () => ID) personId: string, @Arg('role', () => UserRole) role: UserRole) {
    return this.roles.grantRole(ctx, personId, role);
  }

  @Authorized<Permission>(UserRole.ADMIN)
  @Mutation(() => Person, { description: 'An administrator withdraws STAFF or ADMIN from another person; effective at their next request.' })
  withdrawRole(@Ctx() ctx: Context, @Arg('personId', () => ID) personId: string, @Arg('role', () => UserRole) role: UserRole) {
    return this.roles.withdrawRole(ctx, personId, role);
  }
}

@Resolver(() => Person)
export class PersonRolesResolver {
  @FieldResolver(() => [UserRole], { nullable: true, description: 'Every role the person has now. The person and staff see it; null for others.' })
  roles(@Root() person: Person, @Ctx() ctx: Context) {
    if (ctx.viewer?.personId !== person.id && !isStaff(ctx.viewer)) return null;
    return ctx.loaders.personRoles.load(person.id);
  }
}
