import { pdfText } from '../../test/pdf-text.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { invoiceFixtures } from '../../test/invoice-fixtures.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { checkUbl } from './ubl-rules.js';
import { testIban } from '../../test/institutions-fixtures.js';
import { BillingAccount } from '../institutions/institution.entity.js';

/**
 * Invoices (R-FIN-1) through the real server: drafts per payer, issuing with numbers, marking paid,
 * cancelling with a credit note, who sees what, and the files each may download.
 */

const INVOICE = `id type status number series payerName language netCents vatCents totalCents issueDate dueDate buyerReference creditedInvoiceId cancellationReason group { id } lines { position description quantity unitPriceCents netCents vatRatePercent vatCents exemptionText }`;
const CREATE = `mutation ($id: ID!) { createGroupInvoices(groupId: $id) { ${INVOICE} } }`;
const ISSUE = `mutation ($id: ID!) { issueInvoice(id: $id) { ${INVOICE} } }`;
const PAID = `mutation ($id: ID!) { markInvoicePaid(id: $id) { id status } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelInvoice(id: $id, reason: $reason) { ${INVOICE} } }`;
const LIST = `query ($f: InvoiceFilter) { invoices(filter: $f, perPage: 100) { total items { id number status payerName } } }`;
const MINE = `{ myInvoices { id number status } }`;
const FILE = `query ($id: ID!, $format: InvoiceFileFormat!) { invoiceFile(id: $id, format: $format) { filename contentType base64 } }`;

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let inv: ReturnType<typeof invoiceFixtures>;
let staff: Client;
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric' }).format(new Date());

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  inv = invoiceFixtures(t.app.dataSource);
  staff = await t.as((await f.staff()).id);
});
afterAll(() => t?.stop());

async function paidGroup(title = 'Ētikas pamati') {
  const course = await f.course((await f.topic()).id, { titleLv: title, titleEn: 'Basics of ethics', priceCents: 7550 });
  return f.group(course.id);
}

