import { PostalAddressInput } from '../../common/postal-address.js';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity.js';
import { Language, Person, UserRole } from './person.entity.js';

export enum ProfileFieldName {
  EMAIL = 'email',
}
registerEnumType(ProfileFieldName, { name: 'ProfileField', description: 'A profile field the person still has to fill.' });

@ObjectType({ description: 'The signed-in person and what they may do.' })
export class Me {
  @Field(() => Person)
  person: Person;

  @Field(() => [UserRole])
  roles: UserRole[];

  @Field(() => [Institution], { description: 'Institutions this person coordinates.' })
  coordinatedInstitutions: Institution[];

  @Field(() => [ProfileFieldName], { description: 'Empty once the profile is complete; until then the portal keeps asking (R-ID-2).' })
  missingProfileFields: ProfileFieldName[];
}

@InputType({ description: "An employer's requisites for invoices. All empty clears them." })
export class PayerDetailsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true })
  vatNumber?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true })
  invoiceEmail?: string | null;
}

@InputType({ description: 'What a person may change in their own profile. Omitted fields stay as they are.' })
export class ProfileInput {
  @Field(() => String, { nullable: true, description: 'Cannot be cleared: notifications need it.' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => PostalAddressInput, { nullable: true, description: 'Needed to pay for oneself (R-ID-3); null clears it.' })
  declaredAddress?: PostalAddressInput | null;

  @Field(() => Language, { nullable: true })
  preferredLanguage?: Language | null;

  @Field(() => PayerDetailsInput, { nullable: true, description: 'An employer that no coordinator manages (R-ID-4).' })
  employer?: PayerDetailsInput | null;
}
