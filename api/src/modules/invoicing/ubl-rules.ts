import { DOMParser, type Node } from '@xmldom/xmldom';
import xpath from 'xpath';
import { PEPPOL_CUSTOMIZATION_ID, UBL_NS } from './ubl.js';

/**
 * Our own check of a Peppol BIS Billing 3.0 document: the mandatory business terms (BT) and the
 * arithmetic and VAT rules (BR-, BR-CO-, BR-E-, BR-S-) that our invoices can touch, named as in
 * EN 16931 and the Peppol rules. No npm package carries the official schematron in a form Node
 * runs without Java (see docs/invoices.md), so these are written out; the list there is this list.
 */
export interface UblRule {
  id: string;
  /** What the rule asks, with the business terms it is about. */
  text: string;
  holds(doc: UblQuery): boolean;
}

export interface UblQuery {
  /** Text values of the nodes an XPath selects (relative to the document's root element). */
  values(path: string, from?: Node): string[];
  nodes(path: string, from?: Node): Node[];
  value(path: string, from?: Node): string;
}

const select = xpath.useNamespaces({ cac: UBL_NS.cac, cbc: UBL_NS.cbc });

const cents = (value: string) => Math.round(Number(value) * 100);
const sum = (values: string[]) => values.reduce((total, value) => total + cents(value), 0);
const filled = (value: string) => value.trim().length > 0;
const isAmount = (value: string) => /^-?\d+(\.\d{1,2})?$/.test(value.trim());
const LINE = "*[local-name()='InvoiceLine' or local-name()='CreditNoteLine']";
const QUANTITY = "cbc:*[local-name()='InvoicedQuantity' or local-name()='CreditedQuantity']";
const SUPPLIER = 'cac:AccountingSupplierParty/cac:Party';
const CUSTOMER = 'cac:AccountingCustomerParty/cac:Party';
const TOTAL = 'cac:LegalMonetaryTotal';

const lineCategories = (q: UblQuery, category: string) =>
  q.nodes(LINE).filter((line) => q.value('cac:Item/cac:ClassifiedTaxCategory/cbc:ID', line) === category);
const subtotals = (q: UblQuery, category: string) => q.nodes('cac:TaxTotal/cac:TaxSubtotal').filter((s) => q.value('cac:TaxCategory/cbc:ID', s) === category);

