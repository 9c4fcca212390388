// What the result sync remembers between runs: a dialinglistid cursor per UCCX campaign and,
// per db_cra row, the state it last applied (so the same row read twice changes nothing).
import { QueryTypes } from 'sequelize';
import { toDate, type Db, type Tx } from '../../db/index.ts';
import { toCallback, type CallbackRow } from '../../db/queries/callbacks.ts';
import { sqlLiterals } from '../../db/queries/sql-literals.ts';

export interface Observation {
  dialingListId: number;
  callbackId: number;
  signature: string;
  callsCounted: number;
}

export async function getSyncCursor(db: Db, uccxCampaignId: number): Promise<number> {
  const [row] = (await db.sequelize.query('SELECT last_dialing_list_id FROM uccx_sync_cursors WHERE uccx_campaign_id = :id', {
    replacements: { id: uccxCampaignId },
    type: QueryTypes.SELECT,
  })) as Array<{ last_dialing_list_id: number | string }>;
  return row ? Number(row.last_dialing_list_id) : 0;
}

/** Within `t`, the cursor moves only if the batch it closes commits. */
export async function saveSyncCursor(db: Db, uccxCampaignId: number, lastDialingListId: number, now: Date, t?: Tx): Promise<void> {
  await db.sequelize.query(db.sql.upsert('uccx_sync_cursors', ['uccx_campaign_id', 'last_dialing_list_id', 'updated_at'], ['uccx_campaign_id']), {
    replacements: { uccx_campaign_id: uccxCampaignId, last_dialing_list_id: lastDialingListId, updated_at: now },
    transaction: t ?? undefined,
  });
}

export async function findObservations(db: Db, dialingListIds: readonly number[]): Promise<Map<number, Observation>> {
  const found = new Map<number, Observation>();
  for (let i = 0; i < dialingListIds.length; i += 500) {
    const part = dialingListIds.slice(i, i + 500);
    const rows = (await db.sequelize.query(
      'SELECT dialing_list_id, callback_id, signature, calls_counted FROM uccx_contact_observations WHERE dialing_list_id IN (:ids)',
      { replacements: { ids: part }, type: QueryTypes.SELECT },
    )) as Array<Record<string, unknown>>;
    for (const r of rows) {
      const id = Number(r.dialing_list_id);
      found.set(id, { dialingListId: id, callbackId: Number(r.callback_id), signature: String(r.signature), callsCounted: Number(r.calls_counted) });
    }
  }
  return found;
}

export async function saveObservation(db: Db, o: Observation, now: Date, t?: Tx): Promise<void> {
  const columns = ['dialing_list_id', 'callback_id', 'signature', 'calls_counted', 'observed_at'];
  await db.sequelize.query(db.sql.upsert('uccx_contact_observations', columns, ['dialing_list_id']), {
    replacements: { dialing_list_id: o.dialingListId, callback_id: o.callbackId, signature: o.signature, calls_counted: o.callsCounted, observed_at: now },
    transaction: t ?? undefined,
  });
}

/**
 * The observations of a sync batch in two statements (delete the rows' old ones, insert the new),
 * portable to every dialect, instead of one upsert per row.
 */
export async function saveObservations(db: Db, list: readonly Observation[], now: Date, t?: Tx): Promise<void> {
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    await db.sequelize.query('DELETE FROM uccx_contact_observations WHERE dialing_list_id IN (:ids)', { replacements: { ids: part.map((o) => o.dialingListId) }, transaction: t ?? undefined });
    // Escaped here, not as 2,000 replacements Sequelize would look up in the text one by one.
    const literal = sqlLiterals(db);
    const values = part.map((o) => `(${[o.dialingListId, o.callbackId, o.signature, o.callsCounted, now].map(literal).join(', ')})`).join(', ');
    await db.sequelize.query(`INSERT INTO uccx_contact_observations (dialing_list_id, callback_id, signature, calls_counted, observed_at) VALUES ${values}`, { transaction: t ?? undefined });
  }
}

/** The callbacks of a sync batch by account number, one SELECT per 500, as plain rows (no model instances). */
export async function readCallbacksByAccountNumbers(db: Db, accountNumbers: readonly string[]): Promise<CallbackRow[]> {
  const out: CallbackRow[] = [];
  for (let i = 0; i < accountNumbers.length; i += 500) {
    const rows = (await db.sequelize.query('SELECT * FROM callbacks WHERE account_number IN (:accounts)', {
      replacements: { accounts: accountNumbers.slice(i, i + 500) },
      type: QueryTypes.SELECT,
    })) as Array<Record<string, unknown>>;
    out.push(...rows.map(toCallback));
  }
  return out;
}

/** Account numbers of a campaign's callbacks in UCCX with their current dialing-list row (two columns, not whole callbacks). */
export async function listAccountsInUccx(db: Db, campaign: string, states: readonly string[]): Promise<Array<{ accountNumber: string; dialingListId: number | null }>> {
  const rows = (await db.sequelize.query('SELECT account_number, uccx_dialing_list_id FROM callbacks WHERE campaign = :campaign AND status IN (:states)', {
    replacements: { campaign, states: [...states] },
    type: QueryTypes.SELECT,
  })) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ accountNumber: String(r.account_number), dialingListId: r.uccx_dialing_list_id == null ? null : Number(r.uccx_dialing_list_id) }));
}

/** When each callback got `event` in its history (the sync's "the IVR reported the fallback already"), 500 callbacks per statement. */
export async function historyTimes(db: Db, callbackIds: readonly number[], event: string): Promise<Map<number, Date[]>> {
  const found = new Map<number, Date[]>();
  for (let i = 0; i < callbackIds.length; i += 500) {
    const rows = (await db.sequelize.query('SELECT callback_id, at FROM callback_history WHERE event = :event AND callback_id IN (:ids)', {
      replacements: { event, ids: callbackIds.slice(i, i + 500) },
      type: QueryTypes.SELECT,
    })) as Array<Record<string, unknown>>;
    for (const r of rows) {
      const id = Number(r.callback_id);
      found.set(id, [...(found.get(id) ?? []), toDate(r.at) as Date]);
    }
  }
  return found;
}

/** When the sync last read each UCCX campaign from db_cra (the cursor row is saved on every read). */
export async function listSyncReadTimes(db: Db): Promise<Array<{ uccxCampaignId: number; readAt: Date }>> {
  const rows = (await db.sequelize.query('SELECT uccx_campaign_id, updated_at FROM uccx_sync_cursors', { type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
  return rows.map((r) => ({ uccxCampaignId: Number(r.uccx_campaign_id), readAt: toDate(r.updated_at) as Date }));
}
