// tsc compiles only TypeScript: the e-mail templates (.hbs, sample .json) are copied beside the compiled code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(api, 'src/modules/notifications/templates');
// dist is the application; dist-tools the benchmarks and test workers compiled with it (tsconfig.tools.json).
for (const out of ['dist', 'dist-tools']) {
  const to = path.join(api, out, 'modules/notifications/templates');
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
