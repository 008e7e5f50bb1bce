import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { decimal } from './invoice-amounts.js';
import { InvoiceType, VatCategory, type Invoice, type InvoiceLine, type InvoiceParty } from './invoice.entity.js';

export const UBL_NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

const XMLNS = 'http://www.w3.org/2000/xmlns/';

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** UNCL1001: 380 commercial invoice, 381 credit note. UNCL4461: 30 credit transfer. */
const INVOICE_TYPE_CODE = '380';
const CREDIT_NOTE_TYPE_CODE = '381';
const CREDIT_TRANSFER = '30';
/** UN/ECE Rec 20 "one": a participant's place is counted, not weighed. */
const UNIT_CODE = 'C62';

export interface UblSource {
  invoice: Invoice;
  lines: readonly InvoiceLine[];
  /** CREDIT_NOTE: the number and issue date of the invoice it cancels (BG-3). */
  credited: { number: string; issueDate: string } | null;
}

/**
 * The invoice as a Peppol BIS Billing 3.0 document (EN 16931, UBL 2.1). A credit note is a UBL
 * CreditNote (type 381) with positive amounts that refers to the invoice it cancels: Peppol BIS 3
 * accepts negative invoices too, but a credit note says what it is, and receivers book it as one.
 * Elements are written in the order of the UBL 2.1 schema's sequences.
 */
