import { PostalAddressInput } from '../../common/postal-address.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortOrder } from '../../common/pagination.js';
import { BillingAccount, Employment, Institution } from './institution.entity.js';
import { EAS_SCHEMES } from './einvoice-address.js';

@InputType()
export class InstitutionFilter {
  @Field({ nullable: true })
  q?: string;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class InstitutionPage {
  @Field(() => [Institution])
  items: Institution[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'An institution and its requisites. On update, omitted fields stay as they are; null clears an optional one.' })
export class InstitutionInput {
  @Field(() => String, { nullable: true, description: 'A short code, 2-40 letters, digits, ".", "-" or "_". Required on create.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Required on create.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: '11 digits. Required on create.' })
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'LV and 11 digits.' })
  vatNumber?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  legalAddress?: PostalAddressInput | null;

  @Field(() => String, { nullable: true })
  invoiceEmail?: string | null;

  @Field(() => String, { nullable: true, description: `E-invoice address scheme, one of ${EAS_SCHEMES.join(', ')}; "" clears it (with the endpoint).` })
  einvoiceScheme?: string | null;

  @Field(() => String, { nullable: true, description: 'E-invoice address within the scheme, 1 to 100 characters without spaces; required with a scheme.' })
  einvoiceEndpoint?: string | null;

  @Field(() => String, { nullable: true, description: 'Buyer reference for its invoices, at most 100 characters.' })
  buyerReference?: string | null;
}

@InputType({ description: 'A billing account. On update, omitted fields stay as they are.' })
export class BillingAccountInput {
  @Field(() => String, { nullable: true, description: 'Required on create.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An IBAN; spaces are ignored. Required on create.' })
  number?: string | null;

  @Field(() => String, { nullable: true, description: "Null: invoices go to the institution's invoice e-mail." })
  invoiceEmail?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Buyer reference for invoices charged to this account, at most 100 characters; null: the institution's.",
  })
  buyerReference?: string | null;
}

@InputType()
export class BillingAccountFilter {
  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field({ nullable: true, description: 'Archived accounts too (default: only active ones).' })
  includeArchived?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these accounts (at most 100).' })
  ids?: string[];
}

@ObjectType()
export class BillingAccountPage {
  @Field(() => [BillingAccount])
  items: BillingAccount[];

  @Field(() => Int)
  total: number;
}

@InputType({ description: 'A person to record as an employee: found by personal code, or created when nobody has it yet.' })
export class EmployeeInput {
  @Field({ description: 'Either format, with or without the hyphen.' })
  personalCode: string;

  @Field()
  givenName: string;

  @Field()
  familyName: string;

  @Field(() => String, { nullable: true })
  position?: string | null;

  @Field(() => String, { nullable: true })
  workEmail?: string | null;
}

@InputType({ description: 'Every criterion narrows the list; omitted ones do not.' })
export class EmploymentFilter {
  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field({ nullable: true, description: 'Words in the name, position or work e-mail (diacritics optional), or a whole personal code.' })
  q?: string;

  @Field({ nullable: true, description: 'true: current employments only; false: ended ones only; omitted: both.' })
  current?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Only these employments (at most 100).' })
  ids?: string[];
}

export enum EmploymentSortField {
  NAME = 'NAME',
  STARTED_AT = 'STARTED_AT',
  ENDED_AT = 'ENDED_AT',
}
registerEnumType(EmploymentSortField, { name: 'EmploymentSortField' });

@InputType()
export class EmploymentSort {
  @Field(() => EmploymentSortField, { defaultValue: EmploymentSortField.NAME })
  field: EmploymentSortField = EmploymentSortField.NAME;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

@ObjectType()
export class EmploymentPage {
  @Field(() => [Employment])
  items: Employment[];

  @Field(() => Int)
  total: number;
}

export enum ImportRowStatus {
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}
registerEnumType(ImportRowStatus, { name: 'ImportRowStatus', description: 'What an import does (or, in a dry run, would do) with one row.' });

export enum ImportRefusal {
  PERSONAL_CODE_MISSING = 'PERSONAL_CODE_MISSING',
  PERSONAL_CODE_FORMAT = 'PERSONAL_CODE_FORMAT',
  PERSONAL_CODE_DATE = 'PERSONAL_CODE_DATE',
  PERSONAL_CODE_CHECK_DIGIT = 'PERSONAL_CODE_CHECK_DIGIT',
  NAME_MISSING = 'NAME_MISSING',
  TOO_LONG = 'TOO_LONG',
  INVALID_EMAIL = 'INVALID_EMAIL',
  DUPLICATE_ROW = 'DUPLICATE_ROW',
  NAME_MISMATCH = 'NAME_MISMATCH',
  WRONG_COLUMN_COUNT = 'WRONG_COLUMN_COUNT',
}
registerEnumType(ImportRefusal, { name: 'ImportRefusal', description: 'Why a roster row was refused; see docs/errors.md.' });

@ObjectType({ description: 'One row of a roster import.' })
export class EmployeeImportRow {
  @Field(() => Int, { description: 'The line of the file (the header is line 1).' })
  line: number;

  @Field(() => ImportRowStatus)
  status: ImportRowStatus;

  @Field(() => String, { nullable: true, description: 'Given and family name as the file has them.' })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Masked like ******-***NN; null when the code is missing or unreadable.' })
  personalCodeMasked: string | null;

  @Field(() => [ImportRefusal], { description: 'Empty unless the row is refused.' })
  reasons: ImportRefusal[];

  @Field(() => Int, { nullable: true, description: 'For DUPLICATE_ROW: the earlier line with the same personal code.' })
  duplicateOfLine: number | null;

  @Field(() => [String], { description: 'For UPDATED: what changed (givenName, familyName, position, workEmail).' })
  changedFields: string[];
}

@ObjectType({ description: 'What a roster import did, or in a dry run would do, row by row.' })
export class EmployeeImportReport {
  @Field({ description: 'true: nothing was written.' })
  dryRun: boolean;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  refused: number;

  @Field(() => [EmployeeImportRow], { description: 'In file order.' })
  rows: EmployeeImportRow[];
}
