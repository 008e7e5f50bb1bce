import { EventEmitter } from 'node:events';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../../http/cookies.js';
import { RIGA_ADDRESS, fixtures } from '../../test/fixtures.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { CourseVisibility } from '../catalog/course.entity.js';
import { GroupStatus } from './group.entity.js';

const SCHEDULE_CHANGED = `subscription($groupIds: [ID!]) {
  scheduleChanged(groupIds: $groupIds) { id kind groupId sessionIds removedSessionIds group { id code } sessions { id startsAt endsAt } }
}`;
const UPDATE_SESSION = `mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { id status } }`;
const CANCEL = `mutation($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { id } }`;

interface ChangeEvent {
  id: string;
  kind: string;
  groupId: string;
  sessionIds: string[];
  removedSessionIds: string[];
  group: { id: string; code: string };
  sessions: { id: string; startsAt: string; endsAt: string }[];
}

/** One subscription over its own WebSocket, signed in by the session cookie of the upgrade request, or anonymous. */
interface Subscriber {
  events: ChangeEvent[];
  errors: unknown[];
  /** Resolves once `count` events have arrived. */
  received(count: number, timeoutMs?: number): Promise<ChangeEvent[]>;
  close(): Promise<void>;
}

const clients: WsClient[] = [];

async function cookieOf(app: TestApp, personId: string): Promise<string> {
  const { token } = await app.app.services.auth.startSession(personId, 'test');
  return `${SESSION_COOKIE}=${token}`;
}

/** What a subscriber listens to: schedule changes unless told otherwise. */
interface Listened {
  query: string;
  field: string;
}
const SCHEDULE: Listened = { query: SCHEDULE_CHANGED, field: 'scheduleChanged' };
const SEATS: Listened = {
  query: `subscription($groupIds: [ID!]!) { groupSeatsChanged(groupIds: $groupIds) { groupId seatsTaken seatsLeft isFull } }`,
  field: 'groupSeatsChanged',
};

