import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { GroupStatus } from '../scheduling/group.entity.js';
import { CourseVisibility } from './course.entity.js';

const REQUEST = `mutation ($id: ID!) { requestNextGroup(courseId: $id) { id createdAt course { id } person { id } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawInterestRequest(courseId: $id) }`;
const MINE = `{ myInterestRequests { id course { id } } }`;
const COURSE = `query ($id: ID!) { course(id: $id) { id myInterestRequest { id } } }`;
const DEMAND = `query ($f: CourseDemandFilter) { courseDemand(filter: $f, perPage: 100) { total items { course { id } requestCount latestRequestAt hasOpenGroup } } }`;
const PEOPLE = `query ($f: InterestRequestFilter) { interestRequests(filter: $f, perPage: 100) { total items { person { id fullName email } } } }`;

let t: TestApp;
let f: ReturnType<typeof fixtures>;
let topicId: string;
let staff: Client;

beforeAll(async () => {
  // No job worker in this instance: its outbox polls would be counted with the statements of a query.
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
  topicId = (await f.topic()).id;
  staff = await t.as((await f.staff()).id);
});

afterAll(() => t?.stop());

test('a person asks once per course, sees their request on the course and in their list, and withdraws it', async () => {
  const course = await f.course(topicId);
  const person = await f.person();
  const own = await t.as(person.id);

  const { requestNextGroup } = await own.data(REQUEST, { id: course.id });
  expect(requestNextGroup).toMatchObject({ course: { id: course.id }, person: { id: person.id } });
  expect((await own.data(COURSE, { id: course.id })).course.myInterestRequest).toEqual({ id: requestNextGroup.id });
  expect((await own.data(MINE)).myInterestRequests).toEqual([{ id: requestNextGroup.id, course: { id: course.id } }]);
  expect(await own.codes(REQUEST, { id: course.id })).toEqual(['ALREADY_EXISTS']);

  // Another person sees nothing of it, and the anonymous catalog has no request to show.
  expect((await (await t.as((await f.person()).id)).data(COURSE, { id: course.id })).course.myInterestRequest).toBeNull();
  expect((await t.anonymous.data(COURSE, { id: course.id })).course.myInterestRequest).toBeNull();

  expect((await own.data(WITHDRAW, { id: course.id })).withdrawInterestRequest).toBe(true);
  expect((await own.data(WITHDRAW, { id: course.id })).withdrawInterestRequest).toBe(false);
  expect((await own.data(COURSE, { id: course.id })).course.myInterestRequest).toBeNull();
  expect((await own.data(MINE)).myInterestRequests).toEqual([]);
});

