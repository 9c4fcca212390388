// A production start runs compiled JavaScript (npm run build → node dist/bff/server.js), not a
// development loader, and works after `npm ci --omit=dev`: the compiled code may import only
// Node's own modules and the package's dependencies (never a devDependency such as tsx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(m?js)$/.test(name) ? [path] : [];
  });

/** The package a bare specifier names ("@scope/name/sub" → "@scope/name"); null for relative or node: ones. */
const packageOf = (spec: string): string | null => {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
};

test('npm run build: the compiled server imports only dependencies, and workers load tsx only for TypeScript', (t) => {
  const out = mkdtempSync(join(tmpdir(), 'cm-dist-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
  const compiled = [...files(out), join(ROOT, 'jobs/workers/boot.mjs')];
  assert.ok(compiled.some((f) => f.endsWith(join('bff', 'server.js'))), 'dist/bff/server.js exists');
  const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}), ...builtinModules]);
  const offenders: string[] = [];
  for (const file of compiled) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|[^.\w])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3]);
      if (!name || allowed.has(name)) continue;
      // The one place tsx is imported is guarded: only for a .ts worker script (development).
      if (name === 'tsx' && file.endsWith('boot.mjs') && /endsWith\('\.ts'\)/.test(text)) continue;
      offenders.push(`${file.replace(out, 'dist')}: ${name}`);
    }
  }
  assert.deepEqual(offenders, [], 'runtime imports outside "dependencies"');
  // The relative imports were rewritten to .js, so plain node resolves them.
  assert.doesNotMatch(readFileSync(join(out, 'bff/server.js'), 'utf8'), /from '\.[^']*\.ts'/);
});
