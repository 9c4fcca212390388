// Reads of callbacks that only the jobs need (one function per SQL operation). State changes go
// through db/queries/transition.ts transitionCallback (the lifecycle table, optimistic by version).
import { Op, QueryTypes } from 'sequelize';
import type { CallbackStatus } from '../../domain/types.ts';
import { IN_UCCX, LIFECYCLE } from '../../domain/lifecycle.ts';
import { toCallback, type CallbackRow } from '../../db/queries/callbacks.ts';
import { iso, toDate, type Db, type Tx } from '../../db/index.ts';

/** Callbacks whose current attempt sits in UCCX: their db_cra rows may still change. */
export const IN_UCCX_STATES: readonly CallbackStatus[] = IN_UCCX;

const rows = (list: Array<{ get(o: { plain: true }): unknown }>) => list.map((r) => toCallback(r.get({ plain: true }) as Record<string, unknown>));

/** By account number, 500 per statement (a first sync can read a whole dialing list). */
export async function findCallbacksByAccountNumbers(db: Db, accountNumbers: readonly string[], t?: Tx): Promise<CallbackRow[]> {
  const found: CallbackRow[] = [];
  for (let i = 0; i < accountNumbers.length; i += 500) {
    const part = accountNumbers.slice(i, i + 500);
    found.push(...rows(await db.models.Callback.findAll({ where: { accountNumber: part }, transaction: t ?? undefined })));
  }
  return found;
}

/** Callbacks of a CM campaign whose contact is in UCCX (queued, dialing, connected). */
export async function listCallbacksInUccx(db: Db, campaign: string): Promise<CallbackRow[]> {
  return rows(await db.models.Callback.findAll({ where: { campaign, status: [...IN_UCCX_STATES] }, order: [['id', 'ASC']] }));
}

/** Callbacks of a CM campaign in one of `states`, oldest first. */
export async function listCallbacksOfCampaign(db: Db, campaign: string, states: readonly CallbackStatus[]): Promise<CallbackRow[]> {
  return rows(await db.models.Callback.findAll({ where: { campaign, status: [...states] }, order: [['scheduledAt', 'ASC'], ['id', 'ASC']] }));
}

/** How many callbacks of a campaign another owner is importing right now (a live dispatch lease). */
export async function countLiveDispatches(db: Db, campaign: string, exceptOwner: string, now: Date): Promise<number> {
  return db.models.Callback.count({
    where: { campaign, status: 'dispatching', claimedBy: { [Op.ne]: exceptOwner }, leaseUntil: { [Op.gte]: now } },
  });
}

/**
 * Not reached in time (`scheduledAt` at or before `cutoff`): still waiting (scheduled, retry_wait), never
 * dialled (queued), or claimed by a dispatcher whose lease ran out (dispatching).
 */
export async function listExpiryCandidates(db: Db, cutoff: Date, now: Date, limit: number): Promise<CallbackRow[]> {
  return rows(
    await db.models.Callback.findAll({
      // The time bound inside each branch: every branch is then a range on (status, scheduled_at),
      // even where the planner does not push it through the OR (SQLite). Each dispatch wake runs this first.
      where: {
        [Op.or]: [
          { status: ['scheduled', 'retry_wait', 'queued'], scheduledAt: { [Op.lte]: cutoff } },
          { status: 'dispatching', scheduledAt: { [Op.lte]: cutoff }, leaseUntil: { [Op.lt]: now } },
        ],
      },
      order: [['scheduledAt', 'ASC']],
      limit,
    }),
  );
}

/** Callbacks in one of `states`, oldest change first (the deadlines job's calls in progress). */
export async function listCallbacksInStates(db: Db, states: readonly CallbackStatus[], limit: number): Promise<CallbackRow[]> {
  return rows(await db.models.Callback.findAll({ where: { status: [...states] }, order: [['updatedAt', 'ASC'], ['id', 'ASC']], limit }));
}

/**
 * Time of each callback's newest history entry: its last change on the jobs' clock (updated_at
 * is the database's wall clock, which an accelerated clock does not move).
 */
export async function lastHistoryTimes(db: Db, callbackIds: readonly number[]): Promise<Map<number, Date>> {
  const found = new Map<number, Date>();
  for (let i = 0; i < callbackIds.length; i += 500) {
    const part = callbackIds.slice(i, i + 500);
    const list = (await db.models.CallbackHistory.findAll({
      attributes: ['callbackId', [db.sequelize.fn('MAX', db.sequelize.col('at')), 'lastAt']],
      where: { callbackId: part },
      group: ['callbackId'],
      raw: true,
    })) as unknown as Array<{ callbackId: number | string; lastAt: string | Date }>;
    for (const r of list) if (r.lastAt != null) found.set(Number(r.callbackId), new Date(iso(r.lastAt) as string));
  }
  return found;
}

/** Moved to db/queries/do-not-call.ts (booking and dispatch read the list too); kept here for existing imports. */
export { flagDoNotCall } from '../../db/queries/do-not-call.ts';

/**
 * Extends the dispatch lease of the callbacks `owner` still holds (status dispatching, lease not
 * run out) and returns their ids. Called right before an import: a claim that ran out meanwhile
 * may already be another instance's, and pushing it too would import the contact twice.
 */
export async function renewDispatchLeases(db: Db, ids: readonly number[], owner: string, now: Date, leaseMs: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const mine = { id: [...ids], claimedBy: owner, status: 'dispatching' };
  await db.models.Callback.update({ leaseUntil: new Date(now.getTime() + leaseMs) }, { where: { ...mine, leaseUntil: { [Op.gte]: now } } });
  const rows = await db.models.Callback.findAll({ attributes: ['id'], where: { ...mine, leaseUntil: { [Op.gt]: now } } });
  return new Set(rows.map((r) => Number(r.get('id'))));
}

/**
 * When the dispatcher has work next: the earliest due time among claimable callbacks (per state,
 * by the claim's own due column) and the earliest dispatch lease to run out (a reclaim). Each is a
 * MIN over a range of an index led by status (migration 0022), so it stays one cheap read.
 */
export async function nextDispatchTimes(db: Db): Promise<{ due: Date | null; leaseEnds: Date | null }> {
  const parts = LIFECYCLE.claim.from.map((s) => `(SELECT MIN(${DUE_SQL_COLUMN[s]}) FROM callbacks WHERE status = '${s}') AS due_${s}`);
  const leases = `(SELECT MIN(lease_until) FROM callbacks WHERE status IN (${LIFECYCLE.reclaim.from.map((s) => `'${s}'`).join(', ')})) AS lease_end`;
  const [row] = (await db.sequelize.query(`SELECT ${[...parts, leases].join(', ')}`, { type: QueryTypes.SELECT })) as Array<Record<string, unknown>>;
  const dues = LIFECYCLE.claim.from.map((s) => toDate(row?.[`due_${s}`])).filter((d): d is Date => d != null);
  return { due: dues.length ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null, leaseEnds: toDate(row?.lease_end) };
}

const DUE_SQL_COLUMN: Record<string, string> = { scheduled: 'scheduled_at', retry_wait: 'next_attempt_at' };
