import { systemContext } from '../../common/request-context.js';
import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type Client, type GraphQLResponse, type TestApp } from '../../test/harness.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { ApiScope } from '../auth/api-token.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { GroupStatus } from './group.entity.js';
import { Lecturer } from './lecturer.entity.js';

const PUBLIC_URL = 'https://mps.vas.test';

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let courseId: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_PUBLIC_URL: PUBLIC_URL });
  f = fixtures(t.app.dataSource);
  courseId = (await f.course((await f.topic()).id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement' })).id;
  staff = await t.as((await f.staff()).id);
});
afterAll(() => t?.stop());

const CREATE_SESSION = `mutation($input: SessionInput!) { createSession(input: $input) { id } }`;
const UPDATE_SESSION = `mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id startsAt groupId } }`;
const CONFLICTS = `query($id: ID!) { session(id: $id) { conflicts { kinds otherSessionId otherGroupId otherGroupCode otherStartsAt otherEndsAt } } }`;

const at = (iso: string) => new Date(iso);
const iso = (value: string) => new Date(value).toISOString();

interface Conflict {
  sessionId: string | null;
  kinds: string[];
  otherSessionId: string | null;
  otherGroupId: string;
  otherGroupCode: string;
  otherStartsAt: string;
  otherEndsAt: string;
}
const conflictsOf = (result: GraphQLResponse): Conflict[] => (result.errors?.[0]?.extensions?.conflicts as Conflict[]) ?? [];

/** A group with a session on Wednesday 10 April 2030, 10:00-13:00 Riga time, with its own lecturer and place. */
async function busyGroup(status = GroupStatus.OPEN) {
  const group = await f.group(courseId, { status });
  const lecturer = await f.lecturer();
  const place = await f.place();
  const session = await f.session(group.id, 0, {
    startsAt: at('2030-04-10T07:00:00Z'),
    endsAt: at('2030-04-10T10:00:00Z'),
    placeId: place.id,
    onlineUrl: null,
    lecturerId: lecturer.id,
  });
  return { group, lecturer, place, session };
}

/** A session input for another group, overlapping the busy one by an hour. */
const overlapping = (groupId: string, extra: Record<string, unknown>) => ({
  groupId,
  startsAt: '2030-04-10T09:00:00Z',
  endsAt: '2030-04-10T12:00:00Z',
  onlineUrl: 'https://vas.example.lv/meet/clash',
  ...extra,
});

