import { buildCalendar, sessionUid, type CalendarEvent } from './calendar.js';

/** A content line after unfolding: NAME;PARAM=...:value, with a TEXT value unescaped. */
interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds (RFC 5545 3.1) and splits the object into properties; parameter values may be quoted. */
function parseCalendar(ics: string): Property[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^([A-Z-]+)((?:;[A-Z-]+=(?:"[^"]*"|[^;:"]*))*):(.*)$/.exec(line);
      if (!match) throw new Error(`Not a content line: ${line}`);
      const params = Object.fromEntries(
        [...match[2].matchAll(/;([A-Z-]+)=("[^"]*"|[^;:"]*)/g)].map(([, key, value]) => [key, value.replace(/^"(.*)"$/, '$1')]),
      );
      return { name: match[1], params, value: match[3] };
    });
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
}

/** The events of a parsed object, each as its properties by name. */
function eventsOf(properties: Property[]): Map<string, Property>[] {
  const events: Map<string, Property>[] = [];
  let current: Map<string, Property> | null = null;
  for (const property of properties) {
    if (property.name === 'BEGIN' && property.value === 'VEVENT') current = new Map();
    else if (property.name === 'END' && property.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else current?.set(property.name, property);
  }
  return events;
}

const DESCRIPTION =
  'Nodarbība kursā „Publiskie iepirkumi”: iepirkuma procedūras, līgumu grozījumi, sūdzību izskatīšana un ' +
  'Iepirkumu uzraudzības biroja prakse; ņemiet līdzi ārējo normatīvo aktu izdrukas, ja vēlaties. ' +
  'Žurnāls un šķirošanas ēdnīca – ā, ē, ī, ū, č, ģ, ķ, ļ, ņ, š, ž. 🎓';

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: sessionUid('6f1e2d3c-4b5a-4978-8e1f-0a2b3c4d5e01', 'mps.vas.gov.lv'),
    sequence: 3,
    startsAt: new Date('2027-03-15T07:30:00.000Z'),
    endsAt: new Date('2027-03-15T11:00:00.000Z'),
    summary: 'Publiskie iepirkumi (PI-101-2027-1)',
    location: 'VAS mācību centrs, Krišjāņa Valdemāra iela 33, Rīga, LV-1010, telpa 305',
    description: DESCRIPTION,
    url: 'https://mps.vas.gov.lv/kursi/3b9d6f0e-2c41-4a8e-9f57-6d1c2a7e4b10',
    cancelled: false,
    ...overrides,
  };
}

const now = new Date('2027-02-01T12:34:56.789Z');
const organizer = { name: 'Valsts administrācijas skola', email: 'mps@vas.gov.lv' };
const attendee = { name: 'Anna Bērziņa', email: 'anna.berzina@example.lv' };

