import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Person } from '../people/person.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Registration } from './registration.entity.js';

@Resolver(() => Registration)
export class RegistrationEntityResolver {
  @FieldResolver(() => Person)
  person(@Root() registration: Registration, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(registration.personId);
  }

  @FieldResolver(() => Group)
  group(@Root() registration: Registration, @Ctx() ctx: Context) {
    return ctx.loaders.group.load(registration.groupId);
  }
}
