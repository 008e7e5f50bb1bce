import { inTransaction } from '../../db/transaction.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../../test/smtp-capture.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { Language, Person } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { Group, GroupStatus } from '../scheduling/group.entity.js';
import { ScheduleChange } from '../scheduling/schedule-change.entity.js';
import { Place } from '../scheduling/place.entity.js';
import { ScheduleNotices } from '../scheduling/schedule-notices.js';
import { createMailTransport } from './mail-transport.js';
import { NOTIFICATION_KINDS, NotificationKind } from './notification-kinds.js';
import { NO_ADDRESS, type EmailRequest } from './notifications.service.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';
import { TemplateRenderer } from './template-renderer.js';

const PUBLIC_URL = 'https://mps.vas.test';
const HOST = 'mps.vas.test';

let capture: SmtpCapture;
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let courseId: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  // Retries come back after 100 ms, and the recurring delivery job looks every 250 ms.
  t = await startTestApp({ SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL, MPS_JOB_POLL_MS: '250' }, { delivery: { retryDelayMs: () => 100 } });
  f = fixtures(t.app.dataSource);
  const topic = await f.topic();
  courseId = (await f.course(topic.id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement' })).id;
  staff = await t.as((await f.staff()).id);
});

afterAll(async () => {
  await t?.stop();
  await capture?.stop();
});

// What arrived

interface CalendarEntry {
  uid: string;
  sequence: number;
  start: string;
  status: string;
  location?: string;
}

interface Calendar {
  method: string;
  events: CalendarEntry[];
}

/** The iCalendar objects of an e-mail (the iTIP part and its file copy count once), unfolded and read. */
function calendarsOf(mail: CapturedMail): Calendar[] {
  const contents = new Set(mail.parsed.attachments.map((a) => a.content.toString('utf8')).filter((text) => text.startsWith('BEGIN:VCALENDAR')));
  return [...contents].map((text) => {
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    const events: Record<string, string>[] = [];
    let current: Record<string, string> | null = null;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') current = {};
      else if (line === 'END:VEVENT') {
        events.push(current!);
        current = null;
      } else if (current) current[line.slice(0, line.indexOf(':')).split(';')[0]] = line.slice(line.indexOf(':') + 1);
    }
    return {
      method: lines.find((l) => l.startsWith('METHOD:'))!.slice('METHOD:'.length),
      events: events.map((e) => ({
        uid: e.UID,
        sequence: Number(e.SEQUENCE),
        start: e.DTSTART,
        status: e.STATUS,
        ...(e.LOCATION ? { location: e.LOCATION } : {}),
      })),
    };
  });
}

const uid = (sessionId: string) => `session-${sessionId}@${HOST}`;
const mailsTo = (person: { email: string | null }) => capture.to(person.email!);
const kindOf = (mail: CapturedMail) => mail.parsed.headers.get('x-mps-kind');

/** Waits until each address has received at least the given number of e-mails. */
function received(expected: [{ email: string | null }, number][]): Promise<void> {
  const what = expected.map(([p, n]) => `${n} to ${p.email}`).join(', ');
  return capture.waitFor(() => expected.every(([p, n]) => capture.to(p.email!).length >= n), 15_000, what);
}

/** Polls the database for a condition: for states the SMTP server cannot see (a message marked SENT). */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const outbox = () => t.app.dataSource.getRepository(OutboxMessage);
const rowsOfGroup = (groupId: string) => outbox().find({ where: { groupId }, order: { createdAt: 'ASC' } });
const rowsOfPerson = (groupId: string, personId: string) => outbox().find({ where: { groupId, personId }, order: { createdAt: 'ASC' } });

const renderer = new TemplateRenderer();

/** An e-mail request of a kind with its template's sample data. */
const request = (key: string, to: { personId: string | null; email: string | null }, kind = NotificationKind.SCHEDULE_CHANGED): EmailRequest => ({
  kind,
  idempotencyKey: key,
  to: { ...to, name: 'Anna Bērziņa', language: Language.LV },
  data: renderer.sample(kind),
});
const enqueue = (requests: EmailRequest[]) => inTransaction(t.app.dataSource, (em) => t.app.services.notifications.enqueue(em, requests));
/** Delivers what is due; joins a run in progress, which then goes round once more. */
const deliver = () => t.app.worker!.delivery.deliverDue();

// What changes

const UPDATE_SESSION = `mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id sequence } }`;
const SAVE_SCHEDULE = `mutation($groupId: ID!, $input: GroupScheduleInput!) { saveGroupSchedule(groupId: $groupId, input: $input) { id sessions { id } } }`;
const CANCEL_GROUP = `mutation($id: ID!, $reason: String) { cancelGroup(id: $id, reason: $reason) { status cancellationReason } }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { status } }`;

