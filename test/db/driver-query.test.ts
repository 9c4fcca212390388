// The booking's statements on the driver connections (db/driver-query.ts) must store and find
// exactly what Sequelize stores and finds: SQLite compares DATE columns as text, so a date written
// in another form would silently fall out of every range (the claim, the change feed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UniqueConstraintError } from 'sequelize';
import type { Db } from '../../db/index.ts';
import { driverRows, sqliteDate } from '../../db/driver-query.ts';
import { readBookingFacts } from '../../db/queries/booking-facts.ts';
import { claimDueCallbacks, findCallbackById, insertCallback, type NewCallback } from '../../db/queries/callbacks.ts';
import { flagDoNotCall } from '../../db/queries/do-not-call.ts';
import { appendHistory, listHistory } from '../../db/queries/history.ts';
import { reserveSlot, slotBooked } from '../../db/queries/slots.ts';
import { ACTIVE_STATES } from '../../domain/types.ts';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';

const AT = '2026-12-03T10:15:00.000Z';
const newCallback = (phone: string, over: Partial<NewCallback> = {}): NewCallback => ({
  accountNumber: `D${phone.slice(-8)}`, campaign: 'CB_MAIN', type: 'skill', agentId: null, skill: 'Support', firstName: "O'Brien", lastName: 'Nowak',
  phone, phoneE164: phone, dialString: `0${phone.slice(3)}`, scheduledAt: AT, slotStart: AT, timeZone: 'Europe/Warsaw', notes: 'a, b: c',
  source: 'outbound', createdBy: '1001', teamId: '1', ...over,
});

test('sqliteDate writes the text Sequelize writes for a DATE column on SQLite', () => {
  assert.equal(sqliteDate(new Date('2026-12-03T10:15:00Z')), '2026-12-03 10:15:00.000 +00:00');
  assert.equal(sqliteDate(new Date('2026-01-02T03:04:05.678Z')), '2026-01-02 03:04:05.678 +00:00');
});

