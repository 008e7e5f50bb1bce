import { createPdf, pdfBytes, PDF_FONT } from '../../common/pdf.js';
import { Language } from '../../common/roles.js';

export interface CertificatePdfData {
  language: Language;
  number: string;
  name: string;
  courseTitle: string;
  hours: number | null;
  /** YYYY-MM-DD, the group's last session in Riga. */
  completedOn: string | null;
  issuedAt: Date;
  revokedAt: Date | null;
  verifyUrl: string;
}

/** The certificate's words; the api renders this document itself, so its texts live here, beside it. */
const TEXTS = {
  [Language.LV]: {
    title: 'SERTIFIKĀTS',
    school: 'Valsts administrācijas skola',
    confirms: 'apliecina, ka',
    completed: 'ir apguvis(-usi) mācību programmu',
    hours: (hours: string) => `${hours} akadēmiskās stundas`,
    completedOn: 'Mācības pabeigtas',
    number: 'Sertifikāta numurs',
    verify: 'Sertifikāta īstumu var pārbaudīt',
    revoked: 'ANULĒTS',
    revokedOn: 'Sertifikāts anulēts',
  },
  [Language.EN]: {
    title: 'CERTIFICATE',
    school: 'Latvian School of Public Administration',
    confirms: 'certifies that',
    completed: 'has completed the training programme',
    hours: (hours: string) => `${hours} academic hours`,
    completedOn: 'Completed on',
    number: 'Certificate number',
    verify: 'The certificate can be verified at',
    revoked: 'REVOKED',
    revokedOn: 'Certificate revoked on',
  },
};

const day = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === Language.EN ? 'en-GB' : 'lv-LV', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const rigaDay = (instant: Date, language: Language) =>
  new Intl.DateTimeFormat(language === Language.EN ? 'en-GB' : 'lv-LV', { dateStyle: 'long', timeZone: 'Europe/Riga' }).format(instant);

/** An A4 landscape certificate in the person's language (DejaVu fonts: Latvian letters print). */
export async function certificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const t = TEXTS[data.language];
  const doc = createPdf({ title: `${t.title} ${data.number}`, language: data.language === Language.EN ? 'en' : 'lv', layout: 'landscape', margin: 60 });
  const width = doc.page.width - 120;
  const centred = { align: 'center' as const, width };
  doc
    .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
    .lineWidth(2)
    .stroke('#0a3a68');
  doc.moveDown(1.5).font(PDF_FONT.bold).fontSize(14).fillColor('#0a3a68').text(t.school, centred);
  doc.moveDown(1).fontSize(34).text(t.title, centred);
  doc.moveDown(0.8).font(PDF_FONT.regular).fontSize(14).fillColor('#1a1a1a').text(t.confirms, centred);
  doc.moveDown(0.5).font(PDF_FONT.bold).fontSize(26).text(data.name, centred);
  doc.moveDown(0.5).font(PDF_FONT.regular).fontSize(14).text(t.completed, centred);
  doc.moveDown(0.4).font(PDF_FONT.bold).fontSize(20).text(`“${data.courseTitle}”`, centred);
  if (data.hours !== null) {
    const hours = new Intl.NumberFormat(data.language === Language.EN ? 'en-GB' : 'lv-LV', { maximumFractionDigits: 2 }).format(data.hours);
    doc.moveDown(0.4).font(PDF_FONT.regular).fontSize(14).text(t.hours(hours), centred);
  }
  doc.moveDown(1.2).fontSize(11);
  if (data.completedOn) doc.text(`${t.completedOn}: ${day(data.completedOn, data.language)}`, centred);
  doc.text(`${t.number}: ${data.number}`, centred);
  doc.text(`${t.verify}: ${data.verifyUrl}`, centred);
  if (data.revokedAt) {
    doc
      .moveDown(0.8)
      .font(PDF_FONT.bold)
      .fontSize(18)
      .fillColor('#b00020')
      .text(`${t.revoked} — ${t.revokedOn}: ${rigaDay(data.revokedAt, data.language)}`, centred);
  }
  return pdfBytes(doc);
}
