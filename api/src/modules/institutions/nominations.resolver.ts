import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { Person, UserRole } from '../people/person.entity.js';
import { CoordinatorNomination } from './coordinator-nomination.entity.js';
import { Institution } from './institution.entity.js';
import { NominationsService } from './nominations.service.js';
import { NominationFilter, NominationInput, NominationPage } from './nominations.types.js';

@Resolver()
export class NominationsResolver {
  constructor(private readonly nominations: NominationsService) {}

  @Authorized()
  @Query(() => [CoordinatorNomination], { description: "The signed-in person's own coordinator requests, newest first." })
  myCoordinatorNominations(@Ctx() ctx: Context) {
    return this.nominations.mine(ctx);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => NominationPage, { description: 'Staff: coordinator requests; filtered by PENDING, the oldest first.' })
  coordinatorNominations(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => NominationFilter, { nullable: true }) filter?: NominationFilter) {
    return this.nominations.list(ctx, filter, page);
  }

  @Authorized()
  @Mutation(() => CoordinatorNomination, {
    description:
      "The signed-in person asks to become an institution's coordinator (R-ID-7); staff are told. PROFILE_INCOMPLETE without an e-mail; registrationNumber ALREADY_REQUESTED while one for the institution waits, ALREADY_COORDINATOR when they coordinate it already.",
  })
  requestCoordinatorNomination(@Ctx() ctx: Context, @Arg('input', () => NominationInput) input: NominationInput) {
    return this.nominations.request(ctx, input);
  }

  @Authorized()
  @Mutation(() => CoordinatorNomination, { description: 'The person takes back their own pending request.' })
  withdrawCoordinatorNomination(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.nominations.withdraw(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => CoordinatorNomination, {
    description: 'Staff: the person becomes a coordinator of the institution with that registration number (UNKNOWN_INSTITUTION until it exists) and is told.',
  })
  approveCoordinatorNomination(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note?: string) {
    return this.nominations.approve(ctx, id, note);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => CoordinatorNomination, { description: 'Staff refuse, with the reason the person is told.' })
  refuseCoordinatorNomination(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.nominations.refuse(ctx, id, reason);
  }
}

@Resolver(() => CoordinatorNomination)
export class NominationEntityResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who asked. The person themself and staff.' })
  person(@Root() nomination: CoordinatorNomination, @Ctx() ctx: Context) {
    if (nomination.personId !== ctx.viewer?.personId && !isStaff(ctx.viewer)) return null;
    return ctx.loaders.person.load(nomination.personId);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: 'Staff: the institution with the registration number given, when the system has it (approving needs it); null otherwise.',
  })
  async knownInstitution(@Root() nomination: CoordinatorNomination, @Ctx() ctx: Context) {
    if (!isStaff(ctx.viewer)) return null;
    const id = await ctx.loaders.institutionIdByRegistrationNumber.load(nomination.registrationNumber);
    return id ? ctx.loaders.institution.load(id) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Staff: who decided.' })
  decidedBy(@Root() nomination: CoordinatorNomination, @Ctx() ctx: Context) {
    return isStaff(ctx.viewer) && nomination.decidedById ? ctx.loaders.person.load(nomination.decidedById) : null;
  }
}
