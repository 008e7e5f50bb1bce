import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { createDataSource } from './data-source.js';
import { inTransaction } from './transaction.js';
import { openTransactionManager, TransactionLeakError } from './transaction-guard.js';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await createDataSource({ url: database.url, poolSize: 3 }).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

test('a query of the root DataSource inside an open transaction fails at once instead of deadlocking', async () => {
  await expect(
    inTransaction(dataSource, async (em) => {
      await em.query('SELECT 1');
      await dataSource.query('SELECT 2');
    }),
  ).rejects.toBeInstanceOf(TransactionLeakError);
  await expect(dataSource.transaction(() => dataSource.getRepository('Person').count())).rejects.toThrow(/must use its EntityManager/);
  await expect(dataSource.transaction('SERIALIZABLE', () => dataSource.transaction(async () => 1))).rejects.toBeInstanceOf(TransactionLeakError);
});

test("the transaction's own manager works inside, the root DataSource before and after", async () => {
  expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  const inside = await inTransaction(dataSource, async (em) => {
    expect(openTransactionManager(dataSource)).toBe(em);
    const [row] = await em.query('SELECT 2 AS two');
    const nested = await em.transaction((inner) => inner.query('SELECT 3 AS three'));
    return [row, ...nested];
  });
  expect(inside).toEqual([{ two: 2 }, { three: 3 }]);
  expect(openTransactionManager(dataSource)).toBeNull();
  expect(await dataSource.query('SELECT 4 AS four')).toEqual([{ four: 4 }]);
});

test('work started inside that goes on after the commit, and other requests meanwhile, are not inside', async () => {
  let release!: () => void;
  const committed = new Promise<void>((resolve) => (release = resolve));
  let later: Promise<unknown> = Promise.resolve();
  await dataSource.transaction(async (em) => {
    later = committed.then(() => dataSource.query('SELECT 5 AS five'));
    await em.query('SELECT 1');
  });
  release();
  expect(await later).toEqual([{ five: 5 }]);
  const other = dataSource.transaction((em) => em.query('SELECT 6 AS six'));
  expect(await dataSource.transaction(async (em) => (await em.query('SELECT 7 AS seven'))[0])).toEqual({ seven: 7 });
  expect(await other).toEqual([{ six: 6 }]);
});
