import { PostalAddressType } from '../../common/postal-address.js';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isStaff, type Viewer } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { Institution } from '../institutions/institution.entity.js';
import { PayerDetails } from '../institutions/payer-details.js';
import { PeopleService } from './people.service.js';
import { Person } from './person.entity.js';
import { formatPersonalCode, maskPersonalCode } from './personal-code.js';
import { Me, ProfileFieldName, ProfileInput } from './people.types.js';

const ownerOrStaff = (viewer: Viewer | null, person: Person) => viewer?.personId === person.id || isStaff(viewer);

@Resolver()
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Query(() => Me, { nullable: true, description: 'Null when nobody is signed in (and for API tokens).' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    if (ctx.viewer?.kind !== 'person') return null;
    const [person, institutions] = await Promise.all([
      this.people.getPerson(ctx, ctx.viewer.personId),
      ctx.loaders.institution.loadMany(ctx.viewer.coordinatorInstitutionIds),
    ]);
    return {
      person,
      roles: ctx.viewer.roles,
      coordinatedInstitutions: institutions.filter((i): i is Institution => i instanceof Institution),
      missingProfileFields: this.people.missingProfileFields(person) as ProfileFieldName[],
    };
  }

  @Authorized()
  @Mutation(() => Me, { description: "The signed-in person's own contact details, language and employer billing details." })
  async updateMyProfile(@Ctx() ctx: Context, @Arg('input', () => ProfileInput) input: ProfileInput): Promise<Me> {
    await this.people.updateProfile(ctx, ctx.viewer!.personId!, input);
    return (await this.me(ctx))!;
  }
}

@Resolver(() => Person)
export class PersonEntityResolver {
  @FieldResolver(() => String)
  fullName(@Root() person: Person) {
    return `${person.givenName} ${person.familyName}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only the person and staff see it; null for others.' })
  email(@Root() person: Person, @Ctx() ctx: Context) {
    return ownerOrStaff(ctx.viewer, person) ? person.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only the person and staff see it.' })
  phone(@Root() person: Person, @Ctx() ctx: Context) {
    return ownerOrStaff(ctx.viewer, person) ? person.phone : null;
  }

  @FieldResolver(() => PostalAddressType, { nullable: true, description: 'Only the person and staff see it.' })
  declaredAddress(@Root() person: Person, @Ctx() ctx: Context) {
    return ownerOrStaff(ctx.viewer, person) ? person.declaredAddress : null;
  }

  @FieldResolver(() => PayerDetails, { nullable: true, description: 'Employer billing details; only the person and staff see them.' })
  employer(@Root() person: Person, @Ctx() ctx: Context) {
    if (!ownerOrStaff(ctx.viewer, person) || !person.employerName) return null;
    return {
      name: person.employerName,
      registrationNumber: person.employerRegistrationNumber,
      vatNumber: person.employerVatNumber,
      address: person.employerAddress,
      invoiceEmail: person.employerInvoiceEmail,
    } satisfies PayerDetails;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'NNNNNN-NNNNN for the person and staff; masked (******-***NN) for coordinators; null for everyone else.',
  })
  async personalCode(@Root() person: Person, @Ctx() ctx: Context) {
    const full = ownerOrStaff(ctx.viewer, person);
    if (!full && !ctx.viewer?.coordinatorInstitutionIds.length) return null;
    const code = await ctx.loaders.personalCode.load(person.id);
    if (!code) return null;
    if (!full) return maskPersonalCode(code);
    // Someone other than its owner sees a full personal code: the audit log keeps who, when and from where (R-NF-3).
    if (ctx.viewer?.personId !== person.id) await ctx.loaders.personalCodeRead.load(person.id);
    return formatPersonalCode(code);
  }
}
