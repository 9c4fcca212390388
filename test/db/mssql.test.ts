// SQL Server through Sequelize's real mssql dialect over a recording tedious stand-in
// (./mssql-harness.ts): the migrations and the query functions run for real, their statements are
// checked against the reviewed snapshot test/db/mssql-snapshot.sql (UPDATE_MSSQL_SNAPSHOT=1
// rewrites it), and what the functions make of SQL Server's answers is asserted.
import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSqlServer, openFakeMssqlDb, snapshotText, type Answer, type Recorded } from './mssql-harness.ts';
import type { Db } from '../../db/index.ts';
import { migrateUp } from '../../db/migrate.ts';
import { claimDueCallbacks, findCallbackById, findCallbacksByIds, insertCallback, reclaimExpiredCallbacks, listChangeStamps, type CallbackRow } from '../../db/queries/callbacks.ts';
import { deleteOldCallbacksBatch, deleteOldHistoryBatch } from '../../db/queries/retention.ts';
import { bookedBySlot, reserveSlot } from '../../db/queries/slots.ts';
import { transitionCallback, transitionCallbacks } from '../../db/queries/transition.ts';
import { countLiveDispatches, findCallbacksByAccountNumbers, flagDoNotCall, listCallbacksInUccx, listExpiryCandidates, nextDispatchTimes, renewDispatchLeases } from '../../jobs/queries/callbacks.ts';
import { listHeartbeats, recordHeartbeat } from '../../jobs/queries/heartbeats.ts';
import { claimDailyRun, tryAcquireJobLock } from '../../jobs/queries/locks.ts';
import { findObservations, getSyncCursor, listSyncReadTimes, saveObservation, saveObservations, saveSyncCursor } from '../../jobs/queries/sync-state.ts';
import { purgeOldCallbacks } from '../../jobs/retention.ts';
import { listDependencyFailureCounts, listDependencyStatus, recordDependencyFailure, recordDependencySuccess } from '../../db/queries/dependency-status.ts';

const SNAPSHOT = join(import.meta.dirname, 'mssql-snapshot.sql');
const NOW = new Date('2026-12-01T10:00:00.000Z');

/** A callbacks row as SQL Server hands it back (snake_case columns, DATETIMEOFFSET as Date). */
const callbackRow = (id: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, account_number: `CB${id}`, campaign: 'Standard', type: 'standard', agent_id: null, skill: 'Support', first_name: 'Jan', last_name: 'K',
  phone: '+48221234567', phone_e164: '+48221234567', dial_string: '0048221234567', scheduled_at: NOW, slot_start: NOW, time_zone: 'Europe/Warsaw',
  status: 'scheduled', reason: null, attempts: 0, last_result: null, next_attempt_at: null, notes: null, source: 'agent', created_by: '1001',
  team_id: 'T1', created_at: NOW, updated_at: NOW, version: 1, claimed_by: null, lease_until: null, uccx_campaign_id: null, uccx_dialing_list_id: null, imported_at: null,
  ...over,
});

/** SQL Server's answer to a DELETE batch: `deleted` rows gone, and the SELECT @@ROWCOUNT row only if the batch asks for it. */
const deleted = (n: number) => (sql: string): Answer =>
  /SELECT @@ROWCOUNT AS AFFECTEDROWS/.test(sql) ? { rows: [{ AFFECTEDROWS: n }], rowCount: n + 1 } : { rows: [], rowCount: n };

