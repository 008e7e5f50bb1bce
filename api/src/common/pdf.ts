import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFKitConstructor from 'pdfkit';
import { SCHOOL_TIME_ZONE } from '../time.js';

/**
 * PDF documents the school hands out: sign-in sheets, certificates, invoices.
 *
 * pdfkit writes the file in Node without a browser; the text is set in DejaVu Sans, embedded
 * and subset, because the 14 standard PDF fonts have no Latvian letters (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž).
 */
export type PdfLanguage = 'lv' | 'en';
export type PdfDocument = PDFKit.PDFDocument;

export const PDF_FONT = { regular: 'mps-regular', bold: 'mps-bold' } as const;

const require = createRequire(import.meta.url);
const fontFolder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = { [PDF_FONT.regular]: join(fontFolder, 'DejaVuSans.ttf'), [PDF_FONT.bold]: join(fontFolder, 'DejaVuSans-Bold.ttf') };

export interface PdfOptions {
  title: string;
  language: PdfLanguage;
  /** Landscape for wide tables and certificates. */
  layout?: 'portrait' | 'landscape';
  margin?: number;
}

/** pdfkit takes most of a second to load: loaded with the first document, not with the process (issue 16). */
let pdfkit: typeof PDFKitConstructor | null = null;

/** An A4 page with the school's fonts registered and the regular one selected. */
export function createPdf({ title, language, layout = 'portrait', margin = 50 }: PdfOptions): PdfDocument {
  const PDFDocument = (pdfkit ??= require('pdfkit') as typeof PDFKitConstructor);
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin,
    lang: language === 'lv' ? 'lv-LV' : 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: 'Valsts administrācijas skola', Creator: 'MPS' },
    bufferPages: true,
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(PDF_FONT.regular);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface PdfColumn {
  header: string;
  /** Share of the text width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A ruled table from the current position down, across as many pages as it needs; the header
 * row repeats on every page. `rowHeight` leaves room to sign by hand on sign-in sheets.
 */
export function drawTable(doc: PdfDocument, columns: readonly PdfColumn[], rows: readonly (readonly string[])[], { rowHeight = 20, fontSize = 9 } = {}) {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = columns.map((column) => column.width * width);
  const padding = 4;

  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    const text = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * padding })));
    return Math.max(rowHeight, text + 2 * padding);
  };
  const drawRow = (cells: readonly string[], font: string, height: number) => {
    const top = doc.y;
    let x = left;
    doc.font(font).fontSize(fontSize);
    cells.forEach((cell, i) => {
      doc.rect(x, top, widths[i], height).stroke();
      doc.text(cell, x + padding, top + padding, { width: widths[i] - 2 * padding, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.x = left;
    doc.y = top + height;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const headers = columns.map((column) => column.header);
  const headerHeight = heightOf(headers, PDF_FONT.bold);
  drawRow(headers, PDF_FONT.bold, headerHeight);
  for (const row of rows) {
    const height = heightOf(row, PDF_FONT.regular);
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawRow(headers, PDF_FONT.bold, headerHeight);
    }
    drawRow(row, PDF_FONT.regular, height);
  }
  doc.font(PDF_FONT.regular);
}

/** "Lapa 1 no 3" in the footer of every page; call last, the document buffers its pages. */
export function numberPages(doc: PdfDocument, label: (page: number, pages: number) => string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(PDF_FONT.regular)
      .fontSize(8)
      .text(label(i + 1, count), doc.page.margins.left, doc.page.height - bottomMargin / 2, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** A date and time as a reader in Riga sees it, in the document's language. */
export function pdfDateTime(instant: Date, language: PdfLanguage, parts: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' }) {
  return new Intl.DateTimeFormat(language === 'lv' ? 'lv-LV' : 'en-GB', { ...parts, timeZone: SCHOOL_TIME_ZONE, hourCycle: 'h23' }).format(instant);
}
