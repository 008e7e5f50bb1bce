// Makes api/dist/main.js one module (issue 16): Node spent about half of a warm start resolving,
// reading and compiling some 1,300 modules one by one (1.6–2.0 s on a 2-core machine); the same
// code bundled loads in about 0.8 s. Runs after tsc (`npm run build -w api`): tsc's entry becomes
// dist/main.entry.js, the input; the bundle is dist/main.js, with the chunks of what it imports
// late (Apollo's optional plugins) in dist/bundle/. Everything else in dist stays as tsc wrote it,
// for the tools that import single modules (dist-tools is compiled separately anyway).
//
// Left out of the bundle, loaded from node_modules as before: PGlite (it finds its WebAssembly and
// data files beside its own module), and what is imported only when used (the MongoDB job backend,
// pdfkit with its font files, exceljs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entry = path.join(dist, 'main.entry.js');
fs.renameSync(path.join(dist, 'main.js'), entry);
fs.rmSync(path.join(dist, 'main.js.map'), { force: true });

const bundle = await rolldown({
  input: entry,
  platform: 'node',
  external: [/^@electric-sql\/pglite/, 'pg-native', 'mongodb', /^@agendajs\/mongo-backend/, 'pdfkit', 'exceljs', /^dejavu-fonts-ttf/],
  logLevel: 'silent',
});
await bundle.write({
  dir: dist,
  format: 'esm',
  entryFileNames: 'main.js',
  chunkFileNames: 'bundle/[name]-[hash].js',
  sourcemap: true,
});
await bundle.close();

// The e-mail templates are found beside the module that reads them (template-renderer.ts): in the
// bundle, that module is dist/main.js.
fs.cpSync(path.join(dist, 'modules/notifications/templates'), path.join(dist, 'templates'), { recursive: true });
