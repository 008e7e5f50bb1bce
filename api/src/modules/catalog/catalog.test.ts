import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { CourseFormat, CourseVisibility, InstructionLanguage } from './course.entity.js';
import { zonedDatePlusDays } from '../../time.js';

const LIST = `query List($filter: CourseFilter, $sort: CourseSort, $page: Int, $perPage: Int) {
  courses(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { total items { id code title hasDate } }
}`;

let t: TestApp;
let ids: Record<string, string> = {};
let clients: Record<'anonymous' | 'participant' | 'coordinatorA' | 'coordinatorB' | 'staff', Client>;
const monthOf40 = zonedDatePlusDays(40).slice(0, 7);

beforeAll(async () => {
  t = await startTestApp();
  const f = fixtures(t.app.dataSource);
  const [instA, instB] = [await f.institution('Iestāde A'), await f.institution('Iestāde B')];
  const law = await f.topic('Tiesības', 'Law');
  const digital = await f.topic('Digitālās prasmes', 'Digital skills');
  const lecturer = await f.lecturer('Jānis Ozols');
  const place = await f.place();

  const procurement = await f.course(law.id, {
    titleLv: 'Publiskā iepirkuma apmācības',
    titleEn: 'Public procurement training',
    summaryLv: 'Iepirkumu plānošana',
    priceCents: 5000,
  });
  const procurementGroup = await f.group(procurement.id, { status: GroupStatus.OPEN, maxSize: 2 });
  await f.session(procurementGroup.id, 10, { lecturerId: lecturer.id, placeId: place.id, onlineUrl: null });
  await f.session(procurementGroup.id, 11, { lecturerId: lecturer.id, placeId: place.id, onlineUrl: null });

  const digitalCourse = await f.course(digital.id, {
    titleLv: 'Mākslīgais intelekts darbā',
    titleEn: 'AI at work',
    language: InstructionLanguage.EN,
    format: CourseFormat.ONLINE,
    priceCents: 0,
  });
  const restrictedA = await f.course(law.id, { titleLv: 'Slepenā VID apmācība', titleEn: 'Tax board only', visibility: CourseVisibility.RESTRICTED }, [
    instA.id,
  ]);
  await f.session((await f.group(restrictedA.id)).id, 20, { lecturerId: lecturer.id });
  const restrictedNone = await f.course(law.id, { titleLv: 'Tikai darbiniekiem', visibility: CourseVisibility.RESTRICTED });

  const past = await f.course(digital.id, { titleLv: 'Ētika un korupcijas novēršana', titleEn: 'Ethics', format: CourseFormat.HYBRID, priceCents: 3000 });
  await f.session((await f.group(past.id, { status: GroupStatus.COMPLETED })).id, -30);
  await f.session((await f.group(past.id, { status: GroupStatus.PLANNED })).id, 5);

  const monthly = await f.course(law.id, { titleLv: 'Lietvedība', titleEn: 'Records management', language: InstructionLanguage.RU });
  await f.session((await f.group(monthly.id, { status: GroupStatus.CONFIRMED })).id, 40);

  ids = {
    instA: instA.id,
    law: law.id,
    procurement: procurement.id,
    procurementGroup: procurementGroup.id,
    digital: digitalCourse.id,
    restrictedA: restrictedA.id,
    restrictedNone: restrictedNone.id,
    past: past.id,
    monthly: monthly.id,
  };

  const participant = await f.person();
  await f.registration(participant.id, procurementGroup.id);
  clients = {
    anonymous: t.anonymous,
    participant: await t.as(participant.id),
    coordinatorA: await t.as((await f.person({ coordinates: [instA.id] })).id),
    coordinatorB: await t.as((await f.person({ coordinates: [instB.id] })).id),
    staff: await t.as((await f.staff()).id),
  };
});

afterAll(() => t?.stop());

const titles = (data: any) => data.courses.items.map((c: any) => c.id);

