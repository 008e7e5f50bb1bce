import { fieldCodes, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { GroupStatus } from './group.entity.js';

let t: TestApp;
let staff: Client;
let participant: Client;
let ids: Record<string, string>;

const CREATE_GROUP = `mutation($input: GroupInput!) { createGroup(input: $input) { id code status minSize maxSize course { id } } }`;
const UPDATE_GROUP = `mutation($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { id minSize maxSize status } }`;
const CREATE_SESSION = `mutation($input: SessionInput!) { createSession(input: $input) { id startsAt endsAt place { id } lecturer { id } onlineUrl } }`;
const UPDATE_SESSION = `mutation($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id startsAt endsAt place { id } onlineUrl } }`;

const at = (iso: string) => new Date(iso).toISOString();
const count = async (table: string) => (await t.app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  const f = fixtures(t.app.dataSource);
  const topic = await f.topic();
  const course = await f.course(topic.id);
  const lecturer = await f.lecturer();
  const place = await f.place();
  const full = await f.group(course.id, { maxSize: 2, minSize: 1 });
  const person = await f.person();
  const other = await f.person();
  await f.registration(person.id, full.id);
  await f.registration(other.id, full.id);
  ids = { course: course.id, lecturer: lecturer.id, place: place.id, full: full.id };
  staff = await t.as((await f.staff()).id);
  participant = await t.as(person.id);
});

afterAll(() => t?.stop());

describe('groups', () => {
  test('staff create a planned group; the public cannot see it until it is opened', async () => {
    const { createGroup } = await staff.data(CREATE_GROUP, { input: { code: 'G-NEW-1', courseId: ids.course, minSize: 5, maxSize: 20 } });
    expect(createGroup).toMatchObject({ code: 'G-NEW-1', status: 'PLANNED', minSize: 5, maxSize: 20, course: { id: ids.course } });
    expect(await t.anonymous.codes(`query($id: ID!) { group(id: $id) { id } }`, { id: createGroup.id })).toEqual(['NOT_FOUND']);
    await staff.data(UPDATE_GROUP, { id: createGroup.id, input: { status: 'OPEN' } });
    expect((await t.anonymous.data(`query($id: ID!) { group(id: $id) { code } }`, { id: createGroup.id })).group.code).toBe('G-NEW-1');
  });

  test.each([
    [{ minSize: 10, maxSize: 5 }, ['maxSize:MIN_ABOVE_MAX']],
    [{ minSize: 0 }, ['minSize:OUT_OF_RANGE']],
    [{ courseId: '00000000-0000-4000-8000-000000000000' }, ['courseId:UNKNOWN_COURSE']],
    [{ code: 'a b' }, ['code:INVALID_CODE']],
    [{ priceOverrideCents: -1 }, ['priceOverrideCents:OUT_OF_RANGE']],
  ])('a group with %j is refused and not written', async (override, expected) => {
    const before = await count('course_group');
    const result = await staff.request(CREATE_GROUP, { input: { code: 'G-BAD', courseId: ids.course, minSize: 2, maxSize: 10, ...override } });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(fieldCodes(result)).toEqual(expected);
    expect(await count('course_group')).toBe(before);
  });

  test('the maximum size cannot go below the seats already taken', async () => {
    const result = await staff.request(UPDATE_GROUP, { id: ids.full, input: { maxSize: 1 } });
    expect(fieldCodes(result)).toEqual(['maxSize:BELOW_TAKEN']);
    expect((await staff.data(UPDATE_GROUP, { id: ids.full, input: { maxSize: 3 } })).updateGroup.maxSize).toBe(3);
  });

  test('an unknown group id is NOT_FOUND for update and read', async () => {
    expect(await staff.codes(UPDATE_GROUP, { id: '00000000-0000-4000-8000-000000000000', input: { maxSize: 3 } })).toEqual(['NOT_FOUND']);
    expect(await staff.codes(`{ group(id: "zzz") { id } }`)).toEqual(['NOT_FOUND']);
  });

  test('a participant may not plan groups or list them', async () => {
    expect(await participant.codes(CREATE_GROUP, { input: { code: 'G-P', courseId: ids.course, minSize: 1, maxSize: 2 } })).toEqual(['FORBIDDEN']);
    expect(await participant.codes(`{ groups { total } }`)).toEqual(['FORBIDDEN']);
  });

  test('staff list and filter groups', async () => {
    const data = await staff.data(`query($f: GroupFilter) { groups(filter: $f, perPage: 50) { total items { code status } } }`, {
      f: { courseId: ids.course, statuses: [GroupStatus.OPEN] },
    });
    expect(data.groups.items.every((g: any) => g.status === 'OPEN')).toBe(true);
    expect(data.groups.total).toBe(data.groups.items.length);
  });
});

