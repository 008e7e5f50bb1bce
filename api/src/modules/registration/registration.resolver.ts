import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { UserRole } from '../people/person.entity.js';
import { RegistrationService } from './registration.service.js';
import { Registration } from './registration.entity.js';
import {
  CancelRegistrationInput,
  EmployeeRegistrationInput,
  RegisterInput,
  RegistrationFilter,
  RegistrationOrder,
  RegistrationPage,
} from './registration.types.js';

@Resolver()
export class RegistrationResolver {
  constructor(private readonly service: RegistrationService) {}

  @Authorized<Permission>(UserRole.STAFF, UserRole.COORDINATOR, ApiScope.REGISTRATIONS_READ)
  @Query(() => RegistrationPage, {
    description:
      'Newest first unless `order` says otherwise. Staff see all; a coordinator and an API token only those of persons employed today at their institution(s).',
  })
  registrations(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => RegistrationFilter, { nullable: true }) filter?: RegistrationFilter,
    @Arg('order', () => RegistrationOrder, { nullable: true }) order?: RegistrationOrder,
  ) {
    return this.service.listRegistrations(ctx, filter, page, order ?? RegistrationOrder.NEWEST);
  }

  @Authorized()
  @Query(() => [Registration], { description: "The signed-in person's own registrations, cancelled ones included, newest first." })
  myRegistrations(@Ctx() ctx: Context) {
    return this.service.myRegistrations(ctx);
  }

  @Authorized()
  @Mutation(() => Registration, {
    description:
      'The signed-in person registers into an open group of a public course: CONFIRMED while seats last, else WAITING. ' +
      'ALREADY_REGISTERED, REGISTRATION_CLOSED, DEADLINE_PASSED, PROFILE_INCOMPLETE (with `missing`), FORBIDDEN for a restricted course.',
  })
  register(@Ctx() ctx: Context, @Arg('input', () => RegisterInput) input: RegisterInput) {
    return this.service.register(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF, UserRole.COORDINATOR)
  @Mutation(() => [Registration], {
    description:
      'A coordinator registers current employees of their institution (staff: of any), all or none; over the free seats they wait in the order given.',
  })
  registerEmployees(@Ctx() ctx: Context, @Arg('input', () => EmployeeRegistrationInput) input: EmployeeRegistrationInput) {
    return this.service.registerEmployees(ctx, input);
  }

  @Authorized()
  @Mutation(() => Registration, {
    description:
      "Its person before the group's registration deadline (DEADLINE_PASSED after it), their institution's coordinator and staff at any time. A freed seat goes to the first waiting person.",
  })
  cancelRegistration(@Ctx() ctx: Context, @Arg('input', () => CancelRegistrationInput) input: CancelRegistrationInput) {
    return this.service.cancel(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Registration, { description: 'Staff: a waiting registration becomes CONFIRMED now, over the maximum size if need be.' })
  confirmFromWaitingList(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.confirmFromWaitingList(ctx, id);
  }
}
