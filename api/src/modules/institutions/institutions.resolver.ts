import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Person, UserRole } from '../people/person.entity.js';
import { BillingAccount, Institution } from './institution.entity.js';
import { InstitutionsService } from './institutions.service.js';
import { BillingAccountFilter, BillingAccountInput, BillingAccountPage, InstitutionFilter, InstitutionInput, InstitutionPage } from './institutions.types.js';

@Resolver()
export class InstitutionsResolver {
  constructor(private readonly service: InstitutionsService) {}

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Query(() => InstitutionPage, { description: 'Staff see all institutions; a coordinator only their own.' })
  institutions(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => InstitutionFilter, { nullable: true }) filter?: InstitutionFilter) {
    return this.service.listInstitutions(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Query(() => Institution, { description: 'Staff: any institution; a coordinator: one they coordinate (another is FORBIDDEN).' })
  institution(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.getInstitution(ctx, id);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Institution)
  createInstitution(@Ctx() ctx: Context, @Arg('input') input: InstitutionInput) {
    return this.service.createInstitution(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Institution)
  updateInstitution(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: InstitutionInput) {
    return this.service.updateInstitution(ctx, id, input);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Query(() => BillingAccountPage, { description: "Staff see every institution's accounts; a coordinator those of their own institutions." })
  billingAccounts(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => BillingAccountFilter, { nullable: true }) filter?: BillingAccountFilter) {
    return this.service.listBillingAccounts(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => BillingAccount, { description: 'Staff, or a coordinator of the institution.' })
  createBillingAccount(@Ctx() ctx: Context, @Arg('institutionId', () => ID) institutionId: string, @Arg('input') input: BillingAccountInput) {
    return this.service.createBillingAccount(ctx, institutionId, input);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => BillingAccount, { description: 'Staff, or a coordinator of the institution.' })
  updateBillingAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input') input: BillingAccountInput) {
    return this.service.updateBillingAccount(ctx, id, input);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => BillingAccount, { description: 'Kept for the invoices that name it; employees can no longer choose it.' })
  archiveBillingAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.setBillingAccountArchived(ctx, id, true);
  }

  @Authorized(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => BillingAccount, { description: 'Makes an archived account choosable again.' })
  restoreBillingAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.setBillingAccountArchived(ctx, id, false);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Person, {
    description: 'Found by personal code or created: the person need not have signed in. They coordinate from their next request on.',
  })
  appointCoordinator(
    @Ctx() ctx: Context,
    @Arg('institutionId', () => ID) institutionId: string,
    @Arg('personalCode') personalCode: string,
    @Arg('givenName') givenName: string,
    @Arg('familyName') familyName: string,
  ) {
    return this.service.appointCoordinator(ctx, institutionId, { personalCode, givenName, familyName });
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => Person, { description: 'The person stays; only the appointment ends.' })
  removeCoordinator(@Ctx() ctx: Context, @Arg('institutionId', () => ID) institutionId: string, @Arg('personId', () => ID) personId: string) {
    return this.service.removeCoordinator(ctx, institutionId, personId);
  }
}
