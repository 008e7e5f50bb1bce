import { PostalAddressType, type PostalAddress } from '../../common/postal-address.js';
import { Field, ObjectType } from 'type-graphql';

/** Who receives an invoice: an institution's or an employer's requisites ("rekvizīti"). */
@ObjectType({ description: 'The requisites an invoice is made out to.' })
export class PayerDetails {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Registration number in the Register of Enterprises or of taxpayers.' })
  registrationNumber: string | null;

  @Field(() => String, { nullable: true })
  vatNumber: string | null;

  @Field(() => PostalAddressType, { nullable: true })
  address: PostalAddress | null;

  @Field(() => String, { nullable: true, description: 'Where invoices are sent.' })
  invoiceEmail: string | null;
}
