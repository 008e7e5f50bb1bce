import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Person } from '../people/person.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Participation, participationOf } from './participation.js';
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

  @FieldResolver(() => Person, { nullable: true, description: 'Who made the registration (the person, their coordinator or staff); null when unknown.' })
  registeredBy(@Root() registration: Registration, @Ctx() ctx: Context) {
    return registration.registeredById ? ctx.loaders.person.load(registration.registeredById) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'CANCELLED: who cancelled it; null otherwise or when unknown.' })
  cancelledBy(@Root() registration: Registration, @Ctx() ctx: Context) {
    return registration.cancelledById ? ctx.loaders.person.load(registration.cancelledById) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who the invoice goes to, as it was when the registration was made: the person or the institution. Null for a free course.',
  })
  payerName(@Root() registration: Registration) {
    return registration.payerSnapshot?.name ?? null;
  }

  @FieldResolver(() => Participation, {
    description: "Where the person stands with the course: `status` with the group's outcome (a confirmed seat in a held group is COMPLETED).",
  })
  async participation(@Root() registration: Registration, @Ctx() ctx: Context) {
    const [group, sessions] = await Promise.all([ctx.loaders.group.load(registration.groupId), ctx.loaders.sessions.load(registration.groupId)]);
    const endsAt = sessions.reduce<Date | null>((latest, s) => (!latest || s.endsAt > latest ? s.endsAt : latest), null);
    return participationOf(registration, group, endsAt, new Date());
  }
}