const at = (iso: string) => new Date(iso);

/**
 * A group of its own for each test (its own place and lecturer, so no test's sessions clash with
 * another's): Līga (lv) and John (en) confirmed, Pēteris waiting, Rūta cancelled; one session on
 * Monday 4 March 2030, 09:00-12:00 in Riga.
 */
async function scenario(status = GroupStatus.OPEN) {
  const group = await f.group(courseId, { status });
  const place = await f.place('VAS mācību centrs');
  const otherPlace = await f.place('Rīgas Latviešu biedrības nams');
  const lecturer = await f.lecturer('Inese Kalniņa');
  const liga = await f.person({ givenName: 'Līga', familyName: 'Ozola' });
  const john = await f.person({ givenName: 'John', familyName: 'Smith', preferredLanguage: Language.EN });
  const peteris = await f.person({ givenName: 'Pēteris', familyName: 'Gaiša' });
  const ruta = await f.person({ givenName: 'Rūta', familyName: 'Liepa' });
  await f.registration(liga.id, group.id, RegistrationStatus.CONFIRMED);
  await f.registration(john.id, group.id, RegistrationStatus.CONFIRMED);
  await f.registration(peteris.id, group.id, RegistrationStatus.WAITING);
  await f.registration(ruta.id, group.id, RegistrationStatus.CANCELLED);
  const session = await f.session(group.id, 0, {
    startsAt: at('2030-03-04T07:00:00Z'),
    endsAt: at('2030-03-04T10:00:00Z'),
    placeId: place.id,
    onlineUrl: null,
    lecturerId: lecturer.id,
  });
  return { group, place, otherPlace, lecturer, liga, john, peteris, ruta, session };
}

