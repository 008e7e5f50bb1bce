import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { UserRole } from '../people/person.entity.js';
import { EmploymentsService } from './employments.service.js';
import { Employment } from './institution.entity.js';
import { EmployeeImportReport, EmployeeInput, EmploymentFilter, EmploymentPage, EmploymentSort } from './institutions.types.js';

@Resolver()
export class EmploymentsResolver {
  constructor(private readonly employments: EmploymentsService) {}

  @Authorized<Permission>(UserRole.STAFF, UserRole.COORDINATOR, ApiScope.EMPLOYEES_READ)
  @Query(() => EmploymentPage, {
    description: "Staff: every institution's; a coordinator: their institutions'; an API token with EMPLOYEES_READ: its institution's.",
  })
  employees(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => EmploymentFilter, { nullable: true }) filter?: EmploymentFilter,
    @Arg('sort', () => EmploymentSort, { nullable: true }) sort?: EmploymentSort,
  ) {
    return this.employments.listEmployments(ctx, filter, sort, page);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => Employment, { description: 'Staff, or a coordinator of the institution. The person need not have signed in yet.' })
  addEmployee(@Ctx() ctx: Context, @Arg('institutionId', () => ID) institutionId: string, @Arg('input') input: EmployeeInput) {
    return this.employments.addEmployee(ctx, institutionId, input);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => Employment, { description: 'Staff, or a coordinator of the institution. The employment stays as history.' })
  endEmployment(
    @Ctx() ctx: Context,
    @Arg('employmentId', () => ID) employmentId: string,
    @Arg('endedAt', () => Date, { nullable: true, description: 'Default: now. Not in the future.' }) endedAt?: Date | null,
  ) {
    return this.employments.endEmployment(ctx, employmentId, endedAt);
  }

  @Authorized()
  @Mutation(() => Employment, { description: '"I no longer work here" (R-ID-5): the employee themselves.' })
  endMyEmployment(@Ctx() ctx: Context, @Arg('employmentId', () => ID) employmentId: string) {
    return this.employments.endMyEmployment(ctx, employmentId);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => EmployeeImportReport, {
    description:
      'A CSV roster (header row; ";" or "," ; Latvian or English column names; at most 1 MB and 5,000 rows). Good rows go in one transaction; a dry run writes nothing.',
  })
  importEmployees(@Ctx() ctx: Context, @Arg('institutionId', () => ID) institutionId: string, @Arg('csv') csv: string, @Arg('dryRun') dryRun: boolean) {
    return this.employments.importEmployees(ctx, institutionId, csv, dryRun);
  }
}
