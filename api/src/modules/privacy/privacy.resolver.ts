import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { PersonalDataService } from './personal-data.service.js';

@ObjectType({ description: 'What erasing a person did (R-NF-3).' })
export class ErasureReport {
  @Field(() => ID)
  personId: string;

  @Field()
  erasedAt: Date;

  @Field(() => Int, { description: 'Issued invoices kept as they are, with the payer’s name: accounting law requires them.' })
  invoicesKept: number;

  @Field(() => Int, { description: 'E-mails to the person, removed.' })
  emailsRemoved: number;

  @Field(() => Int, { description: 'E-mails to others that named the person, with the name replaced.' })
  emailsRedacted: number;

  @Field(() => Int, { description: 'Audit rows about the person whose values were blanked; the rows stay.' })
  auditRowsRedacted: number;
}

@Resolver()
export class PrivacyResolver {
  constructor(private readonly personalData: PersonalDataService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => ErasureReport, {
    description:
      'Staff erase a person on request, with the reason: name replaced, contacts, personal code, roles, sign-ins, e-mails and questions removed; issued invoices, registrations and anonymous statistics kept. ' +
      'VALIDATION `id` ACTIVE_REGISTRATIONS while they have registrations in running groups, SELF for oneself; ALREADY_EXISTS when already erased.',
  })
  erasePerson(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.personalData.erase(ctx, id, reason);
  }
}
