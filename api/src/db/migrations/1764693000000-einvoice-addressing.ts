import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an institution receives e-invoices (R-FIN-1): its electronic address (an EAS scheme and an
 * identifier, Peppol BT-49) and the buyer reference its accounts department asks for (BT-10), also
 * per billing account (one budget programme, one reference). Unset, invoices keep today's defaults:
 * the registration number under 0218 and the group's code.
 */
export class EinvoiceAddressing1764693000000 implements MigrationInterface {
  name = 'EinvoiceAddressing1764693000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE institution
        ADD COLUMN einvoice_scheme text,
        ADD COLUMN einvoice_endpoint text,
        ADD COLUMN buyer_reference text,
        ADD CONSTRAINT institution_einvoice_address_check CHECK ((einvoice_scheme IS NULL) = (einvoice_endpoint IS NULL))`);
    await q.query(`ALTER TABLE billing_account ADD COLUMN buyer_reference text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billing_account DROP COLUMN buyer_reference`);
    await q.query(
      `ALTER TABLE institution DROP CONSTRAINT institution_einvoice_address_check, DROP COLUMN einvoice_scheme, DROP COLUMN einvoice_endpoint, DROP COLUMN buyer_reference`,
    );
  }
}
