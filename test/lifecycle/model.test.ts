// Model-based test of the callback lifecycle (fast-check commands), on SQLite and PostgreSQL:
// random sequences of bookings, dispatch ticks, UCCX dialling and results applied by the real
// sync, IVR answers, arrivals, cancels, reschedules, purges, crashed dispatchers (a claim left
// with its lease, sometimes after the push), uncertain imports, clock jumps and deadline ticks,
// all through the real code. Asserted throughout:
//   - UCCX receives a callback only while it is being dispatched: never after it was cancelled,
//     completed, expired or failed, nor past its expiry time (checked at each import by the UCCX stand-in);
//   - never a second open contact for the same callback in UCCX (never imported twice per attempt);
//   - after every deadlines tick no active callback is past the latest time its state may last;
//   - after enough clock and ticks every callback is terminal.
// CM_MODEL_RUNS sets the sequences per dialect (default 20; e.g. 500 for a long run, jobs/README.md).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS, openTestDb } from '../helpers/databases.ts';
import type { Db } from '../../db/index.ts';
import { claimDueCallbacks, type CallbackRow } from '../../db/queries/callbacks.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import type { LifecycleEvent } from '../../domain/lifecycle.ts';
import { DEFAULT_DEADLINES } from '../../domain/deadlines.ts';
import { ACTIVE_STATES, TERMINAL_STATES, type HistoryEvent } from '../../domain/types.ts';
import { deadlinesOnce, expireOverdue } from '../../jobs/deadlines.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { purgeCampaign } from '../../jobs/purge.ts';
import { syncOnce } from '../../jobs/sync.ts';
import { seedDemo } from '../jobs/helpers.ts';
import { UCCX_CAMPAIGNS, World } from './model-world.ts';

const RUNS = Number(process.env.CM_MODEL_RUNS ?? 20);
const START = new Date('2026-12-01T09:00:00.000Z'); // a Tuesday, inside the demo skills' hours
const DISPATCH = { ...DEFAULT_DISPATCH, leaseMs: 60_000 };
const PURGE = { leaseMs: 10 * 60_000, batchSize: 500, waitForDispatchMs: 0, waitForCallsMs: 0 };
/** Minutes ahead for a booking or a reschedule: mostly due soon, so sequences get to the calls. */
const ahead = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 21, max: 300 }) });
const RESULTS = [
  { name: 'voice_routed', code: 1 },
  { name: 'voice', code: 1 },
  { name: 'busy', code: 11 },
  { name: 'no_answer', code: 15 },
  { name: 'answering_machine', code: 3 },
  { name: 'invalid', code: 4 },
  { name: 'abandoned', code: 18 },
] as const;

type Act = (w: World) => Promise<unknown>;
class Step implements fc.AsyncCommand<object, World> {
  constructor(
    private readonly label: string,
    private readonly act: Act,
  ) {}
  check = () => true;
  async run(_model: object, w: World): Promise<void> {
    await this.act(w);
    assert.deepEqual(w.uccx.violations, [], `after ${this.label}`);
  }
  toString = () => this.label;
}
const step = (label: string, act: Act) => new Step(label, act);
const pickFrom = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);

/** A person's or the IVR's event, through the one writer like the BFF and the IVR do it. */
async function apply(w: World, c: CallbackRow | undefined, event: LifecycleEvent, history: Array<[HistoryEvent, Record<string, unknown>]>, patch: Record<string, unknown> = {}) {
  if (c) await transitionCallback(w.db, c, { event, actor: 'model', at: w.now, patch, history });
}
/** An open UCCX row: mostly one of an active callback (else the picks drown in rows of finished ones), sometimes any. */
async function pickRow(w: World, pick: number, statuses: number[]) {
  const open = w.dbcra.contacts.filter((r) => statuses.includes(r.callStatus));
  const active = new Set((await w.callbacks()).filter((c) => !TERMINAL_STATES.includes(c.status)).map((c) => c.accountNumber));
  const live = open.filter((r) => active.has(r.accountNumber));
  return pickFrom(pick % 4 !== 0 && live.length ? live : open, Math.floor(pick / 4));
}
const inStates = async (w: World, states: readonly string[]) => (await w.callbacks()).filter((c) => states.includes(c.status));

/** What the dispatch worker does each tick. */
async function dispatchTick(w: World) {
  await expireOverdue(w.deps);
  await dispatchOnce(w.deps, DISPATCH);
}

async function deadlinesTick(w: World) {
  await syncOnce(w.deps); // the sync worker: results first, then deadlines on what is left
  await deadlinesOnce(w.deps, DEFAULT_DEADLINES);
  assert.deepEqual(await w.overdue(DEFAULT_DEADLINES), [], 'past its deadline after a deadlines tick');
}

