// The CUIC reporting views (rpt_callbacks, rpt_attempts) queried for real on SQLite and PostgreSQL;
// SQL Server's text is checked for its JSON function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import { insertTestCallback, forceState } from './seed-helpers.ts';
import { appendHistory } from '../../db/queries/history.ts';
import { rptAttempts } from '../../db/reporting-views.ts';
import { sqlFor } from '../../db/dialect/sql.ts';

const at = (s: string) => new Date(`2026-12-01T${s}Z`);

for (const dialect of DIALECTS) {
  test(`rpt_callbacks and rpt_attempts on ${dialect}: one row per callback and per attempt, plain columns`, async (t) => {
    const { db, cleanup } = await openTestDb(dialect);
    t.after(cleanup);
    const cb = await insertTestCallback(db, { scheduledAt: '2026-12-01T10:00:00.000Z' });
    const other = await insertTestCallback(db);
    const h = (event: string, time: string, details: Record<string, unknown> = {}) => appendHistory(db, { callbackId: cb.id, event: event as never, actor: 'test', details, at: at(time) });
    await h('booked', '09:00:00');
    await h('imported', '09:59:30', { dialingListId: 501, campaign: 'CB_DDI_1' });
    await h('dial_result', '10:00:10', { dialingListId: 501, callStatus: 2, callResult: null, result: 'none' });
    await h('dial_result', '10:00:40', { dialingListId: 501, callStatus: 3, callResult: 11, result: 'busy' });
    await h('retry_scheduled', '10:00:41');
    await h('imported', '10:10:00', { dialingListId: 502 });
    await h('dial_result', '10:10:20', { dialingListId: 502, callStatus: 3, callResult: 1, result: 'voice' });
    await h('fallback_to_skill', '10:10:50');
    await h('arrived', '10:11:00');
    await h('completed', '10:11:00');
    await forceState(db, cb.id, { status: 'completed', attempts: 2, lastResult: 'voice' });

    const rows = await db.sequelize.query<Record<string, unknown>>('SELECT * FROM rpt_callbacks ORDER BY callback_id', { type: QueryTypes.SELECT });
    assert.equal(rows.length, 2);
    const [first, second] = rows;
    assert.equal(Number(first.callback_id), cb.id);
    assert.equal(first.status, 'completed');
    assert.equal(Number(first.attempts), 2);
    assert.equal(new Date(first.first_imported_at as string).toISOString(), '2026-12-01T09:59:30.000Z');
    assert.equal(new Date(first.agent_connected_at as string).toISOString(), '2026-12-01T10:11:00.000Z');
    assert.equal(new Date(first.ended_at as string).toISOString(), '2026-12-01T10:11:00.000Z');
    assert.equal(Number(first.fell_back_to_skill), 1);
    assert.equal(Number(second.callback_id), other.id);
    assert.equal(second.first_imported_at, null);
    assert.equal(Number(second.fell_back_to_skill), 0);
    for (const column of ['phone', 'phone_e164', 'first_name', 'notes']) assert.ok(!(column in first), `${column} stays out of reports`);

    const attempts = await db.sequelize.query<Record<string, unknown>>('SELECT * FROM rpt_attempts ORDER BY attempt_id', { type: QueryTypes.SELECT });
    assert.deepEqual(
      attempts.map((a) => [Number(a.callback_id), Number(a.dialing_list_id), Number(a.call_status), Number(a.call_result), a.result_name]),
      [
        [cb.id, 501, 3, 11, 'busy'],
        [cb.id, 502, 3, 1, 'voice'],
      ],
    );
  });
}

test('rpt_attempts on SQL Server reads history details with JSON_VALUE', () => {
  const text = rptAttempts(sqlFor('mssql'));
  assert.match(text, /CAST\(JSON_VALUE\(r\.details, '\$\.callResult'\) AS INTEGER\) AS call_result/);
  assert.doesNotMatch(text, /json_extract|->>/);
});
