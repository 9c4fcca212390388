// The verifier's journal arithmetic: a purge's re-push is expected, anything else imported twice
// (or onto an open contact) is a duplicate, and the first import time is what "late" measures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalCounts } from './verify.ts';

test('journal counts: re-push after a DELETE is not a duplicate, a second push is', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-journal-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'j.jsonl');
  const imp = (at: string, accounts: string[], alreadyOpen: string[] = []) => ({ type: 'import', at, node: 'n', campaignId: 200, accounts, alreadyOpen });
  const lines = [
    imp('2026-11-24T10:00:01Z', ['A', 'B', 'C']),
    { type: 'delete', at: '2026-11-24T10:01:00Z', node: 'n', campaignId: 200, open: ['A', 'B'] },
    imp('2026-11-24T10:01:01Z', ['A']), // the purge's re-push of A
    imp('2026-11-24T10:01:02Z', ['A'], ['A']), // and a second push of A onto its open contact
    imp('2026-11-24T10:01:03Z', ['C'], ['C']), // C pushed again without any purge
    imp('2026-11-24T10:02:00Z', ['X']), // not in the batch
  ];
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"type":"imp`); // a line cut by a kill
  const counts = journalCounts(file, new Set(['A', 'B', 'C', 'D']));
  assert.deepEqual(counts.get('A'), { firstTime: 2, ontoOpen: 1, firstAt: Date.parse('2026-11-24T10:00:01Z') });
  assert.deepEqual(counts.get('B'), { firstTime: 1, ontoOpen: 0, firstAt: Date.parse('2026-11-24T10:00:01Z') });
  assert.deepEqual(counts.get('C'), { firstTime: 2, ontoOpen: 1, firstAt: Date.parse('2026-11-24T10:00:01Z') });
  assert.equal(counts.has('D'), false, 'never imported');
  assert.equal(counts.has('X'), false, 'outside the batch');
});
