// listCallbacksPage: the lists of a whole shift — active callbacks first among 500 finished ones,
// search by number, name or account number, keyset paging over both parts — on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { listCallbacksPage } from '../../db/queries/callback-list.ts';
import type { Db } from '../../db/index.ts';
import { callbackSearchText } from '../../domain/search-text.ts';

const FINISHED = ['completed', 'failed', 'expired', 'cancelled'];

async function seed(db: Db) {
  const base = Date.parse('2026-06-01T08:00:00Z');
  const row = (i: number, status: string, at: number) => ({
    accountNumber: `ACC${String(i).padStart(5, '0')}`,
    campaign: 'CB_MAIN',
    type: 'skill',
    agentId: null,
    skill: 'Sales',
    firstName: i === 510 ? 'Zofia' : 'Jan',
    lastName: i === 510 ? 'Źródło-Test' : `Kowalski${i}`,
    phone: `+4822${String(1000000 + i)}`,
    phoneE164: `+4822${String(1000000 + i)}`,
    dialString: `022${String(1000000 + i)}`,
    scheduledAt: new Date(at),
    slotStart: new Date(at),
    timeZone: 'Europe/Warsaw',
    status,
    attempts: 0,
    source: 'outbound',
    createdBy: '1001',
    teamId: '1',
    version: 1,
  });
  const rows = [];
  for (let i = 0; i < 500; i++) rows.push(row(i, FINISHED[i % 4], base + i * 3_600_000)); // older, finished
  for (let i = 500; i < 520; i++) rows.push(row(i, i % 2 ? 'scheduled' : 'retry_wait', base + 600 * 3_600_000 + (520 - i) * 60_000)); // later, active
  // Bulk arrangement bypasses insertCallback, so the stored search text is filled here the same way.
  await db.models.Callback.bulkCreate(rows.map((r) => ({ ...r, searchText: callbackSearchText(r) })));
}

const admin = { role: 'admin' } as const;

for (const dialect of DIALECTS) {
  test(`listCallbacksPage on ${dialect}: upcoming first, finished newest after, every row once across pages`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    await seed(db);
    const first = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 50 });
    assert.equal(first.items.length, 50);
    const active = first.items.slice(0, 20);
    assert.ok(active.every((c) => !FINISHED.includes(c.status)), 'the 20 active ones open the list');
    assert.deepEqual(active.map((c) => c.scheduledAt), [...active.map((c) => c.scheduledAt)].sort(), 'soonest first');
    const finished = first.items.slice(20);
    assert.ok(finished.every((c) => FINISHED.includes(c.status)));
    assert.deepEqual(finished.map((c) => c.scheduledAt), [...finished.map((c) => c.scheduledAt)].sort().reverse(), 'newest finished first');
    const seen = new Set(first.items.map((c) => c.id));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 50, cursor });
      for (const c of page.items) {
        assert.ok(!seen.has(c.id), `${c.id} twice`);
        seen.add(c.id);
      }
      cursor = page.nextCursor;
    }
    assert.equal(seen.size, 520);
  });

  test(`listCallbacksPage on ${dialect}: search by part of the number, a name or the account number; status and order`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    await seed(db);
    const byNumber = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 10, search: '22 1000 511' });
    assert.deepEqual(byNumber.items.map((c) => c.accountNumber), ['ACC00511']);
    const byName = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 10, search: 'zofia zrodlo' });
    assert.deepEqual(byName.items.map((c) => c.accountNumber), ['ACC00510']);
    const byAccount = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 10, search: 'acc0049' });
    assert.equal(byAccount.items.length, 10);
    const literal = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 10, search: '%_' });
    assert.equal(literal.items.length, 0, 'a search of LIKE wildcards alone matches nothing');
    const scheduled = await listCallbacksPage(db, { filter: { status: ['scheduled'] }, visibility: admin, limit: 100 });
    assert.equal(scheduled.items.length, 10);
    assert.ok(scheduled.items.every((c) => c.status === 'scheduled'));
    const newest = await listCallbacksPage(db, { filter: {}, visibility: admin, limit: 1, sort: 'scheduled_desc' });
    assert.equal(newest.items[0].accountNumber, 'ACC00500');
    const agentView = await listCallbacksPage(db, { filter: {}, visibility: { role: 'agent', id: '1002' }, limit: 10 });
    assert.equal(agentView.items.length, 0, 'visibility still applies');
  });
}
