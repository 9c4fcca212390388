// docs/lifecycle.md stays true: its event table is exactly the lifecycle table of domain/lifecycle.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LIFECYCLE, LIFECYCLE_EVENTS } from '../../domain/lifecycle.ts';

export function lifecycleTable(): string {
  const rows = LIFECYCLE_EVENTS.map((e) => {
    const rule = LIFECYCLE[e];
    const to = typeof rule.to === 'function' ? rule.leadsTo ?? 'back to `scheduled` or `retry_wait` (where it came from)' : `\`${rule.to}\``;
    return `| \`${e}\` | ${rule.from.map((s) => `\`${s}\``).join(', ')} | ${to} |`;
  });
  return ['| event | accepted from | leads to |', '|---|---|---|', ...rows].join('\n');
}

test('docs/lifecycle.md lists every event of the lifecycle table with its states', () => {
  const doc = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
  const block = /<!-- lifecycle-table:start -->\n([\s\S]*?)\n<!-- lifecycle-table:end -->/.exec(doc)?.[1];
  assert.equal(block, lifecycleTable(), 'regenerate the table in docs/lifecycle.md from domain/lifecycle.ts');
});
