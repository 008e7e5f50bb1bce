import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { HelpSettings } from './help-settings.entity.js';
import { HelpSettingsService } from './help-settings.service.js';
import { HelpSettingsInput } from './help-settings.types.js';

@Resolver()
export class HelpSettingsResolver {
  constructor(private readonly service: HelpSettingsService) {}

  @Query(() => HelpSettings, { description: "The help page's settings. Anyone may ask: the portal shows them before sign-in." })
  helpSettings() {
    return this.service.get();
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => HelpSettings, { description: "Staff set the help page's video link (an https address, or empty for none). VALIDATION otherwise." })
  updateHelpSettings(@Ctx() ctx: Context, @Arg('input', () => HelpSettingsInput) input: HelpSettingsInput) {
    return this.service.update(ctx, input);
  }
}