test('a draft per payer, issued with the next numbers, paid, and cancelled by a numbered credit note', async () => {
  const group = await paidGroup();
  const institution = await f.institution('Valsts ieņēmumu dienests');
  const account = await inv.billingAccount(institution);
  const līga = await f.person({ givenName: 'Līga', familyName: 'Ērgle', preferredLanguage: Language.EN });
  await inv.privatelyPaid(līga, group.id, 7550);
  const employees = [await f.person({ givenName: 'Žanis', familyName: 'Ķēniņš' }), await f.person({ givenName: 'Ģirts', familyName: 'Ābele' })];
  for (const employee of employees) await inv.institutionPaid(employee.id, group.id, 7550, institution, account);
  await f.registration((await f.person()).id, group.id, RegistrationStatus.WAITING);

  const drafts = (await staff.data(CREATE, { id: group.id })).createGroupInvoices;
  expect(drafts).toHaveLength(2);
  const privateDraft = drafts.find((d: any) => d.payerName === 'Līga Ērgle');
  const institutionDraft = drafts.find((d: any) => d.payerName === 'Valsts ieņēmumu dienests');
  expect(privateDraft).toMatchObject({ status: 'DRAFT', number: null, language: 'EN', netCents: 7550, vatCents: 0, totalCents: 7550, group: { id: group.id } });
  expect(privateDraft.lines[0].description).toBe(`Training "Basics of ethics" (group ${group.code}), participant: Līga Ērgle`);
  expect(institutionDraft).toMatchObject({ language: 'LV', totalCents: 15100, buyerReference: group.code });
  expect(institutionDraft.lines.map((l: any) => l.description)).toEqual([
    `Mācības "Ētikas pamati" (grupa ${group.code}), dalībnieks: Ģirts Ābele`,
    `Mācības "Ētikas pamati" (grupa ${group.code}), dalībnieks: Žanis Ķēniņš`,
  ]);
  expect(institutionDraft.lines[0]).toMatchObject({
    quantity: 1,
    unitPriceCents: 7550,
    vatRatePercent: 0,
    vatCents: 0,
    exemptionText: expect.stringContaining('PVN'),
  });
  // Registrations already on a live invoice are not drafted twice.
  expect((await staff.data(CREATE, { id: group.id })).createGroupInvoices).toEqual([]);

  const before = Number((await t.app.dataSource.query(`SELECT coalesce(max(last_number), 0) AS n FROM invoice_counter WHERE series = 'VAS'`))[0].n);
  const issued = (await staff.data(ISSUE, { id: privateDraft.id })).issueInvoice;
  expect(issued).toMatchObject({ status: 'SENT', number: `VAS-${year}-${before + 1}` });
  expect(issued.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Date.parse(issued.dueDate) - Date.parse(issued.issueDate)).toBe(14 * 86_400_000);
  expect(await staff.codes(ISSUE, { id: privateDraft.id })).toEqual(['INVOICE_STATUS']);

  // An issue that fails (here the e-invoice would have no buyer name) rolls its number back: no gap.
  await t.app.dataSource.query(`UPDATE invoice SET buyer = jsonb_set(buyer, '{name}', '""') WHERE id = $1`, [institutionDraft.id]);
  const failed = await staff.request(ISSUE, { id: institutionDraft.id });
  expect(fieldCodes(failed)).toEqual(['eInvoice:BR-07']);
  await t.app.dataSource.query(`UPDATE invoice SET buyer = jsonb_set(buyer, '{name}', '"Valsts ieņēmumu dienests"') WHERE id = $1`, [institutionDraft.id]);
  expect((await staff.data(ISSUE, { id: institutionDraft.id })).issueInvoice.number).toBe(`VAS-${year}-${before + 2}`);

  expect((await staff.data(PAID, { id: privateDraft.id })).markInvoicePaid.status).toBe('PAID');
  expect(await staff.codes(PAID, { id: privateDraft.id })).toEqual(['INVOICE_STATUS']);

  expect(fieldCodes(await staff.request(CANCEL, { id: institutionDraft.id, reason: ' ' }))).toEqual(['reason:LENGTH']);
  const credit = (await staff.data(CANCEL, { id: institutionDraft.id, reason: 'Dalība atcelta' })).cancelInvoice;
  expect(credit).toMatchObject({
    type: 'CREDIT_NOTE',
    status: 'SENT',
    series: 'VASK',
    creditedInvoiceId: institutionDraft.id,
    totalCents: 15100,
    cancellationReason: 'Dalība atcelta',
    dueDate: null,
  });
  expect(credit.number).toMatch(new RegExp(`^VASK-${year}-\\d+$`));
  expect(credit.lines).toHaveLength(2);
  const original = (await staff.data(LIST, { f: { groupId: group.id, status: 'CANCELLED' } })).invoices;
  expect(original.items.map((i: any) => i.id)).toEqual([institutionDraft.id]);
  expect(await staff.codes(CANCEL, { id: institutionDraft.id, reason: 'Vēlreiz' })).toEqual(['INVOICE_STATUS']);
  expect(await staff.codes(CANCEL, { id: credit.id, reason: 'Kredītrēķins' })).toEqual(['INVOICE_STATUS']);

  // The cancelled registrations may be invoiced again; a dropped draft takes no number.
  const again = (await staff.data(CREATE, { id: group.id })).createGroupInvoices;
  expect(again.map((d: any) => d.payerName)).toEqual(['Valsts ieņēmumu dienests']);
  const dropped = (await staff.data(CANCEL, { id: again[0].id, reason: 'Nav vajadzīgs' })).cancelInvoice;
  expect(dropped).toMatchObject({ status: 'CANCELLED', number: null, type: 'INVOICE' });

  // The credit note's files: the e-invoice passes the rules and refers to the invoice.
  const xml = Buffer.from((await staff.data(FILE, { id: credit.id, format: 'UBL' })).invoiceFile.base64, 'base64').toString('utf8');
  expect(checkUbl(xml)).toEqual([]);
  expect(xml).toContain(`<cbc:ID>VAS-${year}-${before + 2}</cbc:ID>`);
  const { text } = await pdfText(Buffer.from((await staff.data(FILE, { id: credit.id, format: 'PDF' })).invoiceFile.base64, 'base64'));
  expect(text).toContain(`Kredītrēķins Nr. ${credit.number}`);
  expect(text).toContain(`Koriģē rēķinu: VAS-${year}-${before + 2}`);
  expect(text).toContain('Kopā kreditēts: 151,00 EUR');
});