test('a restricted course is NOT_FOUND for whoever may not see it, and an unknown course too', async () => {
  const [allowed, other] = [await f.institution('Iestāde A'), await f.institution('Iestāde B')];
  const restricted = await f.course(topicId, { visibility: CourseVisibility.RESTRICTED }, [allowed.id]);
  expect(await (await t.as((await f.person()).id)).codes(REQUEST, { id: restricted.id })).toEqual(['NOT_FOUND']);
  expect(await (await t.as((await f.person({ coordinates: [other.id] })).id)).codes(REQUEST, { id: restricted.id })).toEqual(['NOT_FOUND']);
  expect(await (await t.as((await f.person()).id)).codes(REQUEST, { id: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
  const coordinator = await t.as((await f.person({ coordinates: [allowed.id] })).id);
  expect((await coordinator.data(REQUEST, { id: restricted.id })).requestNextGroup.course.id).toBe(restricted.id);
  expect(await t.anonymous.codes(REQUEST, { id: restricted.id })).toEqual(['UNAUTHENTICATED']);
});

test('a registration in a group of the course fulfils the request: it is no longer listed or counted, and may be made anew', async () => {
  const course = await f.course(topicId);
  const person = await f.person();
  const own = await t.as(person.id);
  await own.data(REQUEST, { id: course.id });
  const demandOf = async () => (await staff.data(DEMAND)).courseDemand.items.find((row: any) => row.course.id === course.id);
  expect(await demandOf()).toMatchObject({ requestCount: 1, hasOpenGroup: false });

  const group = await f.group(course.id, { status: GroupStatus.OPEN });
  await f.session(group.id, 20);
  const registration = await f.registration(person.id, group.id, RegistrationStatus.CONFIRMED);
  expect((await own.data(MINE)).myInterestRequests).toEqual([]);
  expect((await own.data(COURSE, { id: course.id })).course.myInterestRequest).toBeNull();
  expect(await demandOf()).toBeUndefined();

  // Having registered, the person may still ask for a later group: the fulfilled request is replaced.
  const again = (await own.data(REQUEST, { id: course.id })).requestNextGroup;
  expect(new Date(again.createdAt).getTime()).toBeGreaterThan(registration.createdAt.getTime());
  expect(await demandOf()).toMatchObject({ requestCount: 1, hasOpenGroup: true });
});

test('staff see the demand per course, the most requested first, and the people with their e-mail addresses', async () => {
  const [popular, quiet] = [await f.course(topicId, { titleLv: 'Pieprasītais kurss' }), await f.course(topicId, { titleLv: 'Klusais kurss' })];
  const people = [await f.person({ givenName: 'Aiga', familyName: 'Zariņa' }), await f.person({ givenName: 'Edgars', familyName: 'Liepa' }), await f.person()];
  for (const person of people) await (await t.as(person.id)).data(REQUEST, { id: popular.id });
  await (await t.as(people[0].id)).data(REQUEST, { id: quiet.id });

  const { courseDemand } = await staff.data(DEMAND, { f: { q: 'kurss' } });
  const ours = courseDemand.items.filter((row: any) => [popular.id, quiet.id].includes(row.course.id));
  expect(ours.map((row: any) => [row.course.id, row.requestCount])).toEqual([
    [popular.id, 3],
    [quiet.id, 1],
  ]);
  const counts = courseDemand.items.map((row: any) => row.requestCount);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  const { interestRequests } = await staff.data(PEOPLE, { f: { courseId: popular.id } });
  expect(interestRequests.total).toBe(3);
  expect(interestRequests.items.map((item: any) => item.person)).toEqual(
    people.map((p) => ({ id: p.id, fullName: `${p.givenName} ${p.familyName}`, email: p.email })),
  );
  expect(await (await t.as(people[0].id)).codes(PEOPLE, { f: { courseId: popular.id } })).toEqual(['FORBIDDEN']);
  expect(await staff.codes(PEOPLE, { f: { courseId: 'nav-id' } })).toEqual(['VALIDATION']);
});

test('Course.myInterestRequest on a catalog page costs the same statements for 2 or 30 courses (no N+1)', async () => {
  const person = await f.person();
  const own = await t.as(person.id);
  const topic = await f.topic('Skaitīšana', 'Counting');
  for (let i = 0; i < 30; i++) {
    const course = await f.course(topic.id, { code: `INT-${String(i).padStart(3, '0')}` });
    if (i % 2 === 0) await own.data(REQUEST, { id: course.id });
  }
  const LIST = `query ($f: CourseFilter, $perPage: Int) { courses(filter: $f, perPage: $perPage, sort: { field: CODE }) { items { code myInterestRequest { id } } } }`;
  const statementsFor = async (perPage: number) => {
    const before = t.queries.count;
    const { courses } = await own.data(LIST, { f: { topicId: topic.id }, perPage });
    return { statements: t.queries.count - before, requests: courses.items.filter((c: any) => c.myInterestRequest).length };
  };
  const small = await statementsFor(2);
  const large = await statementsFor(30);
  expect(small.requests).toBe(1);
  expect(large.requests).toBe(15);
  expect(large.statements).toBe(small.statements);
});

(realPostgresAvailable() ? test : test.skip)(
  `one person asking 20 times at once gets one request and 19 ALREADY_EXISTS${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const app = await startTestApp({ MPS_ROLE: 'api' }, { databaseUrl: server.url });
    try {
      const g = fixtures(app.app.dataSource);
      const course = await g.course((await g.topic()).id);
      const person = await g.person();
      const own = await app.as(person.id);
      const results = await Promise.all(Array.from({ length: 20 }, () => own.request(REQUEST, { id: course.id })));
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['OK', ...Array(19).fill('ALREADY_EXISTS')].sort());
      const [{ n }] = await app.app.dataSource.query(`SELECT count(*)::int AS n FROM interest_request WHERE person_id = $1`, [person.id]);
      expect(n).toBe(1);
    } finally {
      await app.stop();
      await server.stop();
    }
  },
  60_000,
);
