import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { loadConfig } from '../../config.js';
import { pdfText } from '../../test/pdf-text.js';
import { PayerKind } from '../registration/registration.entity.js';
import { Language } from '../../common/roles.js';
import { decimal, lineAmounts, totals, type VatRule } from './invoice-amounts.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { Invoice, InvoiceLine, InvoiceStatus, InvoiceType, type InvoiceParty } from './invoice.entity.js';
import { parseAddress } from '../../common/postal-address.js';
import { buildUbl, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID, UBL_NS, type UblSource } from './ubl.js';
import { checkUbl, UBL_RULES } from './ubl-rules.js';

const SELLER: InvoiceParty = {
  name: 'Valsts administrācijas skola',
  registrationNumber: '90001234567',
  vatNumber: null,
  street: 'Raiņa bulvāris 4',
  city: 'Rīga',
  postcode: 'LV-1050',
  countryCode: 'LV',
  email: null,
  endpointId: '90001234567',
  endpointScheme: '0218',
  iban: 'LV12TREL9190000000000',
  bic: 'TRELLV22',
  bankName: 'Valsts kase',
};
const BUYER: InvoiceParty = {
  name: 'Ģirts Šķēle-Žūriņš',
  registrationNumber: null,
  vatNumber: null,
  ...parseAddress('Ūdens iela 7-3, Liepāja, LV-3401'),
  email: 'girts@example.lv',
  endpointId: 'girts@example.lv',
  endpointScheme: 'EM',
};
const EXEMPT: VatRule = { ratePercent: 0, exemption: { code: 'VATEX-EU-132-1I', text: 'PVN neapliekams: izglītības pakalpojumi' } };
const STANDARD: VatRule = { ratePercent: 21, exemption: null };

let serial = 0;
function documentOf(vat: VatRule, prices: number[], overrides: Partial<Invoice> = {}, seller: InvoiceParty = SELLER): UblSource {
  const lines = prices.map((price, i) =>
    Object.assign(new InvoiceLine(), {
      id: `l${i}`,
      invoiceId: 'i',
      position: i + 1,
      registrationId: null,
      description: `Mācības "Ētika" (grupa G-1), dalībnieks: Līga ${i + 1}`,
      ...lineAmounts(1, price, vat),
    }),
  );
  const invoice = Object.assign(new Invoice(), {
    id: `00000000-0000-4000-8000-${String((serial += 1)).padStart(12, '0')}`,
    type: InvoiceType.INVOICE,
    status: InvoiceStatus.ISSUED,
    series: 'VAS',
    number: 'VAS-2026-7',
    payerKind: PayerKind.PRIVATE,
    buyer: BUYER,
    seller,
    language: Language.LV,
    currency: 'EUR',
    ...totals(lines),
    issueDate: '2026-12-04',
    dueDate: '2026-12-18',
    buyerReference: 'G-1',
    creditedInvoiceId: null,
    cancellationReason: null,
    ...overrides,
  });
  return { invoice, lines, credited: null };
}

/** The document with one change made to its XML, to prove a rule catches it. */
function broken(xml: string, change: (doc: Document) => void): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  change(doc);
  return new XMLSerializer().serializeToString(doc as never);
}
const first = (doc: Document, ns: keyof typeof UBL_NS, name: string, index = 0) => doc.getElementsByTagNameNS(UBL_NS[ns], name)[index];

describe('invoice amounts', () => {
  it('rounds VAT on each line, half away from zero, and sums the lines', () => {
    expect(lineAmounts(1, 1250, STANDARD)).toMatchObject({ netCents: 1250, vatCents: 263, vatCategory: 'S', vatRatePercent: 21 });
    expect(lineAmounts(3, 1001, STANDARD)).toMatchObject({ netCents: 3003, vatCents: 631 });
    expect(lineAmounts(1, 5000, EXEMPT)).toMatchObject({ vatCents: 0, vatCategory: 'E', exemptionCode: 'VATEX-EU-132-1I' });
    const lines = [1250, 1250, 1250].map((price) => lineAmounts(1, price, STANDARD));
    // Per line 2.63 x 3 = 7.89; on the total it would be 7.88: the invoice is the sum of its lines.
    expect(totals(lines)).toEqual({ netCents: 3750, vatCents: 789, totalCents: 4539 });
    expect([decimal(0), decimal(5), decimal(123456), decimal(-250)]).toEqual(['0.00', '0.05', '1234.56', '-2.50']);
  });
});

