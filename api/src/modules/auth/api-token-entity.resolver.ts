import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Institution } from '../institutions/institution.entity.js';
import { Person } from '../people/person.entity.js';
import { ApiToken } from './api-token.entity.js';

@Resolver(() => ApiToken)
export class ApiTokenEntityResolver {
  @FieldResolver(() => Institution, { nullable: true, description: 'The one institution whose data the token reads.' })
  institution(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return token.institutionId ? ctx.loaders.institution.load(token.institutionId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Null when that person no longer exists.' })
  createdBy(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return token.createdBy ? ctx.loaders.person.load(token.createdBy) : null;
  }
}
