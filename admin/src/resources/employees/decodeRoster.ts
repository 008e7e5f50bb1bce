export type RosterEncoding = 'utf-8' | 'windows-1257';

/** The same limit as the API's, checked before anything is sent. */
export const MAX_ROSTER_BYTES = 1_000_000;

/**
 * A roster file's text. UTF-8 when the bytes are valid UTF-8 (any BOM is dropped); otherwise
 * windows-1257, the Baltic code page Latvian Excel uses for "CSV (Comma delimited)".
 */
export function decodeRoster(bytes: ArrayBuffer): { text: string; encoding: RosterEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1257').decode(bytes), encoding: 'windows-1257' };
  }
}
