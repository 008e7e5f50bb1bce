import { seedDemoData } from '../../db/seed/seed.js';
import { inTransaction } from '../../db/transaction.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

/** The demo data's ESF+ project shows numbers in its report on `npm start`. */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
});
afterAll(() => t?.stop());

test('the demo project has groups, participants, completions and indicator data, and one group that names it itself', async () => {
  expect(await inTransaction(t.app.dataSource, (em) => seedDemoData(em, t.app.services.codes))).toBe(true);
  const [staff] = await t.app.dataSource.query(`SELECT person_id AS id FROM person_role WHERE role = 'STAFF' LIMIT 1`);
  const client = await t.as(staff.id);
  const { euProjects } = await client.data(`{ euProjects { items { id code startsOn } } }`);
  expect(euProjects.items.map((p: { code: string }) => p.code)).toEqual(['4.2.1.1/23/ESF+/001']);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
  const { euProjectReport } = await client.data(
    `query ($id: ID!, $from: String!, $to: String!) { euProjectReport(projectId: $id, from: $from, to: $to) {
       groups { groupCode } totals { groups participants completions attendedHours withIndicatorData indicatorDataShare } indicators { code count } } }`,
    { id: euProjects.items[0].id, from: euProjects.items[0].startsOn, to: today },
  );
  // The two past groups of the project's courses (VAS-COM-102-G1: 12 people, VAS-DIG-201-G1: 15).
  expect(euProjectReport.groups.map((g: { groupCode: string }) => g.groupCode).sort()).toEqual(['VAS-COM-102-G1', 'VAS-DIG-201-G1']);
  const { totals } = euProjectReport;
  expect(totals.participants).toBe(27);
  expect(totals.completions).toBeGreaterThan(0);
  expect(totals.completions).toBeLessThan(27);
  expect(totals.withIndicatorData).toBeGreaterThan(0);
  expect(totals.indicatorDataShare).toBeLessThan(1);
  expect(euProjectReport.indicators.find((i: { code: string }) => i.code === 'EECO01').count).toBe(27);
  // A demo person with a new-format code is asked the age band; one with an old-format code is not.
  const ageKnown = async (email: string) => {
    const [person] = await t.app.dataSource.query(`SELECT id FROM person WHERE email = $1`, [email]);
    return (await (await t.as(person.id)).data(`{ myAgeKnownFromPersonalCode }`)).myAgeKnownFromPersonalCode;
  };
  expect(await ageKnown('roberts.silins@example.lv')).toBe(true);
  expect(await ageKnown('emily.clarke@example.com')).toBe(false);
  const [{ own }] = await t.app.dataSource.query(`SELECT count(*)::int AS own FROM course_group WHERE code = 'VAS-DIG-202-G1' AND eu_project_id IS NOT NULL`);
  expect(own).toBe(1);
});