describe('buildCalendar', () => {
  const ics = buildCalendar({ method: 'REQUEST', events: [event()], organizer, attendee, calendarName: 'Mācības, VAS', now });
  const properties = parseCalendar(ics);
  const [vevent] = eventsOf(properties);

  test('every line ends in CRLF, and there is no bare LF or CR', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('the calendar has its header and one event', () => {
    const header = properties.slice(0, 6).map((p) => `${p.name}:${p.value}`);
    expect(header).toEqual(['BEGIN:VCALENDAR', 'PRODID:-//VAS//MPS//LV', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST', 'X-WR-CALNAME:Mācības\\, VAS']);
    expect(properties.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(eventsOf(properties)).toHaveLength(1);
  });

  test('the event has its UID, SEQUENCE, status and times in UTC', () => {
    expect(vevent.get('UID')?.value).toBe('session-6f1e2d3c-4b5a-4978-8e1f-0a2b3c4d5e01@mps.vas.gov.lv');
    expect(vevent.get('SEQUENCE')?.value).toBe('3');
    expect(vevent.get('STATUS')?.value).toBe('CONFIRMED');
    expect(vevent.get('DTSTART')?.value).toBe('20270315T073000Z');
    expect(vevent.get('DTEND')?.value).toBe('20270315T110000Z');
    expect(vevent.get('DTSTAMP')?.value).toBe('20270201T123456Z');
    expect(vevent.get('URL')?.value).toBe('https://mps.vas.gov.lv/kursi/3b9d6f0e-2c41-4a8e-9f57-6d1c2a7e4b10');
  });

  test('organizer and attendee are mailto: addresses with a quoted CN', () => {
    expect(vevent.get('ORGANIZER')).toMatchObject({ value: 'mailto:mps@vas.gov.lv', params: { CN: 'Valsts administrācijas skola' } });
    expect(vevent.get('ATTENDEE')).toMatchObject({ value: 'mailto:anna.berzina@example.lv', params: { CN: 'Anna Bērziņa' } });
    expect(ics.replace(/\r\n /g, '')).toContain('ORGANIZER;CN="Valsts administrācijas skola":mailto:mps@vas.gov.lv');
  });

  test('lines are folded at 75 octets, never inside a character, and unfold to the exact text', () => {
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split multi-byte character would not survive the round trip through UTF-8.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    expect(unescapeText(vevent.get('DESCRIPTION')!.value)).toBe(DESCRIPTION);
  });

  test('folding packs the lines: only the last piece of a folded line is short', () => {
    const lines = ics.split('\r\n');
    const start = lines.findIndex((line) => line.startsWith('DESCRIPTION:'));
    const end = lines.findIndex((line, i) => i > start && !line.startsWith(' '));
    const pieces = lines.slice(start, end);
    expect(pieces.length).toBeGreaterThan(3);
    // A piece ends early only when the next character (up to 4 octets) does not fit.
    for (const piece of pieces.slice(0, -1)) expect(Buffer.byteLength(piece, 'utf8')).toBeGreaterThan(71);
  });

  test('TEXT values escape backslash, semicolon, comma and line breaks, and round-trip', () => {
    const summary = 'A;B,C\\D\nE\r\nF';
    const [parsed] = eventsOf(parseCalendar(buildCalendar({ method: 'PUBLISH', events: [event({ summary })], now })));
    expect(parsed.get('SUMMARY')?.value).toBe('A\\;B\\,C\\\\D\\nE\\nF');
    expect(unescapeText(parsed.get('SUMMARY')!.value)).toBe('A;B,C\\D\nE\nF');
    expect(unescapeText(parsed.get('LOCATION')!.value)).toBe(event().location);
  });

  test('a quoted CN cannot be broken out of', () => {
    const ics = buildCalendar({ method: 'REQUEST', events: [event()], attendee: { name: 'Anna "A" Bērziņa', email: 'a@example.lv' }, now });
    expect(ics).toContain(`ATTENDEE;CN="Anna ^'A^' Bērziņa"`);
  });

  test('absent location, description, url, organizer and attendee leave their properties out', () => {
    const [bare] = eventsOf(parseCalendar(buildCalendar({ method: 'PUBLISH', events: [event({ location: null, description: null, url: null })], now })));
    for (const name of ['LOCATION', 'DESCRIPTION', 'URL', 'ORGANIZER', 'ATTENDEE']) expect(bare.has(name)).toBe(false);
  });

  test('METHOD:CANCEL marks the events cancelled', () => {
    const cancel = parseCalendar(buildCalendar({ method: 'CANCEL', events: [event({ sequence: 4 }), event({ uid: 'other@x' })], organizer, now }));
    expect(cancel.find((p) => p.name === 'METHOD')?.value).toBe('CANCEL');
    const events = eventsOf(cancel);
    expect(events.map((e) => e.get('STATUS')?.value)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(events[0].get('SEQUENCE')?.value).toBe('4');
  });

  test('a cancelled event in a feed is marked cancelled, the others confirmed', () => {
    const feed = parseCalendar(buildCalendar({ method: 'PUBLISH', events: [event(), event({ uid: 'b@x', cancelled: true })], now }));
    expect(eventsOf(feed).map((e) => e.get('STATUS')?.value)).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(feed.some((p) => p.name === 'X-WR-CALNAME')).toBe(false);
  });

  test('DTSTAMP is the current time when none is given', () => {
    const before = Date.now();
    const [stamped] = eventsOf(parseCalendar(buildCalendar({ method: 'PUBLISH', events: [event()] })));
    const stamp = stamped.get('DTSTAMP')!.value;
    expect(stamp).toMatch(/^\d{8}T\d{6}Z$/);
    const iso = stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });
});
