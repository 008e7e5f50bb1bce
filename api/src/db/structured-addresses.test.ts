import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './entities.js';
import { StructuredAddresses1764697000000 } from './migrations/1764697000000-structured-addresses.js';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';

/**
 * The migration that gives addresses their parts (issue 13): the free text people and staff typed
 * before is split into street, city and postcode, and nothing of it is lost.
 */

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  const before = migrations.filter((m) => Number(/\d{13}$/.exec(m.name)![0]) < 1764697000000);
  dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: before, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

test('free-text addresses become street, city and postcode; what cannot be told apart stays in the street', async () => {
  const person = async (declared: string | null, employer: string | null) =>
    (
      await dataSource.query(
        `INSERT INTO person (given_name, family_name, declared_address, employer_address) VALUES ('Anna', 'Bērziņa', $1, $2) RETURNING id`,
        [declared, employer],
      )
    )[0].id as string;
  const full = await person('Brīvības iela 1-5, Rīga, LV-1010', 'Raiņa bulvāris 4, Rīga LV-1050');
  const rural = await person('"Kalnieši", Vecpiebalgas pagasts, Cēsu novads, LV 4122', null);
  const bare = await person('Lielā iela 3', null);
  const none = await person(null, null);
  const [{ id: institution }] = await dataSource.query(
    `INSERT INTO institution (code, name, registration_number, legal_address) VALUES ('VK', 'Valsts kanceleja', '90000000001', 'Brīvības bulvāris 36, Rīga, LV-1520') RETURNING id`,
  );

  const runner = dataSource.createQueryRunner();
  try {
    await new StructuredAddresses1764697000000().up(runner);
  } finally {
    await runner.release();
  }

  const addressOf = async (id: string) => (await dataSource.query(`SELECT declared_address, employer_address FROM person WHERE id = $1`, [id]))[0];
  expect(await addressOf(full)).toEqual({
    declared_address: { street: 'Brīvības iela 1-5', city: 'Rīga', postcode: 'LV-1010', countryCode: 'LV' },
    employer_address: { street: 'Raiņa bulvāris 4', city: 'Rīga', postcode: 'LV-1050', countryCode: 'LV' },
  });
  expect((await addressOf(rural)).declared_address).toEqual({
    street: '"Kalnieši", Vecpiebalgas pagasts',
    city: 'Cēsu novads',
    postcode: 'LV-4122',
    countryCode: 'LV',
  });
  expect((await addressOf(bare)).declared_address).toEqual({ street: 'Lielā iela 3', city: null, postcode: null, countryCode: 'LV' });
  expect(await addressOf(none)).toEqual({ declared_address: null, employer_address: null });
  const [{ legal_address }] = await dataSource.query(`SELECT legal_address FROM institution WHERE id = $1`, [institution]);
  expect(legal_address).toEqual({ street: 'Brīvības bulvāris 36', city: 'Rīga', postcode: 'LV-1520', countryCode: 'LV' });
});
