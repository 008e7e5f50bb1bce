import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import { isStaff } from '../../common/request-context.js';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { Registration } from '../registration/registration.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { EuProject, RegistrationIndicatorData } from './project.entity.js';
import { ProjectsService } from './projects.service.js';
import { EuProjectFilter, EuProjectInput, EuProjectPage, EuProjectReport, IndicatorDataInput } from './projects.types.js';

@Resolver()
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => EuProjectPage, { description: 'Staff: EU-funded projects (R-FIN-2), the latest start first.' })
  euProjects(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => EuProjectFilter, { nullable: true }) filter?: EuProjectFilter) {
    return this.service.list(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => EuProject, { description: 'Staff: one project.' })
  euProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.service.get(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => EuProject, {
    description: 'Staff. VALIDATION `code` `nameLv` `fund` `startsOn` `endsOn` `indicators.<i>.code`; ALREADY_EXISTS for a taken code.',
  })
  createEuProject(@Ctx() ctx: Context, @Arg('input', () => EuProjectInput) input: EuProjectInput) {
    return this.service.create(ctx, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => EuProject, { description: 'Staff: changes a project; `indicators` replaces the whole list.' })
  updateEuProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => EuProjectInput) input: EuProjectInput) {
    return this.service.update(ctx, id, input);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => EuProjectReport, {
    description:
      'Staff: participants, hours, completions and ESF+ indicators of the project’s groups whose first session is in [from, to] (YYYY-MM-DD, Riga). Files: GET /api/eu-projects/<id>/report.xlsx|csv?from=&to=.',
  })
  euProjectReport(@Ctx() ctx: Context, @Arg('projectId', () => ID) projectId: string, @Arg('from') from: string, @Arg('to') to: string) {
    return this.service.report(ctx, projectId, from, to);
  }

  @Authorized()
  @Query(() => Boolean, {
    description: 'Whether the signed-in person’s personal code carries their birth date (old format); if not, the portal asks for the age band.',
  })
  myAgeKnownFromPersonalCode(@Ctx() ctx: Context) {
    return this.service.ageKnownFromPersonalCode(ctx);
  }

  @Authorized()
  @Mutation(() => RegistrationIndicatorData, {
    description:
      'The registration’s person gives the ESF+ indicator answers a coordinator’s registration lacked. NOT_FOUND for another’s registration; ALREADY_EXISTS once given (a snapshot never changes).',
  })
  submitIndicatorData(
    @Ctx() ctx: Context,
    @Arg('registrationId', () => ID) registrationId: string,
    @Arg('input', () => IndicatorDataInput) input: IndicatorDataInput,
  ) {
    return this.service.submitIndicatorData(ctx, registrationId, input);
  }
}

@Resolver(() => Group)
export class GroupProjectResolver {
  @FieldResolver(() => EuProject, {
    nullable: true,
    description: 'The EU-funded project the group belongs to (its own or its course’s): the portal then asks the indicator questions.',
  })
  async euProject(@Root() group: Group, @Ctx() ctx: Context) {
    const id = await ctx.loaders.groupProjectId.load(group.id);
    return id ? ctx.loaders.euProject.load(id) : null;
  }
}

/** The snapshot is personal data: its person and staff see it, coordinators never. */
const mayRead = (ctx: Context, registration: Registration) => isStaff(ctx.viewer) || (!!ctx.viewer?.personId && ctx.viewer.personId === registration.personId);

@Resolver(() => Registration)
export class RegistrationIndicatorResolver {
  @FieldResolver(() => RegistrationIndicatorData, { nullable: true, description: 'ESF+ indicator answers; only for the person and staff (null for others).' })
  indicatorData(@Root() registration: Registration, @Ctx() ctx: Context) {
    return mayRead(ctx, registration) ? ctx.loaders.indicatorData.load(registration.id) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'An active registration in a project group without indicator answers yet (made by a coordinator): the portal asks for them.',
  })
  indicatorDataMissing(@Root() registration: Registration, @Ctx() ctx: Context) {
    return mayRead(ctx, registration) ? ctx.loaders.indicatorDataMissing.load(registration.id) : false;
  }
}
