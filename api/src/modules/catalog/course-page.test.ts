import { parse, type GraphQLResolveInfo, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { In } from 'typeorm';
import { SortOrder } from '../../common/pagination.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { selectedFields } from '../../graphql/lookahead.js';
import { Language } from '../people/person.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { CourseSortField } from './catalog.types.js';
import { Course, CourseVisibility } from './course.entity.js';
import { coursePagePlan, NOTHING_AHEAD, type CoursePagePlan } from './course-page.js';

/**
 * The catalog page reads ahead, in its one statement, what the loaders would otherwise read level
 * by level (issue 16). What it hands the loaders must be what they would have read themselves:
 * the same rows, the same order, the same rules (published and not ended, seat-holding statuses).
 */

let t: TestApp;
const anonymous = { viewer: null, lang: Language.LV };
const EVERYTHING: CoursePagePlan = { topics: true, nextStarts: true, groups: true, seats: true, sessions: true, places: true, lecturers: true };

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  const f = fixtures(t.app.dataSource);
  const [law, it] = [await f.topic('Tiesības', 'Law'), await f.topic('IT', 'IT')];
  const [ozols, berzina] = [await f.lecturer('Jānis Ozols'), await f.lecturer('Anna Bērziņa')];
  const [room, hall] = [await f.place('Telpa 201'), await f.place('Zāle')];
  const people = [await f.person(), await f.person(), await f.person()];

  // Two published groups, one of them without sessions yet; seats held and waited for.
  const busy = await f.course(law.id, { code: 'PAGE-A' });
  const open = await f.group(busy.id, { status: GroupStatus.OPEN, maxSize: 3 });
  await f.session(open.id, 12, { placeId: room.id, lecturerId: ozols.id });
  await f.session(open.id, 5, { placeId: hall.id, lecturerId: berzina.id, onlineUrl: null });
  await f.session(open.id, 5, { placeId: null, lecturerId: null });
  await f.registration(people[0].id, open.id, RegistrationStatus.CONFIRMED);
  await f.registration(people[1].id, open.id, RegistrationStatus.CONFIRMED);
  await f.registration(people[2].id, open.id, RegistrationStatus.WAITING);
  const confirmed = await f.group(busy.id, { status: GroupStatus.CONFIRMED });
  await f.session(confirmed.id, 3, { placeId: room.id, lecturerId: ozols.id });
  await f.group(busy.id, { status: GroupStatus.OPEN });

  // Groups the catalog does not offer: planned, cancelled, ended; and a published one half over.
  const quiet = await f.course(it.id, { code: 'PAGE-B' });
  await f.session((await f.group(quiet.id, { status: GroupStatus.PLANNED })).id, 4);
  await f.session((await f.group(quiet.id, { status: GroupStatus.CANCELLED })).id, 4);
  await f.session((await f.group(quiet.id, { status: GroupStatus.CONFIRMED })).id, -10);
  const running = await f.group(quiet.id, { status: GroupStatus.CONFIRMED });
  await f.session(running.id, -1, { lecturerId: berzina.id });
  await f.session(running.id, 1, { lecturerId: berzina.id });

  await f.course(law.id, { code: 'PAGE-C' });
  await f.course(it.id, { code: 'PAGE-D', visibility: CourseVisibility.RESTRICTED });
});

afterAll(() => t?.stop());

async function page(plan: CoursePagePlan, perPage = 20, pageNumber = 1) {
  return t.app.services.catalog.listCourses(
    anonymous,
    { q: 'PAGE' },
    { field: CourseSortField.CODE, order: SortOrder.ASC },
    { page: pageNumber, perPage },
    plan,
  );
}

test('the page hands the loaders exactly what they would read themselves', async () => {
  const { items, total, related } = await page(EVERYTHING);
  const { catalog, groups, sessions, registrations } = t.app.services;
  expect(items.map((c) => c.code)).toEqual(['PAGE-A', 'PAGE-B', 'PAGE-C']);
  expect(total).toBe(3);
  const ids = items.map((c) => c.id);
  const hydrated = await t.app.dataSource.getRepository(Course).findBy({ id: In(ids) });
  expect(items).toEqual(ids.map((id) => hydrated.find((c) => c.id === id)));
  expect(items.every((c) => c instanceof Course)).toBe(true);

  expect(related.topics).toEqual(expect.arrayContaining(await catalog.topicsByIds([...new Set(items.map((c) => c.topicId))])));
  expect(related.topics).toHaveLength(2);

  const nextStarts = await groups.nextSessionStartByCourseIds(ids);
  expect(related.nextStarts).toEqual(new Map(ids.map((id) => [id, nextStarts.get(id) ?? null])));
  expect(related.nextStarts!.get(items[2].id)).toBeNull();

  const upcoming = await groups.upcomingPublishedGroupsByCourseIds(ids);
  expect(related.groups).toEqual(new Map(ids.map((id) => [id, upcoming.filter((g) => g.courseId === id)])));
  expect([...related.groups!.values()].map((list) => list.length)).toEqual([3, 1, 0]);

  const groupIds = upcoming.map((g) => g.id);
  const taken = await registrations.seatsTakenByGroupIds(groupIds);
  expect(related.seatsTaken).toEqual(new Map(groupIds.map((id) => [id, taken.get(id) ?? 0])));
  expect([...related.seatsTaken!.values()].sort()).toEqual([0, 0, 0, 2]);

  const listed = await sessions.sessionsByGroupIds(groupIds);
  expect(related.sessions).toEqual(new Map(groupIds.map((id) => [id, listed.filter((s) => s.groupId === id)])));
  expect(listed).toHaveLength(6);

  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  const placeIds = [...new Set(listed.map((s) => s.placeId).filter((id): id is string => id !== null))];
  const lecturerIds = [...new Set(listed.map((s) => s.lecturerId).filter((id): id is string => id !== null))];
  expect(byId(related.places!)).toEqual(byId(await sessions.placesByIds(placeIds)));
  expect(byId(related.lecturers!)).toEqual(byId(await sessions.lecturersByIds(lecturerIds)));
  expect([related.places!.length, related.lecturers!.length]).toEqual([2, 2]);
});

test('only what the plan asks is read; a page past the end still has its total', async () => {
  const bare = await page(NOTHING_AHEAD, 2);
  expect(bare.items.map((c) => c.code)).toEqual(['PAGE-A', 'PAGE-B']);
  expect(bare.total).toBe(3);
  expect(Object.values(bare.related).every((value) => value === null)).toBe(true);
  const second = await page(NOTHING_AHEAD, 2, 2);
  expect(second.items.map((c) => c.code)).toEqual(['PAGE-C']);
  const past = await page(NOTHING_AHEAD, 2, 5);
  expect(past).toMatchObject({ items: [], total: 3 });
});

test('the plan follows the query, through aliases and fragments', () => {
  const planOf = (query: string) => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
    const info = { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments } as unknown as GraphQLResolveInfo;
    return coursePagePlan(selectedFields(info));
  };
  expect(planOf(`{ courses { total items { id title } } }`)).toEqual(NOTHING_AHEAD);
  expect(planOf(`{ courses { items { ...Card } } } fragment Card on Course { title hasDate topic { name } }`)).toEqual({
    ...NOTHING_AHEAD,
    topics: true,
    nextStarts: true,
  });
  expect(planOf(`{ c: courses { list: items { ... on Course { openGroups { left: seatsLeft sessions { lecturer { name } } } } } } }`)).toEqual({
    ...NOTHING_AHEAD,
    groups: true,
    seats: true,
    sessions: true,
    lecturers: true,
  });
});
