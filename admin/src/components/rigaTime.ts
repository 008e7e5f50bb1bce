/** The school's clock: every time a person sees or types in the console is in Riga, whatever the browser's zone. */
export const SCHOOL_TIME_ZONE = 'Europe/Riga';

const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `<input type="datetime-local">` text: "2030-03-04T09:00". */
const LOCAL_TEXT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute };
}

/** Riga's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  const c = wallClock(new Date(ms));
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute) - Math.floor(ms / 60_000) * 60_000;
}

/** An instant (ISO text or Date) as the Riga wall clock reads it, for a datetime-local input; '' when none. */
export function toRigaLocal(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && LOCAL_TEXT.test(value)) return value;
  const instant = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(instant.getTime())) return '';
  const c = wallClock(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${two(c.month)}-${two(c.day)}T${two(c.hour)}:${two(c.minute)}`;
}

/** What a person typed on Riga's wall clock, as an ISO instant; null when empty or unreadable. */
export function fromRigaLocal(text: unknown): string | null {
  const match = typeof text === 'string' ? LOCAL_TEXT.exec(text) : null;
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset depends on the instant sought; a second step settles it around the clock changes.
  const first = asIfUtc - offsetAt(asIfUtc);
  return new Date(asIfUtc - offsetAt(first)).toISOString();
}

/** Times as the school's clock shows them, for lists and exports. */
const RIGA = { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const;

/** An instant on the school's clock in the given locale; empty for none. */
export function formatRigaTime(value: unknown, locale: string): string {
  return value ? new Date(String(value)).toLocaleString(locale, RIGA) : '';
}
