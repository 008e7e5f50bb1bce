import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language } from '../people/person.entity.js';
import { ACCOUNT_KINDS, NOTIFICATION_KINDS, NotificationKind, QUESTIONNAIRE_KINDS, type NotificationData } from './notification-kinds.js';
import { TemplateRenderer } from './template-renderer.js';

const renderer = new TemplateRenderer();
const LANGUAGES = [Language.LV, Language.EN];
const everyKindAndLanguage = NOTIFICATION_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));
const courseKindsAndLanguages = everyKindAndLanguage.filter(([kind]) => !ACCOUNT_KINDS.includes(kind));
const accountKindsAndLanguages = everyKindAndLanguage.filter(([kind]) => ACCOUNT_KINDS.includes(kind));

/** The text with each run of white space (word wrap included) as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

test('there are templates for every notification kind', () => {
  expect(renderer.kinds().sort()).toEqual([...NOTIFICATION_KINDS].sort());
});

describe.each(courseKindsAndLanguages)('%s in %s', (kind, language) => {
  // Every course kind's data has the common part (recipient, course, group, portal).
  const data = renderer.sample(kind) as NotificationData[NotificationKind.GROUP_CONFIRMED];
  const email = renderer.render(kind, language, data as never);

  test('the subject names the course and the group on one line', () => {
    expect(email.subject).toContain(data.course.title);
    expect(email.subject).toContain(data.group.code);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe(email.subject.trim());
  });

  test('the HTML speaks to the recipient inside the layout', () => {
    expect(email.html).toContain(data.recipientName);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain(`<html lang="${language}">`);
    expect(email.html).toContain(language === Language.LV ? 'Valsts administrācijas skola' : 'Latvian School of Public Administration');
    expect(email.html).toContain('href="https://mps.vas.gov.lv/profils"');
    // A group that has ended has nothing left for the calendar.
    if (!QUESTIONNAIRE_KINDS.includes(kind)) expect(email.html).toContain('.ics');
  });

  test('the text part has no HTML, shows links as "text [url]" and times in Riga', () => {
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text).not.toMatch(/&[a-z]+;|&#/i);
    expect(email.text.split('\n').every((line) => line.length <= 78)).toBe(true);
    // Every sample has a session at 07:30Z in winter, which is 09:30 on the school's clock.
    expect(email.text).toContain('09:30');
    expect(email.text).not.toContain('07:30');
    expect(flat(email.text)).toMatch(/\[https:\/\/mps\.vas\.gov\.lv\/profils\]/);
  });

  test('the words are of the language', () => {
    const text = flat(email.text);
    if (language === Language.LV) {
      expect(text).toContain(`Labdien, ${data.recipientName}!`);
      expect(text).toMatch(/nodarbīb/);
      expect(text).toContain('Šī ziņa ir nosūtīta automātiski.');
      expect(text).not.toMatch(/\b(the|session|Monday|January|February|March|April)\b/);
    } else {
      expect(text).toContain(`Dear ${data.recipientName},`);
      expect(text).toMatch(/\bsessions?\b/);
      expect(text).toContain('This message was sent automatically.');
      expect(text).not.toMatch(/nodarbīb|pirmdiena|gada/);
    }
  });
});

describe.each(accountKindsAndLanguages)('%s in %s (about an account or a question, not a group)', (kind, language) => {
  const data = renderer.sample(kind) as { recipientName: string };
  const email = renderer.render(kind, language, data as never);

  test('a one-line subject; the HTML speaks to the recipient inside the layout', () => {
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain(`<html lang="${language}">`);
    expect(email.html).toContain(data.recipientName);
    expect(email.html).toContain('href="https://mps.vas.gov.lv/profils"');
  });

  test('the text part has no HTML; the words are of the language', () => {
    expect(email.text).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(email.text.split('\n').every((line) => line.length <= 78)).toBe(true);
    const text = flat(email.text);
    if (language === Language.LV) {
      expect(text).toContain(`Labdien, ${data.recipientName}!`);
      expect(text).toContain('Šī ziņa ir nosūtīta automātiski.');
    } else {
      expect(text).toContain(`Dear ${data.recipientName},`);
      expect(text).toContain('This message was sent automatically.');
      expect(text).not.toMatch(/Labdien|Iemesls|Piezīme|Amats|Atbilde/);
    }
  });
});

describe('what the e-mails say', () => {
  test('dates are written out in the language, in Riga time also in summer', () => {
    const data = renderer.sample(NotificationKind.SCHEDULE_CHANGED);
    const lv = flat(renderer.render(NotificationKind.SCHEDULE_CHANGED, Language.LV, data).text);
    const en = flat(renderer.render(NotificationKind.SCHEDULE_CHANGED, Language.EN, data).text);
    expect(lv).toContain('pirmdiena, 2027. gada 15. marts');
    expect(en).toContain('Monday, 15 March 2027');
    // 06:30Z on 29 March, the day after the clocks went forward, is 09:30 summer time (EEST).
    expect(lv).toContain('pirmdiena, 2027. gada 29. marts, 09:30–13:00');
    expect(en).toContain('Monday, 29 March 2027, 09:30–13:00');
  });

  test('one schedule-changed e-mail lists every change of the save, with old → new for what changed', () => {
    const data = renderer.sample(NotificationKind.SCHEDULE_CHANGED);
    const text = flat(renderer.render(NotificationKind.SCHEDULE_CHANGED, Language.LV, data).text);
    expect(text).toContain('Datums: pirmdiena, 2027. gada 15. marts → trešdiena, 2027. gada 17. marts');
    expect(text).toContain('Laiks: 09:30–13:00 → 12:00–15:30');
    // The room is the place's own phrase: no "telpa"/"room" is put before it ("room 108. telpa").
    expect(text).toContain('→ Rīgas Latviešu biedrības nams, Merķeļa iela 13, Rīga, LV-1050, Līgo zāle');
    expect(text).toContain('Krišjāņa Valdemāra iela 33, Rīga, LV-1010, 305. telpa');
    expect(text).toContain('Nodarbību vada: Inese Kalniņa → Pēteris Zariņš');
    expect(text).toContain('tiešsaistē, https://meet.vas.gov.lv/PI-101-2027-1');
    expect(text).toContain('Jauna nodarbība');
    expect(text).toContain('Atcelta nodarbība');
    expect(text.match(/(Mainīta|Jauna|Atcelta) nodarbība/g)).toHaveLength(data.changes.length);

    const html = renderer.render(NotificationKind.SCHEDULE_CHANGED, Language.LV, data).html;
    expect(html).toContain('<em>pirmdiena, 2027. gada 15. marts</em> → <strong>trešdiena, 2027. gada 17. marts</strong>');
  });

  test('a schedule change for the waiting list says they wait, and promises no calendar file', () => {
    const data = renderer.sample(NotificationKind.SCHEDULE_CHANGED);
    for (const [language, waitingWords, enrolledWords, fileWords] of [
      [Language.LV, 'kurā esat gaidīšanas rindā', 'kurā mācāties', 'Pielikumā esošais kalendāra fails'],
      [Language.EN, 'for which you are on the waiting list', 'in which you are enrolled', 'The attached calendar file'],
    ] as const) {
      const waiting = flat(renderer.render(NotificationKind.SCHEDULE_CHANGED, language, { ...data, waiting: true }).text);
      const confirmed = flat(renderer.render(NotificationKind.SCHEDULE_CHANGED, language, data).text);
      expect(waiting).toContain(waitingWords);
      expect(waiting).not.toContain(enrolledWords);
      expect(waiting).not.toContain(fileWords);
      expect(confirmed).toContain(enrolledWords);
      expect(confirmed).toContain(fileWords);
    }
  });

  test('an online session whose link the recipient may not have says so, without a link', () => {
    const data = renderer.sample(NotificationKind.REGISTRATION_WAITING);
    const sessions = data.sessions.map((s) => ({ ...s, place: null, online: true, onlineUrl: null }));
    expect(flat(renderer.render(NotificationKind.REGISTRATION_WAITING, Language.EN, { ...data, sessions }).text)).toContain(
      'Place: online (confirmed participants get the link)',
    );
    expect(flat(renderer.render(NotificationKind.REGISTRATION_WAITING, Language.LV, { ...data, sessions }).text)).toContain(
      'Vieta: tiešsaistē (saiti saņem apstiprinātie dalībnieki)',
    );
  });

  test('the wording follows the recipient role', () => {
    const data = renderer.sample(NotificationKind.GROUP_CANCELLED);
    const participant = flat(renderer.render(NotificationKind.GROUP_CANCELLED, Language.LV, data).text);
    const lecturer = flat(renderer.render(NotificationKind.GROUP_CANCELLED, Language.LV, { ...data, recipientRole: 'LECTURER' }).text);
    expect(participant).toContain('kurā Jums bija paredzēts mācīties');
    expect(participant).toContain('varat pieteikties citai grupai');
    expect(lecturer).toContain('kurā Jums bija paredzēts vadīt nodarbības');
    expect(lecturer).not.toContain('citai grupai');
  });

  test('the headings are the ones of the kind', () => {
    const heading = (kind: NotificationKind) => flat(renderer.render(kind, Language.LV, renderer.sample(kind)).text);
    expect(heading(NotificationKind.SCHEDULE_CHANGED)).toContain('Nodarbību grafiks mainīts');
    expect(heading(NotificationKind.GROUP_CANCELLED)).toContain('Grupa atcelta');
    expect(heading(NotificationKind.GROUP_CONFIRMED)).toContain('Grupa apstiprināta');
    expect(heading(NotificationKind.LECTURER_ASSIGNED)).toContain('Jūs esat norīkots(-a) vadīt nodarbības');
    expect(heading(NotificationKind.LECTURER_REMOVED)).toContain('Jūs vairs nevadāt nodarbības');
  });

  test('a cancellation gives its reason when there is one', () => {
    const data = renderer.sample(NotificationKind.GROUP_CANCELLED);
    expect(flat(renderer.render(NotificationKind.GROUP_CANCELLED, Language.LV, data).text)).toContain(`Iemesls: ${data.reason}`);
    const withoutReason = renderer.render(NotificationKind.GROUP_CANCELLED, Language.LV, { ...data, reason: null });
    expect(withoutReason.text).not.toContain('Iemesls');
  });
});

describe('data', () => {
  test('values are HTML-escaped in the body, but not in the subject or the text', () => {
    const data = renderer.sample(NotificationKind.GROUP_CONFIRMED);
    data.recipientName = '<script>alert(1)</script> Anna';
    data.course.title = 'Iepirkumi & līgumi <b>';
    const email = renderer.render(NotificationKind.GROUP_CONFIRMED, Language.EN, data);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Anna');
    expect(email.subject).toBe('Group confirmed: Iepirkumi & līgumi <b> (KN-110-2027-1)');
    expect(email.text).toContain('Dear <script>alert(1)</script> Anna,');
  });

  test('a missing field fails loudly', () => {
    const { recipientName: _name, ...withoutName } = renderer.sample(NotificationKind.GROUP_CONFIRMED);
    expect(() => renderer.render(NotificationKind.GROUP_CONFIRMED, Language.LV, withoutName as never)).toThrow(/recipientName/);
  });

  test('a missing field used in a condition or a list fails loudly too', () => {
    const { sessions: _sessions, ...withoutSessions } = renderer.sample(NotificationKind.LECTURER_ASSIGNED);
    expect(() => renderer.render(NotificationKind.LECTURER_ASSIGNED, Language.EN, withoutSessions as never)).toThrow(/missing value/);
    const { reason: _reason, ...withoutReason } = renderer.sample(NotificationKind.GROUP_CANCELLED);
    expect(() => renderer.render(NotificationKind.GROUP_CANCELLED, Language.EN, withoutReason as never)).toThrow(/missing value/);
  });

  test('a date that is not an ISO instant fails loudly', () => {
    const data = renderer.sample(NotificationKind.LECTURER_REMOVED);
    data.sessions[0].startsAt = 'next Monday';
    expect(() => renderer.render(NotificationKind.LECTURER_REMOVED, Language.LV, data)).toThrow(/ISO date-time/);
  });

  test('samples are fresh copies', () => {
    renderer.sample(NotificationKind.SCHEDULE_CHANGED).changes.length = 0;
    expect(renderer.sample(NotificationKind.SCHEDULE_CHANGED).changes.length).toBeGreaterThan(0);
  });
});

describe('loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mps-templates-'));
    cpSync(fileURLToPath(new URL('./templates', import.meta.url)), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a missing template is named with its kind and language when the renderer is made', () => {
    rmSync(join(dir, 'group-confirmed', 'body.en.hbs'));
    expect(() => new TemplateRenderer(dir)).toThrow(/"group-confirmed", language "en"/);
  });

  test('a missing sample is named with its kind', () => {
    rmSync(join(dir, 'lecturer-removed', 'sample.json'));
    expect(() => new TemplateRenderer(dir)).toThrow(/"lecturer-removed"/);
  });
});
