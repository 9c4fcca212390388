// SQL Server cannot run here: its statements are checked for the constructs that make them
// correct there (and the SQLite/PostgreSQL ones run for real in queries.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqlFor } from '../../db/dialect/sql.ts';

test('sqlFor(mssql).claimDue uses UPDLOCK, READPAST, TOP and OUTPUT', () => {
  const sql = sqlFor('mssql').claimDue;
  assert.match(sql, /WITH \(UPDLOCK, READPAST, ROWLOCK\)/);
  assert.match(sql, /SELECT TOP \(:limit\)/);
  assert.match(sql, /OUTPUT inserted\.\*/);
  assert.doesNotMatch(sql, /LIMIT|RETURNING|SKIP LOCKED/);
});

test('sqlFor(postgres).claimDue uses FOR UPDATE SKIP LOCKED', () => {
  assert.match(sqlFor('postgres').claimDue, /FOR UPDATE SKIP LOCKED\) RETURNING \*/);
});

test('sqlFor(sqlite).claimDue has no row locks (BEGIN IMMEDIATE serialises it)', () => {
  assert.doesNotMatch(sqlFor('sqlite').claimDue, /FOR UPDATE|UPDLOCK/);
  assert.match(sqlFor('sqlite').claimDue, /RETURNING \*/);
});

test('sqlFor(mssql).insertIgnore and upsert avoid ON CONFLICT', () => {
  const s = sqlFor('mssql');
  assert.match(s.insertIgnore('slot_counters', ['scope', 'slot_start', 'booked'], ['scope', 'slot_start']), /WHERE NOT EXISTS \(SELECT 1 FROM slot_counters WITH \(UPDLOCK, HOLDLOCK\) WHERE scope = :scope AND slot_start = :slot_start\)/);
  const upsert = s.upsert('agents', ['id', 'role'], ['id']);
  assert.match(upsert, /^MERGE agents WITH \(HOLDLOCK\)/);
  assert.match(upsert, /WHEN MATCHED THEN UPDATE SET role = s\.role/);
  assert.doesNotMatch(upsert, /ON CONFLICT/);
});

test('sqlFor(*).deleteBatch and limit bound the work per statement', () => {
  assert.equal(sqlFor('mssql').deleteBatch('t', 'x = 1'), 'DELETE TOP (:limit) FROM t WHERE x = 1; SELECT @@ROWCOUNT AS AFFECTEDROWS;');
  assert.match(sqlFor('postgres').deleteBatch('t', 'x = 1'), /ORDER BY id LIMIT :limit\)$/);
  assert.equal(sqlFor('mssql').limit(5), 'OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY');
  assert.equal(sqlFor('sqlite').limit(5), 'LIMIT 5');
});

const VERSIONED = [{ name: 'status', kind: 'text' }, { name: 'next_attempt_at', kind: 'date' }, { name: 'version', kind: 'integer' }] as const;
const TUPLES = ["(7, 1, 'retry_wait', NULL, 2)", "(8, 3, 'retry_wait', NULL, 4)"];

test('sqlFor(sqlite).updateByVersion: UPDATE … FROM a CTE of VALUES, no casts (values keep the stored text), RETURNING *', () => {
  const sql = sqlFor('sqlite').updateByVersion('callbacks', VERSIONED, TUPLES);
  assert.equal(sql,
    "WITH v (row_id, row_version, status, next_attempt_at, version) AS (VALUES (7, 1, 'retry_wait', NULL, 2), (8, 3, 'retry_wait', NULL, 4)) " +
    'UPDATE callbacks SET status = v.status, next_attempt_at = v.next_attempt_at, version = v.version ' +
    'FROM v WHERE callbacks.id = v.row_id AND callbacks.version = v.row_version RETURNING *');
});

test('sqlFor(postgres).updateByVersion: each value cast to its column type (VALUES of NULLs and literals are text), RETURNING only the table', () => {
  const sql = sqlFor('postgres').updateByVersion('callbacks', VERSIONED, TUPLES);
  assert.match(sql, /^WITH v \(row_id, row_version, status, next_attempt_at, version\) AS \(VALUES \(7, 1, 'retry_wait', NULL, 2\), \(8, 3, 'retry_wait', NULL, 4\)\) UPDATE callbacks SET /);
  assert.match(sql, /SET status = CAST\(v\.status AS text\), next_attempt_at = CAST\(v\.next_attempt_at AS timestamptz\), version = CAST\(v\.version AS integer\) FROM v /);
  assert.match(sql, /WHERE callbacks\.id = v\.row_id AND callbacks\.version = v\.row_version RETURNING callbacks\.\*$/);
});

test('sqlFor(mssql).updateByVersion: UPDATE … OUTPUT inserted.* FROM the table JOINed to a VALUES table, each value cast', () => {
  const sql = sqlFor('mssql').updateByVersion('callbacks', VERSIONED, TUPLES);
  assert.equal(sql,
    'UPDATE callbacks SET status = CAST(v.status AS NVARCHAR(4000)), next_attempt_at = CAST(v.next_attempt_at AS DATETIMEOFFSET), version = CAST(v.version AS INT) ' +
    "OUTPUT inserted.* FROM callbacks JOIN (VALUES (7, 1, 'retry_wait', NULL, 2), (8, 3, 'retry_wait', NULL, 4)) AS v (row_id, row_version, status, next_attempt_at, version) " +
    'ON callbacks.id = v.row_id AND callbacks.version = v.row_version;');
  assert.doesNotMatch(sql, /RETURNING|WITH v/);
});

test('sqlFor(*).epochMillis reads a timestamp as whole epoch milliseconds in each dialect', () => {
  assert.equal(sqlFor('postgres').epochMillis('slot_start'), 'CAST(ROUND(EXTRACT(EPOCH FROM slot_start) * 1000) AS BIGINT)');
  assert.match(sqlFor('sqlite').epochMillis('slot_start'), /^\(CAST\(strftime\('%s', substr\(slot_start, 1, 19\)\) AS INTEGER\) \* 1000 \+ CAST\(substr\(slot_start, 21, 3\) AS INTEGER\)\)$/);
  assert.equal(sqlFor('mssql').epochMillis('slot_start'), "DATEDIFF_BIG(millisecond, CAST('1970-01-01 00:00:00 +00:00' AS DATETIMEOFFSET), slot_start)");
});

test('sqlFor(*).insertReturning answers the stored row: RETURNING * (SQLite, PostgreSQL), OUTPUT inserted.* (SQL Server)', () => {
  assert.equal(sqlFor('sqlite').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) VALUES (:a, :b) RETURNING *');
  assert.equal(sqlFor('postgres').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) VALUES (:a, :b) RETURNING *');
  assert.equal(sqlFor('mssql').insertReturning('t', ['a', 'b']), 'INSERT INTO t (a, b) OUTPUT inserted.* VALUES (:a, :b)');
});
