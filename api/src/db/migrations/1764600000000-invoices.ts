import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices and credit notes (R-FIN-1). The counter row of a series and year is taken FOR UPDATE when
 * a draft is issued, so numbers come without gaps; the unique index backs it against duplicates.
 */
export class Invoices1764600000000 implements MigrationInterface {
  name = 'Invoices1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL DEFAULT 'INVOICE' CHECK (type IN ('INVOICE', 'CREDIT_NOTE')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ISSUED', 'SENT', 'PAID', 'CANCELLED')),
        series text NOT NULL,
        year int,
        sequence int,
        number text UNIQUE,
        group_id uuid NOT NULL REFERENCES course_group(id),
        payer_kind text NOT NULL,
        payer_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        institution_id uuid REFERENCES institution(id) ON DELETE SET NULL,
        billing_account_id uuid REFERENCES billing_account(id) ON DELETE SET NULL,
        payer_key text NOT NULL,
        buyer jsonb NOT NULL,
        seller jsonb NOT NULL,
        language text NOT NULL DEFAULT 'lv',
        currency text NOT NULL DEFAULT 'EUR',
        net_cents int NOT NULL,
        vat_cents int NOT NULL,
        total_cents int NOT NULL,
        issue_date date,
        due_date date,
        buyer_reference text NOT NULL,
        credited_invoice_id uuid REFERENCES invoice(id),
        cancellation_reason text,
        issued_at timestamptz,
        sent_at timestamptz,
        paid_at timestamptz,
        cancelled_at timestamptz,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'DRAFT') = (number IS NULL) OR status = 'CANCELLED'),
        CHECK (type = 'INVOICE' OR credited_invoice_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX invoice_series_number_key ON invoice (series, year, sequence)`);
    await q.query(`CREATE INDEX invoice_group_idx ON invoice (group_id)`);
    await q.query(`CREATE INDEX invoice_institution_idx ON invoice (institution_id)`);
    await q.query(`CREATE INDEX invoice_payer_person_idx ON invoice (payer_person_id)`);
    await q.query(`
      CREATE TABLE invoice_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id) ON DELETE CASCADE,
        position int NOT NULL,
        registration_id uuid REFERENCES registration(id) ON DELETE SET NULL,
        description text NOT NULL,
        quantity int NOT NULL DEFAULT 1,
        unit_price_cents int NOT NULL,
        net_cents int NOT NULL,
        vat_rate_percent int NOT NULL,
        vat_category text NOT NULL CHECK (vat_category IN ('S', 'E')),
        vat_cents int NOT NULL,
        exemption_code text,
        exemption_text text,
        UNIQUE (invoice_id, position)
      )`);
    await q.query(`CREATE INDEX invoice_line_registration_idx ON invoice_line (registration_id)`);
    await q.query(`
      CREATE TABLE invoice_counter (
        series text NOT NULL,
        year int NOT NULL,
        last_number int NOT NULL DEFAULT 0,
        PRIMARY KEY (series, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invoice_counter`);
    await q.query(`DROP TABLE invoice_line`);
    await q.query(`DROP TABLE invoice`);
  }
}
