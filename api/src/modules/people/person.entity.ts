import type { PostalAddress } from '../../common/postal-address.js';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Language, UserRole } from '../../common/roles.js';

// Lower in the layers (common/): the request context needs them, and common/ imports no module.
export { Language, UserRole } from '../../common/roles.js';

@ObjectType({ description: 'A person known to the system: a participant, and possibly a coordinator, lecturer or staff member.' })
@Entity('person')
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'given_name' })
  givenName: string;

  @Field()
  @Column({ name: 'family_name' })
  familyName: string;

  /** Read rules live on the GraphQL field (owner and staff only). Notifications need it (R-ID-2). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Needed on invoices when the person pays for themselves (R-ID-3). */
  @Column({ name: 'declared_address', type: 'jsonb', nullable: true })
  declaredAddress: PostalAddress | null;

  /** The employer's billing details a person gives when no coordinator manages them (R-ID-4). */
  @Column({ name: 'employer_name', type: 'text', nullable: true })
  employerName: string | null;

  @Column({ name: 'employer_registration_number', type: 'text', nullable: true })
  employerRegistrationNumber: string | null;

  @Column({ name: 'employer_vat_number', type: 'text', nullable: true })
  employerVatNumber: string | null;

  @Column({ name: 'employer_address', type: 'jsonb', nullable: true })
  employerAddress: PostalAddress | null;

  @Column({ name: 'employer_invoice_email', type: 'text', nullable: true })
  employerInvoiceEmail: string | null;

  @Field(() => Language)
  @Column({ name: 'preferred_language', type: 'text', default: Language.LV })
  preferredLanguage: Language;

  /** One line shown on the development sign-in page; null for real people. */
  @Column({ name: 'demo_note', type: 'text', nullable: true })
  demoNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When the person was erased on request (R-NF-3): the name is a placeholder, the contacts are gone.' })
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** Null until the person first signs in: until then a coordinator may still correct the name. */
  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A personal code a person has had: the current one (replacedAt null) and earlier ones, so that a
 * person whose code changed stays the same person. Only the blind index and the ciphertext are stored.
 */
@Entity('person_code')
export class PersonCode {
  @PrimaryColumn({ name: 'code_index', type: 'text' })
  codeIndex: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'code_encrypted', type: 'text' })
  codeEncrypted: string;

  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Roles that are granted rather than derived. */
@Entity('person_role')
export class PersonRole {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'text' })
  role: UserRole.STAFF | UserRole.ADMIN;
}
