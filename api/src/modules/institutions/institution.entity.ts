import { PostalAddressType, type PostalAddress } from '../../common/postal-address.js';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType({ description: 'A public body or company whose employees take part in training.' })
@Entity('institution')
export class Institution {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ unique: true })
  code: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ name: 'registration_number', unique: true })
  registrationNumber: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'vat_number', type: 'text', nullable: true })
  vatNumber: string | null;

  @Field(() => PostalAddressType, { nullable: true })
  @Column({ name: 'legal_address', type: 'jsonb', nullable: true })
  legalAddress: PostalAddress | null;

  @Field(() => String, { nullable: true, description: 'Where invoices for this institution are sent.' })
  @Column({ name: 'invoice_email', type: 'text', nullable: true })
  invoiceEmail: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E-invoices: the scheme of its electronic address (EAS code, e.g. 0218 or 9939); null: its registration number under 0218.',
  })
  @Column({ name: 'einvoice_scheme', type: 'text', nullable: true })
  einvoiceScheme: string | null;

  @Field(() => String, { nullable: true, description: 'E-invoices: its electronic address within that scheme (Peppol BT-49).' })
  @Column({ name: 'einvoice_endpoint', type: 'text', nullable: true })
  einvoiceEndpoint: string | null;

  @Field(() => String, { nullable: true, description: 'The buyer reference its invoices carry (BT-10); null: the group code.' })
  @Column({ name: 'buyer_reference', type: 'text', nullable: true })
  buyerReference: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The manual's "organization account": an account of the institution that its employees choose when
 * they register through their workplace, so that the invoice reaches the right budget.
 */
@ObjectType({ description: "An institution's account that its employees may charge their training to." })
@Entity('billing_account')
export class BillingAccount {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field({ description: 'A name people recognise, e.g. "Personāla daļa".' })
  @Column()
  name: string;

  @Field({ description: 'The account number (IBAN) shown on the invoice.' })
  @Column()
  number: string;

  @Field(() => String, { nullable: true, description: "Overrides the institution's invoice e-mail for this account." })
  @Column({ name: 'invoice_email', type: 'text', nullable: true })
  invoiceEmail: string | null;

  @Field(() => String, { nullable: true, description: "The buyer reference (BT-10) of invoices charged to this account; null: the institution's." })
  @Column({ name: 'buyer_reference', type: 'text', nullable: true })
  buyerReference: string | null;

  @Field(() => Date, { nullable: true, description: 'Archived accounts are kept for old invoices but cannot be chosen.' })
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('institution_coordinator')
export class InstitutionCoordinator {
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @CreateDateColumn({ name: 'appointed_at', type: 'timestamptz' })
  appointedAt: Date;

  @Column({ name: 'appointed_by', type: 'uuid', nullable: true })
  appointedBy: string | null;
}

export enum EmploymentSource {
  /** Added by the institution's coordinator, one at a time. */
  COORDINATOR = 'COORDINATOR',
  /** From a coordinator's CSV roster import. */
  IMPORT = 'IMPORT',
  /** Added by the school's staff. */
  STAFF = 'STAFF',
  /** Declared by the person in their own profile. */
  SELF = 'SELF',
}
registerEnumType(EmploymentSource, { name: 'EmploymentSource', description: 'Who recorded an employment.' });

/** A person's work at an institution; ended employments are kept, so history survives a move (R-ID-5). */
@ObjectType({ description: "A person's work at an institution. Ended employments stay in the history." })
@Entity('employment')
export class Employment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true, description: "The work e-mail a coordinator recorded; the person's own e-mail comes first." })
  @Column({ name: 'work_email', type: 'text', nullable: true })
  workEmail: string | null;

  @Field(() => EmploymentSource)
  @Column({ type: 'text', default: EmploymentSource.COORDINATOR })
  source: EmploymentSource;

  @Field()
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;

  @Column({ name: 'ended_by', type: 'uuid', nullable: true })
  endedBy: string | null;
}
