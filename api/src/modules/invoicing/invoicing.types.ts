import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Invoice, InvoiceStatus } from './invoice.entity.js';
import { InvoiceFileFormat } from './invoicing.service.js';

registerEnumType(InvoiceFileFormat, { name: 'InvoiceFileFormat', description: 'PDF, or the e-invoice (Peppol BIS Billing 3.0, UBL 2.1 XML).' });

@InputType()
export class InvoiceFilter {
  @Field(() => InvoiceStatus, { nullable: true })
  status?: InvoiceStatus | null;

  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the payer's name." })
  payer?: string | null;
}

@ObjectType()
export class InvoicePage {
  @Field(() => [Invoice])
  items: Invoice[];

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'A file of an invoice, base64-encoded, for the browser to save.' })
export class InvoiceFileContent {
  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field()
  base64: string;
}
