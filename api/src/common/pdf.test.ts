import { pdfText } from '../test/pdf-text.js';
import { createPdf, drawTable, numberPages, pdfBytes, pdfDateTime } from './pdf.js';

describe('school PDFs', () => {
  it('keeps Latvian letters, repeats table headers on each page and numbers the pages', async () => {
    const doc = createPdf({ title: 'Parakstu lapa', language: 'lv' });
    doc.fontSize(14).text('Ģimenes tiesību pamati — ķēdes, ļaudis, ņiprums');
    const rows = Array.from({ length: 90 }, (_, i) => [`${i + 1}.`, `Žanis Ūdris-Čakste ${i + 1}`, 'Valsts ieņēmumu dienests', '']);
    drawTable(
      doc,
      [
        { header: 'Nr.', width: 0.08, align: 'right' },
        { header: 'Vārds, uzvārds', width: 0.37 },
        { header: 'Iestāde', width: 0.3 },
        { header: 'Paraksts', width: 0.25 },
      ],
      rows,
      { rowHeight: 24 },
    );
    numberPages(doc, (page, pages) => `Lapa ${page} no ${pages}`);
    const bytes = await pdfBytes(doc);

    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    const { pages, text, title } = await pdfText(bytes);
    expect(title).toBe('Parakstu lapa');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Ģimenes tiesību pamati — ķēdes, ļaudis, ņiprums');
    expect(text).toContain('Žanis Ūdris-Čakste 1');
    expect(text).toContain('Žanis Ūdris-Čakste 90');
    pages.forEach((page, i) => {
      expect(page).toContain('Vārds, uzvārds');
      expect(page).toContain(`Lapa ${i + 1} no ${pages.length}`);
    });
  });

  it('writes times as Riga shows them, whatever the server zone', () => {
    // 29 March 2026: Riga moves to summer time at 03:00 local (01:00 UTC).
    expect(pdfDateTime(new Date('2026-03-29T00:30:00Z'), 'lv', { timeStyle: 'short' })).toBe('02:30');
    expect(pdfDateTime(new Date('2026-03-29T01:30:00Z'), 'lv', { timeStyle: 'short' })).toBe('04:30');
    expect(pdfDateTime(new Date('2026-12-04T10:00:00Z'), 'en', { dateStyle: 'long' })).toBe('4 December 2026');
  });
});