test('staff see every invoice, a coordinator those of their institutions once issued, a private payer their own', async () => {
  const group = await paidGroup('Publiskie iepirkumi');
  const [mine, other] = [await f.institution('Tieslietu ministrija'), await f.institution('Finanšu ministrija')];
  const [mineAccount, otherAccount] = [await inv.billingAccount(mine), await inv.billingAccount(other)];
  await inv.institutionPaid((await f.person()).id, group.id, 5000, mine, mineAccount);
  await inv.institutionPaid((await f.person()).id, group.id, 5000, other, otherAccount);
  const payer = await f.person({ givenName: 'Rūta', familyName: 'Šmite' });
  await inv.privatelyPaid(payer, group.id, 5000);
  const drafts = (await staff.data(CREATE, { id: group.id })).createGroupInvoices;
  const byPayer = Object.fromEntries(drafts.map((d: any) => [d.payerName, d.id]));

  const coordinator = await t.as((await f.person({ coordinates: [mine.id] })).id);
  const own = await t.as(payer.id);
  const stranger = await t.as((await f.person()).id);
  const filter = { f: { groupId: group.id } };
  // Drafts are the school's own business.
  expect((await coordinator.data(LIST, filter)).invoices).toEqual({ total: 0, items: [] });
  expect((await own.data(MINE)).myInvoices).toEqual([]);
  expect(await own.codes(FILE, { id: byPayer['Rūta Šmite'], format: 'PDF' })).toEqual(['NOT_FOUND']);
  expect(await staff.codes(FILE, { id: byPayer['Rūta Šmite'], format: 'UBL' })).toEqual(['INVOICE_STATUS']);

  for (const id of Object.values(byPayer)) await staff.data(ISSUE, { id });
  expect((await staff.data(LIST, filter)).invoices.total).toBe(3);
  expect((await staff.data(LIST, { f: { groupId: group.id, payer: 'ministrija' } })).invoices.total).toBe(2);
  expect((await coordinator.data(LIST, filter)).invoices.items.map((i: any) => i.payerName)).toEqual(['Tieslietu ministrija']);
  expect(await stranger.codes(LIST, filter)).toEqual(['FORBIDDEN']);
  expect((await own.data(MINE)).myInvoices.map((i: any) => i.id)).toEqual([byPayer['Rūta Šmite']]);
  expect((await stranger.data(MINE)).myInvoices).toEqual([]);

  const pdf = (await own.data(FILE, { id: byPayer['Rūta Šmite'], format: 'PDF' })).invoiceFile;
  expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: expect.stringMatching(/^VAS-\d{4}-\d+\.pdf$/) });
  const { text } = await pdfText(Buffer.from(pdf.base64, 'base64'));
  expect(text).toContain('Rūta Šmite');
  expect(text).toContain('Ūdens iela 7-3, Liepāja, LV-3401');
  expect(text).toContain('Kopā apmaksai: 50,00 EUR');
  expect(text).toContain('Atbrīvots no PVN');
  const ubl = (await coordinator.data(FILE, { id: byPayer['Tieslietu ministrija'], format: 'UBL' })).invoiceFile;
  const xml = Buffer.from(ubl.base64, 'base64').toString('utf8');
  expect(checkUbl(xml)).toEqual([]);
  expect(xml).toContain(`<cbc:EndpointID schemeID="0218">${mine.registrationNumber}</cbc:EndpointID>`);
  expect(await coordinator.codes(FILE, { id: byPayer['Finanšu ministrija'], format: 'PDF' })).toEqual(['NOT_FOUND']);
  expect(await stranger.codes(FILE, { id: byPayer['Rūta Šmite'], format: 'PDF' })).toEqual(['NOT_FOUND']);
  expect(await stranger.codes(ISSUE, { id: byPayer['Rūta Šmite'] })).toEqual(['FORBIDDEN']);
});

test('with MPS_INVOICE_AUTO_ISSUE a group that becomes CONFIRMED has its invoices issued in the same transaction', async () => {
  const auto = await startTestApp({ MPS_ROLE: 'api', MPS_INVOICE_AUTO_ISSUE: 'true', MPS_INVOICE_SERIES: 'AUTO' });
  try {
    const g = fixtures(auto.app.dataSource);
    const course = await g.course((await g.topic()).id, { priceCents: 4000 });
    const group = await g.group(course.id);
    const autoInv = invoiceFixtures(auto.app.dataSource);
    await autoInv.privatelyPaid(await g.person({ givenName: 'Kārlis' }), group.id, 4000);
    await autoInv.privatelyPaid(await g.person({ givenName: 'Mārtiņš' }), group.id, 4000);
    const autoStaff = await auto.as((await g.staff()).id);
    await autoStaff.data(`mutation ($id: ID!) { updateGroup(id: $id, input: { status: CONFIRMED }) { status } }`, { id: group.id });
    const { items } = (await autoStaff.data(LIST, { f: { groupId: group.id } })).invoices;
    expect(items.map((i: any) => [i.status, i.number]).sort()).toEqual([
      ['SENT', `AUTO-${year}-1`],
      ['SENT', `AUTO-${year}-2`],
    ]);
  } finally {
    await auto.stop();
  }
});