export function buildUbl({ invoice, lines, credited }: UblSource): string {
  const credit = invoice.type === InvoiceType.CREDIT_NOTE;
  const root = credit ? 'CreditNote' : 'Invoice';
  const doc = new DOMImplementation().createDocument(UBL_NS[root], root, null);
  const top = doc.documentElement!;
  // Declared once on the root (as an xmlns attribute), so the serializer does not repeat them on every element.
  top.setAttributeNS(XMLNS, 'xmlns:cac', UBL_NS.cac);
  top.setAttributeNS(XMLNS, 'xmlns:cbc', UBL_NS.cbc);
  const x = new Writer(doc, invoice.currency);

  x.cbc(top, 'CustomizationID', PEPPOL_CUSTOMIZATION_ID);
  x.cbc(top, 'ProfileID', PEPPOL_PROFILE_ID);
  x.cbc(top, 'ID', invoice.number ?? '');
  x.cbc(top, 'IssueDate', invoice.issueDate ?? '');
  if (!credit && invoice.dueDate) x.cbc(top, 'DueDate', invoice.dueDate);
  x.cbc(top, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', credit ? CREDIT_NOTE_TYPE_CODE : INVOICE_TYPE_CODE);
  if (invoice.cancellationReason && credit) x.cbc(top, 'Note', invoice.cancellationReason);
  x.cbc(top, 'DocumentCurrencyCode', invoice.currency);
  x.cbc(top, 'BuyerReference', invoice.buyerReference);
  if (credited) {
    const reference = x.cac(x.cac(top, 'BillingReference'), 'InvoiceDocumentReference');
    x.cbc(reference, 'ID', credited.number);
    x.cbc(reference, 'IssueDate', credited.issueDate);
  }
  x.party(x.cac(top, 'AccountingSupplierParty'), invoice.seller, true);
  x.party(x.cac(top, 'AccountingCustomerParty'), invoice.buyer, false);
  if (!credit && invoice.seller.iban) {
    const means = x.cac(top, 'PaymentMeans');
    x.cbc(means, 'PaymentMeansCode', CREDIT_TRANSFER);
    x.cbc(means, 'PaymentID', invoice.number ?? '');
    const account = x.cac(means, 'PayeeFinancialAccount');
    x.cbc(account, 'ID', invoice.seller.iban);
    x.cbc(account, 'Name', invoice.seller.name);
    if (invoice.seller.bic) x.cbc(x.cac(account, 'FinancialInstitutionBranch'), 'ID', invoice.seller.bic);
  }

  const taxTotal = x.cac(top, 'TaxTotal');
  x.amount(taxTotal, 'TaxAmount', invoice.vatCents);
  for (const category of vatBreakdown(lines)) {
    const subtotal = x.cac(taxTotal, 'TaxSubtotal');
    x.amount(subtotal, 'TaxableAmount', category.netCents);
    x.amount(subtotal, 'TaxAmount', category.vatCents);
    x.taxCategory(subtotal, 'TaxCategory', category);
  }

  const monetary = x.cac(top, 'LegalMonetaryTotal');
  x.amount(monetary, 'LineExtensionAmount', invoice.netCents);
  x.amount(monetary, 'TaxExclusiveAmount', invoice.netCents);
  x.amount(monetary, 'TaxInclusiveAmount', invoice.totalCents);
  x.amount(monetary, 'PayableAmount', invoice.totalCents);

  for (const line of lines) {
    const element = x.cac(top, credit ? 'CreditNoteLine' : 'InvoiceLine');
    x.cbc(element, 'ID', String(line.position));
    x.cbc(element, credit ? 'CreditedQuantity' : 'InvoicedQuantity', String(line.quantity)).setAttribute('unitCode', UNIT_CODE);
    x.amount(element, 'LineExtensionAmount', line.netCents);
    const item = x.cac(element, 'Item');
    x.cbc(item, 'Name', line.description);
    x.taxCategory(item, 'ClassifiedTaxCategory', { category: line.vatCategory, ratePercent: line.vatRatePercent, exemptionCode: null, exemptionText: null });
    x.amount(x.cac(element, 'Price'), 'PriceAmount', line.unitPriceCents);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

interface CategoryTotal {
  category: VatCategory;
  ratePercent: number;
  exemptionCode: string | null;
  exemptionText: string | null;
  netCents: number;
  vatCents: number;
}

/** BG-23: one subtotal per VAT category and rate, the sums of its lines. */
export function vatBreakdown(lines: readonly InvoiceLine[]): CategoryTotal[] {
  const categories = new Map<string, CategoryTotal>();
  for (const line of lines) {
    const key = `${line.vatCategory}:${line.vatRatePercent}`;
    const total = categories.get(key) ?? {
      category: line.vatCategory,
      ratePercent: line.vatRatePercent,
      exemptionCode: line.exemptionCode,
      exemptionText: line.exemptionText,
      netCents: 0,
      vatCents: 0,
    };
    total.netCents += line.netCents;
    total.vatCents += line.vatCents;
    categories.set(key, total);
  }
  return [...categories.values()];
}

class Writer {
  constructor(
    private readonly doc: Document,
    private readonly currency: string,
  ) {}

  cbc(parent: Element, name: string, text: string): Element {
    const element = this.doc.createElementNS(UBL_NS.cbc, `cbc:${name}`);
    element.appendChild(this.doc.createTextNode(text));
    parent.appendChild(element);
    return element;
  }

  cac(parent: Element, name: string): Element {
    const element = this.doc.createElementNS(UBL_NS.cac, `cac:${name}`);
    parent.appendChild(element);
    return element;
  }

  amount(parent: Element, name: string, cents: number): Element {
    const element = this.cbc(parent, name, decimal(cents));
    element.setAttribute('currencyID', this.currency);
    return element;
  }

  taxCategory(
    parent: Element,
    name: 'TaxCategory' | 'ClassifiedTaxCategory',
    category: Pick<CategoryTotal, 'category' | 'ratePercent' | 'exemptionCode' | 'exemptionText'>,
  ) {
    const element = this.cac(parent, name);
    this.cbc(element, 'ID', category.category);
    this.cbc(element, 'Percent', String(category.ratePercent));
    if (category.exemptionCode) this.cbc(element, 'TaxExemptionReasonCode', category.exemptionCode);
    if (category.exemptionText) this.cbc(element, 'TaxExemptionReason', category.exemptionText);
    this.cbc(this.cac(element, 'TaxScheme'), 'ID', 'VAT');
  }

  /** BG-4 / BG-7. The seller without a VAT number gives its taxpayer number as BT-32 (BR-E-02). */
  party(parent: Element, party: InvoiceParty, seller: boolean) {
    const element = this.cac(parent, 'Party');
    this.cbc(element, 'EndpointID', party.endpointId).setAttribute('schemeID', party.endpointScheme);
    this.cbc(this.cac(element, 'PartyName'), 'Name', party.name);
    const address = this.cac(element, 'PostalAddress');
    if (party.street) this.cbc(address, 'StreetName', party.street);
    if (party.city) this.cbc(address, 'CityName', party.city);
    if (party.postcode) this.cbc(address, 'PostalZone', party.postcode);
    this.cbc(this.cac(address, 'Country'), 'IdentificationCode', party.countryCode);
    if (party.vatNumber) {
      const tax = this.cac(element, 'PartyTaxScheme');
      this.cbc(tax, 'CompanyID', party.vatNumber);
      this.cbc(this.cac(tax, 'TaxScheme'), 'ID', 'VAT');
    } else if (seller && party.registrationNumber) {
      const tax = this.cac(element, 'PartyTaxScheme');
      this.cbc(tax, 'CompanyID', party.registrationNumber);
      this.cbc(this.cac(tax, 'TaxScheme'), 'ID', 'TAX');
    }
    const legal = this.cac(element, 'PartyLegalEntity');
    this.cbc(legal, 'RegistrationName', party.name);
    if (party.registrationNumber) this.cbc(legal, 'CompanyID', party.registrationNumber);
    if (party.email) this.cbc(this.cac(element, 'Contact'), 'ElectronicMail', party.email);
  }
}
