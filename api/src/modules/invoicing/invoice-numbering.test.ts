import { fixtures } from '../../test/fixtures.js';
import { startTestApp } from '../../test/harness.js';
import { invoiceFixtures } from '../../test/invoice-fixtures.js';
import { realPostgresAvailable, realPostgresUrl, REAL_POSTGRES_SKIP_REASON } from '../../test/temporary-postgres.js';

const CREATE = `mutation ($id: ID!) { createGroupInvoices(groupId: $id) { id } }`;
const ISSUE = `mutation ($id: ID!) { issueInvoice(id: $id) { number } }`;

(realPostgresAvailable() ? test : test.skip)(
  `50 drafts issued at once get the numbers 1 to 50: no gap, no duplicate${realPostgresAvailable() ? ' (real PostgreSQL)' : ` (${REAL_POSTGRES_SKIP_REASON})`}`,
  async () => {
    const server = (await realPostgresUrl())!;
    const app = await startTestApp({ MPS_ROLE: 'api' }, { databaseUrl: server.url });
    try {
      const f = fixtures(app.app.dataSource);
      const inv = invoiceFixtures(app.app.dataSource);
      const group = await f.group((await f.course((await f.topic()).id)).id, { maxSize: 60 });
      for (let i = 0; i < 50; i += 1) await inv.privatelyPaid(await f.person({ familyName: `Maksātāja ${i}` }), group.id, 5000);
      const staff = await app.as((await f.staff()).id);
      const drafts: { id: string }[] = (await staff.data(CREATE, { id: group.id })).createGroupInvoices;
      expect(drafts).toHaveLength(50);

      const results = await Promise.all(drafts.map((draft) => staff.request(ISSUE, { id: draft.id })));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric' }).format(new Date());
      const numbers = results.map((r) => r.data!.issueInvoice.number as string);
      expect(numbers.every((n) => n.startsWith(`VAS-${year}-`))).toBe(true);
      const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const [{ last_number }] = await app.app.dataSource.query(`SELECT last_number FROM invoice_counter WHERE series = 'VAS' AND year = $1`, [Number(year)]);
      expect(last_number).toBe(50);
    } finally {
      await app.stop();
      await server.stop();
    }
  },
  120_000,
);