function subscribe(app: TestApp, cookie: string | null, groupIds?: string[], listened: Listened = SCHEDULE): Subscriber {
  // graphql-ws constructs the socket itself; this class adds the cookie header to the upgrade request.
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const client = createClient({ url: `${app.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: CookieWebSocket, lazy: false, retryAttempts: 0 });
  clients.push(client);
  const arrivals = new EventEmitter();
  const events: ChangeEvent[] = [];
  const errors: unknown[] = [];
  client.subscribe<Record<string, ChangeEvent>>(
    { query: listened.query, variables: { groupIds: groupIds ?? null } },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data[listened.field]);
        arrivals.emit('event');
      },
      error: (error) => {
        errors.push(error);
        arrivals.emit('event');
      },
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    received: (count, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (errors.length) return finish(() => reject(new Error(`Subscription failed: ${JSON.stringify(errors)}`)));
          if (events.length >= count) finish(() => resolve(events));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`Timed out waiting for ${count} event(s); got ${events.length}`))), timeoutMs);
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          arrivals.off('event', check);
          settle();
        };
        arrivals.on('event', check);
        check();
      }),
    close: () => client.dispose() as Promise<void>,
  };
}

/** Until the app serves this many subscriptions: a change made before then could go unheard by right. */
async function subscribed(app: TestApp, count: number, done = (current: number) => current >= count, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const current = () => app.app.services.scheduleEvents.subscriberCount + app.app.services.scheduleEvents.seatSubscriberCount;
  while (!done(current())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} subscriptions; ${current()} so far`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Closes every subscription, and waits until the apps have let go of them (counts start from 0 in each test). */
async function closeAll(...apps: TestApp[]): Promise<void> {
  await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
  for (const app of apps) await subscribed(app, 0, (count) => count === 0);
}

/** Groups of one course: each with one session on its own day in May 2030, 09:00-12:00 Riga time. */
async function world(app: TestApp) {
  const f = fixtures(app.app.dataSource);
  const course = await f.course((await f.topic()).id, { titleLv: 'Publiskie iepirkumi', titleEn: 'Public procurement' });
  const group = async (day: number, status = GroupStatus.OPEN) => {
    const g = await f.group(course.id, { status });
    const session = await f.session(g.id, 0, { startsAt: new Date(`2030-05-${day}T06:00:00Z`), endsAt: new Date(`2030-05-${day}T09:00:00Z`) });
    return { ...g, session };
  };
  return { f, group, staff: await app.as((await f.staff()).id) };
}

const move = (day: number, hour = 7) => ({ startsAt: `2030-05-${day}T0${hour}:00:00Z`, endsAt: `2030-05-${day}T1${hour - 7}:30:00Z` });
const iso = (value: string) => new Date(value).toISOString();

describe('on embedded PostgreSQL (one instance)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterEach(() => closeAll(t));
  afterAll(() => t?.stop());

  test('a participant hears of their group’s change with the sessions as they are now, change after change', async () => {
    const { f, group, staff } = await world(t);
    const mine = await group(10);
    const liga = await f.person();
    await f.registration(liga.id, mine.id, RegistrationStatus.CONFIRMED);
    const subscriber = subscribe(t, await cookieOf(t, liga.id));
    await subscribed(t, 1);

    await staff.data(UPDATE_SESSION, { id: mine.session.id, input: move(11) });
    const [first] = await subscriber.received(1);
    expect(first).toEqual({
      id: expect.any(String),
      kind: 'SESSIONS_CHANGED',
      groupId: mine.id,
      sessionIds: [mine.session.id],
      removedSessionIds: [],
      group: { id: mine.id, code: mine.code },
      sessions: [{ id: mine.session.id, startsAt: iso('2030-05-11T07:00:00Z'), endsAt: iso('2030-05-11T10:30:00Z') }],
    });

    // The same session again, on the same connection: the event carries the newest times.
    await staff.data(UPDATE_SESSION, { id: mine.session.id, input: move(12, 8) });
    const [, second] = await subscriber.received(2);
    expect(second.id).not.toBe(first.id);
    expect(second.sessions).toEqual([{ id: mine.session.id, startsAt: iso('2030-05-12T08:00:00Z'), endsAt: iso('2030-05-12T11:30:00Z') }]);

    await staff.data(`mutation($id: ID!) { deleteSession(id: $id) { id } }`, { id: mine.session.id });
    const [, , third] = await subscriber.received(3);
    expect(third).toMatchObject({ kind: 'SESSIONS_CHANGED', sessionIds: [], removedSessionIds: [mine.session.id], sessions: [] });
  });

  test('each subscriber hears only of what they may see: strangers, anonymous and staff', async () => {
    const { f, group, staff } = await world(t);
    const theirs = await group(13); // Līga's
    const planned = await group(14, GroupStatus.PLANNED);
    const strangers = await group(15); // where the stranger waits
    const listed = await group(16); // open, of a public course: anyone may follow it by id
    const liga = await f.person();
    const stranger = await f.person();
    await f.registration(liga.id, theirs.id);
    await f.registration(stranger.id, strangers.id, RegistrationStatus.WAITING);
    const admin = await f.staff();

    const ligaSub = subscribe(t, await cookieOf(t, liga.id));
    const strangerOwn = subscribe(t, await cookieOf(t, stranger.id));
    const strangerFollows = subscribe(t, await cookieOf(t, stranger.id), [listed.id, planned.id]);
    const anonymous = subscribe(t, null, [planned.id, listed.id]);
    const staffSub = subscribe(t, await cookieOf(t, admin.id));
    await subscribed(t, 5);

    // Each change is heard by someone before the next is made, so every stream's order is the order of the changes.
    await staff.data(UPDATE_SESSION, { id: theirs.session.id, input: move(17) });
    expect((await ligaSub.received(1)).map((e) => e.groupId)).toEqual([theirs.id]);
    await staff.data(UPDATE_SESSION, { id: planned.session.id, input: move(18) });
    await staffSub.received(2);
    await staff.data(UPDATE_SESSION, { id: strangers.session.id, input: move(19) });
    await staff.data(UPDATE_SESSION, { id: listed.session.id, input: move(20) });
    await staffSub.received(4);

    // Without groupIds the stranger hears of their own group only: its event comes first, so nothing came before it.
    expect((await strangerOwn.received(1))[0].groupId).toBe(strangers.id);
    // By id they follow a listed group, but not a planned one (nor somebody else's, unasked).
    expect((await strangerFollows.received(1))[0].groupId).toBe(listed.id);
    // Anonymous: the planned group stays unseen although it was asked for by id.
    expect((await anonymous.received(1))[0]).toMatchObject({
      groupId: listed.id,
      sessions: [expect.objectContaining({ startsAt: iso('2030-05-20T07:00:00Z') })],
    });
    expect(staffSub.events.map((e) => e.groupId)).toEqual([theirs.id, planned.id, strangers.id, listed.id]);

    // Made after all the others: when it arrives, any event wrongly let through would have arrived before it.
    await staff.data(UPDATE_SESSION, { id: listed.session.id, input: move(21) });
    await Promise.all([staffSub.received(5), strangerFollows.received(2), anonymous.received(2)]);
    await staff.data(UPDATE_SESSION, { id: strangers.session.id, input: move(22) });
    await strangerOwn.received(2);
    await staff.data(UPDATE_SESSION, { id: theirs.session.id, input: move(23) });
    await ligaSub.received(2);
    expect(strangerOwn.events.map((e) => e.groupId)).toEqual([strangers.id, strangers.id]);
    expect(strangerFollows.events.map((e) => e.groupId)).toEqual([listed.id, listed.id]);
    expect(anonymous.events.map((e) => e.groupId)).toEqual([listed.id, listed.id]);
    expect(ligaSub.events.map((e) => e.groupId)).toEqual([theirs.id, theirs.id]);
  });

  test('an open course page hears its groups’ seats: a registration, a cancellation, a full group; a restricted one only those who may see it', async () => {
    const { f } = await world(t);
    const freeCourse = await f.course((await f.topic()).id, { priceCents: 0 });
    const small = await f.group(freeCourse.id, { maxSize: 2 });
    const institution = await f.institution();
    const restrictedCourse = await f.course((await f.topic()).id, { priceCents: 0, visibility: CourseVisibility.RESTRICTED }, [institution.id]);
    const closed = await f.group(restrictedCourse.id, { maxSize: 5 });
    const coordinator = await f.person({ coordinates: [institution.id] });
    const employee = await f.person();
    await f.employment(employee.id, institution.id);

    const anonymous = subscribe(t, null, [small.id, closed.id], SEATS);
    const coordinatorSub = subscribe(t, await cookieOf(t, coordinator.id), [small.id, closed.id], SEATS);
    await subscribed(t, 2);

    const [anna, berta] = [await f.person(), await f.person()];
    const annaClient = await t.as(anna.id);
    const annaRegistration = (await annaClient.data<{ register: { id: string } }>(REGISTER, { input: { groupId: small.id } })).register;
    expect(await anonymous.received(1)).toEqual([{ groupId: small.id, seatsTaken: 1, seatsLeft: 1, isFull: false }]);
    await (await t.as(berta.id)).data(REGISTER, { input: { groupId: small.id } });
    expect((await anonymous.received(2))[1]).toEqual({ groupId: small.id, seatsTaken: 2, seatsLeft: 0, isFull: true });

    // The restricted group: its coordinator registers an employee; anonymous does not hear of it.
    await (
      await t.as(coordinator.id)
    ).data(`mutation($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id } }`, {
      input: { groupId: closed.id, institutionId: institution.id, personIds: [employee.id] },
    });
    await annaClient.data(CANCEL, { input: { id: annaRegistration.id } });
    // Heard in order by the coordinator; anonymous gets the cancellation next, with nothing in between.
    // (Changes close together go out together, so these two may come in either order.)
    await coordinatorSub.received(4);
    expect(coordinatorSub.events.slice(2)).toHaveLength(2);
    expect(coordinatorSub.events.slice(2)).toEqual(
      expect.arrayContaining([
        { groupId: closed.id, seatsTaken: 1, seatsLeft: 4, isFull: false },
        { groupId: small.id, seatsTaken: 1, seatsLeft: 1, isFull: false },
      ]),
    );
    expect((await anonymous.received(3))[2]).toEqual({ groupId: small.id, seatsTaken: 1, seatsLeft: 1, isFull: false });
    expect(anonymous.events.map((e) => e.groupId)).toEqual([small.id, small.id, small.id]);
  });

  test('asking for more than 50 groups, or for something that is not a group id, is refused', async () => {
    const tooMany = subscribe(
      t,
      null,
      Array.from({ length: 51 }, () => '00000000-0000-4000-8000-000000000000'),
      SEATS,
    );
    await expect(tooMany.received(1)).rejects.toThrow(/VALIDATION/);
    const notAnId = subscribe(t, null, ['nope'], SEATS);
    await expect(notAnId.received(1)).rejects.toThrow(/VALIDATION/);
  });
});

(realPostgresAvailable() ? test : test.skip)(
  `two api instances on one PostgreSQL: a change made through A reaches subscribers on B and on A${realPostgresAvailable() ? '' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const apps: TestApp[] = [];
    try {
      apps.push(await startTestApp({}, { databaseUrl: server.url }));
      apps.push(await startTestApp({}, { databaseUrl: server.url }));
      const [a, b] = apps;
      const { f, group, staff } = await world(a);
      const mine = await group(24);
      const other = await group(25);
      const liga = await f.person();
      await f.registration(liga.id, mine.id);
      const onB = subscribe(b, await cookieOf(b, liga.id));
      const onA = subscribe(a, await cookieOf(a, liga.id));
      const seatsOnB = subscribe(b, null, [mine.id], SEATS);
      await Promise.all([subscribed(a, 1), subscribed(b, 2)]);

      await staff.data(UPDATE_SESSION, { id: other.session.id, input: move(26) }); // not Līga's: neither hears of it
      await staff.data(UPDATE_SESSION, { id: mine.session.id, input: move(27) });
      const expected = { groupId: mine.id, sessions: [{ id: mine.session.id, startsAt: iso('2030-05-27T07:00:00Z'), endsAt: iso('2030-05-27T10:30:00Z') }] };
      expect(await onB.received(1)).toEqual([expect.objectContaining(expected)]);
      expect(await onA.received(1)).toEqual([expect.objectContaining(expected)]);
      expect(onB.events[0].id).toBe(onA.events[0].id);

      // A registration through A: B's open course pages hear the new seat count.
      const anna = await f.person({ declaredAddress: RIGA_ADDRESS });
      await (await a.as(anna.id)).data(REGISTER, { input: { groupId: mine.id, payer: 'PRIVATE' } });
      expect(await seatsOnB.received(1)).toEqual([{ groupId: mine.id, seatsTaken: 2, seatsLeft: 8, isFull: false }]);
    } finally {
      await closeAll(...apps);
      for (const app of apps.reverse()) await app.stop();
      await server.stop();
    }
  },
);
