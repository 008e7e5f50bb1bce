import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from '../../common/roles.js';
import { PayerKind } from '../registration/registration.entity.js';

export enum InvoiceType {
  INVOICE = 'INVOICE',
  /** Cancels an issued invoice; never edited, like the invoice it refers to. */
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(InvoiceType, { name: 'InvoiceType', description: 'An invoice, or a credit note that cancels an issued one.' });

export enum InvoiceStatus {
  /** Prepared, without a number; may be issued or dropped (CANCELLED). */
  DRAFT = 'DRAFT',
  /** Numbered and final: from here on only a credit note changes what is owed. */
  ISSUED = 'ISSUED',
  /** Issued and e-mailed to the payer. */
  SENT = 'SENT',
  PAID = 'PAID',
  /** A dropped draft, or an issued invoice that a credit note cancelled. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'DRAFT, then ISSUED (numbered), SENT, PAID; CANCELLED by a credit note or as a dropped draft.',
});

export enum VatCategory {
  /** Standard rate (UNCL5305 S). */
  STANDARD = 'S',
  /** Exempt from VAT (UNCL5305 E), with a reason. */
  EXEMPT = 'E',
}

/** A party of an invoice as it was when the invoice was made: the document never changes afterwards. */
export interface InvoiceParty {
  name: string;
  registrationNumber: string | null;
  vatNumber: string | null;
  street: string | null;
  city: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  email: string | null;
  /** Peppol electronic address (BT-34 / BT-49) and its EAS scheme. */
  endpointId: string;
  endpointScheme: string;
  iban?: string | null;
  bic?: string | null;
  bankName?: string | null;
}

/**
 * An invoice (or credit note) to one payer for a group's paid registrations (R-FIN-1). Money is in
 * euro cents. The number is given only when a draft is issued, from the counter of its series and
 * year, so numbers have no gaps; an issued document is never edited.
 */
@ObjectType({ description: 'An invoice or credit note to one payer for registrations in one group.' })
@Entity('invoice')
@Index('invoice_series_number_key', ['series', 'year', 'sequence'], { unique: true })
export class Invoice {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => InvoiceType)
  @Column({ type: 'text', default: InvoiceType.INVOICE })
  type: InvoiceType;

  @Field(() => InvoiceStatus)
  @Column({ type: 'text', default: InvoiceStatus.DRAFT })
  status: InvoiceStatus;

  @Field({ description: 'The numbering series, e.g. VAS (invoices) or VASK (credit notes).' })
  @Column()
  series: string;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'int', nullable: true })
  sequence: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. VAS-2026-17; null while a draft.' })
  @Column({ type: 'text', nullable: true, unique: true })
  number: string | null;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Field(() => PayerKind)
  @Column({ name: 'payer_kind', type: 'text' })
  payerKind: PayerKind;

  /** PRIVATE: the person who pays (and may download it in the portal). */
  @Column({ name: 'payer_person_id', type: 'uuid', nullable: true })
  payerPersonId: string | null;

  /** INSTITUTION: whose coordinators see it. */
  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  @Column({ name: 'billing_account_id', type: 'uuid', nullable: true })
  billingAccountId: string | null;

  /** Which payer this is, to gather a group's registrations into one invoice per payer. */
  @Column({ name: 'payer_key' })
  payerKey: string;

  @Column({ type: 'jsonb' })
  buyer: InvoiceParty;

  /** The school's requisites, frozen when the draft was made. */
  @Column({ type: 'jsonb' })
  seller: InvoiceParty;

  @Field(() => Language, { description: "The payer's language: the PDF and the e-mail are in it." })
  @Column({ type: 'text', default: Language.LV })
  language: Language;

  @Field()
  @Column({ type: 'text', default: 'EUR' })
  currency: string;

  @Field(() => Int)
  @Column({ name: 'net_cents', type: 'int' })
  netCents: number;

  @Field(() => Int)
  @Column({ name: 'vat_cents', type: 'int' })
  vatCents: number;

  @Field(() => Int)
  @Column({ name: 'total_cents', type: 'int' })
  totalCents: number;

  @Field(() => String, { nullable: true, description: 'The issue date (YYYY-MM-DD in Riga); null while a draft.' })
  @Column({ name: 'issue_date', type: 'date', nullable: true })
  issueDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Field(() => String, { description: "Buyer reference (BT-10): the institution's, or the group code." })
  @Column({ name: 'buyer_reference' })
  buyerReference: string;

  /** CREDIT_NOTE: the invoice it cancels. */
  @Column({ name: 'credited_invoice_id', type: 'uuid', nullable: true })
  creditedInvoiceId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One line: one registration (a participant in the group), VAT computed and rounded on the line. */
@ObjectType({ description: 'A line of an invoice: one participant of the group.' })
@Entity('invoice_line')
export class InvoiceLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @Field()
  @Column()
  description: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  quantity: number;

  @Field(() => Int)
  @Column({ name: 'unit_price_cents', type: 'int' })
  unitPriceCents: number;

  @Field(() => Int)
  @Column({ name: 'net_cents', type: 'int' })
  netCents: number;

  @Field(() => Int)
  @Column({ name: 'vat_rate_percent', type: 'int' })
  vatRatePercent: number;

  @Column({ name: 'vat_category', type: 'text' })
  vatCategory: VatCategory;

  @Field(() => Int)
  @Column({ name: 'vat_cents', type: 'int' })
  vatCents: number;

  @Column({ name: 'exemption_code', type: 'text', nullable: true })
  exemptionCode: string | null;

  @Field(() => String, { nullable: true, description: 'Why no VAT is charged, as printed.' })
  @Column({ name: 'exemption_text', type: 'text', nullable: true })
  exemptionText: string | null;
}

/** The last number given in a series and year; issuing takes this row FOR UPDATE, so numbers have no gaps. */
@Entity('invoice_counter')
export class InvoiceCounter {
  @PrimaryColumn()
  series: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_number', type: 'int', default: 0 })
  lastNumber: number;
}