test('an institution’s own e-invoice address and buyer reference (the billing account’s first) go into its e-invoice', async () => {
  const institution = await f.institution('Tieslietu ministrija');
  const UPDATE_INSTITUTION = `mutation ($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, input: $input) { einvoiceScheme einvoiceEndpoint buyerReference } }`;
  // Both parts or neither; each scheme's own form.
  expect(fieldCodes(await staff.request(UPDATE_INSTITUTION, { id: institution.id, input: { einvoiceScheme: '9939' } }))).toEqual(['einvoiceEndpoint:REQUIRED']);
  expect(fieldCodes(await staff.request(UPDATE_INSTITUTION, { id: institution.id, input: { einvoiceScheme: '0218', einvoiceEndpoint: '123' } }))).toEqual([
    'einvoiceEndpoint:INVALID_ENDPOINT',
  ]);
  expect(fieldCodes(await staff.request(UPDATE_INSTITUTION, { id: institution.id, input: { einvoiceScheme: 'XX', einvoiceEndpoint: 'a' } }))).toEqual([
    'einvoiceScheme:UNKNOWN_SCHEME',
  ]);
  const { updateInstitution } = await staff.data(UPDATE_INSTITUTION, {
    id: institution.id,
    input: { einvoiceScheme: '9939', einvoiceEndpoint: 'LV90000022399', buyerReference: 'TM-2026/17' },
  });
  expect(updateInstitution).toEqual({ einvoiceScheme: '9939', einvoiceEndpoint: 'LV90000022399', buyerReference: 'TM-2026/17' });

  const xmlOf = async (invoiceId: string) =>
    Buffer.from((await staff.data(FILE, { id: invoiceId, format: 'UBL' })).invoiceFile.base64, 'base64').toString('utf8');
  const issueFor = async (account: { id: string }) => {
    const group = await paidGroup('Administratīvais process');
    await inv.institutionPaid((await f.person()).id, group.id, 5000, institution, account as never);
    const [draft] = (await staff.data(CREATE, { id: group.id })).createGroupInvoices;
    await staff.data(ISSUE, { id: draft.id });
    return { draft, xml: await xmlOf(draft.id) };
  };

  // The institution's reference and address.
  const plain = await inv.billingAccount(institution, 'Grāmatvedība');
  const first = await issueFor(plain);
  expect(first.draft.buyerReference).toBe('TM-2026/17');
  expect(checkUbl(first.xml)).toEqual([]);
  expect(first.xml).toContain('<cbc:BuyerReference>TM-2026/17</cbc:BuyerReference>');
  expect(first.xml).toMatch(/<cac:AccountingCustomerParty>\s*<cac:Party>\s*<cbc:EndpointID schemeID="9939">LV90000022399<\/cbc:EndpointID>/);

  // A billing account's own reference comes first.
  const programme = await t.app.dataSource
    .getRepository(BillingAccount)
    .save({ institutionId: institution.id, name: 'Programma 02.00.00', number: testIban(2_000), invoiceEmail: null });
  await staff.data(`mutation ($id: ID!, $input: BillingAccountInput!) { updateBillingAccount(id: $id, input: $input) { buyerReference } }`, {
    id: programme.id,
    input: { buyerReference: 'Programma 02.00.00' },
  });
  const second = await issueFor(programme);
  expect(second.xml).toContain('<cbc:BuyerReference>Programma 02.00.00</cbc:BuyerReference>');
  expect(checkUbl(second.xml)).toEqual([]);

  // Cleared, the defaults come back: the registration number under 0218 and the group's code.
  await staff.data(UPDATE_INSTITUTION, { id: institution.id, input: { einvoiceScheme: '', einvoiceEndpoint: '', buyerReference: '' } });
  const third = await issueFor(plain);
  expect(third.xml).toMatch(new RegExp(`<cbc:EndpointID schemeID="0218">${institution.registrationNumber}</cbc:EndpointID>`));
  expect(third.draft.buyerReference).not.toBe('TM-2026/17');
});
