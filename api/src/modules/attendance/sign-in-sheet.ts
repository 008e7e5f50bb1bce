import { createPdf, drawTable, numberPages, pdfBytes, pdfDateTime, PDF_FONT } from '../../common/pdf.js';
import { Language } from '../people/person.entity.js';

export interface SignInSheetData {
  language: Language;
  courseTitle: string;
  groupCode: string;
  startsAt: Date;
  endsAt: Date;
  /** The session's date in Riga, YYYY-MM-DD (for the file name). */
  date: string;
  /** Name, room and address; null for an online-only session. */
  place: string | null;
  online: boolean;
  lecturer: string | null;
  participants: { name: string; institution: string | null }[];
}

/** The sheet's words; the api renders this document itself, so its texts live here, beside it. */
const TEXTS = {
  [Language.LV]: {
    title: 'Dalībnieku reģistrācijas lapa',
    group: 'Grupa',
    time: 'Laiks',
    place: 'Norises vieta',
    online: 'Tiešsaistē',
    lecturer: 'Pasniedzējs',
    none: '—',
    number: 'Nr.',
    name: 'Vārds, uzvārds',
    institution: 'Iestāde',
    signature: 'Paraksts',
    noParticipants: 'Grupā nav apstiprinātu dalībnieku.',
    lecturerSignature: 'Pasniedzēja paraksts',
    page: (page: number, pages: number) => `Lapa ${page} no ${pages}`,
  },
  [Language.EN]: {
    title: 'Sign-in sheet',
    group: 'Group',
    time: 'Time',
    place: 'Venue',
    online: 'Online',
    lecturer: 'Lecturer',
    none: '—',
    number: 'No.',
    name: 'Name',
    institution: 'Institution',
    signature: 'Signature',
    noParticipants: 'The group has no confirmed participants.',
    lecturerSignature: "Lecturer's signature",
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
} as const;

/** A session's sign-in sheet: what, when and where in Riga time, then a numbered table to sign. */
export function renderSignInSheet(data: SignInSheetData): Promise<Buffer> {
  const t = TEXTS[data.language];
  const language = data.language === Language.EN ? 'en' : 'lv';
  const doc = createPdf({ title: `${t.title}: ${data.courseTitle}`, language });
  doc.font(PDF_FONT.bold).fontSize(16).text(t.title);
  doc.moveDown(0.3).fontSize(13).text(data.courseTitle);
  doc.moveDown(0.5).font(PDF_FONT.regular).fontSize(10);
  const day = pdfDateTime(data.startsAt, language, { dateStyle: 'full' });
  const from = pdfDateTime(data.startsAt, language, { timeStyle: 'short' });
  const to = pdfDateTime(data.endsAt, language, { timeStyle: 'short' });
  const where = [data.place, data.online ? t.online : null].filter(Boolean).join('; ') || t.none;
  for (const [label, value] of [
    [t.group, data.groupCode],
    [t.time, `${day}, ${from}–${to}`],
    [t.place, where],
    [t.lecturer, data.lecturer ?? t.none],
  ]) {
    doc.font(PDF_FONT.bold).text(`${label}: `, { continued: true }).font(PDF_FONT.regular).text(value);
  }
  doc.moveDown();
  if (data.participants.length === 0) {
    doc.text(t.noParticipants);
  } else {
    drawTable(
      doc,
      [
        { header: t.number, width: 0.07, align: 'right' },
        { header: t.name, width: 0.33 },
        { header: t.institution, width: 0.33 },
        { header: t.signature, width: 0.27 },
      ],
      data.participants.map((p, i) => [`${i + 1}.`, p.name, p.institution ?? '', '']),
      { rowHeight: 26, fontSize: 10 },
    );
  }
  doc.moveDown(2).fontSize(10).text(`${t.lecturerSignature}: ____________________________`);
  numberPages(doc, t.page);
  return pdfBytes(doc);
}
