import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveScheduledTime } from '../../domain/rules/index.ts';

const resolvedIso = (input: string, zone: string): string | null => {
  const r = resolveScheduledTime(input, zone);
  return r.ok ? r.utc.toISO() : null;
};

test('resolveScheduledTime reads a local time in the given zone', () => {
  assert.equal(resolvedIso('2026-11-25T10:00', 'Europe/Warsaw'), '2026-11-25T09:00:00.000Z');
  assert.equal(resolvedIso('2026-07-01T10:00:00', 'Europe/Warsaw'), '2026-07-01T08:00:00.000Z');
  assert.equal(resolvedIso('2026-11-25 10:00', 'America/New_York'), '2026-11-25T15:00:00.000Z');
});

test('resolveScheduledTime takes an explicit offset or Z as the instant, whatever the zone', () => {
  assert.equal(resolvedIso('2026-11-25T10:00:00+02:00', 'America/New_York'), '2026-11-25T08:00:00.000Z');
  assert.equal(resolvedIso('2026-11-25T10:00:00Z', 'Europe/Warsaw'), '2026-11-25T10:00:00.000Z');
  assert.equal(resolvedIso('2026-11-25T10:00-0500', 'Europe/Warsaw'), '2026-11-25T15:00:00.000Z');
});

test('resolveScheduledTime rejects a time in the DST gap (Warsaw 2026-03-29 02:30)', () => {
  assert.deepEqual(resolveScheduledTime('2026-03-29T02:30', 'Europe/Warsaw'), { ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
  assert.deepEqual(resolveScheduledTime('2026-03-29T02:00', 'Europe/Warsaw'), { ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
  assert.equal(resolvedIso('2026-03-29T01:59', 'Europe/Warsaw'), '2026-03-29T00:59:00.000Z');
  assert.equal(resolvedIso('2026-03-29T03:00', 'Europe/Warsaw'), '2026-03-29T01:00:00.000Z');
});

test('resolveScheduledTime takes the earlier instant in the DST overlap (Warsaw 2026-10-25 02:30)', () => {
  assert.equal(resolvedIso('2026-10-25T02:30', 'Europe/Warsaw'), '2026-10-25T00:30:00.000Z');
  assert.equal(resolvedIso('2026-10-25T03:00', 'Europe/Warsaw'), '2026-10-25T02:00:00.000Z');
});

test('resolveScheduledTime handles America/New_York DST (gap 2026-03-08, overlap 2026-11-01)', () => {
  assert.deepEqual(resolveScheduledTime('2026-03-08T02:30', 'America/New_York'), { ok: false, code: 'NONEXISTENT_LOCAL_TIME' });
  assert.equal(resolvedIso('2026-03-08T03:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  assert.equal(resolvedIso('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z', 'EDT, the earlier one');
});

test('resolveScheduledTime answers INVALID_TIME for malformed input or an unknown zone', () => {
  for (const bad of ['', 'tomorrow', '2026-11-25', '2026-13-01T10:00', '2026-11-31T10:00', '2026-11-25T25:00', '2026-11-25T10:00+99:00'])
    assert.deepEqual(resolveScheduledTime(bad, 'Europe/Warsaw'), { ok: false, code: 'INVALID_TIME' }, bad);
  assert.deepEqual(resolveScheduledTime('2026-11-25T10:00', 'Mars/Olympus'), { ok: false, code: 'INVALID_TIME' });
});
