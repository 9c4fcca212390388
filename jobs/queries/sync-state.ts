// What the result sync remembers between runs: a dialinglistid cursor per UCCX campaign and,
// per db_cra row, the state it last applied (so the same row read twice changes nothing).
import { QueryTypes } from 'sequelize';
import type { Db, Tx } from '../../db/index.ts';

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

export async function saveSyncCursor(db: Db, uccxCampaignId: number, lastDialingListId: number, now: Date): Promise<void> {
  await db.sequelize.query(db.sql.upsert('uccx_sync_cursors', ['uccx_campaign_id', 'last_dialing_list_id', 'updated_at'], ['uccx_campaign_id']), {
    replacements: { uccx_campaign_id: uccxCampaignId, last_dialing_list_id: lastDialingListId, updated_at: now },
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