describe('a schedule change, as e-mail through SMTP', () => {
  test('a moved session: one e-mail to each confirmed and waiting participant and the lecturer, in their language, old and new time in Riga, the same calendar UID with a growing SEQUENCE', async () => {
    const s = await scenario();
    const moved = await staff.data(UPDATE_SESSION, { id: s.session.id, input: { startsAt: '2030-03-05T08:30:00Z', endsAt: '2030-03-05T11:30:00Z' } });
    expect(moved.updateSession.sequence).toBe(1);
    await received([
      [s.liga, 1],
      [s.john, 1],
      [s.peteris, 1],
      [s.lecturer, 1],
    ]);

    const [liga] = mailsTo(s.liga);
    expect(liga.parsed.subject).toBe(`Nodarbību grafiks mainīts: Publiskie iepirkumi (${s.group.code})`);
    expect(liga.parsed.html).toContain('<html lang="lv">');
    expect(kindOf(liga)).toBe(NotificationKind.SCHEDULE_CHANGED);
    // Monday 4 March 09:00-12:00 in Riga (UTC+2 in March) became Tuesday 5 March 10:30-13:30.
    expect(liga.parsed.text).toMatch(/pirmdiena, 2030\. gada 4\. marts\s*→\s*otrdiena, 2030\. gada 5\. marts/);
    expect(liga.parsed.text).toMatch(/09:00–12:00\s*→\s*10:30–13:30/);
    expect(liga.parsed.text).toContain(`Labdien, Līga Ozola!`);
    expect(calendarsOf(liga)).toEqual([
      {
        method: 'REQUEST',
        events: [
          { uid: uid(s.session.id), sequence: 1, start: '20300305T083000Z', status: 'CONFIRMED', location: expect.stringContaining('VAS mācību centrs') },
        ],
      },
    ]);
    // The iTIP part mail programs act on says its method in its Content-Type.
    const itip = liga.parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(itip?.headers.get('content-type')).toMatchObject({ params: expect.objectContaining({ method: 'REQUEST' }) });

    const [john] = mailsTo(s.john);
    expect(john.parsed.subject).toBe(`Schedule changed: Public procurement (${s.group.code})`);
    expect(john.parsed.html).toContain('<html lang="en">');
    expect(john.parsed.text).toMatch(/Monday, 4 March 2030\s*→\s*Tuesday, 5 March 2030/);
    expect(john.parsed.text).toMatch(/09:00–12:00\s*→\s*10:30–13:30/);
    expect(calendarsOf(john).map((c) => c.method)).toEqual(['REQUEST']);

    // On the waiting list: told, but no calendar entry (only a confirmed seat holds one).
    const [peteris] = mailsTo(s.peteris);
    expect(peteris.parsed.subject).toBe(liga.parsed.subject);
    expect(peteris.parsed.text).toMatch(/09:00–12:00\s*→\s*10:30–13:30/);
    expect(calendarsOf(peteris)).toEqual([]);
    expect(peteris.parsed.attachments).toEqual([]);

    const [lecturer] = mailsTo(s.lecturer);
    expect(lecturer.parsed.text).toContain('kurā vadāt nodarbības');
    expect(calendarsOf(lecturer)[0].events[0]).toMatchObject({ uid: uid(s.session.id), sequence: 1 });

    // A cancelled registration: no message at all (the outbox is written with the change).
    expect(await rowsOfPerson(s.group.id, s.ruta.id)).toEqual([]);
    expect(await rowsOfGroup(s.group.id)).toHaveLength(4);

    // The Message-ID stored is the one that arrived.
    const stored = await rowsOfPerson(s.group.id, s.liga.id);
    expect(stored.map((m) => m.messageId)).toEqual([liga.parsed.messageId]);

    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { startsAt: '2030-03-06T08:30:00Z', endsAt: '2030-03-06T11:30:00Z' } });
    await received([
      [s.liga, 2],
      [s.john, 2],
      [s.peteris, 2],
      [s.lecturer, 2],
    ]);
    const second = mailsTo(s.liga)[1];
    expect(calendarsOf(second)[0].events).toEqual([expect.objectContaining({ uid: uid(s.session.id), sequence: 2, start: '20300306T083000Z' })]);
    expect(second.parsed.messageId).not.toBe(liga.parsed.messageId);
    expect(mailsTo(s.ruta)).toEqual([]);
  });

  test('a session made hybrid: the waiting list is told it waits, without the link or a calendar; places read in each language', async () => {
    const s = await scenario();
    const place = await t.app.dataSource.getRepository(Place).save({
      name: 'Valsts administrācijas skola',
      nameEn: 'Latvian School of Public Administration',
      address: 'Raiņa bulvāris 4, Rīga',
      room: '108. telpa (datorklase)',
      roomEn: 'Room 108 (computer lab)',
      capacity: 16,
    });
    const link = 'https://vas.example.lv/meet/hybrid-7';
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { placeId: place.id, onlineUrl: link } });
    await received([
      [s.liga, 1],
      [s.john, 1],
      [s.peteris, 1],
    ]);

    const [peteris] = mailsTo(s.peteris);
    const waitingText = String(peteris.parsed.text).replace(/\s+/g, ' ');
    expect(waitingText).toContain('kurā esat gaidīšanas rindā');
    expect(waitingText).toContain('Jūs joprojām esat gaidīšanas rindā');
    expect(waitingText).not.toContain('kurā mācāties');
    expect(waitingText).not.toContain('Pielikumā esošais kalendāra fails');
    expect(waitingText).toContain('tiešsaistē (saiti saņem apstiprinātie dalībnieki)');
    expect(`${peteris.parsed.text} ${peteris.parsed.html}`).not.toContain(link);
    expect(peteris.parsed.attachments).toEqual([]);

    const [liga] = mailsTo(s.liga);
    const confirmedText = String(liga.parsed.text).replace(/\s+/g, ' ');
    expect(confirmedText).toContain('kurā mācāties');
    expect(confirmedText).toContain('Pielikumā esošais kalendāra fails');
    expect(confirmedText).toContain('Valsts administrācijas skola, Raiņa bulvāris 4, Rīga, 108. telpa (datorklase)');
    expect(confirmedText).toContain(link);
    expect(calendarsOf(liga)[0].events[0].location).toContain('108. telpa (datorklase)');

    const [john] = mailsTo(s.john);
    const englishText = String(john.parsed.text).replace(/\s+/g, ' ');
    expect(englishText).toContain('in which you are enrolled');
    expect(englishText).toContain('Latvian School of Public Administration, Raiņa bulvāris 4, Rīga, Room 108 (computer lab)');
    expect(englishText).not.toMatch(/telpa|room Room/);
    expect(calendarsOf(john)[0].events[0].location).toContain('Latvian School of Public Administration\\, Room 108 (computer lab)');
  });

  test('start, end and place changed in one save: exactly one e-mail per person, with the old and the new place', async () => {
    const s = await scenario();
    await staff.data(UPDATE_SESSION, {
      id: s.session.id,
      input: { startsAt: '2030-03-04T11:00:00Z', endsAt: '2030-03-04T14:30:00Z', placeId: s.otherPlace.id },
    });
    await received([
      [s.liga, 1],
      [s.john, 1],
      [s.peteris, 1],
      [s.lecturer, 1],
    ]);
    const rows = await rowsOfGroup(s.group.id);
    expect(rows.map((r) => r.toAddress).sort()).toEqual([s.liga.email, s.john.email, s.peteris.email, s.lecturer.email].sort());
    for (const person of [s.liga, s.john, s.peteris, s.lecturer]) expect(mailsTo(person)).toHaveLength(1);
    const [liga] = mailsTo(s.liga);
    expect(liga.parsed.text).toMatch(/09:00–12:00\s*→\s*13:00–16:30/);
    expect(liga.parsed.text).toMatch(/VAS mācību centrs[^→]*→\s*Rīgas\s+Latviešu\s+biedrības\s+nams/);
    expect(calendarsOf(liga)[0].events[0]).toMatchObject({ sequence: 1, location: expect.stringContaining('Rīgas Latviešu biedrības nams') });
  });

  test('saveGroupSchedule moving two sessions and removing a third: one e-mail per person, with a REQUEST and a CANCEL calendar', async () => {
    const s = await scenario();
    const second = await f.session(s.group.id, 0, {
      startsAt: at('2030-03-11T07:00:00Z'),
      endsAt: at('2030-03-11T10:00:00Z'),
      placeId: s.place.id,
      onlineUrl: null,
    });
    const third = await f.session(s.group.id, 0, {
      startsAt: at('2030-03-18T07:00:00Z'),
      endsAt: at('2030-03-18T10:00:00Z'),
      placeId: s.place.id,
      onlineUrl: null,
    });
    const { saveGroupSchedule } = await staff.data(SAVE_SCHEDULE, {
      groupId: s.group.id,
      input: {
        update: [
          { id: s.session.id, input: { startsAt: '2030-03-04T08:00:00Z', endsAt: '2030-03-04T11:00:00Z' } },
          { id: second.id, input: { placeId: s.otherPlace.id } },
        ],
        delete: [third.id],
      },
    });
    expect(saveGroupSchedule.sessions.map((x: { id: string }) => x.id).sort()).toEqual([s.session.id, second.id].sort());
    await received([
      [s.liga, 1],
      [s.john, 1],
      [s.peteris, 1],
    ]);

    for (const person of [s.liga, s.john, s.peteris]) expect(await rowsOfPerson(s.group.id, person.id)).toHaveLength(1);
    const [liga] = mailsTo(s.liga);
    expect(liga.parsed.text).toContain('Atcelta nodarbība');
    expect(liga.parsed.text).toContain('pirmdiena, 2030. gada 18. marts');
    const calendars = calendarsOf(liga);
    expect(calendars.map((c) => c.method)).toEqual(['REQUEST', 'CANCEL']);
    expect(calendars[0].events.map((e) => [e.uid, e.sequence]).sort()).toEqual(
      [
        [uid(s.session.id), 1],
        [uid(second.id), 1],
      ].sort(),
    );
    // The removed session's entry is cancelled with a SEQUENCE above the one calendars hold.
    expect(calendars[1].events).toEqual([expect.objectContaining({ uid: uid(third.id), sequence: 1, status: 'CANCELLED' })]);
    expect(calendarsOf(mailsTo(s.peteris)[0])).toEqual([]);
  });

  test('a new lecturer: the old one is told of the removal (CANCEL), the new one of the assignment (REQUEST), participants are not mailed', async () => {
    const s = await scenario();
    const successor = await f.lecturer('Pēteris Zariņš');
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { lecturerId: successor.id } });
    await received([
      [s.lecturer, 1],
      [successor, 1],
    ]);

    const [removed] = mailsTo(s.lecturer);
    expect(kindOf(removed)).toBe(NotificationKind.LECTURER_REMOVED);
    expect(removed.parsed.subject).toBe(`Jūs vairs nevadāt nodarbības: Publiskie iepirkumi (${s.group.code})`);
    expect(calendarsOf(removed)).toEqual([
      { method: 'CANCEL', events: [expect.objectContaining({ uid: uid(s.session.id), sequence: 1, status: 'CANCELLED' })] },
    ]);

    const [assigned] = mailsTo(successor);
    expect(kindOf(assigned)).toBe(NotificationKind.LECTURER_ASSIGNED);
    expect(assigned.parsed.subject).toBe(`Norīkojums vadīt nodarbības: Publiskie iepirkumi (${s.group.code})`);
    expect(assigned.parsed.text).toContain('pirmdiena, 2030. gada 4. marts, 09:00–12:00');
    expect(calendarsOf(assigned)).toEqual([
      { method: 'REQUEST', events: [expect.objectContaining({ uid: uid(s.session.id), sequence: 1, status: 'CONFIRMED' })] },
    ]);

    // The change wrote exactly these two messages: none to participants.
    expect((await rowsOfGroup(s.group.id)).map((r) => r.toAddress).sort()).toEqual([s.lecturer.email, successor.email].sort());
  });

  test('a cancelled group: everyone expecting it and the lecturer are told, with the reason, and every session is cancelled with a higher SEQUENCE', async () => {
    const s = await scenario();
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { startsAt: '2030-03-04T08:00:00Z', endsAt: '2030-03-04T11:00:00Z' } });
    const second = await f.session(s.group.id, 0, {
      startsAt: at('2030-03-11T07:00:00Z'),
      endsAt: at('2030-03-11T10:00:00Z'),
      placeId: s.place.id,
      onlineUrl: null,
      lecturerId: s.lecturer.id,
    });
    await received([
      [s.liga, 1],
      [s.lecturer, 1],
    ]);

    const { cancelGroup } = await staff.data(CANCEL_GROUP, { id: s.group.id, reason: 'Pieteikušies par maz dalībnieku' });
    expect(cancelGroup).toEqual({ status: 'CANCELLED', cancellationReason: 'Pieteikušies par maz dalībnieku' });
    await received([
      [s.liga, 2],
      [s.john, 2],
      [s.peteris, 2],
      [s.lecturer, 2],
    ]);

    const liga = mailsTo(s.liga)[1];
    expect(kindOf(liga)).toBe(NotificationKind.GROUP_CANCELLED);
    expect(liga.parsed.subject).toBe(`Grupa atcelta: Publiskie iepirkumi (${s.group.code})`);
    expect(liga.parsed.text).toContain('Iemesls: Pieteikušies par maz dalībnieku');
    const [calendar] = calendarsOf(liga);
    expect(calendar.method).toBe('CANCEL');
    // The moved session was at SEQUENCE 1, the other at 0: both go one up.
    expect(calendar.events.map((e) => [e.uid, e.sequence, e.status]).sort()).toEqual(
      [
        [uid(s.session.id), 2, 'CANCELLED'],
        [uid(second.id), 1, 'CANCELLED'],
      ].sort(),
    );

    const john = mailsTo(s.john)[1];
    expect(john.parsed.subject).toBe(`Group cancelled: Public procurement (${s.group.code})`);
    expect(john.parsed.text).toContain('Reason: Pieteikušies par maz dalībnieku');
    expect(calendarsOf(mailsTo(s.peteris)[1])).toEqual([]);
    const lecturer = mailsTo(s.lecturer)[1];
    expect(kindOf(lecturer)).toBe(NotificationKind.GROUP_CANCELLED);
    expect(
      calendarsOf(lecturer)[0]
        .events.map((e) => e.uid)
        .sort(),
    ).toEqual([uid(s.session.id), uid(second.id)].sort());
    expect(await rowsOfPerson(s.group.id, s.ruta.id)).toEqual([]);
  });

  test('a confirmed group: its confirmed participants get every session as a calendar REQUEST; the waiting list is not told', async () => {
    const s = await scenario();
    const second = await f.session(s.group.id, 0, {
      startsAt: at('2030-03-11T07:00:00Z'),
      endsAt: at('2030-03-11T10:00:00Z'),
      placeId: s.place.id,
      onlineUrl: null,
    });
    expect((await staff.data(UPDATE_GROUP, { id: s.group.id, input: { status: 'CONFIRMED' } })).updateGroup.status).toBe('CONFIRMED');
    await received([
      [s.liga, 1],
      [s.john, 1],
    ]);

    const [liga] = mailsTo(s.liga);
    expect(kindOf(liga)).toBe(NotificationKind.GROUP_CONFIRMED);
    expect(liga.parsed.subject).toBe(`Grupa apstiprināta: Publiskie iepirkumi (${s.group.code})`);
    expect(liga.parsed.text).toContain('pirmdiena, 2030. gada 4. marts, 09:00–12:00');
    expect(liga.parsed.text).toContain('pirmdiena, 2030. gada 11. marts, 09:00–12:00');
    expect(calendarsOf(liga)).toEqual([
      {
        method: 'REQUEST',
        events: [expect.objectContaining({ uid: uid(s.session.id), sequence: 0 }), expect.objectContaining({ uid: uid(second.id), sequence: 0 })],
      },
    ]);
    expect(mailsTo(s.john)[0].parsed.subject).toBe(`Group confirmed: Public procurement (${s.group.code})`);
    expect((await rowsOfGroup(s.group.id)).map((r) => r.personId).sort()).toEqual([s.liga.id, s.john.id].sort());
  });

  test('sessions of a planned group: only lecturers are told of edits', async () => {
    const s = await scenario(GroupStatus.PLANNED);
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { startsAt: '2030-03-04T09:00:00Z', endsAt: '2030-03-04T12:00:00Z' } });
    await received([[s.lecturer, 1]]);
    expect(kindOf(mailsTo(s.lecturer)[0])).toBe(NotificationKind.SCHEDULE_CHANGED);
    expect((await rowsOfGroup(s.group.id)).map((r) => r.toAddress)).toEqual([s.lecturer.email]);
  });
});

