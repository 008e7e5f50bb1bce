import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageArgs } from '../../common/pagination.js';
import { UserRole } from '../people/person.entity.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenService } from './api-token.service.js';
import { ApiTokenFilter, ApiTokenInput, ApiTokenPage, CreatedApiToken } from './api-token.types.js';

@Resolver()
export class ApiTokenResolver {
  constructor(private readonly tokens: ApiTokenService) {}

  @Authorized(UserRole.STAFF)
  @Query(() => ApiTokenPage, { description: 'Tokens of third-party systems, newest first.' })
  apiTokens(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => ApiTokenFilter, { nullable: true }) filter?: ApiTokenFilter) {
    return this.tokens.listTokens(ctx, filter, page);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => CreatedApiToken, { description: 'The answer is the only time the token itself is shown.' })
  createApiToken(@Ctx() ctx: Context, @Arg('input', () => ApiTokenInput) input: ApiTokenInput) {
    return this.tokens.createToken(ctx, input);
  }

  @Authorized(UserRole.STAFF)
  @Mutation(() => ApiToken, { description: 'The token stops working at once. Revoking it again changes nothing.' })
  revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.tokens.revokeToken(ctx, id);
  }
}
