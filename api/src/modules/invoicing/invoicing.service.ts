import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { coordinates, isStaff, type RequestContext } from '../../common/request-context.js';
import { Language } from '../../common/roles.js';
import type { InvoicingConfig } from '../../config.js';
import { inTransaction } from '../../db/transaction.js';
import { zonedDatePlusDays } from '../../time.js';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { PayerKind, RegistrationStatus } from '../registration/registration.entity.js';
import { decimal, lineAmounts, totals } from './invoice-amounts.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { invoiceTexts } from './invoice-texts.js';
import { Invoice, InvoiceLine, InvoiceStatus, InvoiceType, type InvoiceParty } from './invoice.entity.js';
import { addressParts, type PostalAddress } from '../../common/postal-address.js';
import { buildUbl, type UblSource } from './ubl.js';
import { checkUbl, UBL_RULES } from './ubl-rules.js';

export enum InvoiceFileFormat {
  PDF = 'PDF',
  /** The Peppol BIS Billing 3.0 e-invoice (UBL 2.1 XML). */
  UBL = 'UBL',
}

export interface InvoiceFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface InvoiceListFilter {
  status?: InvoiceStatus | null;
  groupId?: string | null;
  /** Part of the payer's name. */
  payer?: string | null;
}

/** EAS codes (Peppol electronic address schemes): 0218 Latvian unified registration number, EM e-mail. */
const LATVIAN_REGISTRATION_SCHEME = '0218';
const EMAIL_SCHEME = 'EM';

/** A statement that holds the lock until the transaction ends: at most one numbering at a time per series and year. */
const COUNTER_SQL = `SELECT last_number FROM invoice_counter WHERE series = $1 AND year = $2 FOR UPDATE`;

interface PayableRegistration {
  id: string;
  person_id: string;
  payer_kind: PayerKind;
  billing_account_id: string | null;
  payer_snapshot: {
    name: string;
    registrationNumber: string | null;
    vatNumber: string | null;
    address: PostalAddress | string | null;
    email: string | null;
  } | null;
  price_cents: number;
  given_name: string;
  family_name: string;
  preferred_language: Language;
  institution_id: string | null;
}

/**
 * Invoices and credit notes (R-FIN-1): drafts per payer for a group's paid registrations, numbering
 * without gaps when a draft is issued, credit notes instead of edits, and the PDF and e-invoice.
 */
