// Inserting callbacks directly (without the booking rules) for storage tests.
import type { Db } from '../../db/index.ts';
import { insertCallback, type CallbackRow } from '../../db/queries/callbacks.ts';

let counter = 0;

export async function insertTestCallback(db: Db, over: Partial<Record<string, unknown>> = {}): Promise<CallbackRow> {
  counter += 1;
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
      status: 'scheduled',
      notes: null,
      source: 'outbound',
      createdBy: '1001',
      teamId: '1',
      ...over,
    } as never,
    null,
  );
}