describe('sessions', () => {
  const base = () => ({ groupId: ids.full, startsAt: '2030-03-02T07:00:00Z', endsAt: '2030-03-02T10:15:00Z', placeId: ids.place, lecturerId: ids.lecturer });

  test('staff plan, move and remove a session', async () => {
    const { createSession } = await staff.data(CREATE_SESSION, { input: base() });
    expect(createSession).toMatchObject({ startsAt: at('2030-03-02T07:00:00Z'), place: { id: ids.place }, lecturer: { id: ids.lecturer } });
    const moved = await staff.data(UPDATE_SESSION, {
      id: createSession.id,
      input: { startsAt: '2030-03-03T07:00:00Z', endsAt: '2030-03-03T10:15:00Z', placeId: null, onlineUrl: 'https://vas.example.lv/meet/9' },
    });
    expect(moved.updateSession).toMatchObject({ startsAt: at('2030-03-03T07:00:00Z'), place: null, onlineUrl: 'https://vas.example.lv/meet/9' });
    await staff.data(`mutation($id: ID!) { deleteSession(id: $id) { id } }`, { id: createSession.id });
    expect(await staff.codes(`query($id: ID!) { session(id: $id) { id } }`, { id: createSession.id })).toEqual(['NOT_FOUND']);
  });

  test.each([
    [{ endsAt: '2030-03-02T06:00:00Z' }, ['endsAt:END_BEFORE_START']],
    [{ endsAt: '2030-03-02T07:00:00Z' }, ['endsAt:END_BEFORE_START']],
    [{ endsAt: '2030-03-03T07:00:00Z' }, ['endsAt:TOO_LONG']],
    [{ lecturerId: '00000000-0000-4000-8000-000000000000' }, ['lecturerId:UNKNOWN_LECTURER']],
    [{ placeId: '00000000-0000-4000-8000-000000000000' }, ['placeId:UNKNOWN_PLACE']],
    [{ placeId: null, onlineUrl: null }, ['placeId:PLACE_OR_LINK_REQUIRED']],
    [{ placeId: null, onlineUrl: 'javascript:alert(1)' }, ['onlineUrl:INVALID_URL']],
    [{ groupId: '00000000-0000-4000-8000-000000000000' }, ['groupId:UNKNOWN_GROUP']],
  ])('a session with %j is refused and not written', async (override, expected) => {
    const before = await count('session');
    const result = await staff.request(CREATE_SESSION, { input: { ...base(), ...override } });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(fieldCodes(result)).toEqual(expected);
    expect(await count('session')).toBe(before);
  });

  test('an update is checked against the values it keeps', async () => {
    const { createSession } = await staff.data(CREATE_SESSION, { input: base() });
    const result = await staff.request(UPDATE_SESSION, { id: createSession.id, input: { endsAt: '2030-03-02T06:59:00Z' } });
    expect(fieldCodes(result)).toEqual(['endsAt:END_BEFORE_START']);
    const unchanged = await staff.data(`query($id: ID!) { session(id: $id) { endsAt } }`, { id: createSession.id });
    expect(unchanged.session.endsAt).toBe(at('2030-03-02T10:15:00Z'));
  });

  test('a malformed date is BAD_REQUEST before any rule runs', async () => {
    expect(await staff.codes(CREATE_SESSION, { input: { ...base(), startsAt: 'tomorrow' } })).toEqual(['BAD_REQUEST']);
  });
});

describe('lecturers and places', () => {
  test('staff add them; e-mail of a lecturer is visible to staff only', async () => {
    const { createLecturer } = await staff.data(`mutation { createLecturer(input: { name: "Inese Liepa", email: "inese@example.lv" }) { id email } }`);
    expect(createLecturer.email).toBe('inese@example.lv');
    const { createPlace } = await staff.data(
      `mutation { createPlace(input: { name: "VAS", address: "Raiņa bulvāris 4", room: "305", capacity: 24 }) { id room } }`,
    );
    expect(createPlace.room).toBe('305');
    expect(await participant.codes(`{ lecturers { total } }`)).toEqual(['FORBIDDEN']);
  });

  test('search finds names with or without Latvian letters, in any case (lecturers, places, topics, institutions)', async () => {
    await staff.data(`mutation { createLecturer(input: { name: "Žanete Šķēle-Ūdre" }) { id } }`);
    await staff.data(`mutation { createPlace(input: { name: "Ķekavas nams", address: "Rīgas iela 22, Ķekava", capacity: 10 }) { id } }`);
    const names = async (query: string, q: string) => {
      const data = await staff.data(query, { q });
      return (Object.values(data)[0] as { items: { name: string }[] }).items.map((item) => item.name);
    };
    const LECTURERS = `query ($q: String) { lecturers(filter: { q: $q }) { items { name } } }`;
    const PLACES = `query ($q: String) { places(filter: { q: $q }) { items { name } } }`;
    for (const q of ['Šķēle', 'skele', 'ŪDRE', 'zanete udre']) expect(await names(LECTURERS, q)).toEqual(['Žanete Šķēle-Ūdre']);
    for (const q of ['ķekavas', 'KEKAVA', 'rigas iela']) expect(await names(PLACES, q)).toEqual(['Ķekavas nams']);
  });

  test.each([
    [`mutation { createLecturer(input: { name: "X", email: "not-an-email" }) { id } }`, ['email:INVALID_EMAIL', 'name:REQUIRED']],
    [`mutation { createPlace(input: { name: "VAS", address: "Rīga", capacity: 0 }) { id } }`, ['capacity:OUT_OF_RANGE']],
  ])('bad input is refused: %s', async (mutation, expected) => {
    expect(fieldCodes(await staff.request(mutation))).toEqual(expected);
  });
});