describe('SQL Server (Sequelize mssql dialect over a recording tedious)', () => {
  const server = new FakeSqlServer();
  const sections: Array<{ title: string; statements: Recorded[] }> = [];
  let db: Db;
  /** Runs `fn`, keeps its statements as one snapshot section, and returns its result. */
  const section = async <T>(title: string, fn: () => Promise<T>): Promise<T> => {
    server.statements.length = 0;
    const result = await fn();
    sections.push({ title, statements: [...server.statements] });
    return result;
  };

  before(() => {
    // Sequelize stamps updated_at with the wall clock: freeze Date (only Date: the fake needs setImmediate).
    mock.timers.enable({ apis: ['Date'], now: NOW });
    db = openFakeMssqlDb(server);
  });
  after(async () => {
    await db.close();
    mock.timers.reset();
  });

  test('the migrations run on the mssql dialect', async () => {
    const applied = await section('migrations', () => migrateUp(db.sequelize));
    assert.ok(applied.length >= 6, applied.join());
    const sql = sections.at(-1)!.statements.map((s) => s.sql).join('\n');
    assert.match(sql, /CREATE TABLE \[callbacks\]/);
    assert.match(sql, /CREATE UNIQUE INDEX \[callbacks_one_active_per_number\] ON \[callbacks\] \(\[phone_e164\], \[campaign\]\) WHERE \[status\] IN/);
  });

  test('retention: deleteBatch reports the rows SQL Server deleted (not 0), so the purge does not stall', async () => {
    server.answer(/DELETE TOP \(500\) FROM callback_history/, deleted(500), { once: true });
    server.answer(/DELETE TOP \(500\) FROM callback_history/, deleted(120), { once: true });
    assert.equal(await section('deleteOldHistoryBatch', () => deleteOldHistoryBatch(db, NOW, 500)), 500);
    server.answer(/DELETE TOP \(500\) FROM callbacks/, deleted(42), { once: true });
    assert.equal(await section('deleteOldCallbacksBatch', () => deleteOldCallbacksBatch(db, NOW, 500)), 42);
    // The whole daily purge: history 120 (the rule left over), then 0, then callbacks 300.
    server.answer(/DELETE TOP \(500\) FROM callback_history/, deleted(0));
    server.answer(/DELETE TOP \(500\) FROM callbacks/, deleted(300), { once: true });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const report = await purgeOldCallbacks({ db, now: () => NOW, log } as never, { retentionDays: 400, batchSize: 500, maxBatches: 10 });
    assert.deepEqual([report.historyDeleted, report.callbacksDeleted, report.complete], [120, 300, true]);
    server.reset();
  });

  test('claimDueCallbacks / reclaimExpiredCallbacks: the OUTPUT inserted.* rows come back as callbacks', async () => {
    server.answer(/^WITH due AS \(SELECT TOP \(10\)/, {
      rows: [callbackRow(7, { status: 'dispatching', claimed_by: 'cm-1', version: 2 }), callbackRow(9, { status: 'dispatching', claimed_by: 'cm-1', version: 4 })],
    });
    const claimed = await section('claimDueCallbacks', () => claimDueCallbacks(db, { now: NOW, owner: 'cm-1', leaseMs: 60_000, limit: 10 }));
    assert.deepEqual(claimed.map((c) => [c.id, c.status, c.claimedBy, c.version]), [[7, 'dispatching', 'cm-1', 2], [9, 'dispatching', 'cm-1', 4]]);
    const reclaimed = await section('reclaimExpiredCallbacks', () => reclaimExpiredCallbacks(db, { now: NOW, owner: 'cm-2', leaseMs: 60_000, limit: 10 }));
    assert.equal(reclaimed.length, 2);
    server.reset();
  });

  test('transitionCallback: one UPDATE … WHERE version, its row count decides ok / changed', async () => {
    const current = { ...(await rowOf(db, server, 7)) };
    server.answer(/^UPDATE \[callbacks\] SET/, { rowCount: 1 }, { once: true });
    server.answer(/FROM \[callbacks\] AS \[Callback\] WHERE \[Callback\]\.\[id\] = \d+;/, { rows: [callbackRow(7, { status: 'cancelled', version: 2 })] });
    const done = await section('transitionCallback', () =>
      transitionCallback(db, current, { event: 'cancel', actor: '1001', at: NOW, patch: { reason: 'customer' }, history: [['cancelled', { by: '1001' }]] }));
    assert.equal(done.ok, true);
    assert.equal(done.ok && done.row.status, 'cancelled');
    server.answer(/^UPDATE \[callbacks\] SET/, { rowCount: 0 }, { once: true });
    const lost = await transitionCallback(db, current, { event: 'cancel', actor: '1001', at: NOW });
    assert.deepEqual(lost.ok ? 'ok' : lost.code, 'changed');
    server.reset();
  });

  test('transitionCallbacks (a sync batch): one UPDATE … FROM VALUES … OUTPUT inserted.*, its rows decide ok / changed; history in one INSERT, observations replaced in bulk', async () => {
    const current = { ...(await rowOf(db, server, 7)), status: 'queued' as const };
    // Callback 8 was changed meanwhile: SQL Server's OUTPUT holds only the row it wrote.
    server.answer(/^UPDATE callbacks SET .* OUTPUT inserted\.\* FROM callbacks JOIN \(VALUES /, { rows: [callbackRow(7, { status: 'retry_wait', version: 2 })] }, { once: true });
    const req = { event: 'attempt_failed' as const, actor: 'uccx', at: NOW, patch: { attempts: 1, nextAttemptAt: NOW }, history: [['retry_scheduled', {}]] as Array<['retry_scheduled', Record<string, unknown>]> };
    const results = await section('transitionCallbacks', () => db.transaction((t) => transitionCallbacks(db, [{ current, req }, { current: { ...current, id: 8 }, req }], t)));
    assert.deepEqual(results.map((r) => (r.ok ? r.row.status : r.code)), ['retry_wait', 'changed']);
    const update = server.statements.find((s) => /^UPDATE callbacks/.test(s.sql))!.sql;
    // An all-NULL VALUES column would be INT on SQL Server: every value is cast to its column's type.
    assert.match(update, /next_attempt_at = CAST\(v\.next_attempt_at AS DATETIMEOFFSET\)/);
    assert.match(update, /ON callbacks\.id = v\.row_id AND callbacks\.version = v\.row_version;$/);
    await section('saveObservations', () => saveObservations(db, [{ dialingListId: 1234, callbackId: 7, signature: '3|11|1|', callsCounted: 1 }, { dialingListId: 1235, callbackId: 8, signature: '3|11|1|', callsCounted: 1 }], NOW));
    server.reset();
  });

  test('slots, locks and sync state: insertIgnore, MERGE upsert and conditional UPDATEs read their answers', async () => {
    server.answer(/^UPDATE \[?slot_counters\]? SET/, { rowCount: 1 }, { once: true });
    assert.equal(await section('reserveSlot (free place)', () => reserveSlot(db, 'skill:Support', NOW, 3)), true);
    server.answer(/^UPDATE \[?slot_counters\]? SET/, { rowCount: 0 }, { once: true });
    assert.equal(await reserveSlot(db, 'skill:Support', NOW, 3), false);
    server.answer(/^SELECT DATEDIFF_BIG\(millisecond, .*FROM slot_counters/, { rows: [{ start_ms: String(NOW.getTime()), booked: 3 }] }, { once: true });
    const booked = await section('bookedBySlot', () => bookedBySlot(db, 'skill:Support', NOW, new Date(NOW.getTime() + 86_400_000)));
    assert.deepEqual([...booked], [[NOW.getTime(), 3]]);

    server.answer(/^SELECT owner, last_run_key FROM job_locks/, { rows: [{ owner: 'cm-1', last_run_key: null }] }, { once: true });
    assert.equal(await section('tryAcquireJobLock', () => tryAcquireJobLock(db, 'sync', 'cm-1', NOW, 60_000)), true);
    server.answer(/^SELECT owner, last_run_key FROM job_locks/, { rows: [{ owner: 'cm-1', last_run_key: '2026-12-01' }] }, { once: true });
    assert.equal(await section('claimDailyRun', () => claimDailyRun(db, 'retention-daily', '2026-12-01', 'cm-1', NOW, 3_600_000)), true);

    await section('saveSyncCursor', () => saveSyncCursor(db, 200, 1234, NOW));
    server.answer(/^SELECT last_dialing_list_id FROM uccx_sync_cursors/, { rows: [{ last_dialing_list_id: '1234' }] }, { once: true });
    assert.equal(await section('getSyncCursor', () => getSyncCursor(db, 200)), 1234);
    await section('saveObservation', () => saveObservation(db, { dialingListId: 1234, callbackId: 7, signature: '3|1|1|', callsCounted: 1 }, NOW));
    server.answer(/^SELECT dialing_list_id, callback_id/, { rows: [{ dialing_list_id: '1234', callback_id: 7, signature: '3|1|1|', calls_counted: 1 }] }, { once: true });
    const seen = await section('findObservations', () => findObservations(db, [1234, 1235]));
    assert.deepEqual([...seen.keys()], [1234]);
    server.reset();
  });

  test('listings: findAll with IN lists, ORDER BY and row limits in SQL Server syntax', async () => {
    server.answer(/FROM \[callbacks\] AS \[Callback\]/, { rows: [callbackRow(7), callbackRow(9)] });
    assert.deepEqual((await section('listCallbacksInUccx', () => listCallbacksInUccx(db, 'Standard'))).map((c) => c.id), [7, 9]);
    assert.equal((await section('findCallbacksByAccountNumbers', () => findCallbacksByAccountNumbers(db, ['CB7', 'CB9']))).length, 2);
    server.answer(/^SELECT id, version, updated_at FROM callbacks/, { rows: [{ id: 7, version: 2, updated_at: NOW }, { id: 9, version: 1, updated_at: NOW }] });
    const stamps = await section('listChangeStamps', () => listChangeStamps(db, NOW, { updatedAt: NOW, id: 3 }, 50));
    assert.deepEqual(stamps, [{ id: 7, version: 2, updatedAt: NOW }, { id: 9, version: 1, updatedAt: NOW }]);
    assert.match(sections.at(-1)!.statements[0]!.sql, /ORDER BY updated_at, id OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY/);
    server.answer(/^SELECT \* FROM callbacks WHERE id IN/, { rows: [callbackRow(7), callbackRow(9)] });
    assert.deepEqual((await section('findCallbacksByIds', () => findCallbacksByIds(db, [7, 9]))).map((c) => c.id), [7, 9]);
    server.reset();
  });

  test('callbacks: insert returns the IDENTITY id from OUTPUT INSERTED; counts, expiry, do-not-call, lease renewal', async () => {
    const inserted = await section('insertCallback', () =>
      insertCallback(db, {
        accountNumber: 'CB77', campaign: 'Standard', type: 'standard', agentId: null, skill: 'Support', firstName: 'Jan', lastName: 'K', phone: '+48221234567',
        phoneE164: '+48221234567', dialString: '0048221234567', scheduledAt: NOW.toISOString(), slotStart: NOW.toISOString(), timeZone: 'Europe/Warsaw', notes: null,
        source: 'agent', createdBy: '1001', teamId: 'T1',
      } as never, null));
    assert.ok(Number.isInteger(inserted.id) && inserted.id > 0);
    assert.equal(inserted.accountNumber, 'CB77');
    server.answer(/^SELECT count\(\*\) AS \[count\] FROM \[callbacks\]/, { rows: [{ count: 3 }] }, { once: true });
    assert.equal(await section('countLiveDispatches', () => countLiveDispatches(db, 'Standard', 'cm-1', NOW)), 3);
    server.answer(/FROM \[callbacks\] AS \[Callback\]/, { rows: [callbackRow(5)] }, { once: true });
    assert.deepEqual((await section('listExpiryCandidates', () => listExpiryCandidates(db, NOW, NOW, 100))).map((c) => c.id), [5]);
    await section('flagDoNotCall', () => flagDoNotCall(db, '+48221234567', 'uccx', NOW));
    server.answer(/^UPDATE \[callbacks\] SET \[lease_until\]/, { rowCount: 1 }, { once: true });
    server.answer(/^SELECT \[id\] FROM \[callbacks\]/, { rows: [{ id: 7 }] }, { once: true });
    assert.deepEqual([...(await section('renewDispatchLeases', () => renewDispatchLeases(db, [7, 9], 'cm-1', NOW, 60_000)))], [7]);
    server.reset();
  });

  test('dependency status: insertIgnore then UPDATE, failures counted in place; DATETIMEOFFSET and BIGINT read back', async () => {
    await section('recordDependencySuccess', () => recordDependencySuccess(db, 'uccx', NOW));
    await section('recordDependencyFailure', () => recordDependencyFailure(db, 'uccx', 'http_401', NOW));
    server.answer(/^SELECT name, last_success_at/, { rows: [{ name: 'uccx', last_success_at: NOW, last_failure_at: NOW, last_cause: 'http_401' }] }, { once: true });
    assert.deepEqual(await section('listDependencyStatus', () => listDependencyStatus(db)), [{ name: 'uccx', lastSuccessAt: NOW, lastFailureAt: NOW, lastCause: 'http_401' }]);
    server.answer(/^SELECT name, cause, failures/, { rows: [{ name: 'uccx', cause: 'http_401', failures: '3' }] }, { once: true });
    assert.deepEqual(await section('listDependencyFailureCounts', () => listDependencyFailureCounts(db)), [{ name: 'uccx', cause: 'http_401', count: 3 }]);
    server.reset();
  });

  test('dispatcher wake and monitoring: next due time (MIN per state), heartbeats (MERGE), sync read times', async () => {
    server.answer(/^SELECT \(SELECT MIN\(scheduled_at\)/, { rows: [{ due_scheduled: NOW, due_retry_wait: new Date(NOW.getTime() - 1000), lease_end: null }] }, { once: true });
    assert.deepEqual(await section('nextDispatchTimes', () => nextDispatchTimes(db)), { due: new Date(NOW.getTime() - 1000), leaseEnds: null });
    await section('recordHeartbeat', () => recordHeartbeat(db, 'dispatch', 'cm-1', NOW));
    server.answer(/^SELECT job, instance_id, beat_at/, { rows: [{ job: 'dispatch', instance_id: 'cm-1', beat_at: NOW }] }, { once: true });
    assert.deepEqual(await section('listHeartbeats', () => listHeartbeats(db)), [{ job: 'dispatch', instanceId: 'cm-1', beatAt: NOW }]);
    server.answer(/^SELECT uccx_campaign_id, updated_at/, { rows: [{ uccx_campaign_id: 200, updated_at: NOW }] }, { once: true });
    assert.deepEqual(await section('listSyncReadTimes', () => listSyncReadTimes(db)), [{ uccxCampaignId: 200, readAt: NOW }]);
    server.reset();
  });

  test('the statements match the reviewed snapshot (test/db/mssql-snapshot.sql)', () => {
    const text = snapshotText(sections);
    if (process.env.UPDATE_MSSQL_SNAPSHOT === '1') writeFileSync(SNAPSHOT, text);
    assert.equal(text, readFileSync(SNAPSHOT, 'utf8'), 'SQL Server statements changed: review, then rerun with UPDATE_MSSQL_SNAPSHOT=1');
  });
});

async function rowOf(db: Db, server: FakeSqlServer, id: number): Promise<CallbackRow> {
  server.answer(/FROM \[callbacks\] AS \[Callback\] WHERE \[Callback\]\.\[id\] = \d+;/, { rows: [callbackRow(id)] }, { once: true });
  return (await findCallbackById(db, id))!;
}

describe('SQL Server connection settings reach tedious (CM_DATABASE_URL query parameters)', () => {
  const connectWith = async (url: string) => {
    const server = new FakeSqlServer();
    const db = openFakeMssqlDb(server, url);
    try {
      await db.sequelize.authenticate();
    } finally {
      await db.close();
    }
    return server.configs.at(-1) as { server: string; authentication: unknown; options: Record<string, unknown> };
  };

  test('SQL login: host, port, database; encryption on and the certificate checked by default', async () => {
    const config = await connectWith('mssql://cm:s%40cret@sql1.corp.example:1433/cm');
    assert.equal(config.server, 'sql1.corp.example');
    assert.deepEqual(config.authentication, { type: 'default', options: { userName: 'cm', password: 's@cret' } });
    assert.deepEqual(config.options, { port: 1433, database: 'cm', encrypt: true, trustServerCertificate: false });
  });

  test('named instance and Windows (NTLM) login as DOMAIN\\user, trusting a self-signed certificate', async () => {
    const config = await connectWith('mssql://CORP%5Csvc_cm:pw@sqlhost/cm?instanceName=REPORTING&trustServerCertificate=true');
    assert.deepEqual(config.authentication, { type: 'ntlm', options: { domain: 'CORP', userName: 'svc_cm', password: 'pw' } });
    assert.equal(config.options.instanceName, 'REPORTING');
    assert.equal('port' in config.options, false, 'a named instance is found through SQL Browser, not a port');
    assert.equal(config.options.trustServerCertificate, true);
  });

  test('authentication=ntlm&domain=…, encrypt=false and timeouts', async () => {
    const config = await connectWith('sqlserver://svc:pw@10.0.0.5:1533/cm?authentication=ntlm&domain=CORP&encrypt=false&requestTimeout=60000&connectTimeout=5000');
    assert.deepEqual(config.authentication, { type: 'ntlm', options: { domain: 'CORP', userName: 'svc', password: 'pw' } });
    assert.deepEqual(config.options, { port: 1533, database: 'cm', encrypt: false, trustServerCertificate: false, requestTimeout: 60000, connectTimeout: 5000 });
  });

  test('a misspelt option or NTLM without a domain is refused', () => {
    assert.throws(() => openFakeMssqlDb(new FakeSqlServer(), 'mssql://u:p@h/cm?encrpyt=true'), /unknown SQL Server option "encrpyt"/);
    assert.throws(() => openFakeMssqlDb(new FakeSqlServer(), 'mssql://u:p@h/cm?authentication=ntlm'), /needs domain/);
    assert.throws(() => openFakeMssqlDb(new FakeSqlServer(), 'mssql://u:p@h/cm?encrypt=yes'), /encrypt must be true or false/);
  });
});
