import { startTestApp, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { GroupStatus } from '../scheduling/group.entity.js';

const NESTED = `query($perPage: Int) {
  courses(perPage: $perPage, sort: { field: CODE }) {
    total
    items { code title topic { name } hasDate openGroups { code seatsLeft priceCents course { code }
      sessions { startsAt place { name } lecturer { name } } } }
  }
}`;

let t: TestApp;

beforeAll(async () => {
  // No job worker in this instance: its outbox polls would be counted with the query's statements.
  t = await startTestApp({ MPS_ROLE: 'api' });
  const f = fixtures(t.app.dataSource);
  const topics = [await f.topic('Tēma A', 'Topic A'), await f.topic('Tēma B', 'Topic B')];
  const lecturers = [await f.lecturer('Pasniedzējs 1'), await f.lecturer('Pasniedzējs 2'), await f.lecturer('Pasniedzējs 3')];
  const places = [await f.place('Telpa 1'), await f.place('Telpa 2')];
  for (let i = 0; i < 30; i++) {
    const course = await f.course(topics[i % 2].id, { code: `SQL-${String(i).padStart(3, '0')}` });
    for (let g = 0; g < 2; g++) {
      const group = await f.group(course.id, { status: g === 0 ? GroupStatus.OPEN : GroupStatus.CONFIRMED });
      for (let s = 0; s < 3; s++) {
        await f.session(group.id, 5 + g * 10 + s, { lecturerId: lecturers[(i + s) % 3].id, placeId: places[s % 2].id, onlineUrl: null });
      }
    }
  }
});

afterAll(() => t?.stop());

async function statementsFor(perPage: number): Promise<{ statements: number; courses: number; sessions: number }> {
  const before = t.queries.count;
  const data = await t.anonymous.data(NESTED, { perPage });
  const statements = t.queries.count - before;
  const sessions = data.courses.items.flatMap((c: any) => c.openGroups.flatMap((g: any) => g.sessions)).length;
  return { statements, courses: data.courses.items.length, sessions };
}

test('a nested catalog query (courses -> groups -> sessions -> lecturer) costs the same number of statements for 2 or 30 courses', async () => {
  const small = await statementsFor(2);
  const large = await statementsFor(30);
  expect(small).toMatchObject({ courses: 2, sessions: 12 });
  expect(large).toMatchObject({ courses: 30, sessions: 180 });
  expect(large.statements).toBe(small.statements);
  // The page reads its topics, next dates, groups, seats, sessions, places and lecturers with it (issue 16).
  expect(large.statements).toBe(1);
});
