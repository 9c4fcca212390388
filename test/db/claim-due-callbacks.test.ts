// claimDueCallbacks (db/queries/callbacks.ts, db.sql.claimDue): its cost must not grow with the
// callbacks waiting, so each due condition must be a range on an index bounded by the due time —
// (status, scheduled_at) for first attempts, (status, next_attempt_at) for retries (migrations 0002,
// 0022) — and the claimed rows are then found by id. The plans are read on a table with many
// callbacks waiting (statistics gathered), on SQLite and PostgreSQL; and the claim takes exactly
// the due ones, earliest first.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import type { Db } from '../../db/index.ts';
import { claimDueCallbacks } from '../../db/queries/callbacks.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { seededDbHooks } from '../jobs/helpers.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const WAITING = 2_000;
const DUE = 20;

/** WAITING callbacks not due yet (half first attempts, half retries) and DUE due ones (alternately), in bulk. */
async function seedWaiting(db: Db): Promise<void> {
  const rows = Array.from({ length: WAITING + DUE }, (_, i) => {
    const due = i < DUE;
    const at = new Date(NOW.getTime() + (due ? -(i + 1) * 60_000 : (i + 1) * 1_000));
    const phone = `+4823${String(1_000_000 + i).padStart(7, '0')}`;
    const data = { accountNumber: `PLAN${i}`, firstName: 'Jan', lastName: 'Kowalski' };
    const retry = i % 2 === 1;
    return {
      ...data, campaign: 'CB_MAIN', type: 'skill', agentId: null, skill: 'Sales', phone, phoneE164: phone, dialString: `0${phone.slice(3)}`, timeZone: 'Europe/Warsaw',
      notes: null, source: 'outbound', createdBy: '1001', teamId: '1', searchText: callbackSearchText(data as never),
      status: retry ? 'retry_wait' : 'scheduled', scheduledAt: retry ? new Date(NOW.getTime() - 3_600_000) : at, slotStart: at,
      nextAttemptAt: retry ? at : null, attempts: retry ? 1 : 0, version: 1,
    };
  });
  await db.models.Callback.bulkCreate(rows as never[]);
  await db.sequelize.query('ANALYZE');
}

const claimArgs = { now: NOW, dueBy: NOW, owner: 'cm', leaseUntil: new Date(NOW.getTime() + 60_000), limit: 100 };

for (const dialect of DIALECTS) {
  describe(`claimDueCallbacks on ${dialect}`, () => {
    let db: Db;
    seededDbHooks(dialect, (opened) => (db = opened));

    test('each due condition is an index range bounded by the due time; no scan of the waiting callbacks', async () => {
      await seedWaiting(db);
      if (dialect === 'sqlite') {
        const plan = ((await db.sequelize.query(`EXPLAIN QUERY PLAN ${db.sql.claimDue}`, { replacements: claimArgs, type: QueryTypes.SELECT })) as Array<{ detail: string }>).map((r) => r.detail);
        assert.ok(plan.includes('SEARCH callbacks USING INDEX callbacks_status_scheduled_at (status=? AND scheduled_at<?)'), plan.join('\n'));
        assert.ok(plan.includes('SEARCH callbacks USING INDEX callbacks_status_next_attempt (status=? AND next_attempt_at<?)'), plan.join('\n'));
        assert.ok(plan.some((l) => /^SEARCH callbacks USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(l)), plan.join('\n'));
        assert.ok(!plan.some((l) => /^SCAN callbacks\b/.test(l)), plan.join('\n'));
      } else {
        // A 2,000-row table is read whole more cheaply than through an index; without that option the plan shows what the index bounds.
        const plan = await db.transaction(async (t) => {
          await db.sequelize.query('SET LOCAL enable_seqscan = off', { transaction: t });
          const rows = (await db.sequelize.query(`EXPLAIN ${db.sql.claimDue}`, { replacements: claimArgs, type: QueryTypes.SELECT, transaction: t })) as Array<Record<string, string>>;
          return rows.map((r) => r['QUERY PLAN']!).join('\n');
        });
        assert.match(plan, /Index Cond: \(\(\(status\)::text = 'scheduled'::text\) AND \(scheduled_at <= '[^']+'::timestamp with time zone\)\)/, plan);
        assert.match(plan, /Index Cond: \(\(\(status\)::text = 'retry_wait'::text\) AND \(next_attempt_at <= '[^']+'::timestamp with time zone\)\)/, plan);
        assert.doesNotMatch(plan, /Seq Scan on callbacks/, plan);
      }
    });

    test('a server whose local zone is not UTC claims at the same instant (times given to SQL are written in UTC)', async () => {
      const zone = process.env.TZ;
      process.env.TZ = 'Europe/Warsaw'; // +01:00 in December: written locally, 10:00Z would read as 11:00 and beat 10:30Z
      try {
        const soon = new Date(NOW.getTime() + 30 * 60_000);
        const [{ t }] = (await db.sequelize.query('SELECT :soon AS t', { replacements: { soon }, type: QueryTypes.SELECT })) as Array<{ t: string }>;
        assert.equal(t, '2026-12-01 10:30:00.000 +00:00');
        const claimed = await claimDueCallbacks(db, { now: NOW, owner: 'tz', leaseMs: 60_000, limit: 100 });
        assert.ok(claimed.length > 0 && claimed.every((c) => Date.parse(c.nextAttemptAt ?? c.scheduledAt) <= NOW.getTime()), 'only callbacks due by now');
        assert.equal(claimed.length, DUE);
        await db.sequelize.query("UPDATE callbacks SET status = CASE WHEN attempts = 0 THEN 'scheduled' ELSE 'retry_wait' END, claimed_by = NULL, lease_until = NULL WHERE claimed_by = 'tz'");
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
    });

    test('claims exactly the due callbacks, first attempts and retries', async () => {
      const claimed = await claimDueCallbacks(db, { now: NOW, owner: 'cm', leaseMs: 60_000, limit: 100 });
      assert.deepEqual(claimed.map((c) => c.accountNumber).sort(), Array.from({ length: DUE }, (_, i) => `PLAN${i}`).sort());
      assert.ok(claimed.every((c) => c.status === 'dispatching' && c.claimedBy === 'cm'));
      const [{ n }] = (await db.sequelize.query("SELECT COUNT(*) AS n FROM callbacks WHERE status IN ('scheduled', 'retry_wait')", { type: QueryTypes.SELECT })) as Array<{ n: number | string }>;
      assert.equal(Number(n), WAITING);
    });
  });
}
