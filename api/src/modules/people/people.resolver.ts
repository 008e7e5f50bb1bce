import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { isStaff, type Context } from '../../graphql/context.js';
import { Institution } from '../institutions/institution.entity.js';
import { PeopleService } from './people.service.js';
import { Person } from './person.entity.js';
import { Me } from './people.types.js';

@Resolver()
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => Me, { nullable: true, description: 'Null when nobody is signed in.' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    if (!ctx.viewer) return null;
    const [person, institutions] = await Promise.all([
      this.people.getPerson(ctx, ctx.viewer.personId),
      ctx.loaders.institution.loadMany(ctx.viewer.coordinatorInstitutionIds),
    ]);
    return {
      person,
      roles: ctx.viewer.roles,
      coordinatedInstitutions: institutions.filter((i): i is Institution => i instanceof Institution),
    };
  }
}

@Resolver(() => Person)
export class PersonEntityResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Only the person and staff see it; null for others.' })
  email(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.viewer?.personId === person.id || isStaff(ctx.viewer) ? person.email : null;
  }

  @FieldResolver(() => String)
  fullName(@Root() person: Person) {
    return `${person.givenName} ${person.familyName}`;
  }
}
