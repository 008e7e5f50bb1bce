import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { processLogger } from '../common/logger.js';
import { repoRoot } from '../config.js';
import { createSchema, printGraph } from './schema.js';

/** `npm run schema`: writes the graph to schema.graphql, which the clients generate their types from. */
const target = path.join(repoRoot, 'schema.graphql');
fs.writeFileSync(target, printGraph(await createSchema()));
processLogger.info(`wrote ${path.relative(process.cwd(), target)}`);