describe('addresses from free text', () => {
  it.each([
    ['Brīvības iela 1, Rīga, LV-1050', { street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1050' }],
    ['Ūdens iela 7-3, Liepāja LV3401', { street: 'Ūdens iela 7-3', city: 'Liepāja', postcode: 'LV-3401' }],
    ['"Ozoli", Mārupes pag., Mārupes nov., LV-2167', { street: '"Ozoli", Mārupes pag.', city: 'Mārupes nov.', postcode: 'LV-2167' }],
    ['Kaut kur pie meža', { street: 'Kaut kur pie meža', city: null, postcode: null }],
    ['', { street: null, city: null, postcode: null }],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toEqual({ ...expected, countryCode: 'LV' });
  });
});

describe('the e-invoice (Peppol BIS Billing 3.0, UBL 2.1)', () => {
  it('writes an exempt invoice that passes every rule, with the Peppol identifiers and amounts', () => {
    const xml = buildUbl(documentOf(EXEMPT, [5000, 5000, 7550]));
    expect(checkUbl(xml)).toEqual([]);
    const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    expect(doc.documentElement.namespaceURI).toBe(UBL_NS.Invoice);
    expect(first(doc, 'cbc', 'CustomizationID').textContent).toBe(PEPPOL_CUSTOMIZATION_ID);
    expect(first(doc, 'cbc', 'ProfileID').textContent).toBe(PEPPOL_PROFILE_ID);
    expect(first(doc, 'cbc', 'InvoiceTypeCode').textContent).toBe('380');
    expect(first(doc, 'cbc', 'PayableAmount').textContent).toBe('175.50');
    expect(first(doc, 'cbc', 'TaxExemptionReasonCode').textContent).toBe('VATEX-EU-132-1I');
    expect(first(doc, 'cbc', 'CityName', 1).textContent).toBe('Liepāja');
    expect(doc.getElementsByTagNameNS(UBL_NS.cac, 'InvoiceLine')).toHaveLength(3);
  });

  it('writes a standard-rated invoice and a credit note that pass every rule', () => {
    const vatSeller = { ...SELLER, vatNumber: 'LV90001234567' };
    const rated = documentOf(STANDARD, [1250, 1250, 1250], {}, vatSeller);
    const xml = buildUbl(rated);
    expect(checkUbl(xml)).toEqual([]);
    expect(xml).toContain('<cbc:TaxAmount currencyID="EUR">7.89</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">45.39</cbc:PayableAmount>');

    const credit = documentOf(
      STANDARD,
      [1250, 1250, 1250],
      { type: InvoiceType.CREDIT_NOTE, number: 'VASK-2026-1', cancellationReason: 'Dalība atcelta' },
      vatSeller,
    );
    const creditXml = buildUbl({ ...credit, credited: { number: 'VAS-2026-7', issueDate: '2026-12-04' } });
    expect(checkUbl(creditXml)).toEqual([]);
    expect(creditXml).toMatch(new RegExp(`<CreditNote [^>]*xmlns="${UBL_NS.CreditNote}"`));
    expect(creditXml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(creditXml).toMatch(/<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>VAS-2026-7<\/cbc:ID>/);
    // A credit note without the invoice it corrects is caught.
    expect(checkUbl(buildUbl(credit))).toEqual(['BR-55']);
  });

  const valid = () => buildUbl(documentOf(EXEMPT, [5000, 7550]));
  it.each<[string, (doc: Document) => void, string[]]>([
    ['no invoice number', (d) => (first(d, 'cbc', 'ID').textContent = ''), ['BR-02']],
    ['another specification', (d) => (first(d, 'cbc', 'CustomizationID').textContent = 'urn:cen.eu:en16931:2017'), ['PEPPOL-EN16931-R004']],
    ['no business process', (d) => first(d, 'cbc', 'ProfileID').parentNode!.removeChild(first(d, 'cbc', 'ProfileID')), ['PEPPOL-EN16931-R001']],
    ['a bad issue date', (d) => (first(d, 'cbc', 'IssueDate').textContent = '04.12.2026'), ['BR-03']],
    ['no buyer name', (d) => (first(d, 'cbc', 'RegistrationName', 1).textContent = ''), ['BR-07']],
    ['no buyer reference', (d) => (first(d, 'cbc', 'BuyerReference').textContent = ''), ['PEPPOL-EN16931-R003']],
    ['no buyer electronic address', (d) => (first(d, 'cbc', 'EndpointID', 1).textContent = ''), ['PEPPOL-EN16931-R010']],
    ['a three-letter buyer country', (d) => (first(d, 'cbc', 'IdentificationCode', 1).textContent = 'LVA'), ['BR-11']],
    [
      'a line amount that does not add up',
      (d) => (first(d, 'cbc', 'LineExtensionAmount', 1).textContent = '49.99'),
      ['PEPPOL-EN16931-R120', 'BR-CO-10', 'BR-E-08'],
    ],
    ['a wrong total with VAT', (d) => (first(d, 'cbc', 'TaxInclusiveAmount').textContent = '125.51'), ['BR-CO-15', 'BR-CO-16']],
    ['a VAT total unlike its breakdown', (d) => (first(d, 'cbc', 'TaxAmount').textContent = '1.00'), ['BR-CO-14', 'BR-CO-15']],
    [
      'an exemption without a reason',
      (d) => {
        for (const name of ['TaxExemptionReasonCode', 'TaxExemptionReason']) first(d, 'cbc', name).parentNode!.removeChild(first(d, 'cbc', name));
      },
      ['BR-E-10'],
    ],
    ['an amount in another currency', (d) => first(d, 'cbc', 'PayableAmount').setAttribute('currencyID', 'USD'), ['PEPPOL-EN16931-R051']],
    ['a negative price', (d) => (first(d, 'cbc', 'PriceAmount').textContent = '-50.00'), ['BR-27', 'PEPPOL-EN16931-R120']],
    [
      'no lines',
      (d) => Array.from(d.getElementsByTagNameNS(UBL_NS.cac, 'InvoiceLine')).forEach((l) => l.parentNode!.removeChild(l)),
      ['BR-16', 'BR-CO-10', 'BR-E-08'],
    ],
  ])('catches %s', (_name, change, rules) => {
    expect(checkUbl(broken(valid(), change))).toEqual(rules);
  });

  it('catches a credit transfer without an account, a standard rate of 0 and a seller without a VAT number', () => {
    const noAccount = broken(valid(), (d) => {
      const account = first(d, 'cac', 'PayeeFinancialAccount');
      account.removeChild(account.getElementsByTagNameNS(UBL_NS.cbc, 'ID')[0]);
    });
    expect(checkUbl(noAccount)).toEqual(['BR-61']);
    expect(checkUbl(buildUbl(documentOf({ ratePercent: 0, exemption: null }, [5000])))).toEqual(['BR-S-05', 'BR-S-02']);
    expect(checkUbl(buildUbl(documentOf(STANDARD, [5000])))).toEqual(['BR-S-02']);
    expect(checkUbl('<Invoice')).toEqual(['XML']);
  });

  it('names every rule once', () => {
    const ids = UBL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the invoice PDF', () => {
  it('shows Latvian letters, the lines, the totals and the exemption in Latvian', async () => {
    const { text, title } = await pdfText(await renderInvoicePdf(documentOf(EXEMPT, [5000, 7550])));
    expect(title).toBe('Rēķins Nr. VAS-2026-7');
    expect(text).toContain('Ģirts Šķēle-Žūriņš');
    expect(text).toContain('Ūdens iela 7-3, Liepāja, LV-3401');
    expect(text).toContain('Mācības "Ētika" (grupa G-1), dalībnieks: Līga 2');
    expect(text).toContain('Summa bez PVN: 125,50 EUR');
    expect(text).toContain('PVN: 0,00 EUR');
    expect(text).toContain('Kopā apmaksai: 125,50 EUR');
    expect(text).toContain('Atbrīvots no PVN: PVN neapliekams: izglītības pakalpojumi');
    expect(text).toContain('Apmaksas termiņš: 2026. gada 18. decembris');
    expect(text).toContain('LV12TREL9190000000000');
  });

  it('shows VAT by line and in total in English', async () => {
    const source = documentOf(STANDARD, [1250, 1250, 1250], { language: Language.EN }, { ...SELLER, vatNumber: 'LV90001234567' });
    const { text } = await pdfText(await renderInvoicePdf(source));
    expect(text).toContain('Invoice No. VAS-2026-7');
    expect(text).toContain('VAT No. LV90001234567');
    expect(text).toContain('Total without VAT: 37.50 EUR');
    expect(text).toContain('VAT: 7.89 EUR');
    expect(text).toContain('Total due: 45.39 EUR');
    expect(text).toMatch(/12\.50\s+21\s+2\.63\s+15\.13/);
    expect(text).not.toContain('Exempt from VAT');
  });

  it('the default configuration makes exempt training with its reason', () => {
    const { invoicing } = loadConfig({ NODE_ENV: 'test' });
    expect(invoicing).toMatchObject({ vatRatePercent: 0, exemption: { code: 'VATEX-EU-132-1I' }, seriesPrefix: 'VAS', autoIssueOnConfirmation: false });
    expect(() => loadConfig({ NODE_ENV: 'test', MPS_INVOICE_VAT_RATE: '21' })).toThrow(/MPS_INVOICE_VAT_NUMBER/);
    expect(loadConfig({ NODE_ENV: 'test', MPS_INVOICE_VAT_RATE: '21', MPS_INVOICE_VAT_NUMBER: 'LV90001234567' }).invoicing.exemption).toBeNull();
  });
});