const COMMANDS = {
  book: fc.record({ campaign: fc.constantFrom('CB_MAIN', 'CB_US'), inMinutes: ahead }).map(({ campaign, inMinutes }) => step(`book(${campaign}, +${inMinutes}m)`, (w) => w.book(campaign, inMinutes))),
  dispatch: fc.constant(step('dispatch', dispatchTick)),
  sync: fc.constant(step('sync', (w) => syncOnce(w.deps))),
  deadlines: fc.constant(step('deadlines', deadlinesTick)),
  advance: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 31, max: 300 }) }).map((m) => step(`advance(${m}m)`, async (w) => void (w.now = new Date(w.now.getTime() + m * 60_000)))),
  uccxDial: fc.nat().map((pick) =>
    step(`uccxDial(${pick})`, async (w) => {
      const row = await pickRow(w, pick, [1, 4, 6, 8]);
      if (row) row.callStatus = 2;
    }),
  ),
  uccxResult: fc.record({ pick: fc.nat(), result: fc.constantFrom(...RESULTS) }).map(({ pick, result }) =>
    step(`uccxResult(${pick}, ${result.name})`, async (w) => {
      const row = await pickRow(w, pick, [1, 2, 4, 6, 8]);
      if (!row) return;
      Object.assign(row, { callStatus: 3, callResult: result.code, callsMade: row.callsMade + 1 });
      const callbackId = (await w.callbacks()).find((c) => c.accountNumber === row.accountNumber)?.id;
      if (result.name === 'voice_routed') w.dbcra.details.push({ campaignId: row.campaignId, dialingListId: row.dialingListId, accountNumber: row.accountNumber, callbackId: String(callbackId), routedTo: 'csq:CSQ_Sales', disposition: 2, agentConnected: true });
    }),
  ),
  ivrAnswer: fc.nat().map((pick) =>
    step(`ivrAnswer(${pick})`, async (w) => {
      const c = pickFrom(await inStates(w, ['queued', 'dialing']), pick);
      const row = c && w.uccx.openRows().find((r) => r.accountNumber === c.accountNumber);
      if (!c || !row) return; // the IVR only answers a contact UCCX is dialling
      row.callStatus = 2;
      await apply(w, c, 'answer', [['ivr_lookup', { event: 'answered' }]]);
    }),
  ),
  arrive: fc.nat().map((pick) => step(`arrive(${pick})`, async (w) => apply(w, pickFrom(await inStates(w, ['connected']), pick), 'complete', [['arrived', {}], ['completed', { by: 'arrival' }]]))),
  cancel: fc.nat().map((pick) => step(`cancel(${pick})`, async (w) => apply(w, pickFrom(await inStates(w, ACTIVE_STATES), pick), 'cancel', [['cancelled', { by: 'agent' }]]))),
  reschedule: fc.record({ pick: fc.nat(), inMinutes: ahead }).map(({ pick, inMinutes }) =>
    step(`reschedule(${pick}, +${inMinutes}m)`, async (w) => {
      const at = new Date(w.now.getTime() + inMinutes * 60_000);
      await apply(w, pickFrom(await inStates(w, ['scheduled', 'retry_wait']), pick), 'reschedule', [['rescheduled', { to: at.toISOString() }]], { scheduledAt: at, slotStart: at, attempts: 0, nextAttemptAt: null });
    }),
  ),
  purge: fc.constantFrom('CB_MAIN', 'CB_US').map((name) =>
    step(`purge(${name})`, async (w) => {
      const campaign = (await w.deps.config()).campaigns.find((c) => c.name === name)!;
      await purgeCampaign(w.deps, campaign, PURGE);
    }),
  ),
  crash: fc.boolean().map((pushed) =>
    step(`crash(${pushed ? 'after the push' : 'before the push'})`, async (w) => {
      await expireOverdue(w.deps); // the crashed worker's tick began like any other
      const claimed = await claimDueCallbacks(w.db, { now: w.now, owner: 'crashed', leaseMs: DISPATCH.leaseMs, limit: 1000 });
      if (!pushed) return;
      const config = await w.deps.config();
      // A dispatcher pushes only what needs no check first (dispatchOnce verifies an uncertain import before any push).
      for (const c of claimed.filter((k) => k.lastResult !== 'import_uncertain')) {
        const uccxName = config.campaigns.find((k) => k.name === c.campaign)!.uccxCampaignName;
        const contact = { accountNumber: c.accountNumber, firstName: c.firstName, lastName: c.lastName, phone1: c.dialString };
        await w.uccx.addContacts({ id: UCCX_CAMPAIGNS[uccxName], name: uccxName }, [contact]).catch(() => undefined); // dies anyway
      }
    }),
  ),
  importFault: fc.constant(step('importFault', async (w) => void (w.uccx.failNextAfterStoring = true))),
};
// What moves a call on is listed twice, so sequences get through dialling more often.
const C = COMMANDS;
const commands = [...Object.values(C), C.dispatch, C.uccxDial, C.uccxResult, C.ivrAnswer, C.sync, C.book];

for (const dialect of DIALECTS) {
  describe(`callback lifecycle model on ${dialect}`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ db, cleanup } = await openTestDb(dialect));
      await seedDemo(db);
    });
    after(() => cleanup());

    test(`${RUNS} random sequences: never imported when it should not be, never twice, every callback ends by its deadline`, { timeout: 30 * 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 50, size: 'large' }), async (cmds) => {
          // Test arrangement: what an earlier (possibly failed) sequence left active is put aside.
          await db.models.Callback.update({ status: 'cancelled' }, { where: { status: [...ACTIVE_STATES] } });
          const w = new World(db, START);
          await w.book('CB_MAIN', 0);
          await fc.asyncModelRun(() => ({ model: {}, real: w }), cmds);
          // Enough clock and ticks: every callback ends.
          for (let round = 0; round < 4; round++) {
            w.now = new Date(w.now.getTime() + 6 * 3_600_000);
            await dispatchTick(w);
            await deadlinesTick(w);
          }
          assert.deepEqual(w.uccx.violations, []);
          const left = (await w.callbacks()).filter((c) => !TERMINAL_STATES.includes(c.status)).map((c) => `#${c.id} ${c.status}`);
          assert.deepEqual(left, [], 'every callback reaches a terminal state');
        }),
        { numRuns: RUNS, includeErrorInReport: true },
      );
    });
  });
}
