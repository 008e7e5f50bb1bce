import type { EuProjectReport, EuReportGroupRow } from './projects.types.js';

/** The group columns of both files, in order: header (Latvian, the school's working language) and value. */
const GROUP_COLUMNS: [header: string, value: (row: EuReportGroupRow) => string | number][] = [
  ['Grupa', (row) => row.groupCode],
  ['Kursa kods', (row) => row.courseCode],
  ['Kurss', (row) => row.courseTitle],
  ['Sākums', (row) => row.startsOn],
  ['Beigas', (row) => row.endsOn],
  ['Dalībnieki', (row) => row.participants],
  ['Plānotās stundas', (row) => row.plannedHours],
  ['Apmeklētās stundas', (row) => row.attendedHours],
  ['Pabeiguši', (row) => row.completions],
  ['Ar rādītāju datiem', (row) => row.withIndicatorData],
];

function indicatorCodes(report: EuProjectReport): string[] {
  return report.totals.indicators.map((indicator) => indicator.code);
}

function groupCells(row: EuReportGroupRow): (string | number)[] {
  return [...GROUP_COLUMNS.map(([, value]) => value(row)), ...row.indicators.map((indicator) => indicator.count)];
}

function totalCells(report: EuProjectReport): (string | number)[] {
  const t = report.totals;
  return ['Kopā', '', `${t.groups} grupas`, report.from, report.to, t.participants, t.plannedHours, t.attendedHours, t.completions, t.withIndicatorData].concat(
    t.indicators.map((indicator) => indicator.count),
  );
}

export const reportFileName = (report: EuProjectReport, extension: 'xlsx' | 'csv') =>
  `${report.project.code.replace(/[^\p{L}\d.+_-]+/gu, '_')}_${report.from}_${report.to}.${extension}`;

/** Two sheets: "Grupas" (one row per group, then the totals) and "Rādītāji" (each indicator against its target). */
export async function reportXlsx(report: EuProjectReport): Promise<Buffer> {
  // Imported with the first report, not at start (as pdfkit is): exceljs is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MPS';
  workbook.created = new Date();
  const groups = workbook.addWorksheet('Grupas', { views: [{ state: 'frozen', ySplit: 1 }] });
  groups.addRow([...GROUP_COLUMNS.map(([header]) => header), ...indicatorCodes(report)]).font = { bold: true };
  for (const row of report.groups) groups.addRow(groupCells(row));
  groups.addRow(totalCells(report)).font = { bold: true };
  groups.columns.forEach((column, i) => (column.width = i === 2 ? 40 : 14));

  const indicators = workbook.addWorksheet('Rādītāji', { views: [{ state: 'frozen', ySplit: 1 }] });
  indicators.addRow(['Kods', 'Rādītājs', 'Indicator', 'Mērķis', 'Sasniegts', 'Izpilde, %']).font = { bold: true };
  for (const indicator of report.indicators) {
    const percent = indicator.count !== null && indicator.target > 0 ? Math.round((indicator.count / indicator.target) * 1000) / 10 : null;
    indicators.addRow([indicator.code, indicator.nameLv, indicator.nameEn, indicator.target, indicator.count ?? '', percent ?? '']);
  }
  indicators.addRow([]);
  indicators.addRow(['', 'Dalībnieku daļa ar rādītāju datiem', 'Share of participants with indicator data', '', report.totals.indicatorDataShare]);
  indicators.columns.forEach((column, i) => (column.width = i === 1 || i === 2 ? 45 : 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The group rows and totals as CSV for Latvian Excel: UTF-8 with a byte order mark (without it Excel
 * reads the bytes as Windows-1257 and garbles ā, š, ž), `;` between fields and `,` as the decimal
 * separator (Latvian regional settings use the comma for decimals, so Excel expects `;` in CSV).
 */
export function reportCsv(report: EuProjectReport): Buffer {
  const lines = [
    [...GROUP_COLUMNS.map(([header]) => header), ...indicatorCodes(report)],
    ...report.groups.map((row) => groupCells(row)),
    totalCells(report),
  ].map((cells) => cells.map(csvField).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
