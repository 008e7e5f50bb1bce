import { downloadCSV } from 'react-admin';

/** One CSV cell, quoted, with quotes doubled; formula-like text is prefixed so spreadsheets show it as text. */
export function csvCell(value: unknown): string {
  const text = String(value ?? '');
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Downloads rows as `<fileName>.csv`: comma separated, CRLF line ends, with a byte-order mark so
 * spreadsheet programs read the Latvian letters as UTF-8.
 */
export function downloadCsvFile(header: string[], rows: unknown[][], fileName: string): void {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  downloadCSV(`\ufeff${lines.join('\r\n')}`, fileName);
}
