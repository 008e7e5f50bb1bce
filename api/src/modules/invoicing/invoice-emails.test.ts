import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { invoiceFixtures } from '../../test/invoice-fixtures.js';
import { pdfText } from '../../test/pdf-text.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { Language } from '../people/person.entity.js';
import { checkUbl } from './ubl-rules.js';

/** An issued invoice and its credit note reach the payer through the outbox and a real SMTP server, with both files. */

const KIND = 'invoice-issued';
let capture: SmtpCapture;
let t: TestApp;

beforeAll(async () => {
  capture = await startSmtpCapture();
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: 'https://mps.vas.gov.lv', MPS_JOB_POLL_MS: '250' });
});
afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

const invoiceMails = (email: string) => capture.to(email).filter((mail) => mail.parsed.headers.get('x-mps-kind') === KIND);
async function mailsOf(email: string, count: number): Promise<CapturedMail[]> {
  await capture.waitFor(() => invoiceMails(email).length >= count, 20_000, `${count} ${KIND} e-mail(s) to ${email}`);
  return invoiceMails(email);
}

test('the payer gets the invoice in their language with its PDF and e-invoice, then the credit note', async () => {
  const f = fixtures(t.app.dataSource);
  const course = await f.course((await f.topic()).id, { titleLv: 'Valsts pārvaldes ētika', titleEn: 'Ethics in public administration', priceCents: 6000 });
  const group = await f.group(course.id);
  const payer = await f.person({ givenName: 'Žanete', familyName: 'Ķirse', preferredLanguage: Language.EN });
  await invoiceFixtures(t.app.dataSource).privatelyPaid(payer, group.id, 6000);
  const staff = await t.as((await f.staff()).id);
  const [draft] = (await staff.data(`mutation ($id: ID!) { createGroupInvoices(groupId: $id) { id } }`, { id: group.id })).createGroupInvoices;
  const issued = (await staff.data(`mutation ($id: ID!) { issueInvoice(id: $id) { number status } }`, { id: draft.id })).issueInvoice;
  expect(issued.status).toBe('SENT');

  const [mail] = await mailsOf(payer.email!, 1);
  expect(mail.parsed.subject).toBe(`Invoice No. ${issued.number}: Ethics in public administration (${group.code})`);
  expect(String(mail.parsed.text).replace(/\s+/g, ' ')).toContain('60.00 EUR');
  expect(mail.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    [`${issued.number}.pdf`, 'application/pdf'],
    [`${issued.number}.xml`, 'application/xml'],
  ]);
  const pdf = await pdfText(mail.parsed.attachments[0].content);
  expect(pdf.title).toBe(`Invoice No. ${issued.number}`);
  expect(pdf.text).toContain('Žanete Ķirse');
  expect(pdf.text).toContain('Total due: 60.00 EUR');
  const xml = mail.parsed.attachments[1].content.toString('utf8');
  expect(checkUbl(xml)).toEqual([]);
  expect(xml).toContain(`<cbc:ID>${issued.number}</cbc:ID>`);

  const credit = (await staff.data(`mutation ($id: ID!) { cancelInvoice(id: $id, reason: "Dalība atcelta") { number } }`, { id: draft.id })).cancelInvoice;
  const [, creditMail] = await mailsOf(payer.email!, 2);
  expect(creditMail.parsed.subject).toBe(`Credit note No. ${credit.number}: Ethics in public administration (${group.code})`);
  expect(String(creditMail.parsed.text).replace(/\s+/g, ' ')).toContain(`cancelled invoice No. ${issued.number}`);
  const creditXml = creditMail.parsed.attachments[1].content.toString('utf8');
  expect(checkUbl(creditXml)).toEqual([]);
  expect(creditXml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
  expect((await pdfText(creditMail.parsed.attachments[0].content)).text).toContain(`Corrects invoice: ${issued.number}`);
});