describe('restricted visibility (R-CAT-4)', () => {
  const publicCourses = () => [ids.procurement, ids.digital, ids.past, ids.monthly];

  test.each([
    ['anonymous', () => publicCourses()],
    ['participant', () => publicCourses()],
    ['coordinatorB', () => publicCourses()],
    ['coordinatorA', () => [...publicCourses(), ids.restrictedA]],
    ['staff', () => [...publicCourses(), ids.restrictedA, ids.restrictedNone]],
  ] as const)('%s sees exactly the courses allowed, in lists and counts', async (who, expected) => {
    const data = await clients[who].data(LIST, { perPage: 100 });
    expect(new Set(titles(data))).toEqual(new Set(expected()));
    expect(data.courses.total).toBe(expected().length);
  });

  test.each(['anonymous', 'participant', 'coordinatorB'] as const)('%s cannot find a restricted course by search or id', async (who) => {
    const search = await clients[who].data(LIST, { filter: { q: 'slepena' } });
    expect(search.courses).toEqual({ total: 0, items: [] });
    expect(await clients[who].codes(`query($id: ID!) { course(id: $id) { id } }`, { id: ids.restrictedA })).toEqual(['NOT_FOUND']);
  });

  test('a coordinator sees only their own institution among the allowed ones; staff see all', async () => {
    const q = `query($id: ID!) { course(id: $id) { allowedInstitutions { id } } }`;
    expect((await clients.coordinatorA.data(q, { id: ids.restrictedA })).course.allowedInstitutions).toEqual([{ id: ids.instA }]);
    expect((await clients.staff.data(q, { id: ids.restrictedA })).course.allowedInstitutions).toEqual([{ id: ids.instA }]);
    expect((await clients.anonymous.data(q, { id: ids.procurement })).course.allowedInstitutions).toEqual([]);
  });
});

describe('search and filters (R-CAT-2)', () => {
  test.each(['apmacibas', 'APMĀCĪBAS', 'apmācības', 'iepirkuma apmacibas', 'procurement'])('"%s" finds the procurement training', async (q) => {
    const data = await t.anonymous.data(LIST, { filter: { q } });
    expect(titles(data)).toEqual([ids.procurement]);
  });

  test('a search with LIKE wildcards matches them literally', async () => {
    expect((await t.anonymous.data(LIST, { filter: { q: '%' } })).courses.total).toBe(0);
    expect((await t.anonymous.data(LIST, { filter: { q: '_' } })).courses.total).toBe(0);
  });

  test.each([
    [{ topicId: 'law' }, ['procurement', 'monthly']],
    [{ format: 'ONLINE' }, ['digital']],
    [{ format: 'HYBRID' }, ['past']],
    [{ language: 'EN' }, ['digital']],
    [{ language: 'RU' }, ['monthly']],
    [{ price: 'FREE' }, ['digital']],
    [{ price: 'PAID' }, ['procurement', 'past', 'monthly']],
    [{ hasDate: true }, ['procurement', 'monthly']],
    [{ hasDate: false }, ['digital', 'past']],
    [{ month: 'month40' }, ['monthly']],
    [{ topicId: 'law', price: 'PAID', hasDate: true, q: 'iepirkum' }, ['procurement']],
  ])('filter %j', async (filter, expected) => {
    const resolved = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, k === 'topicId' ? ids[v as string] : v === 'month40' ? monthOf40 : v]));
    const data = await t.anonymous.data(LIST, { filter: resolved, perPage: 100 });
    expect(new Set(titles(data))).toEqual(new Set(expected.map((key) => ids[key])));
    expect(data.courses.total).toBe(expected.length);
  });

  test('a course without an upcoming published group says "no date yet"; completed and planned groups do not count', async () => {
    const q = `query($id: ID!) { course(id: $id) { hasDate nextSessionStartsAt openGroups { id } } }`;
    expect((await t.anonymous.data(q, { id: ids.past })).course).toEqual({ hasDate: false, nextSessionStartsAt: null, openGroups: [] });
    expect((await t.anonymous.data(q, { id: ids.digital })).course.hasDate).toBe(false);
  });

  test('the course page shows its open groups with sessions, places, lecturers and seats', async () => {
    const data = await t.anonymous.data(
      `query($id: ID!) { course(id: $id) { title topic { name } openGroups { code status maxSize seatsTaken seatsLeft isFull priceCents startsAt
         sessions { startsAt endsAt onlineUrl place { name room } lecturer { name email } } } } }`,
      { id: ids.procurement },
    );
    const [group] = data.course.openGroups;
    expect(data.course.title).toBe('Publiskā iepirkuma apmācības');
    expect(data.course.topic.name).toBe('Tiesības');
    expect(group).toMatchObject({ status: 'OPEN', maxSize: 2, seatsTaken: 1, seatsLeft: 1, isFull: false, priceCents: 5000 });
    expect(group.sessions).toHaveLength(2);
    expect(group.sessions[0].lecturer).toEqual({ name: 'Jānis Ozols', email: null }); // e-mail is staff-only
    expect(group.sessions[0].place.room).toBe('201');
    expect(new Date(group.sessions[0].startsAt) < new Date(group.sessions[1].startsAt)).toBe(true);
  });

  test('English is served when the client asks for it, Latvian by default', async () => {
    const q = `query($id: ID!) { course(id: $id) { title topic { name } } }`;
    expect((await t.anonymous.data(q, { id: ids.procurement }, { 'accept-language': 'en-GB,en;q=0.9' })).course).toEqual({
      title: 'Public procurement training',
      topic: { name: 'Law' },
    });
    expect((await t.anonymous.data(q, { id: ids.procurement }, { 'x-mps-language': 'en' })).course.title).toBe('Public procurement training');
    expect((await t.anonymous.data(q, { id: ids.procurement })).course.title).toBe('Publiskā iepirkuma apmācības');
  });
});

