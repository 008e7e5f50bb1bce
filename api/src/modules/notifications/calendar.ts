/**
 * iCalendar (RFC 5545) objects for e-mail attachments (iTIP, RFC 5546) and calendar feeds. Small
 * enough to write by hand: a few properties, TEXT escaping, and line folding.
 */

/** One session as a calendar entry. */
export interface CalendarEvent {
  /** Stable across changes of the session, so that calendars update the entry instead of adding one. */
  uid: string;
  /** Raised on every change; calendars ignore an update whose sequence is not higher than theirs. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string | null;
  description: string | null;
  url: string | null;
  cancelled: boolean;
}

interface CalendarUser {
  name: string;
  email: string;
}

const CRLF = '\r\n';
/** RFC 5545 3.1: content lines are folded after at most 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/** The UID of a session's calendar entry: the same in every e-mail and feed about that session. */
export function sessionUid(sessionId: string, host: string): string {
  return `session-${sessionId}@${host}`;
}

/**
 * An iCalendar object holding `events`. With METHOD:CANCEL every event is marked cancelled, as
 * RFC 5546 requires, whatever its `cancelled` says.
 */
export function buildCalendar(options: {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  events: CalendarEvent[];
  organizer?: CalendarUser;
  attendee?: CalendarUser;
  calendarName?: string;
  now?: Date;
}): string {
  const stamp = utc(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//VAS//MPS//LV',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method}`,
    ...(options.calendarName ? [`X-WR-CALNAME:${text(options.calendarName)}`] : []),
    ...options.events.flatMap((event) => eventLines(event, stamp, options)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent, stamp: string, options: Parameters<typeof buildCalendar>[0]): string[] {
  const cancelled = event.cancelled || options.method === 'CANCEL';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${text(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${text(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${text(event.description)}`);
  // URL is a URI value, not TEXT: it is written as is.
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  if (options.organizer) lines.push(`ORGANIZER;CN=${quoted(options.organizer.name)}:mailto:${options.organizer.email}`);
  if (options.attendee) {
    lines.push(`ATTENDEE;CN=${quoted(options.attendee.name)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${options.attendee.email}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

/** `20270315T073000Z`: a DATE-TIME in UTC form, which needs no VTIMEZONE. */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A quoted parameter value such as CN. It cannot hold a double quote or a line break; RFC 6868
 * writes them as ^' and ^n (and ^ itself as ^^).
 */
function quoted(value: string): string {
  const encoded = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return `"${encoded}"`;
}

/**
 * Folds a content line into lines of at most 75 octets; each continuation starts with a space,
 * which counts towards its 75. Splits only between characters, never inside one's UTF-8 bytes.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
