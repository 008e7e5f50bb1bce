import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Person } from '../people/person.entity.js';
import { BillingAccount, Employment, Institution } from './institution.entity.js';
import { EmploymentFilter, EmploymentPage, EmploymentSort } from './institutions.types.js';

/**
 * Nested fields follow one rule: what the viewer may not read resolves to an empty list (or page),
 * never to an error, so a response that reaches an institution by another path stays whole.
 */
@Resolver(() => Institution)
export class InstitutionEntityResolver {
  @FieldResolver(() => [BillingAccount], {
    description: 'Staff and its coordinators see every account; its current employees the active ones; others none.',
  })
  async billingAccounts(
    @Root() institution: Institution,
    @Ctx() ctx: Context,
    @Arg('includeArchived', { defaultValue: false, description: 'Only for staff and coordinators; employees never see archived accounts.' })
    includeArchived: boolean,
  ) {
    const accounts = await ctx.loaders.billingAccounts.load(institution.id);
    return includeArchived ? accounts : accounts.filter((account) => account.archivedAt === null);
  }

  @FieldResolver(() => [Person], { description: 'Staff and its coordinators see them; others an empty list.' })
  async coordinators(@Root() institution: Institution, @Ctx() ctx: Context) {
    const appointments = await ctx.loaders.coordinatorAppointments.load(institution.id);
    const persons = await ctx.loaders.person.loadMany(appointments.map((appointment) => appointment.personId));
    return persons.filter((person): person is Person => person instanceof Person);
  }

  @FieldResolver(() => EmploymentPage, {
    description: 'Staff, its coordinators and API tokens of this institution with EMPLOYEES_READ; others get an empty page.',
  })
  employees(
    @Root() institution: Institution,
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => EmploymentFilter, { nullable: true, description: '`institutionId` is ignored here.' }) filter?: EmploymentFilter,
    @Arg('sort', () => EmploymentSort, { nullable: true }) sort?: EmploymentSort,
  ) {
    return ctx.loaders.employeePage.load({ institutionId: institution.id, filter, sort, page: page.page, perPage: page.perPage });
  }
}

@Resolver(() => BillingAccount)
export class BillingAccountEntityResolver {
  @FieldResolver(() => Institution)
  institution(@Root() account: BillingAccount, @Ctx() ctx: Context) {
    return ctx.loaders.institution.load(account.institutionId);
  }
}

@Resolver(() => Employment)
export class EmploymentEntityResolver {
  @FieldResolver(() => Boolean, { description: 'Not ended.' })
  current(@Root() employment: Employment) {
    return employment.endedAt === null;
  }

  @FieldResolver(() => Person)
  person(@Root() employment: Employment, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(employment.personId);
  }

  @FieldResolver(() => Institution)
  institution(@Root() employment: Employment, @Ctx() ctx: Context) {
    return ctx.loaders.institution.load(employment.institutionId);
  }
}

@Resolver(() => Person)
export class PersonEmploymentsResolver {
  @FieldResolver(() => [Employment], {
    description: 'Current first. The person and staff see all; a coordinator those at their institutions; others none.',
  })
  employments(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.employmentsOfPerson.load(person.id);
  }
}
