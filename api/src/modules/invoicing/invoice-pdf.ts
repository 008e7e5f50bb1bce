import { createPdf, drawTable, numberPages, pdfBytes, pdfDateTime, PDF_FONT, type PdfDocument, type PdfLanguage } from '../../common/pdf.js';
import { decimal } from './invoice-amounts.js';
import { InvoiceStatus, InvoiceType, type InvoiceParty } from './invoice.entity.js';
import { invoiceTexts } from './invoice-texts.js';
import { formatAddress } from '../../common/postal-address.js';
import type { UblSource } from './ubl.js';

/** An amount as the payer reads it: "1234,50" in Latvian, "1234.50" in English. */
export function money(cents: number, language: PdfLanguage): string {
  const text = decimal(cents);
  return language === 'lv' ? text.replace('.', ',') : text;
}

const dateOf = (isoDate: string, language: PdfLanguage) => pdfDateTime(new Date(`${isoDate}T12:00:00Z`), language, { dateStyle: 'long' });

/** The invoice or credit note as a PDF in the payer's language (R-FIN-1). */
export async function renderInvoicePdf({ invoice, lines, credited }: UblSource): Promise<Buffer> {
  const language = invoice.language as PdfLanguage;
  const t = invoiceTexts[language];
  const kind = invoice.type === InvoiceType.CREDIT_NOTE ? t.creditNote : t.invoice;
  const title = `${kind} ${t.number} ${invoice.number ?? t.draft}`;
  const doc = createPdf({ title, language });

  doc.font(PDF_FONT.bold).fontSize(18).text(title);
  doc.moveDown(0.5).font(PDF_FONT.regular).fontSize(10);
  if (invoice.issueDate) doc.text(`${t.issueDate}: ${dateOf(invoice.issueDate, language)}`);
  if (invoice.dueDate && invoice.type === InvoiceType.INVOICE) doc.text(`${t.dueDate}: ${dateOf(invoice.dueDate, language)}`);
  doc.text(`${t.buyerReference}: ${invoice.buyerReference}`);
  if (credited) doc.text(`${t.credits}: ${credited.number} (${dateOf(credited.issueDate, language)})`);
  if (invoice.cancellationReason && invoice.type === InvoiceType.CREDIT_NOTE) doc.text(`${t.reason}: ${invoice.cancellationReason}`);
  doc.moveDown();

  const top = doc.y;
  const half = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / 2;
  party(doc, t.seller, invoice.seller, language, doc.page.margins.left, top, half - 10, true);
  const sellerBottom = doc.y;
  party(doc, t.buyer, invoice.buyer, language, doc.page.margins.left + half, top, half, false);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(sellerBottom, doc.y) + 15;

  const c = t.columns;
  drawTable(
    doc,
    [
      { header: c.position, width: 0.06, align: 'right' },
      { header: c.description, width: 0.44 },
      { header: c.quantity, width: 0.08, align: 'right' },
      { header: c.price, width: 0.11, align: 'right' },
      { header: c.vatRate, width: 0.08, align: 'right' },
      { header: c.vat, width: 0.1, align: 'right' },
      { header: c.amount, width: 0.13, align: 'right' },
    ],
    lines.map((line) => [
      String(line.position),
      line.description,
      String(line.quantity),
      money(line.unitPriceCents, language),
      String(line.vatRatePercent),
      money(line.vatCents, language),
      money(line.netCents + line.vatCents, language),
    ]),
  );

  doc.moveDown();
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = (label: string, cents: number, bold = false) =>
    doc
      .font(bold ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(bold ? 12 : 10)
      .text(`${label}: ${money(cents, language)} EUR`, doc.page.margins.left, doc.y, { width, align: 'right' });
  total(t.net, invoice.netCents);
  total(t.vat, invoice.vatCents);
  total(invoice.type === InvoiceType.CREDIT_NOTE ? t.totalCredit : t.total, invoice.totalCents, true);
  doc.font(PDF_FONT.regular).fontSize(9).moveDown();

  const exemptions = [...new Set(lines.map((line) => line.exemptionText).filter((text): text is string => !!text))];
  for (const text of exemptions) doc.text(`${t.vatExempt}: ${text}`, doc.page.margins.left, doc.y, { width });
  if (invoice.type === InvoiceType.INVOICE && invoice.number) doc.moveDown(0.5).text(t.paymentNote(invoice.number), { width });
  if (invoice.status !== InvoiceStatus.DRAFT) doc.moveDown(0.5).text(t.electronic, { width });

  numberPages(doc, t.page);
  return pdfBytes(doc);
}

function party(doc: PdfDocument, heading: string, p: InvoiceParty, language: PdfLanguage, x: number, y: number, width: number, seller: boolean) {
  const t = invoiceTexts[language];
  doc.font(PDF_FONT.bold).fontSize(10).text(heading, x, y, { width });
  doc.font(PDF_FONT.regular).fontSize(9);
  const rows = [
    p.name,
    p.registrationNumber && `${t.registrationNumber} ${p.registrationNumber}`,
    p.vatNumber && `${t.vatNumber} ${p.vatNumber}`,
    `${t.address}: ${formatAddress(p)}`,
    seller && p.bankName && `${t.bank}: ${p.bankName}`,
    seller && p.iban && `${t.iban}: ${p.iban}`,
    seller && p.bic && `${t.bic}: ${p.bic}`,
    !seller && p.email && `${t.email}: ${p.email}`,
  ].filter((row): row is string => !!row);
  for (const row of rows) doc.text(row, x, doc.y, { width });
}
