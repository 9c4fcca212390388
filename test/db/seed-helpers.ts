// Inserting callbacks directly (without the booking rules) for storage tests.
import type { Db } from '../../db/index.ts';
import { findCallbackById, insertCallback, type CallbackRow } from '../../db/queries/callbacks.ts';

let counter = 0;

/**
 * Test arrangement only: puts a callback straight into a state (and other columns), bypassing the
 * lifecycle table, the way a row would look after events the test does not replay.
 */
export async function forceState(db: Db, id: number, patch: Record<string, unknown>): Promise<CallbackRow> {
  const row = await findCallbackById(db, id);
  if (!row) throw new Error(`no callback ${id}`);
  await db.models.Callback.update({ ...patch, version: row.version + 1 }, { where: { id } });
  return (await findCallbackById(db, id)) as CallbackRow;
}

export async function insertTestCallback(db: Db, over: Partial<Record<string, unknown>> = {}): Promise<CallbackRow> {
  counter += 1;
  const { status, ...rest } = over;
  const row = await insertRow(db, rest);
  return status && status !== 'scheduled' ? forceState(db, row.id, { status }) : row;
}

async function insertRow(db: Db, over: Partial<Record<string, unknown>>): Promise<CallbackRow> {
  const at = (over.scheduledAt as string) ?? '2026-12-01T10:00:00.000Z';
  return insertCallback(
    db,
    {
      accountNumber: `T${process.pid}${counter}${Math.random().toString(36).slice(2, 8)}`.slice(0, 25),
      campaign: 'CB_MAIN',
      type: 'skill',
      agentId: null,
      skill: 'Sales',
      firstName: 'Jan',
      lastName: 'Kowalski',
      phone: `+4822${String(counter).padStart(7, '0')}`,
      phoneE164: `+4822${String(counter).padStart(7, '0')}`,
      dialString: `022${String(counter).padStart(7, '0')}`,
      scheduledAt: at,
      slotStart: at,
      timeZone: 'Europe/Warsaw',
      notes: null,
      source: 'outbound',
      createdBy: '1001',
      teamId: '1',
      ...over,
    } as never,
    null,
  );
}
