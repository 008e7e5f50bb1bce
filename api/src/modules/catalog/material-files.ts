/**
 * Which files staff may upload as course materials, and how we know a file is what its name says:
 * the type comes from the extension, and the first bytes must match it (a renamed program or web
 * page is refused). The type we serve is ours, never the uploader's.
 */
interface FileKind {
  contentType: string;
  /** The file must start with one of these; none: text (valid UTF-8 without NUL bytes). */
  signatures: number[][] | null;
  /** Shown in the browser rather than downloaded. */
  inline: boolean;
}

const PDF = [[0x25, 0x50, 0x44, 0x46, 0x2d]];
const ZIP = [[0x50, 0x4b, 0x03, 0x04]];
const OLE = [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];

const KINDS: Record<string, FileKind> = {
  pdf: { contentType: 'application/pdf', signatures: PDF, inline: true },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signatures: ZIP, inline: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signatures: ZIP, inline: false },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', signatures: ZIP, inline: false },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', signatures: ZIP, inline: false },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', signatures: ZIP, inline: false },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', signatures: ZIP, inline: false },
  doc: { contentType: 'application/msword', signatures: OLE, inline: false },
  xls: { contentType: 'application/vnd.ms-excel', signatures: OLE, inline: false },
  ppt: { contentType: 'application/vnd.ms-powerpoint', signatures: OLE, inline: false },
  zip: { contentType: 'application/zip', signatures: ZIP, inline: false },
  png: { contentType: 'image/png', signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], inline: true },
  jpg: { contentType: 'image/jpeg', signatures: [[0xff, 0xd8, 0xff]], inline: true },
  jpeg: { contentType: 'image/jpeg', signatures: [[0xff, 0xd8, 0xff]], inline: true },
  txt: { contentType: 'text/plain; charset=utf-8', signatures: null, inline: true },
  csv: { contentType: 'text/csv; charset=utf-8', signatures: null, inline: false },
};

/** For the upload form's `accept` and the error message. */
export const MATERIAL_EXTENSIONS = Object.keys(KINDS);

export type FileCheck = { ok: true; contentType: string; fileName: string } | { ok: false; code: 'FILE_NAME' | 'FILE_TYPE' | 'FILE_CONTENT' | 'FILE_EMPTY' };

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** A name safe to store and to put in a header: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const printable = [...base.normalize('NFC')].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"');
  return printable.join('').trim().slice(-200);
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function checkMaterialFile(rawName: string, bytes: Buffer): FileCheck {
  const fileName = cleanFileName(rawName);
  if (!fileName || fileName.startsWith('.')) return { ok: false, code: 'FILE_NAME' };
  const kind = KINDS[extensionOf(fileName)];
  if (!kind) return { ok: false, code: 'FILE_TYPE' };
  if (bytes.length === 0) return { ok: false, code: 'FILE_EMPTY' };
  const matches = kind.signatures ? kind.signatures.some((signature) => signature.every((byte, i) => bytes[i] === byte)) : isText(bytes);
  return matches ? { ok: true, contentType: kind.contentType, fileName } : { ok: false, code: 'FILE_CONTENT' };
}

export function showsInline(fileName: string): boolean {
  return KINDS[extensionOf(fileName)]?.inline ?? false;
}