for (const dialect of DIALECTS) {
  describe(`driver statements on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => ({ db, cleanup } = await openTestDb(dialect)));
    after(() => cleanup());

    test('insertCallback answers the row Sequelize reads back, and the claim finds it at its due time', async () => {
      const created = await db.transaction((t) => insertCallback(db, newCallback('+48221110001'), t));
      assert.ok(Number.isInteger(created.id) && created.id > 0);
      assert.deepEqual(
        [created.status, created.version, created.attempts, created.scheduledAt, created.slotStart, created.firstName, created.notes, created.reason, created.nextAttemptAt],
        ['scheduled', 1, 0, AT, AT, "O'Brien", 'a, b: c', null, null],
      );
      assert.deepEqual(await findCallbackById(db, created.id), created);
      // Sequelize binds :now in its own form; the driver's date must compare equal to it.
      const claimed = await claimDueCallbacks(db, { now: new Date(AT), owner: 'test', leaseMs: 60_000, limit: 10 });
      assert.deepEqual(claimed.map((c) => c.id), [created.id]);
    });

    test('a second active callback for the number is refused as a UniqueConstraintError (the booking reports the duplicate)', async () => {
      await db.transaction((t) => insertCallback(db, newCallback('+48221110002'), t));
      await assert.rejects(
        db.transaction((t) => insertCallback(db, newCallback('+48221110002', { accountNumber: 'DOTHER' }), t)),
        (e) => e instanceof UniqueConstraintError,
      );
    });

    test('appendHistory keeps the time and details', async () => {
      const cb = await db.transaction((t) => insertCallback(db, newCallback('+48221110003'), t));
      const at = new Date('2026-12-01T09:00:00.123Z');
      await appendHistory(db, { callbackId: cb.id, event: 'booked', actor: '1001', details: { scheduledAt: AT, nested: { a: [1, 2] } }, at });
      const [entry] = await listHistory(db, cb.id);
      assert.deepEqual([entry.event, entry.actor, entry.at, entry.details], ['booked', '1001', at.toISOString(), { scheduledAt: AT, nested: { a: [1, 2] } }]);
    });

    test('readBookingFacts: places per scope, the do-not-call flag and the active duplicate in one read', async () => {
      const slot = new Date(AT);
      await db.transaction((t) => reserveSlot(db, 'skill:Support', slot, 10, t));
      await db.transaction((t) => reserveSlot(db, 'skill:Support', slot, 10, t));
      const existing = await db.transaction((t) => insertCallback(db, newCallback('+48221110004'), t));
      await flagDoNotCall(db, '+48221110004', 'test', new Date());
      const facts = await readBookingFacts(db, { slotStart: slot, scopes: ['skill:Support', 'agent:1001'], phoneE164: '+48221110004', campaign: 'CB_MAIN', activeStates: ACTIVE_STATES });
      assert.equal(await slotBooked(db, 'skill:Support', slot), 2);
      assert.deepEqual([...facts.booked], [['skill:Support', 2], ['agent:1001', 0]]);
      assert.deepEqual([facts.doNotCall, facts.duplicateId], [true, existing.id]);
      // Another campaign, another number, or no duplicate check: nothing found.
      const other = await readBookingFacts(db, { slotStart: slot, scopes: ['skill:Support'], phoneE164: '+48221110005', campaign: 'CB_MAIN', activeStates: ACTIVE_STATES });
      assert.deepEqual([other.doNotCall, other.duplicateId], [false, null]);
      const elsewhere = await readBookingFacts(db, { slotStart: slot, scopes: [], phoneE164: '+48221110004', campaign: 'CB_OTHER', activeStates: ACTIVE_STATES });
      assert.deepEqual([elsewhere.doNotCall, elsewhere.duplicateId], [true, null]);
      const noPhone = await readBookingFacts(db, { slotStart: null, scopes: ['skill:Support'], phoneE164: null, campaign: 'CB_MAIN', activeStates: ACTIVE_STATES });
      assert.deepEqual([[...noPhone.booked], noPhone.doNotCall, noPhone.duplicateId], [[['skill:Support', 0]], false, null]);
    });

    test('driverRows: named values, lists, and quoted text that looks like a name', async () => {
      const rows = await driverRows(db, "SELECT id, ':notAName' AS text FROM callbacks WHERE phone_e164 IN (:phones) AND campaign = :campaign ORDER BY id", {
        phones: ['+48221110001', '+48221110003'],
        campaign: 'CB_MAIN',
      });
      assert.equal(rows.length, 2);
      assert.deepEqual(rows.map((r) => r.text), [':notAName', ':notAName']);
    });
  });
}

test('SQLite: BEGIN IMMEDIATE / COMMIT / ROLLBACK run on the transaction handle as driver statements; nested savepoints keep working', async (t) => {
  const { db, cleanup } = await openTestDb('sqlite');
  t.after(cleanup);
  const logged: string[] = [];
  const options = (db.sequelize as unknown as { options: { logging: unknown; storage: string } }).options;
  options.logging = (sql: string) => void logged.push(sql);
  const teams = async () => (await driverRows(db, "SELECT id FROM teams WHERE id LIKE 'tx%' ORDER BY id", {})).map((r) => r.id);
  const insertTeam = (id: string, transaction: unknown) =>
    db.sequelize.query("INSERT INTO teams (id, name, created_at, updated_at) VALUES (:id, 'T', '2026-01-01', '2026-01-01')", { replacements: { id }, transaction: transaction as never });
  await db.transaction(async (tx) => {
    await insertTeam('tx1', tx);
    // IMMEDIATE: the write lock is held from BEGIN, so another handle cannot write meanwhile.
    const other = (await import('sqlite3')).default;
    const file = options.storage;
    const busy = await new Promise<string>((ok) => {
      const h = new other.Database(file, () => h.run("INSERT INTO teams (id, name, created_at, updated_at) VALUES ('txX', 'T', '2026', '2026')", (e) => h.close(() => ok(e ? String((e as { code?: string }).code) : 'written'))));
    });
    assert.equal(busy, 'SQLITE_BUSY');
    // A nested transaction is a savepoint: its rollback keeps the outer work.
    await assert.rejects(db.sequelize.transaction({ transaction: tx }, async (inner) => {
      await insertTeam('tx2', inner);
      throw new Error('undo the inner part');
    }));
  });
  assert.deepEqual(await teams(), ['tx1']);
  await assert.rejects(db.transaction(async (tx) => {
    await insertTeam('tx3', tx);
    throw new Error('roll back');
  }));
  assert.deepEqual(await teams(), ['tx1']);
  assert.deepEqual(logged.filter((sql) => /\b(BEGIN|COMMIT|ROLLBACK;)/.test(sql)), [], 'no BEGIN/COMMIT/ROLLBACK through Sequelize');
  assert.ok(logged.some((sql) => /SAVEPOINT/.test(sql)), 'savepoints still go through Sequelize');
});

test('PostgreSQL: START TRANSACTION / COMMIT / ROLLBACK run on the transaction connection by the driver; savepoints keep working', async (t) => {
  const { db, cleanup } = await openTestDb('postgres');
  t.after(cleanup);
  const logged: string[] = [];
  (db.sequelize as unknown as { options: { logging: unknown } }).options.logging = (sql: string) => void logged.push(sql);
  const teams = async () => (await driverRows(db, "SELECT id FROM teams WHERE id LIKE 'tx%' ORDER BY id", {})).map((r) => r.id);
  const insertTeam = (id: string, transaction: unknown) =>
    db.sequelize.query("INSERT INTO teams (id, name, created_at, updated_at) VALUES (:id, 'T', now(), now())", { replacements: { id }, transaction: transaction as never });
  await db.transaction(async (tx) => {
    await insertTeam('tx1', tx);
    assert.deepEqual(await teams(), [], 'not visible outside the transaction before its commit');
    await assert.rejects(db.sequelize.transaction({ transaction: tx }, async (inner) => {
      await insertTeam('tx2', inner);
      throw new Error('undo the inner part');
    }));
  });
  assert.deepEqual(await teams(), ['tx1']);
  await assert.rejects(db.transaction(async (tx) => {
    await insertTeam('tx3', tx);
    throw new Error('roll back');
  }));
  assert.deepEqual(await teams(), ['tx1']);
  assert.deepEqual(logged.filter((sql) => /\b(START TRANSACTION|COMMIT|ROLLBACK;)/.test(sql)), [], 'no START/COMMIT/ROLLBACK through Sequelize');
  assert.ok(logged.some((sql) => /SAVEPOINT/.test(sql)), 'savepoints still go through Sequelize');
});

test('SQLite: statements first used by many at once are prepared once, and the handle still closes', async () => {
  const { db, cleanup } = await openTestDb('sqlite');
  const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => driverRows(db, 'SELECT :n AS n', { n: i })));
  assert.deepEqual(rows.map((r) => Number(r[0].n)), Array.from({ length: 20 }, (_, i) => i));
  await db.transaction((tx) => Promise.all(Array.from({ length: 5 }, () => driverRows(db, 'SELECT 1 AS one', {}, tx))));
  // SQLite refuses to close a handle with an unfinalized statement (SQLITE_BUSY).
  await assert.doesNotReject(cleanup());
});

test('PostgreSQL: statements stay prepared per connection, except those a long list made one of many texts', async (t) => {
  const { db, cleanup } = await openTestDb('postgres');
  t.after(cleanup);
  const prepared = await db.transaction(async (tx) => {
    await driverRows(db, 'SELECT id FROM callbacks WHERE status IN (:states)', { states: ['scheduled', 'queued'] }, tx);
    await driverRows(db, 'SELECT id FROM callbacks WHERE id IN (:ids)', { ids: Array.from({ length: 50 }, (_, i) => i + 1) }, tx);
    return (await driverRows(db, 'SELECT statement FROM pg_prepared_statements', {}, tx)).map((r) => String(r.statement));
  });
  assert.ok(prepared.some((s) => s.includes('status IN ($1, $2)')), prepared.join('\n'));
  assert.ok(!prepared.some((s) => s.includes('id IN ($1')), 'the 50-id list was not kept prepared');
});