export const UBL_RULES: readonly UblRule[] = [
  { id: 'BR-01', text: 'Specification identifier (BT-24) is present', holds: (q) => filled(q.value('cbc:CustomizationID')) },
  {
    id: 'PEPPOL-EN16931-R004',
    text: 'Specification identifier (BT-24) is that of Peppol BIS Billing 3.0',
    holds: (q) => q.value('cbc:CustomizationID').startsWith(PEPPOL_CUSTOMIZATION_ID),
  },
  { id: 'PEPPOL-EN16931-R001', text: 'Business process (BT-23) is present', holds: (q) => filled(q.value('cbc:ProfileID')) },
  { id: 'BR-02', text: 'Invoice number (BT-1) is present', holds: (q) => filled(q.value('cbc:ID')) },
  { id: 'BR-03', text: 'Issue date (BT-2) is present, as YYYY-MM-DD', holds: (q) => /^\d{4}-\d{2}-\d{2}$/.test(q.value('cbc:IssueDate')) },
  {
    id: 'BR-04',
    text: 'Invoice type code (BT-3) is present: 380 for an invoice, 381 for a credit note',
    holds: (q) => ['380', '381'].includes(q.value('cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode')),
  },
  { id: 'BR-05', text: 'Invoice currency code (BT-5) is present', holds: (q) => /^[A-Z]{3}$/.test(q.value('cbc:DocumentCurrencyCode')) },
  {
    id: 'PEPPOL-EN16931-R051',
    text: 'Every amount is in the invoice currency (BT-5)',
    holds: (q) => q.values('//@currencyID').every((currency) => currency === q.value('cbc:DocumentCurrencyCode')),
  },
  {
    id: 'PEPPOL-EN16931-R003',
    text: 'Buyer reference (BT-10) or purchase order reference (BT-13) is present',
    holds: (q) => filled(q.value('cbc:BuyerReference')) || filled(q.value('cac:OrderReference/cbc:ID')),
  },
  { id: 'BR-06', text: 'Seller name (BT-27) is present', holds: (q) => filled(q.value(`${SUPPLIER}/cac:PartyLegalEntity/cbc:RegistrationName`)) },
  { id: 'BR-07', text: 'Buyer name (BT-44) is present', holds: (q) => filled(q.value(`${CUSTOMER}/cac:PartyLegalEntity/cbc:RegistrationName`)) },
  { id: 'BR-08', text: 'Seller postal address (BG-5) is present', holds: (q) => q.nodes(`${SUPPLIER}/cac:PostalAddress`).length === 1 },
  {
    id: 'BR-09',
    text: 'Seller country code (BT-40) is present, ISO 3166-1 alpha-2',
    holds: (q) => /^[A-Z]{2}$/.test(q.value(`${SUPPLIER}/cac:PostalAddress/cac:Country/cbc:IdentificationCode`)),
  },
  { id: 'BR-10', text: 'Buyer postal address (BG-8) is present', holds: (q) => q.nodes(`${CUSTOMER}/cac:PostalAddress`).length === 1 },
  {
    id: 'BR-11',
    text: 'Buyer country code (BT-55) is present, ISO 3166-1 alpha-2',
    holds: (q) => /^[A-Z]{2}$/.test(q.value(`${CUSTOMER}/cac:PostalAddress/cac:Country/cbc:IdentificationCode`)),
  },
  {
    id: 'PEPPOL-EN16931-R020',
    text: 'Seller electronic address (BT-34) is present, with its scheme',
    holds: (q) => filled(q.value(`${SUPPLIER}/cbc:EndpointID`)) && filled(q.value(`${SUPPLIER}/cbc:EndpointID/@schemeID`)),
  },
  {
    id: 'PEPPOL-EN16931-R010',
    text: 'Buyer electronic address (BT-49) is present, with its scheme',
    holds: (q) => filled(q.value(`${CUSTOMER}/cbc:EndpointID`)) && filled(q.value(`${CUSTOMER}/cbc:EndpointID/@schemeID`)),
  },
  {
    id: 'BR-CO-26',
    text: 'Seller identifier (BT-29), legal registration identifier (BT-30) or VAT identifier (BT-31) is present',
    holds: (q) =>
      filled(q.value(`${SUPPLIER}/cac:PartyIdentification/cbc:ID`)) ||
      filled(q.value(`${SUPPLIER}/cac:PartyLegalEntity/cbc:CompanyID`)) ||
      filled(q.value(`${SUPPLIER}/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID`)),
  },
  { id: 'BR-12', text: 'Sum of invoice line net amounts (BT-106) is present', holds: (q) => isAmount(q.value(`${TOTAL}/cbc:LineExtensionAmount`)) },
  { id: 'BR-13', text: 'Invoice total without VAT (BT-109) is present', holds: (q) => isAmount(q.value(`${TOTAL}/cbc:TaxExclusiveAmount`)) },
  { id: 'BR-14', text: 'Invoice total with VAT (BT-112) is present', holds: (q) => isAmount(q.value(`${TOTAL}/cbc:TaxInclusiveAmount`)) },
  { id: 'BR-15', text: 'Amount due for payment (BT-115) is present', holds: (q) => isAmount(q.value(`${TOTAL}/cbc:PayableAmount`)) },
  { id: 'BR-16', text: 'At least one invoice line (BG-25)', holds: (q) => q.nodes(LINE).length > 0 },
  { id: 'BR-21', text: 'Every line has an identifier (BT-126)', holds: (q) => q.nodes(LINE).every((line) => filled(q.value('cbc:ID', line))) },
  { id: 'BR-22', text: 'Every line has an invoiced quantity (BT-129)', holds: (q) => q.nodes(LINE).every((line) => filled(q.value(QUANTITY, line))) },
  {
    id: 'BR-23',
    text: 'Every invoiced quantity has a unit of measure code (BT-130)',
    holds: (q) => q.nodes(LINE).every((line) => filled(q.value(`${QUANTITY}/@unitCode`, line))),
  },
  {
    id: 'BR-24',
    text: 'Every line has a net amount (BT-131)',
    holds: (q) => q.nodes(LINE).every((line) => isAmount(q.value('cbc:LineExtensionAmount', line))),
  },
  { id: 'BR-25', text: 'Every line has an item name (BT-153)', holds: (q) => q.nodes(LINE).every((line) => filled(q.value('cac:Item/cbc:Name', line))) },
  {
    id: 'BR-26',
    text: 'Every line has an item net price (BT-146)',
    holds: (q) => q.nodes(LINE).every((line) => isAmount(q.value('cac:Price/cbc:PriceAmount', line))),
  },
  { id: 'BR-27', text: 'No item net price (BT-146) is negative', holds: (q) => q.values(`${LINE}/cac:Price/cbc:PriceAmount`).every((p) => cents(p) >= 0) },
  {
    id: 'PEPPOL-EN16931-R120',
    text: 'Line net amount (BT-131) = quantity (BT-129) x item net price (BT-146)',
    holds: (q) =>
      q
        .nodes(LINE)
        .every(
          (line) =>
            cents(q.value('cbc:LineExtensionAmount', line)) === Math.round(Number(q.value(QUANTITY, line)) * cents(q.value('cac:Price/cbc:PriceAmount', line))),
        ),
  },
  {
    id: 'BR-CO-10',
    text: 'Sum of line net amounts (BT-106) = the sum of every line net amount (BT-131)',
    holds: (q) => cents(q.value(`${TOTAL}/cbc:LineExtensionAmount`)) === sum(q.values(`${LINE}/cbc:LineExtensionAmount`)),
  },
  {
    id: 'BR-CO-13',
    text: 'Total without VAT (BT-109) = BT-106 - allowances (BT-107) + charges (BT-108)',
    holds: (q) =>
      cents(q.value(`${TOTAL}/cbc:TaxExclusiveAmount`)) ===
      cents(q.value(`${TOTAL}/cbc:LineExtensionAmount`)) - sum(q.values(`${TOTAL}/cbc:AllowanceTotalAmount`)) + sum(q.values(`${TOTAL}/cbc:ChargeTotalAmount`)),
  },
  {
    id: 'BR-CO-14',
    text: 'Invoice total VAT (BT-110) = the sum of the VAT category tax amounts (BT-117)',
    holds: (q) => cents(q.value('cac:TaxTotal/cbc:TaxAmount')) === sum(q.values('cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount')),
  },
  {
    id: 'BR-CO-15',
    text: 'Total with VAT (BT-112) = total without VAT (BT-109) + total VAT (BT-110)',
    holds: (q) =>
      cents(q.value(`${TOTAL}/cbc:TaxInclusiveAmount`)) === cents(q.value(`${TOTAL}/cbc:TaxExclusiveAmount`)) + cents(q.value('cac:TaxTotal/cbc:TaxAmount')),
  },
  {
    id: 'BR-CO-16',
    text: 'Amount due (BT-115) = BT-112 - paid amount (BT-113) + rounding amount (BT-114)',
    holds: (q) =>
      cents(q.value(`${TOTAL}/cbc:PayableAmount`)) ===
      cents(q.value(`${TOTAL}/cbc:TaxInclusiveAmount`)) - sum(q.values(`${TOTAL}/cbc:PrepaidAmount`)) + sum(q.values(`${TOTAL}/cbc:PayableRoundingAmount`)),
  },
  {
    id: 'BR-CO-17',
    text: 'VAT category tax amount (BT-117) = taxable amount (BT-116) x rate (BT-119) / 100, within 1.00 as the official rule allows',
    holds: (q) =>
      q.nodes('cac:TaxTotal/cac:TaxSubtotal').every((s) => {
        const expected = Math.round((cents(q.value('cbc:TaxableAmount', s)) * Number(q.value('cac:TaxCategory/cbc:Percent', s))) / 100);
        return Math.abs(cents(q.value('cbc:TaxAmount', s)) - expected) <= 100;
      }),
  },
  { id: 'BR-CO-18', text: 'At least one VAT breakdown (BG-23)', holds: (q) => q.nodes('cac:TaxTotal/cac:TaxSubtotal').length > 0 },
  {
    id: 'PEPPOL-EN16931-R053',
    text: 'Exactly one tax total with VAT breakdowns',
    holds: (q) => q.nodes('cac:TaxTotal[cac:TaxSubtotal]').length === 1,
  },
  {
    id: 'BR-S-05',
    text: 'A line of VAT category "Standard rated" (S) has a rate (BT-152) above zero',
    holds: (q) => lineCategories(q, 'S').every((line) => Number(q.value('cac:Item/cac:ClassifiedTaxCategory/cbc:Percent', line)) > 0),
  },
  {
    id: 'BR-S-08',
    text: 'For each rate of category S, the taxable amount (BT-116) = the sum of the line net amounts of that rate',
    holds: (q) =>
      subtotals(q, 'S').every((s) => {
        const rate = q.value('cac:TaxCategory/cbc:Percent', s);
        const lines = lineCategories(q, 'S').filter((line) => q.value('cac:Item/cac:ClassifiedTaxCategory/cbc:Percent', line) === rate);
        return cents(q.value('cbc:TaxableAmount', s)) === lines.reduce((total, line) => total + cents(q.value('cbc:LineExtensionAmount', line)), 0);
      }),
  },
  {
    id: 'BR-S-02',
    text: 'With a line of category S, the seller VAT identifier (BT-31) is present',
    holds: (q) => lineCategories(q, 'S').length === 0 || filled(q.value(`${SUPPLIER}/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID`)),
  },
  {
    id: 'BR-E-02',
    text: 'With a line of category "Exempt from VAT" (E), the seller VAT identifier (BT-31) or tax registration identifier (BT-32) is present',
    holds: (q) => lineCategories(q, 'E').length === 0 || filled(q.value(`${SUPPLIER}/cac:PartyTaxScheme/cbc:CompanyID`)),
  },
  {
    id: 'BR-E-05',
    text: 'A line of category E has the rate (BT-152) 0',
    holds: (q) => lineCategories(q, 'E').every((line) => Number(q.value('cac:Item/cac:ClassifiedTaxCategory/cbc:Percent', line)) === 0),
  },
  {
    id: 'BR-E-08',
    text: 'The taxable amount (BT-116) of category E = the sum of the net amounts of its lines',
    holds: (q) =>
      subtotals(q, 'E').every(
        (s) =>
          cents(q.value('cbc:TaxableAmount', s)) === lineCategories(q, 'E').reduce((total, line) => total + cents(q.value('cbc:LineExtensionAmount', line)), 0),
      ),
  },
  { id: 'BR-E-09', text: 'The VAT amount (BT-117) of category E is 0', holds: (q) => subtotals(q, 'E').every((s) => cents(q.value('cbc:TaxAmount', s)) === 0) },
  {
    id: 'BR-E-10',
    text: 'The breakdown of category E has an exemption reason code (BT-121) or text (BT-120)',
    holds: (q) =>
      subtotals(q, 'E').every(
        (s) => filled(q.value('cac:TaxCategory/cbc:TaxExemptionReasonCode', s)) || filled(q.value('cac:TaxCategory/cbc:TaxExemptionReason', s)),
      ),
  },
  {
    id: 'BR-49',
    text: 'Payment instructions (BG-16) have a payment means type code (BT-81)',
    holds: (q) => q.nodes('cac:PaymentMeans').every((means) => filled(q.value('cbc:PaymentMeansCode', means))),
  },
  {
    id: 'BR-61',
    text: 'Payment by credit transfer (30, 58) has the payment account identifier (BT-84)',
    holds: (q) =>
      q
        .nodes('cac:PaymentMeans')
        .filter((means) => ['30', '58'].includes(q.value('cbc:PaymentMeansCode', means)))
        .every((means) => filled(q.value('cac:PayeeFinancialAccount/cbc:ID', means))),
  },
  {
    id: 'BR-55',
    text: 'A credit note refers to the invoice it corrects (BG-3): its number (BT-25) is present',
    holds: (q) => q.value('cbc:CreditNoteTypeCode') !== '381' || filled(q.value('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')),
  },
];

/** The rules a document breaks, by id; empty when it passes. Not well-formed XML breaks "XML". */
export function checkUbl(xml: string): string[] {
  let root: Node;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement!;
  } catch {
    return ['XML'];
  }
  const nodes = (path: string, from: Node = root) => select(path, from as unknown as globalThis.Node) as unknown as Node[];
  const text = (node: Node) => (node.nodeType === 2 ? ((node as unknown as Attr).value ?? '') : (node.textContent ?? ''));
  const query: UblQuery = {
    nodes: (path, from) => nodes(path, from).filter((n) => typeof n === 'object'),
    values: (path, from) => nodes(path, from).map(text),
    value: (path, from) => {
      const [first] = nodes(path, from);
      return first ? text(first).trim() : '';
    },
  };
  return UBL_RULES.filter((rule) => !rule.holds(query)).map((rule) => rule.id);
}
