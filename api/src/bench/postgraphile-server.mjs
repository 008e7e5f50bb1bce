// PostGraphile 5 over the catalog's tables, for `npm run bench` (issue 16). Plain JavaScript run
// by a Node 22 binary (PostGraphile 5 needs it; see node22.ts): `node postgraphile-server.mjs`
// with DATABASE_URL set. Prints "READY <url>" once it listens; SIGTERM stops it.
//
// The catalog's computed parts are SQL functions, as PostGraphile expects them (catalog.bench.ts
// creates them in the bench database): course_has_date, course_open_groups, course_group_seats_left.
// Production settings: no GraphiQL, no watch mode, no explain, introspection as PostGraphile has it.
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false, graphqlOverGET: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server);
await serv.ready();
server.listen(0, '127.0.0.1', () => console.log(`READY http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', async () => {
  server.closeAllConnections();
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
});
