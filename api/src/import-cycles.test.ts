import path from 'node:path';
import { repoRoot } from './config.js';
import { findCircles, importGraph, type ImportGraph } from './test/import-cycles.js';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

test('the finder names each circle, type-only or not, and nothing else', () => {
  const graph = graphOf({
    'context.ts': ['loaders.ts', 'roles.ts'],
    'loaders.ts': ['services.ts'],
    'services.ts': ['context.ts', 'roles.ts'],
    'roles.ts': [],
    'server.ts': ['routes.ts', 'roles.ts'],
    'routes.ts': ['server.ts'],
    'self.ts': ['self.ts'],
    'leaf.ts': ['roles.ts', 'context.ts'],
    'a.ts': ['b.ts', 'c.ts'],
    'b.ts': ['a.ts'],
    'c.ts': ['a.ts'],
  });
  expect(findCircles(graph)).toEqual([
    'a.ts > b.ts > a.ts (and 1 more file(s) in the same tangle)',
    'context.ts > loaders.ts > services.ts > context.ts',
    'routes.ts > server.ts > routes.ts',
    'self.ts > self.ts',
  ]);
  expect(findCircles(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
});

test('the graph counts type-only imports, ".js" specifiers and folder indexes', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-cycles-'));
  try {
    fs.mkdirSync(path.join(dir, 'parts'));
    fs.writeFileSync(path.join(dir, 'context.ts'), "import type { Loaders } from './loaders.js';\nexport interface Context { loaders: Loaders }\n");
    fs.writeFileSync(
      path.join(dir, 'loaders.ts'),
      "import { part } from './parts';\nimport DataLoader from 'dataloader';\nexport type Loaders = typeof part;\n",
    );
    fs.writeFileSync(path.join(dir, 'parts', 'index.tsx'), "export { type Context } from '../context.js';\nexport const part = 1;\n");
    expect(findCircles(importGraph([dir]), dir)).toEqual([`context.ts > loaders.ts > ${path.join('parts', 'index.tsx')} > context.ts`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('api, portal and console have no import circles', () => {
  const roots = ['api/src', 'web/src', 'admin/src'].map((dir) => path.join(repoRoot, dir));
  const graph = importGraph(roots);
  expect(graph.size).toBeGreaterThan(300);
  expect(findCircles(graph, repoRoot)).toEqual([]);
});