describe('conflicts', () => {
  test('a lecturer already teaching at that time: SCHEDULE_CONFLICT naming the other session and group; nothing is saved', async () => {
    const busy = await busyGroup();
    const other = await f.group(courseId);
    const result = await staff.request(CREATE_SESSION, { input: overlapping(other.id, { lecturerId: busy.lecturer.id }) });
    expect(result.errors?.[0]?.extensions?.code).toBe('SCHEDULE_CONFLICT');
    expect(conflictsOf(result)).toEqual([
      {
        sessionId: null,
        startsAt: iso('2030-04-10T09:00:00Z'),
        kinds: ['LECTURER'],
        otherSessionId: busy.session.id,
        otherGroupId: busy.group.id,
        otherGroupCode: busy.group.code,
        otherStartsAt: iso('2030-04-10T07:00:00Z'),
        otherEndsAt: iso('2030-04-10T10:00:00Z'),
      },
    ]);
    expect((await staff.data(`query($id: ID!) { group(id: $id) { sessions { id } } }`, { id: other.id })).group.sessions).toEqual([]);
  });

  test('a place already taken at that time: SCHEDULE_CONFLICT of kind PLACE, also when an existing session is moved onto it', async () => {
    const busy = await busyGroup();
    const other = await f.group(courseId);
    const created = await staff.request(CREATE_SESSION, { input: overlapping(other.id, { placeId: busy.place.id }) });
    expect(conflictsOf(created)).toEqual([expect.objectContaining({ kinds: ['PLACE'], otherSessionId: busy.session.id, otherGroupCode: busy.group.code })]);

    const elsewhere = await f.session(other.id, 0, {
      startsAt: at('2030-04-11T07:00:00Z'),
      endsAt: at('2030-04-11T10:00:00Z'),
      placeId: busy.place.id,
      onlineUrl: null,
      lecturerId: busy.lecturer.id,
    });
    const moved = await staff.request(UPDATE_SESSION, { id: elsewhere.id, input: { startsAt: '2030-04-10T08:00:00Z', endsAt: '2030-04-10T09:00:00Z' } });
    expect(moved.errors?.[0]?.extensions?.code).toBe('SCHEDULE_CONFLICT');
    expect(conflictsOf(moved)).toEqual([expect.objectContaining({ sessionId: elsewhere.id, kinds: ['LECTURER', 'PLACE'], otherSessionId: busy.session.id })]);
    const kept = await staff.data(`query($id: ID!) { session(id: $id) { startsAt sequence } }`, { id: elsewhere.id });
    expect(kept.session).toEqual({ startsAt: iso('2030-04-11T07:00:00Z'), sequence: 0 });
  });

  test('with overrideConflicts the session is saved, and Session.conflicts flags both sessions to staff only', async () => {
    const busy = await busyGroup();
    const other = await f.group(courseId);
    const { createSession } = await staff.data(CREATE_SESSION, {
      input: overlapping(other.id, { lecturerId: busy.lecturer.id, placeId: busy.place.id, overrideConflicts: true }),
    });

    expect((await staff.data(CONFLICTS, { id: createSession.id })).session.conflicts).toEqual([
      {
        kinds: ['LECTURER', 'PLACE'],
        otherSessionId: busy.session.id,
        otherGroupId: busy.group.id,
        otherGroupCode: busy.group.code,
        otherStartsAt: iso('2030-04-10T07:00:00Z'),
        otherEndsAt: iso('2030-04-10T10:00:00Z'),
      },
    ]);
    expect((await staff.data(CONFLICTS, { id: busy.session.id })).session.conflicts).toEqual([
      expect.objectContaining({ kinds: ['LECTURER', 'PLACE'], otherSessionId: createSession.id, otherGroupId: other.id }),
    ]);

    // A participant sees the group's sessions, but not their conflicts.
    const participant = await t.as((await f.person()).id);
    const seen = await participant.request(`query($id: ID!) { group(id: $id) { sessions { id conflicts { kinds } } } }`, { id: busy.group.id });
    expect(seen.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await participant.data(`query($id: ID!) { group(id: $id) { sessions { id } } }`, { id: busy.group.id })).group.sessions).toEqual([
      { id: busy.session.id },
    ]);
  });

  test('sessions of a cancelled group take nobody’s time', async () => {
    const cancelled = await busyGroup(GroupStatus.CANCELLED);
    const other = await f.group(courseId);
    const { createSession } = await staff.data(CREATE_SESSION, {
      input: overlapping(other.id, { lecturerId: cancelled.lecturer.id, placeId: cancelled.place.id }),
    });
    expect((await staff.data(CONFLICTS, { id: createSession.id })).session.conflicts).toEqual([]);
    expect((await staff.data(CONFLICTS, { id: cancelled.session.id })).session.conflicts).toEqual([]);
  });

  test('a session does not conflict with itself when it is edited in place', async () => {
    const busy = await busyGroup();
    const { updateSession } = await staff.data(UPDATE_SESSION, { id: busy.session.id, input: { endsAt: '2030-04-10T10:30:00Z' } });
    expect(updateSession.startsAt).toBe(iso('2030-04-10T07:00:00Z'));
  });

  test('a session cannot move to another group (GROUP_FIXED)', async () => {
    const busy = await busyGroup();
    const other = await f.group(courseId);
    const result = await staff.request(UPDATE_SESSION, { id: busy.session.id, input: { groupId: other.id } });
    expect(fieldCodes(result)).toEqual(['groupId:GROUP_FIXED']);
    expect((await staff.data(`query($id: ID!) { session(id: $id) { groupId } }`, { id: busy.session.id })).session.groupId).toBe(busy.group.id);
  });

  (realPostgresAvailable() ? test : test.skip)(
    `two clashing sessions created at the same moment: exactly one is saved${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
    async () => {
      const server = (await realPostgresUrl())!;
      const app = await startTestApp({}, { databaseUrl: server.url });
      try {
        const g = fixtures(app.app.dataSource);
        const course = await g.course((await g.topic()).id);
        const admin = await app.as((await g.staff()).id);
        for (let round = 0; round < 5; round++) {
          const lecturer = await g.lecturer();
          const [a, b] = [await g.group(course.id), await g.group(course.id)];
          const results = await Promise.all(
            [a, b].map((group) => admin.request(CREATE_SESSION, { input: overlapping(group.id, { lecturerId: lecturer.id }) })),
          );
          const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
          expect(codes).toEqual(['OK', 'SCHEDULE_CONFLICT']);
          const [{ n }] = await app.app.dataSource.query(`SELECT count(*)::int AS n FROM session WHERE lecturer_id = $1`, [lecturer.id]);
          expect(n).toBe(1);
        }
      } finally {
        await app.stop();
        await server.stop();
      }
    },
  );
});

describe('a person’s own schedule', () => {
  const MY_SESSIONS = `{ mySessions { role registrationStatus session { id startsAt group { id } } } }`;

  async function people() {
    const person = await f.person({ givenName: 'Laura', familyName: 'Kļaviņa' });
    const lecturer = await f.lecturer('Laura Kļaviņa');
    await t.app.dataSource.getRepository(Lecturer).update({ id: lecturer.id }, { personId: person.id });
    const confirmed = await f.group(courseId, { status: GroupStatus.CONFIRMED });
    const waiting = await f.group(courseId);
    const planned = await f.group(courseId, { status: GroupStatus.PLANNED });
    const dropped = await f.group(courseId);
    const taught = await f.group(courseId);
    await f.registration(person.id, confirmed.id, RegistrationStatus.CONFIRMED);
    await f.registration(person.id, waiting.id, RegistrationStatus.WAITING);
    await f.registration(person.id, planned.id, RegistrationStatus.CONFIRMED);
    await f.registration(person.id, dropped.id, RegistrationStatus.CANCELLED);
    const session = (groupId: string, day: number, lecturerId: string | null = null) =>
      f.session(groupId, 0, { startsAt: at(`2030-05-${day}T06:00:00Z`), endsAt: at(`2030-05-${day}T09:00:00Z`), lecturerId });
    const sessions = {
      confirmed: await session(confirmed.id, 14),
      waiting: await session(waiting.id, 12),
      planned: await session(planned.id, 13),
      dropped: await session(dropped.id, 15),
      taught: await session(taught.id, 16, lecturer.id),
      past: await f.session(confirmed.id, -400),
    };
    return { person, lecturer, sessions };
  }

  test('mySessions: as participant (confirmed or waiting, not planned or cancelled) and as lecturer, in time order', async () => {
    const { person, sessions } = await people();
    const me = await t.as(person.id);
    const { mySessions } = await me.data(MY_SESSIONS);
    expect(
      mySessions.map((s: { role: string; registrationStatus: string | null; session: { id: string } }) => [s.session.id, s.role, s.registrationStatus]),
    ).toEqual([
      [sessions.past.id, 'PARTICIPANT', 'CONFIRMED'],
      [sessions.waiting.id, 'PARTICIPANT', 'WAITING'],
      [sessions.confirmed.id, 'PARTICIPANT', 'CONFIRMED'],
      [sessions.taught.id, 'LECTURER', null],
    ]);
    const stranger = await t.as((await f.person()).id);
    expect((await stranger.data(MY_SESSIONS)).mySessions).toEqual([]);
    expect(await t.anonymous.codes(MY_SESSIONS)).toEqual(['UNAUTHENTICATED']);
  });

  test('the calendar feed: a private link with the confirmed and taught sessions; revoked or replaced, the old link is gone', async () => {
    const { person, sessions } = await people();
    const me = await t.as(person.id);
    expect((await me.data(`{ myCalendarFeed { createdAt } }`)).myCalendarFeed).toBeNull();
    const { createMyCalendarFeed } = await me.data(`mutation { createMyCalendarFeed { url createdAt } }`);
    const link = new URL(createMyCalendarFeed.url);
    expect(`${link.origin}`).toBe(PUBLIC_URL);
    expect(link.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = (path: string) => fetch(`${t.url}${path}`);

    const response = await feed(link.pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.text();
    expect(body).toContain('METHOD:PUBLISH');
    const uids = [...body.matchAll(/^UID:session-([0-9a-f-]+)@mps\.vas\.test\r$/gm)].map((m) => m[1]).sort();
    expect(uids).toEqual([sessions.confirmed.id, sessions.taught.id].sort());
    expect(body).toContain('SUMMARY:Publiskie iepirkumi');
    expect((await me.data(`{ myCalendarFeed { createdAt lastUsedAt } }`)).myCalendarFeed.lastUsedAt).not.toBeNull();

    expect((await me.data(`mutation { revokeMyCalendarFeed }`)).revokeMyCalendarFeed).toBe(true);
    expect((await feed(link.pathname)).status).toBe(404);
    expect((await me.data(`mutation { revokeMyCalendarFeed }`)).revokeMyCalendarFeed).toBe(false);
    expect((await me.data(`{ myCalendarFeed { createdAt } }`)).myCalendarFeed).toBeNull();

    const first = new URL((await me.data(`mutation { createMyCalendarFeed { url } }`)).createMyCalendarFeed.url);
    const second = new URL((await me.data(`mutation { createMyCalendarFeed { url } }`)).createMyCalendarFeed.url);
    expect(second.pathname).not.toBe(first.pathname);
    expect((await feed(first.pathname)).status).toBe(404);
    expect((await feed(second.pathname)).status).toBe(200);
    expect((await feed('/calendar/not-a-token.ics')).status).toBe(404);
  });

  test('API tokens have no schedule and no calendar feed', async () => {
    const { token } = await t.app.services.apiTokens.createToken(systemContext(), { name: 'Kalendārs', scopes: [ApiScope.CATALOG_READ] });
    const bearer = { authorization: `Bearer ${token}` };
    for (const query of [`mutation { createMyCalendarFeed { url } }`, `mutation { revokeMyCalendarFeed }`, `{ myCalendarFeed { createdAt } }`, MY_SESSIONS]) {
      const result = await t.anonymous.request(query, {}, bearer);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await t.anonymous.codes(`mutation { createMyCalendarFeed { url } }`)).toEqual(['UNAUTHENTICATED']);
  });
});
