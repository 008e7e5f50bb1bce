import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { createSchema, printGraph } from './schema.js';

test('schema.graphql is what the code emits (run "npm run schema" after changing the graph)', async () => {
  const committed = fs.readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8');
  expect(printGraph(await createSchema())).toBe(committed);
});