describe('the outbox', () => {
  test('the same event processed twice makes one message and one e-mail', async () => {
    const s = await scenario();
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { placeId: s.otherPlace.id } });
    await received([
      [s.liga, 1],
      [s.john, 1],
      [s.peteris, 1],
      [s.lecturer, 1],
    ]);
    const before = await rowsOfGroup(s.group.id);

    // The stored change turned into e-mails once more, as a crashed and restarted save would.
    const notices = new ScheduleNotices(t.app.services.people, t.app.services.registrations, { publicUrl: PUBLIC_URL });
    const added = await inTransaction(t.app.dataSource, async (em) => {
      const change = await em.findOneByOrFail(ScheduleChange, { groupId: s.group.id });
      const requests = await notices.emailsFor(em, change, await em.findOneByOrFail(Group, { id: s.group.id }));
      expect(requests).toHaveLength(4);
      return t.app.services.notifications.enqueue(em, requests);
    });
    expect(added).toBe(0);
    await deliver(); // finishes any run in progress
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await rowsOfGroup(s.group.id)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    for (const person of [s.liga, s.john, s.peteris, s.lecturer]) expect(mailsTo(person)).toHaveLength(1);

    // And by hand: the same key twice, in two transactions.
    const person = await f.person();
    const key = `test:twice:${person.id}`;
    expect(await enqueue([request(key, { personId: person.id, email: person.email })])).toBe(1);
    expect(await enqueue([request(key, { personId: person.id, email: person.email })])).toBe(0);
    await received([[person, 1]]);
    await deliver();
    expect(mailsTo(person)).toHaveLength(1);
    expect(await outbox().countBy({ idempotencyKey: key })).toBe(1);
  });

  test('a participant without an e-mail address: FAILED with the reason; retried once they have one, it is delivered', async () => {
    const s = await scenario();
    const silent = await f.person({ givenName: 'Jānis', familyName: 'Bezadreses', email: null });
    await f.registration(silent.id, s.group.id);
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { placeId: s.otherPlace.id } });
    const [failed] = await rowsOfPerson(s.group.id, silent.id);
    expect(failed).toMatchObject({ status: OutboxStatus.FAILED, lastError: NO_ADDRESS, toAddress: null, attempts: 0 });

    const RETRY = `mutation($id: ID!) { retryOutboxMessage(id: $id) { status toAddress attempts } }`;
    const refused = await staff.request(RETRY, { id: failed.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_INCOMPLETE', missing: ['email'] });
    const email = `janis.${silent.id.slice(0, 8)}@example.lv`;
    await t.app.dataSource.getRepository(Person).update({ id: silent.id }, { email });
    expect((await staff.data(RETRY, { id: failed.id })).retryOutboxMessage).toEqual({ status: 'PENDING', toAddress: email, attempts: 0 });
    await received([[{ email }, 1]]);
    expect(capture.to(email)[0].parsed.messageId).toBe(failed.messageId);
    const sent = await until(
      'the message to be SENT',
      () => outbox().findOneByOrFail({ id: failed.id }),
      (m) => m.status === OutboxStatus.SENT,
    );
    expect(sent).toMatchObject({ attempts: 1, lastError: null, channel: 'SMTP' });

    // Only a failed message can be retried.
    expect(fieldCodes(await staff.request(RETRY, { id: failed.id }))).toEqual(['id:NOT_FAILED']);
  });

  test('an address the SMTP server refuses for good (550): FAILED at once, with the server’s reason', async () => {
    const person = await f.person();
    capture.refuse(person.email!, { code: 550, message: '5.1.1 Mailbox does not exist' });
    await enqueue([request(`test:550:${person.id}`, { personId: person.id, email: person.email })]);
    await deliver();
    const message = await outbox().findOneByOrFail({ idempotencyKey: `test:550:${person.id}` });
    expect(message).toMatchObject({ status: OutboxStatus.FAILED, attempts: 1, nextAttemptAt: null });
    expect(message.lastError).toContain('550 5.1.1 Mailbox does not exist');
    expect(capture.refusals(person.email!)).toBe(1);
    expect(mailsTo(person)).toEqual([]);
  });

  test('an address refused for now (451) twice is tried again after the delay and delivered on the third attempt', async () => {
    const person = await f.person();
    capture.refuse(person.email!, { code: 451, message: '4.7.1 Greylisted, try again later', times: 2 });
    await enqueue([request(`test:451:${person.id}`, { personId: person.id, email: person.email })]);
    t.app.services.notifications.queued();
    await received([[person, 1]]);
    const message = await until(
      'the message to be SENT',
      () => outbox().findOneByOrFail({ idempotencyKey: `test:451:${person.id}` }),
      (m) => m.status === OutboxStatus.SENT,
    );
    expect(message).toMatchObject({ attempts: 3, lastError: null });
    expect(capture.refusals(person.email!)).toBe(2);
    expect(mailsTo(person)).toHaveLength(1);
  });

  test('two deliverers at once, and the worker besides, send every message exactly once', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, () => f.person()));
    await enqueue(people.map((p) => request(`test:bulk:${p.id}`, { personId: p.id, email: p.email })));
    const from = t.config.mailFrom;
    const deliverers = [0, 1].map(
      () => new OutboxDelivery(t.app.dataSource, createMailTransport(capture.url, from), undefined, { batchSize: 4, concurrency: 3 }),
    );
    const reports = await Promise.all([...deliverers.map((d) => d.deliverDue()), deliver()]);
    await Promise.all(deliverers.map((d) => d.stop()));
    await received(people.map((p) => [p, 1]));
    expect(people.filter((p) => mailsTo(p).length !== 1)).toEqual([]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBeLessThanOrEqual(30);
    const keys = people.map((p) => `test:bulk:${p.id}`);
    const rows = await outbox().createQueryBuilder('m').where('m.idempotency_key IN (:...keys)', { keys }).getMany();
    expect(rows.filter((r) => r.status !== OutboxStatus.SENT || r.attempts !== 1)).toEqual([]);
    const ids = people.flatMap((p) => mailsTo(p).map((m) => m.parsed.messageId));
    expect(new Set(ids).size).toBe(30);
  });

  (realPostgresAvailable() ? test : test.skip)(
    `two api instances on one PostgreSQL server deliver every message exactly once${realPostgresAvailable() ? '' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
    async () => {
      const server = (await realPostgresUrl())!;
      const env = { SMTP_URL: capture.url, MPS_PUBLIC_URL: PUBLIC_URL };
      const apps: TestApp[] = [];
      try {
        apps.push(await startTestApp(env, { databaseUrl: server.url }));
        apps.push(await startTestApp(env, { databaseUrl: server.url }));
        const [a, b] = apps;
        const people = await Promise.all(Array.from({ length: 40 }, () => fixtures(a.app.dataSource).person()));
        await inTransaction(a.app.dataSource, (em) =>
          a.app.services.notifications.enqueue(
            em,
            people.map((p) => request(`test:two:${p.id}`, { personId: p.id, email: p.email })),
          ),
        );
        const reports = await Promise.all([a.app.worker!.delivery.deliverDue(), b.app.worker!.delivery.deliverDue(), a.app.worker!.delivery.deliverDue()]);
        await received(people.map((p) => [p, 1]));
        expect(people.filter((p) => mailsTo(p).length !== 1)).toEqual([]);
        expect(reports[0].sent + reports[1].sent).toBeLessThanOrEqual(40);
        const [{ sent }] = await a.app.dataSource.query(`SELECT count(*)::int AS sent FROM outbox_message WHERE status = 'SENT' AND attempts = 1`);
        expect(sent).toBe(40);
      } finally {
        for (const app of apps.reverse()) await app.stop();
        await server.stop();
      }
    },
  );
});

describe('the console', () => {
  const PAGE = `query($f: OutboxFilter, $page: Int, $perPage: Int) {
    outboxMessages(filter: $f, page: $page, perPage: $perPage) { total items { id kind language status toAddress subject personId groupId } }
  }`;

  test('staff list messages by group, kind, status and words, a page at a time', async () => {
    const s = await scenario();
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { placeId: s.otherPlace.id } });
    await staff.data(UPDATE_SESSION, { id: s.session.id, input: { lecturerId: (await f.lecturer('Pēteris Zariņš')).id } });
    await received([
      [s.liga, 1],
      [s.lecturer, 2],
    ]);

    const all = (await staff.data(PAGE, { f: { groupId: s.group.id }, perPage: 100 })).outboxMessages;
    expect(all.total).toBe(6); // four for the new place; removal and assignment for the new lecturer
    const kinds = (await staff.data(PAGE, { f: { groupId: s.group.id, kinds: ['LECTURER_ASSIGNED', 'LECTURER_REMOVED'] } })).outboxMessages;
    expect(kinds.items.map((m: { kind: string }) => m.kind).sort()).toEqual(['LECTURER_ASSIGNED', 'LECTURER_REMOVED']);
    const john = (await staff.data(PAGE, { f: { groupId: s.group.id, q: s.john.email } })).outboxMessages;
    expect(john.items).toEqual([
      expect.objectContaining({ personId: s.john.id, language: 'EN', subject: `Schedule changed: Public procurement (${s.group.code})` }),
    ]);
    expect((await staff.data(PAGE, { f: { personId: s.liga.id, statuses: ['FAILED'] } })).outboxMessages.total).toBe(0);

    const pages = await Promise.all([1, 2, 3].map((page) => staff.data(PAGE, { f: { groupId: s.group.id }, page, perPage: 4 })));
    expect(pages.map((p) => p.outboxMessages.items.length)).toEqual([4, 2, 0]);
    expect(pages.every((p) => p.outboxMessages.total === 6)).toBe(true);
    const paged = pages.flatMap((p) => p.outboxMessages.items.map((m: { id: string }) => m.id));
    expect(paged).toEqual(all.items.map((m: { id: string }) => m.id));

    const { outboxMessage } = await staff.data(
      `query($id: ID!) { outboxMessage(id: $id) { id idempotencyKey messageId html text attachments { filename contentType content } } }`,
      {
        id: john.items[0].id,
      },
    );
    expect(outboxMessage.html).toContain('<html lang="en">');
    expect(outboxMessage.attachments).toEqual([
      expect.objectContaining({
        filename: 'invite.ics',
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        content: expect.stringContaining(`UID:${uid(s.session.id)}`),
      }),
    ]);
    expect(await staff.codes(`{ outboxMessage(id: "00000000-0000-4000-8000-000000000000") { id } }`)).toEqual(['NOT_FOUND']);
    expect(fieldCodes(await staff.request(PAGE, { f: { groupId: 'nope' } }))).toEqual(['filter.groupId:INVALID_ID']);
  });

  test('status counts agree with the outbox', async () => {
    const person = await f.person();
    await enqueue([request(`test:count-failed:${person.id}`, { personId: person.id, email: null })]);
    await enqueue([request(`test:count-sent:${person.id}`, { personId: person.id, email: person.email })]);
    await deliver();
    const { outboxStatusCounts } = await staff.data(`{ outboxStatusCounts { status count } }`);
    const rows: { status: string; n: number }[] = await t.app.dataSource.query(`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`);
    const expected = Object.fromEntries(Object.values(OutboxStatus).map((status) => [status, rows.find((r) => r.status === status)?.n ?? 0]));
    expect(Object.fromEntries(outboxStatusCounts.map((c: { status: string; count: number }) => [c.status, c.count]))).toEqual(expected);
    expect(expected.SENT).toBeGreaterThan(0);
    expect(expected.FAILED).toBeGreaterThan(0);
  });

  test.each(NOTIFICATION_KINDS.flatMap((kind) => [Language.LV, Language.EN].map((language) => [kind, language] as const)))(
    'a preview of %s in %s is the template with its sample data',
    async (kind, language) => {
      const graphKind = Object.entries(NotificationKind).find(([, value]) => value === kind)![0];
      const { notificationPreview } = await staff.data(
        `query($kind: NotificationKind!, $language: Language!) { notificationPreview(kind: $kind, language: $language) { kind language subject html text } }`,
        {
          kind: graphKind,
          language: language.toUpperCase(),
        },
      );
      const sample = renderer.sample(kind);
      expect(notificationPreview).toMatchObject({ kind: graphKind, language: language.toUpperCase() });
      // A course e-mail names its group; a nomination its institution; an answer the course asked about.
      const named = 'group' in sample ? `(${sample.group.code})` : 'institutionName' in sample ? sample.institutionName : sample.course!.title;
      expect(notificationPreview.subject).toContain(named);
      expect(notificationPreview.html).toContain(`<html lang="${language}">`);
      expect(notificationPreview.text).toContain(sample.recipientName);
      expect(notificationPreview).toEqual(expect.objectContaining(t.app.services.notifications.preview(kind, language)));
    },
  );

  test('mail settings say mail goes over SMTP, and from whom', async () => {
    expect((await staff.data(`{ mailSettings { mailbox from } }`)).mailSettings).toEqual({ mailbox: false, from: t.config.mailFrom });
  });

  test.each([
    ['outboxMessages', `{ outboxMessages { total } }`],
    ['outboxMessage', `{ outboxMessage(id: "00000000-0000-4000-8000-000000000000") { id } }`],
    ['outboxStatusCounts', `{ outboxStatusCounts { status } }`],
    ['mailSettings', `{ mailSettings { mailbox } }`],
    ['notificationPreview', `{ notificationPreview(kind: SCHEDULE_CHANGED, language: LV) { subject } }`],
    ['retryOutboxMessage', `mutation { retryOutboxMessage(id: "00000000-0000-4000-8000-000000000000") { id } }`],
  ])('%s is for staff: FORBIDDEN to a participant, UNAUTHENTICATED without a session', async (_name, query) => {
    const participant = await t.as((await f.person()).id);
    expect(await participant.codes(query)).toEqual(['FORBIDDEN']);
    expect(await t.anonymous.codes(query)).toEqual(['UNAUTHENTICATED']);
  });
});
