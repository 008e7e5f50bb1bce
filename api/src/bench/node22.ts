import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';

/**
 * A Node.js 22 binary for the contenders that need it (PostGraphile 5 says `engines: node >= 22`
 * and fails on Node 20, the version this project supports). This process's own Node when it is
 * 22 or newer; BENCH_NODE22 when set; otherwise the official binary from the npm registry
 * (`node-<platform>-<arch>`, a plain package with the `node` executable), installed once into
 * node_modules/.cache. Only the benchmark uses it: the product runs on the project's Node.
 */
const VERSION = '22.23.5';

export function node22(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  if (process.env.BENCH_NODE22) return process.env.BENCH_NODE22;
  const dir = path.join(repoRoot, 'node_modules/.cache/mps-bench-node');
  const name = `node-${process.platform}-${process.arch}`;
  const binary = path.join(dir, 'node_modules', name, 'bin', 'node');
  if (fs.existsSync(binary) && execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim() === `v${VERSION}`) return binary;
  console.log(`Installing Node.js ${VERSION} for the PostGraphile contender (${name} from the npm registry) into ${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  // A package.json of its own, so that npm does not take the folder for part of this workspace.
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${VERSION}`], {
    stdio: 'inherit',
  });
  return binary;
}
