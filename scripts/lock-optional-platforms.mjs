// Keeps package-lock.json usable by `npm ci` on this project's machines.
//
// The npm registry reachable here serves only the current platform's native binaries (for example
// @swc/core-darwin-arm64 answers 404), so npm cannot write lock entries for the other platforms'
// optional packages, and `npm ci` then refuses the lock as out of sync. This adds an entry (name,
// version, optional) for every optional dependency the lock names but lacks; npm skips an optional
// package it cannot fetch or that does not fit the platform, as it always does.
// Runs as the root `postinstall`, so every `npm install` leaves a lock that `npm ci` accepts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
if (!fs.existsSync(lockPath)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency in the package's own node_modules first, then upwards.
    const parents = location.split('node_modules/').length - 1;
    const candidates = [`${location}/node_modules/${name}`];
    let prefix = location;
    for (let i = 0; i < parents; i++) {
      prefix = prefix.slice(0, prefix.lastIndexOf('node_modules/'));
      candidates.push(`${prefix}node_modules/${name}`);
    }
    candidates.push(`node_modules/${name}`);
    if (candidates.some((candidate) => packages[candidate])) continue;
    packages[`node_modules/${name}`] = { version: String(spec).replace(/^[\^~=]/, ''), optional: true };
    added += 1;
  }
}
if (added > 0) {
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: recorded ${added} optional platform package(s) this registry does not serve`);
}