describe('pagination and sorting', () => {
  test('pages split the list without overlap and the total stays the same', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const data = await t.anonymous.data(LIST, { page, perPage: 2, sort: { field: 'CODE', order: 'ASC' } });
      expect(data.courses.total).toBe(4);
      expect(data.courses.items.length).toBe(page < 3 ? 2 : 0);
      seen.push(...titles(data));
    }
    expect(new Set(seen).size).toBe(4);
  });

  test('sorting by next date puts courses without a date last, in both orders of the dated ones', async () => {
    const asc = titles(await t.anonymous.data(LIST, { sort: { field: 'NEXT_DATE', order: 'ASC' } }));
    expect(asc.slice(0, 2)).toEqual([ids.procurement, ids.monthly]);
    const desc = titles(await t.anonymous.data(LIST, { sort: { field: 'NEXT_DATE', order: 'DESC' } }));
    expect(desc.slice(0, 2)).toEqual([ids.monthly, ids.procurement]);
  });

  test('sorting by title follows the request language', async () => {
    const lv = await t.anonymous.data(LIST, { sort: { field: 'TITLE', order: 'ASC' } });
    expect(lv.courses.items.map((c: any) => c.title)).toEqual([...lv.courses.items.map((c: any) => c.title)].sort((a, b) => (a < b ? -1 : 1)));
  });
});

