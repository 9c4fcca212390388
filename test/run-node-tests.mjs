// Runs every node test file (test/**/*.test.ts) with node's built-in runner and tsx.
// Node 20's --test does not expand globs, so the files are listed here.
// Usage: node test/run-node-tests.mjs [dir-or-file ...]   (default: test/ without test/e2e,
// which needs the built gadget and runs last through `npm run test:e2e`)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test'];
const files = [];
const walk = (p) => {
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && !(roots.length === 1 && roots[0] === 'test' && p === 'test' && name === 'e2e')) walk(join(p, name));
  } else if (p.endsWith('.test.ts')) files.push(p);
};
roots.forEach(walk);
if (files.length === 0) {
  console.error('no test files found under', roots.join(' '));
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
