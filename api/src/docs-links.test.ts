import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config.js';

/**
 * README.md and docs/*.md stay readable from a clone alone: no link to an outside site, and no
 * relative link or path that leaves the repository or names a file that is not there. Addresses
 * of the running system (localhost) and the reserved example domains are descriptions, not links.
 */

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\]|[\w.-]+\.(test|example|invalid|localhost)|example\.(com|org|net))$/i;

function documents(): string[] {
  const docs = fs
    .readdirSync(path.join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name));
  return ['README.md', ...docs];
}

/** Every problem in one Markdown file, as "file:line: what". */
function outsideReferences(file: string, text: string): string[] {
  const problems: string[] = [];
  const folder = path.dirname(path.join(repoRoot, file));
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const [url, host] of line.matchAll(/\b(?:https?|ftp):\/\/([^/\s)>`'"]+)/gi)) {
      if (!LOCAL_HOSTS.test(host.replace(/:[^:\]]*$/, ''))) problems.push(`${where}: outside link ${url}`);
    }
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue; // schemes are checked above
      const resolved = path.resolve(folder, target.split('#')[0]);
      if (path.relative(repoRoot, resolved).startsWith('..')) problems.push(`${where}: link out of the repository ${target}`);
      else if (!fs.existsSync(resolved)) problems.push(`${where}: link to a missing file ${target}`);
    }
    for (const [, target] of line.matchAll(/`(\.\.\/[^`\s]*)`/g)) {
      const resolved = path.resolve(folder, target);
      if (path.relative(repoRoot, resolved).startsWith('..')) problems.push(`${where}: path out of the repository ${target}`);
      else if (!fs.existsSync(resolved)) problems.push(`${where}: path to a missing file ${target}`);
    }
  });
  return problems;
}

test('README.md and docs/*.md refer to nothing outside the repository', () => {
  const files = documents();
  expect(files).toContain('docs/architecture.md');
  const problems = files.flatMap((file) => outsideReferences(file, fs.readFileSync(path.join(repoRoot, file), 'utf8')));
  expect(problems).toEqual([]);
});

test('the check finds outside links, links out of the repository and missing files', () => {
  const text = [
    'See [the site](https://www.example.lv/page) and https://github.com/some/repo.',
    'Runs on http://localhost:4000/admin and mails go to anna@vas.test, http://idp.test/x is a test host.',
    'The brief is `../shared/SPEC.md`; the errors are in [docs/errors.md](docs/errors.md) and [gone](docs/gone.md).',
    'Up and out: [spec](../shared/SPEC.md), [section](#tests).',
  ].join('\n');
  // From docs/, "../" is the repository root: there the same path names a missing file.
  expect(outsideReferences('docs/architecture.md', 'The brief is `../shared/ARCHITECTURE.md`, the code `../api/src`.')).toEqual([
    'docs/architecture.md:1: path to a missing file ../shared/ARCHITECTURE.md',
  ]);
  expect(outsideReferences('README.md', text)).toEqual([
    'README.md:1: outside link https://www.example.lv',
    'README.md:1: outside link https://github.com',
    'README.md:3: link to a missing file docs/gone.md',
    'README.md:3: path out of the repository ../shared/SPEC.md',
    'README.md:4: link out of the repository ../shared/SPEC.md',
  ]);
});
