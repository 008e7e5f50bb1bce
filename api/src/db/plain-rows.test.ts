import { startTestApp, type TestApp } from '../test/harness.js';
import { fixtures } from '../test/fixtures.js';
import { Course } from '../modules/catalog/course.entity.js';
import { Group } from '../modules/scheduling/group.entity.js';
import { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import { Place } from '../modules/scheduling/place.entity.js';
import { Session } from '../modules/scheduling/session.entity.js';
import { PlainRows } from './plain-rows.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
});
afterAll(() => t?.stop());

/** What TypeORM's own reading gives, for comparison: every column, typed the same, the same class. */
async function bothWays<T extends { id: string }>(target: new () => T, id: string): Promise<[T, T]> {
  const [plain] = await new PlainRows(t.app.dataSource, target).select('x', 'WHERE x.id = $1', [id]);
  const hydrated = await t.app.dataSource.getRepository(target).findOneByOrFail({ id } as never);
  return [plain, hydrated as T];
}

test('entities read without hydration equal what TypeORM reads, column for column and class for class', async () => {
  const f = fixtures(t.app.dataSource);
  const topic = await f.topic();
  const course = await f.course(topic.id, { hours: 12.5 });
  const group = await f.group(course.id, { priceOverrideCents: 1500 });
  const lecturer = await f.lecturer('Pasniedzēja Ieva');
  const place = await f.place('Telpa 7');
  const session = await f.session(group.id, 3, { lecturerId: lecturer.id, placeId: place.id, onlineUrl: null });

  for (const [plain, hydrated] of [
    await bothWays(Course, course.id),
    await bothWays(Group, group.id),
    await bothWays(Lecturer, lecturer.id),
    await bothWays(Place, place.id),
    await bothWays(Session, session.id),
  ]) {
    expect(plain.constructor).toBe(hydrated.constructor);
    expect(plain).toEqual(hydrated);
  }
  // The numeric column comes back through its transformer, a number as TypeORM gives it.
  const [plainCourse] = await bothWays(Course, course.id);
  expect(plainCourse.hours).toBe(12.5);
  const [plainSession] = await bothWays(Session, session.id);
  expect(plainSession.startsAt).toBeInstanceOf(Date);
});

test('a WHERE with an array parameter and an order', async () => {
  const f = fixtures(t.app.dataSource);
  const places = [await f.place('B telpa'), await f.place('A telpa'), await f.place('C telpa')];
  const found = await new PlainRows(t.app.dataSource, Place).select('p', 'WHERE p.id = ANY($1) ORDER BY p.name', [places.slice(0, 2).map((p) => p.id)]);
  expect(found.map((p) => p.name)).toEqual(['A telpa', 'B telpa']);
});