export class InvoicingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: InvoicingConfig,
    private readonly notifications: NotificationsService,
    private readonly options: { publicUrl: string },
  ) {}

  /**
   * One DRAFT per payer for the group's CONFIRMED paid registrations that no live invoice covers yet.
   * The group's row lock keeps two staff members from making the same drafts at once.
   */
  async createDrafts(ctx: RequestContext, groupId: string): Promise<Invoice[]> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    if (!isUuid(groupId)) throw new NotFoundError('Group', groupId);
    return inTransaction(this.dataSource, (em) => this.draftsOfGroup(em, groupId, actorOf(ctx)));
  }

  /**
   * When a group becomes CONFIRMED and MPS_INVOICE_AUTO_ISSUE is on: drafts for it, issued at once, in
   * the confirming transaction. A draft whose e-invoice would break a rule stays a draft for staff
   * (the counter is only written once the document passes), and the group is confirmed all the same.
   */
  async issueForConfirmedGroup(em: EntityManager, groupId: string): Promise<Invoice[]> {
    if (!this.config.autoIssueOnConfirmation) return [];
    const issued: Invoice[] = [];
    for (const draft of await this.draftsOfGroup(em, groupId, null)) {
      try {
        issued.push(await this.number(em, draft));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
      }
    }
    return issued;
  }

  async issue(ctx: RequestContext, id: string): Promise<Invoice> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return inTransaction(this.dataSource, async (em) => {
      const invoice = await this.locked(em, id);
      if (invoice.status !== InvoiceStatus.DRAFT) throw statusError('Only a draft can be issued');
      return this.number(em, invoice);
    }).finally(() => this.notifications.queued());
  }

  async markPaid(ctx: RequestContext, id: string): Promise<Invoice> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return inTransaction(this.dataSource, async (em) => {
      const invoice = await this.locked(em, id);
      if (invoice.type !== InvoiceType.INVOICE || (invoice.status !== InvoiceStatus.ISSUED && invoice.status !== InvoiceStatus.SENT)) {
        throw statusError('Only an issued invoice can be marked paid');
      }
      Object.assign(invoice, { status: InvoiceStatus.PAID, paidAt: new Date() });
      return em.save(invoice);
    });
  }

  /**
   * A draft is dropped. An issued invoice is never edited: a credit note of the same lines, numbered
   * in the credit note series, cancels it. Answers the dropped draft or the credit note.
   */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<Invoice> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const why = reason.trim();
    new Problems().check(why.length >= 3 && why.length <= 500, 'reason', 'LENGTH', 'Give the reason, 3 to 500 characters').throwIfAny();
    return inTransaction(this.dataSource, async (em) => {
      const invoice = await this.locked(em, id);
      if (invoice.type !== InvoiceType.INVOICE || invoice.status === InvoiceStatus.CANCELLED) throw statusError('This invoice cannot be cancelled');
      const now = new Date();
      if (invoice.status === InvoiceStatus.DRAFT) {
        Object.assign(invoice, { status: InvoiceStatus.CANCELLED, cancelledAt: now, cancellationReason: why });
        return em.save(invoice);
      }
      const lines = await em.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
      const { id: _id, number: _n, year: _y, sequence: _s, createdAt: _c, ...copy } = invoice;
      const credit = await em.save(
        em.create(Invoice, {
          ...copy,
          type: InvoiceType.CREDIT_NOTE,
          status: InvoiceStatus.DRAFT,
          series: `${this.config.seriesPrefix}K`,
          number: null,
          year: null,
          sequence: null,
          creditedInvoiceId: invoice.id,
          cancellationReason: why,
          issueDate: null,
          dueDate: null,
          issuedAt: null,
          sentAt: null,
          paidAt: null,
          cancelledAt: null,
          createdBy: actorOf(ctx),
        }),
      );
      await em.save(lines.map(({ id: _lineId, invoiceId: _invoiceId, ...line }) => em.create(InvoiceLine, { ...line, invoiceId: credit.id })));
      Object.assign(invoice, { status: InvoiceStatus.CANCELLED, cancelledAt: now, cancellationReason: why });
      await em.save(invoice);
      return this.number(em, credit);
    }).finally(() => this.notifications.queued());
  }

  /** Staff see every invoice; a coordinator those of their institutions. Newest first. */
  async list(ctx: RequestContext, filter: InvoiceListFilter = {}, pageArgs: PageArgs): Promise<Page<Invoice>> {
    const problems = new Problems();
    const { offset, limit } = pageWindow(pageArgs, problems);
    if (filter.groupId) problems.check(isUuid(filter.groupId), 'groupId', 'INVALID_ID', 'Not a valid id');
    problems.throwIfAny();
    const query = this.dataSource.getRepository(Invoice).createQueryBuilder('i');
    if (!isStaff(ctx.viewer)) {
      const own = ctx.viewer?.coordinatorInstitutionIds ?? [];
      if (own.length === 0) return { items: [], total: 0 };
      query.andWhere('i.institution_id = ANY(:own)', { own }).andWhere('i.status <> :draft', { draft: InvoiceStatus.DRAFT });
    }
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.groupId) query.andWhere('i.group_id = :groupId', { groupId: filter.groupId });
    if (filter.payer?.trim()) query.andWhere(`i.buyer->>'name' ILIKE :payer`, { payer: `%${filter.payer.trim().replace(/[%_\\]/g, '\\$&')}%` });
    const [items, total] = await query.orderBy('i.created_at', 'DESC').addOrderBy('i.id').skip(offset).take(limit).getManyAndCount();
    return { items, total };
  }

  /** A private payer's own invoices and credit notes (not drafts), newest first. */
  async mine(ctx: RequestContext): Promise<Invoice[]> {
    const personId = ctx.viewer?.kind === 'person' ? ctx.viewer.personId : null;
    if (!personId) return [];
    return this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('i')
      .where('i.payer_person_id = :personId', { personId })
      .andWhere('i.status <> :draft', { draft: InvoiceStatus.DRAFT })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  async linesByInvoiceIds(ids: readonly string[]): Promise<Map<string, InvoiceLine[]>> {
    const lines = await this.dataSource
      .getRepository(InvoiceLine)
      .createQueryBuilder('l')
      .where('l.invoice_id = ANY(:ids)', { ids })
      .orderBy('l.position')
      .getMany();
    const byInvoice = new Map<string, InvoiceLine[]>(ids.map((id) => [id, []]));
    for (const line of lines) byInvoice.get(line.invoiceId)?.push(line);
    return byInvoice;
  }

  /** The PDF or the e-invoice, for staff, the institution's coordinators and the private payer (not drafts but to staff). */
  async file(ctx: RequestContext, id: string, format: InvoiceFileFormat): Promise<InvoiceFile> {
    if (!isUuid(id)) throw new NotFoundError('Invoice', id);
    const invoice = await this.dataSource.getRepository(Invoice).findOneBy({ id });
    if (!invoice || !this.maySee(ctx, invoice)) throw new NotFoundError('Invoice', id);
    if (format === InvoiceFileFormat.UBL && !invoice.number) throw statusError('A draft has no e-invoice yet');
    return this.render(this.dataSource.manager, invoice, format);
  }

  async render(em: EntityManager, invoice: Invoice, format: InvoiceFileFormat): Promise<InvoiceFile> {
    const source = await this.sourceOf(em, invoice);
    const base = invoice.number ?? `draft-${invoice.id.slice(0, 8)}`;
    if (format === InvoiceFileFormat.PDF) return { filename: `${base}.pdf`, contentType: 'application/pdf', content: await renderInvoicePdf(source) };
    return { filename: `${base}.xml`, contentType: 'application/xml', content: Buffer.from(buildUbl(source), 'utf8') };
  }

  private maySee(ctx: RequestContext, invoice: Invoice): boolean {
    if (isStaff(ctx.viewer)) return true;
    if (invoice.status === InvoiceStatus.DRAFT) return false;
    if (invoice.payerPersonId && invoice.payerPersonId === ctx.viewer?.personId) return true;
    return !!invoice.institutionId && coordinates(ctx.viewer, invoice.institutionId);
  }

  private async sourceOf(em: EntityManager, invoice: Invoice): Promise<UblSource> {
    const lines = await em.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
    const original = invoice.creditedInvoiceId ? await em.findOneBy(Invoice, { id: invoice.creditedInvoiceId }) : null;
    const credited = original?.number && original.issueDate ? { number: original.number, issueDate: original.issueDate } : null;
    return { invoice, lines, credited };
  }

  private async locked(em: EntityManager, id: string): Promise<Invoice> {
    if (!isUuid(id)) throw new NotFoundError('Invoice', id);
    const invoice = await em.getRepository(Invoice).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
    if (!invoice) throw new NotFoundError('Invoice', id);
    return invoice;
  }

  /**
   * Gives the draft the next number of its series and year, from the counter row taken FOR UPDATE in
   * this transaction: a failed issue rolls the counter back with it, so no number is lost. The
   * e-invoice is checked before the number sticks; a document that breaks a rule is not issued.
   */
  private async number(em: EntityManager, invoice: Invoice): Promise<Invoice> {
    const issueDate = zonedDatePlusDays(0);
    const year = Number(issueDate.slice(0, 4));
    await em.query(`INSERT INTO invoice_counter (series, year) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [invoice.series, year]);
    const [counter] = (await em.query(COUNTER_SQL, [invoice.series, year])) as { last_number: number }[];
    const sequence = counter.last_number + 1;
    const issued = Object.assign(em.create(Invoice, { ...invoice }), {
      status: InvoiceStatus.ISSUED,
      year,
      sequence,
      number: `${invoice.series}-${year}-${sequence}`,
      issueDate,
      dueDate: invoice.type === InvoiceType.INVOICE ? zonedDatePlusDays(this.config.paymentDays) : null,
      issuedAt: new Date(),
    });
    const broken = checkUbl(buildUbl(await this.sourceOf(em, issued)));
    if (broken.length > 0) {
      throw new ValidationError(broken.map((rule) => ({ field: 'eInvoice', code: rule, message: UBL_RULES.find((r) => r.id === rule)?.text ?? rule })));
    }
    await em.query(`UPDATE invoice_counter SET last_number = $3 WHERE series = $1 AND year = $2`, [invoice.series, year, sequence]);
    const saved = await em.save(issued);
    return (await this.send(em, saved)) ? em.save(Object.assign(saved, { status: InvoiceStatus.SENT, sentAt: new Date() })) : saved;
  }

  /**
   * E-mails the issued document to the payer through the outbox, in this transaction, with its PDF and
   * e-invoice attached. False when the payer has no e-mail address: the invoice stays ISSUED.
   */
  private async send(em: EntityManager, invoice: Invoice): Promise<boolean> {
    if (!invoice.buyer.email) return false;
    const [group] = (await em.query(
      `SELECT g.code, c.code AS course_code, c.title_lv, c.title_en FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1`,
      [invoice.groupId],
    )) as { code: string; course_code: string; title_lv: string; title_en: string }[];
    const { credited } = await this.sourceOf(em, invoice);
    const [pdf, xml] = [await this.render(em, invoice, InvoiceFileFormat.PDF), await this.render(em, invoice, InvoiceFileFormat.UBL)];
    const language = invoice.language === Language.EN ? Language.EN : Language.LV;
    await this.notifications.enqueue(em, [
      {
        kind: NotificationKind.INVOICE_ISSUED,
        idempotencyKey: `invoice-issued:${invoice.id}`,
        to: { personId: invoice.payerPersonId, email: invoice.buyer.email, name: invoice.buyer.name, language },
        groupId: invoice.groupId,
        data: {
          recipientName: invoice.buyer.name,
          portalUrl: `${this.options.publicUrl}/profils`,
          creditNote: invoice.type === InvoiceType.CREDIT_NOTE,
          number: invoice.number ?? '',
          total: decimal(invoice.totalCents),
          dueDate: invoice.dueDate,
          course: { code: group.course_code, title: language === Language.EN ? group.title_en : group.title_lv },
          group: { code: group.code },
          creditedNumber: credited?.number ?? null,
        },
        files: [
          { filename: pdf.filename, contentType: pdf.contentType, content: pdf.content.toString('base64'), encoding: 'base64' },
          { filename: xml.filename, contentType: xml.contentType, content: xml.content.toString('utf8') },
        ],
      },
    ]);
    return true;
  }

  private async draftsOfGroup(em: EntityManager, groupId: string, createdBy: string | null): Promise<Invoice[]> {
    const [group] = (await em.query(
      `SELECT g.id, g.code, c.title_lv, c.title_en FROM course_group g JOIN course c ON c.id = g.course_id WHERE g.id = $1 FOR UPDATE OF g`,
      [groupId],
    )) as { id: string; code: string; title_lv: string; title_en: string }[];
    if (!group) throw new NotFoundError('Group', groupId);
    const registrations = (await em.query(
      `SELECT r.id, r.person_id, r.payer_kind, r.billing_account_id, r.payer_snapshot, r.price_cents,
              p.given_name, p.family_name, p.preferred_language, b.institution_id
         FROM registration r
         JOIN person p ON p.id = r.person_id
         LEFT JOIN billing_account b ON b.id = r.billing_account_id
        WHERE r.group_id = $1 AND r.status = $2 AND r.price_cents > 0 AND r.payer_kind <> $3
          AND NOT EXISTS (
            SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
             WHERE l.registration_id = r.id AND i.type = $4 AND i.status <> $5)
        ORDER BY p.family_name, p.given_name, r.id`,
      [groupId, RegistrationStatus.CONFIRMED, PayerKind.NONE, InvoiceType.INVOICE, InvoiceStatus.CANCELLED],
    )) as PayableRegistration[];

    const byPayer = new Map<string, PayableRegistration[]>();
    for (const registration of registrations) {
      const key = payerKey(registration);
      byPayer.set(key, [...(byPayer.get(key) ?? []), registration]);
    }
    const seller = this.seller();
    const vat = { ratePercent: this.config.vatRatePercent, exemption: this.config.exemption };
    const drafts: Invoice[] = [];
    for (const [key, group_registrations] of byPayer) {
      const first = group_registrations[0];
      const language = first.payer_kind === PayerKind.PRIVATE ? first.preferred_language : Language.LV;
      const title = language === Language.EN ? group.title_en : group.title_lv;
      const amounts = group_registrations.map((r) => lineAmounts(1, r.price_cents, vat));
      const sums = totals(amounts);
      const institutionId = await this.institutionOf(em, first);
      const addressing = await this.addressingOf(em, institutionId, first.billing_account_id);
      const invoice = await em.save(
        em.create(Invoice, {
          type: InvoiceType.INVOICE,
          status: InvoiceStatus.DRAFT,
          series: this.config.seriesPrefix,
          groupId,
          payerKind: first.payer_kind,
          payerPersonId: first.payer_kind === PayerKind.PRIVATE ? first.person_id : null,
          institutionId,
          billingAccountId: first.billing_account_id,
          payerKey: key,
          buyer: buyerOf(first, addressing),
          seller,
          language,
          currency: 'EUR',
          ...sums,
          buyerReference: addressing.buyerReference ?? group.code,
          createdBy,
        }),
      );
      await em.save(
        group_registrations.map((r, i) =>
          em.create(InvoiceLine, {
            invoiceId: invoice.id,
            position: i + 1,
            registrationId: r.id,
            description: invoiceTexts[language].line(title, group.code, `${r.given_name} ${r.family_name}`),
            ...amounts[i],
          }),
        ),
      );
      drafts.push(invoice);
    }
    return drafts;
  }

  /** The institution whose coordinators see the invoice: the billing account's, or the employer's by registration number. */
  private async institutionOf(em: EntityManager, registration: PayableRegistration): Promise<string | null> {
    if (registration.payer_kind !== PayerKind.INSTITUTION) return null;
    if (registration.institution_id) return registration.institution_id;
    const number = registration.payer_snapshot?.registrationNumber;
    if (!number) return null;
    const [row] = (await em.query(`SELECT id FROM institution WHERE registration_number = $1`, [number])) as { id: string }[];
    return row?.id ?? null;
  }

  /** Where the institution receives e-invoices and the buyer reference it asks for (the billing account's first). */
  private async addressingOf(em: EntityManager, institutionId: string | null, billingAccountId: string | null): Promise<Addressing> {
    if (!institutionId) return { scheme: null, endpoint: null, buyerReference: null };
    const [row] = (await em.query(
      `SELECT i.einvoice_scheme, i.einvoice_endpoint, coalesce(b.buyer_reference, i.buyer_reference) AS buyer_reference
         FROM institution i LEFT JOIN billing_account b ON b.id = $2 AND b.institution_id = i.id
        WHERE i.id = $1`,
      [institutionId, billingAccountId],
    )) as { einvoice_scheme: string | null; einvoice_endpoint: string | null; buyer_reference: string | null }[];
    return { scheme: row?.einvoice_scheme ?? null, endpoint: row?.einvoice_endpoint ?? null, buyerReference: row?.buyer_reference ?? null };
  }

  private seller(): InvoiceParty {
    const c = this.config;
    return {
      name: c.sellerName,
      registrationNumber: c.registrationNumber,
      vatNumber: c.vatNumber,
      street: c.street,
      city: c.city,
      postcode: c.postcode,
      countryCode: c.countryCode,
      email: null,
      endpointId: c.registrationNumber,
      endpointScheme: LATVIAN_REGISTRATION_SCHEME,
      iban: c.iban,
      bic: c.bic,
      bankName: c.bankName,
    };
  }
}

/** The person who acts, for the record; none for the system's own work. */
function actorOf(ctx: RequestContext): string | null {
  const personId = ctx.viewer?.personId;
  return personId && isUuid(personId) ? personId : null;
}

function statusError(message: string): DomainError {
  return new DomainError(ErrorCode.INVOICE_STATUS, message);
}

/** One invoice per payer: the person, the billing account, or the employer's requisites. */
function payerKey(r: PayableRegistration): string {
  if (r.payer_kind === PayerKind.PRIVATE) return `PRIVATE:${r.person_id}`;
  if (r.billing_account_id) return `ACCOUNT:${r.billing_account_id}`;
  return `EMPLOYER:${r.payer_snapshot?.registrationNumber ?? ''}:${r.payer_snapshot?.name ?? ''}`;
}

/** An institution's e-invoice address and buyer reference, where it gave them. */
interface Addressing {
  scheme: string | null;
  endpoint: string | null;
  buyerReference: string | null;
}

function buyerOf(r: PayableRegistration, addressing: Addressing): InvoiceParty {
  const snapshot = r.payer_snapshot;
  const address = addressParts(snapshot?.address);
  const name = snapshot?.name ?? `${r.given_name} ${r.family_name}`;
  const registrationNumber = snapshot?.registrationNumber ?? null;
  const email = snapshot?.email ?? null;
  // A company is reached by its registration number; a private person by e-mail (EAS "EM").
  // An institution's own e-invoice address comes first.
  const endpoint =
    r.payer_kind === PayerKind.INSTITUTION && addressing.scheme && addressing.endpoint
      ? { endpointId: addressing.endpoint, endpointScheme: addressing.scheme }
      : r.payer_kind === PayerKind.INSTITUTION && registrationNumber
        ? { endpointId: registrationNumber, endpointScheme: LATVIAN_REGISTRATION_SCHEME }
        : { endpointId: email ?? '', endpointScheme: EMAIL_SCHEME };
  return { name, registrationNumber, vatNumber: snapshot?.vatNumber ?? null, ...address, email, ...endpoint };
}
