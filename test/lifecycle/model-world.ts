// The world the model-based lifecycle test drives: the real Campaign Manager code (dispatchOnce,
// syncOnce, purgeCampaign, deadlinesOnce, transitionCallback) on a real database, with UCCX as an
// in-memory dialing list shared by the admin API stand-in and the db_cra reader (MemoryDbCra).
// In memory rather than over HTTP so hundreds of random sequences run in seconds; the HTTP
// stand-in (test/jobs/fake-uccx.ts) and the simulator cover the wire. The stand-in checks, at
// each import, what must never happen: an import of a callback that is not being dispatched,
// whose history already says cancelled, completed, expired or failed, or that is past its expiry
// time, or a second open contact for the same callback.
import type { Db } from '../../db/index.ts';
import { findCallbackByAccountNumber, toCallback, type CallbackRow } from '../../db/queries/callbacks.ts';
import { appendHistory } from '../../db/queries/history.ts';
import { deadlineOf, expiresAt, type DeadlineSettings } from '../../domain/deadlines.ts';
import { TERMINAL_STATES } from '../../domain/types.ts';
import type { JobDeps } from '../../jobs/deps.ts';
import type { DbCraContact } from '../../jobs/dbcra/reader.ts';
import { lastHistoryTimes } from '../../jobs/queries/callbacks.ts';
import type { ContactRow } from '../../jobs/uccx/csv.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { makeDeps, MemoryDbCra } from '../jobs/helpers.ts';

export const UCCX_CAMPAIGNS: Record<string, number> = { CB_DDI_1: 200, CB_DDI_2: 201 };
const OPEN = [1, 2, 4, 6, 8];
/** Dialing-list ids never repeat across sequences (the sync remembers rows by id in the CM database). */
let nextDialingListId = 1;

export interface ImportRecord {
  accountNumber: string;
  dialingListId: number;
  statusAtImport: string;
}

/** The UCCX admin API calls the jobs make, over the in-memory dialing list. */
export class MemoryUccx {
  imports: ImportRecord[] = [];
  violations: string[] = [];
  /** The next import is stored, then answered with an error (UCCX did it but said no). */
  failNextAfterStoring = false;

  constructor(
    readonly dbcra: MemoryDbCra,
    private readonly db: Db,
    /** True when the callback is past scheduledAt + expiryHours on the test's clock. */
    private readonly pastExpiry: (c: CallbackRow) => Promise<boolean>,
  ) {}

  async campaignIdByName(name: string): Promise<number | null> {
    return UCCX_CAMPAIGNS[name] ?? null;
  }

  async addContacts(campaign: { id: number; name: string }, contacts: readonly ContactRow[]): Promise<{ status: number; location: string | null }> {
    for (const c of contacts) {
      const callback = await findCallbackByAccountNumber(this.db, c.accountNumber);
      if (callback?.status !== 'dispatching') this.violations.push(`import of ${c.accountNumber} while ${callback?.status ?? 'unknown'}`);
      const ended = callback ? await this.db.models.CallbackHistory.count({ where: { callbackId: callback.id, event: ['cancelled', 'completed', 'expired', 'failed'] } }) : 0;
      if (ended) this.violations.push(`import of ${c.accountNumber} after its history ended it`);
      if (callback && (await this.pastExpiry(callback))) this.violations.push(`import of ${c.accountNumber} past its expiry`);
      if (this.dbcra.contacts.some((r) => r.accountNumber === c.accountNumber && OPEN.includes(r.callStatus))) this.violations.push(`second open contact for ${c.accountNumber}`);
      const row = this.dbcra.row({ dialingListId: nextDialingListId++, accountNumber: c.accountNumber, campaignId: campaign.id, callStatus: 1 });
      this.imports.push({ accountNumber: c.accountNumber, dialingListId: row.dialingListId, statusAtImport: callback?.status ?? 'unknown' });
    }
    if (this.failNextAfterStoring) {
      this.failNextAfterStoring = false;
      throw new Error('socket hang up'); // not a UccxError: the dispatcher treats it as uncertain
    }
    return { status: 202, location: null };
  }

  async pendingContacts(campaignId: number) {
    return this.dbcra.contacts
      .filter((r) => r.campaignId === campaignId && [1, 4, 6, 8].includes(r.callStatus))
      .map((r) => ({ accountNumber: r.accountNumber, firstName: '', lastName: '', phone1: '', callStatus: String(r.callStatus), callResult: '' }));
  }

  async deleteAllContacts(campaignId: number): Promise<void> {
    this.dbcra.contacts = this.dbcra.contacts.filter((r) => r.campaignId !== campaignId);
  }

  /** Rows UCCX may still dial or is dialling. */
  openRows(): DbCraContact[] {
    return this.dbcra.contacts.filter((r) => OPEN.includes(r.callStatus));
  }
}

export class World {
  readonly uccx: MemoryUccx;
  readonly dbcra = new MemoryDbCra();
  readonly deps: JobDeps;
  readonly ids: number[] = [];
  now: Date;

  constructor(
    readonly db: Db,
    start: Date,
  ) {
    this.now = start;
    this.uccx = new MemoryUccx(this.dbcra, db, async (c) => expiresAt(c, (await this.deps.config()).rules.expiryHours) <= this.now);
    this.deps = makeDeps(db, { uccx: this.uccx as never, reader: this.dbcra, now: () => this.now, owner: 'cm-a' });
  }

  async book(campaign: string, inMinutes: number): Promise<CallbackRow> {
    const scheduledAt = new Date(this.now.getTime() + inMinutes * 60_000).toISOString();
    const cb = await insertTestCallback(this.db, { campaign, scheduledAt, slotStart: scheduledAt });
    await appendHistory(this.db, { callbackId: cb.id, event: 'booked', actor: '1001', details: {}, at: this.now });
    this.ids.push(cb.id);
    return cb;
  }

  async callbacks(): Promise<CallbackRow[]> {
    const rows = await this.db.models.Callback.findAll({ where: { id: this.ids }, order: [['id', 'ASC']] });
    return rows.map((r) => toCallback(r.get({ plain: true }) as Record<string, unknown>));
  }

  /** After a deadlines tick, no active callback is past the latest time its state may last (the job acts at that time). */
  async overdue(settings: DeadlineSettings): Promise<string[]> {
    const { rules } = await this.deps.config();
    const list = (await this.callbacks()).filter((c) => !TERMINAL_STATES.includes(c.status));
    const last = await lastHistoryTimes(this.db, list.map((c) => c.id));
    return list
      .filter((c) => deadlineOf({ ...c, lastChangeAt: last.get(c.id) ?? c.updatedAt }, rules.expiryHours, settings)!.hardAt < this.now)
      .map((c) => `#${c.id} ${c.status} (scheduled ${c.scheduledAt}, now ${this.now.toISOString()})`);
  }
}