describe('bad input gets an error code and writes nothing', () => {
  test.each([
    ['an unknown id', `{ course(id: "00000000-0000-4000-8000-000000000000") { id } }`, 'NOT_FOUND'],
    ['a malformed id', `{ course(id: "not-an-id") { id } }`, 'NOT_FOUND'],
    ['an unknown topic', `{ topic(id: "42") { id } }`, 'NOT_FOUND'],
    ['a malformed month', `{ courses(filter: { month: "2026-13" }) { total } }`, 'VALIDATION'],
    ['a malformed topic id', `{ courses(filter: { topicId: "x" }) { total } }`, 'VALIDATION'],
    ['an oversized page', `{ courses(perPage: 1000) { total } }`, 'VALIDATION'],
    ['page zero', `{ courses(page: 0) { total } }`, 'VALIDATION'],
    ['an unknown enum value', `{ courses(filter: { format: TELEPATHY }) { total } }`, 'BAD_REQUEST'],
    ['an unknown field', `{ courses { total nope } }`, 'BAD_REQUEST'],
    ['a staff-only query, anonymously', `{ groups { total } }`, 'UNAUTHENTICATED'],
  ])('%s', async (_what, query, code) => {
    expect(await t.anonymous.codes(query)).toEqual([code]);
  });

  test('validation errors name every bad field', async () => {
    const result = await t.anonymous.request(`{ courses(page: 0, perPage: 500, filter: { month: "march" }) { total } }`);
    expect(result.errors![0].extensions!.fields!.map((f) => f.code).sort()).toEqual(['INVALID_MONTH', 'PAGE_INVALID', 'PER_PAGE_INVALID']);
  });

  const CREATE = `mutation($input: CourseInput!) { createCourse(input: $input) { id code } }`;
  const validInput = () => ({
    code: 'NEW-1',
    topicId: ids.law,
    titleLv: 'Jauns kurss',
    titleEn: 'New course',
    language: 'LV',
    format: 'IN_PERSON',
    hours: 8,
    priceCents: 1000,
  });
  const count = async () => (await t.app.dataSource.query('SELECT count(*)::int AS n FROM course'))[0].n;

  test.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['participant', 'FORBIDDEN'],
    ['coordinatorA', 'FORBIDDEN'],
  ] as const)('%s calling a staff mutation gets %s', async (who, code) => {
    const before = await count();
    expect(await clients[who].codes(CREATE, { input: validInput() })).toEqual([code]);
    expect(await clients[who].codes(`mutation { deleteTopic(id: "${ids.law}") { id } }`)).toEqual([code]);
    expect(await count()).toBe(before);
  });

  test('staff get VALIDATION with each problem, and nothing is written', async () => {
    const before = await count();
    const result = await clients.staff.request(CREATE, {
      input: { ...validInput(), titleLv: '', hours: -1, priceCents: -5, topicId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(result.errors![0].extensions!.code).toBe('VALIDATION');
    expect(result.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['hours', 'priceCents', 'titleLv', 'topicId']);
    expect(await count()).toBe(before);
    // priceCents 12.5 is refused by the Int type itself, before the service.
    expect(await clients.staff.codes(CREATE, { input: { ...validInput(), priceCents: 12.5 } })).toEqual(['BAD_REQUEST']);
  });

  test('a course code is unique', async () => {
    const first = await clients.staff.data(CREATE, { input: { ...validInput(), code: 'DUP-1' } });
    expect(first.createCourse.code).toBe('DUP-1');
    expect(await clients.staff.codes(CREATE, { input: { ...validInput(), code: 'DUP-1' } })).toEqual(['ALREADY_EXISTS']);
  });

  test('a topic with courses cannot be deleted', async () => {
    expect(await clients.staff.codes(`mutation { deleteTopic(id: "${ids.law}") { id } }`)).toEqual(['IN_USE']);
  });
});

describe('staff edit the catalog', () => {
  test('a created course is searchable; restricting it hides it from the public', async () => {
    const created = await clients.staff.data(`mutation($input: CourseInput!) { createCourse(input: $input) { id visibility } }`, {
      input: { code: 'EDIT-1', topicId: ids.law, titleLv: 'Datu aizsardzības pamati', language: 'LV', format: 'ONLINE', hours: 4, priceCents: 0 },
    });
    expect((await t.anonymous.data(LIST, { filter: { q: 'aizsardzibas' } })).courses.items.map((c: any) => c.id)).toEqual([created.createCourse.id]);

    const updated = await clients.staff.data(
      `mutation($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { titleLv visibility allowedInstitutions { id } } }`,
      { id: created.createCourse.id, input: { visibility: 'RESTRICTED', allowedInstitutionIds: [ids.instA], titleLv: 'Datu aizsardzība iestādēs' } },
    );
    expect(updated.updateCourse).toEqual({ titleLv: 'Datu aizsardzība iestādēs', visibility: 'RESTRICTED', allowedInstitutions: [{ id: ids.instA }] });
    expect((await t.anonymous.data(LIST, { filter: { q: 'aizsardziba' } })).courses.total).toBe(0);
    expect((await clients.coordinatorA.data(LIST, { filter: { q: 'aizsardziba' } })).courses.total).toBe(1);
  });

  test('topics: create, rename, delete when empty', async () => {
    const { createTopic } = await clients.staff.data(
      `mutation { createTopic(input: { code: "NEWT", nameLv: "Jauna tēma", nameEn: "New topic" }) { id name } }`,
    );
    expect(createTopic.name).toBe('Jauna tēma');
    const renamed = await clients.staff.data(
      `mutation($id: ID!) { updateTopic(id: $id, input: { code: "NEWT", nameLv: "Pārdēvēta", nameEn: "Renamed" }) { nameLv } }`,
      { id: createTopic.id },
    );
    expect(renamed.updateTopic.nameLv).toBe('Pārdēvēta');
    await clients.staff.data(`mutation($id: ID!) { deleteTopic(id: $id) { id } }`, { id: createTopic.id });
    expect(await t.anonymous.codes(`query($id: ID!) { topic(id: $id) { id } }`, { id: createTopic.id })).toEqual(['NOT_FOUND']);
  });

  test('two staff creating the same topic code at once: one wins, the other gets ALREADY_EXISTS', async () => {
    const create = () => clients.staff.request(`mutation { createTopic(input: { code: "RACE", nameLv: "Sacensība", nameEn: "Race" }) { id } }`);
    const results = await Promise.all([create(), create(), create()]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['ALREADY_EXISTS', 'ALREADY_EXISTS', 'OK']);
    expect((await t.app.dataSource.query(`SELECT count(*)::int AS n FROM topic WHERE code = 'RACE'`))[0].n).toBe(1);
  });
});
