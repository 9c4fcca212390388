// The receiving agent's outcome at the end of a callback call (issue 10). His arrival
// acknowledgement completed the callback; now he says whether the customer was really reached.
// The state machine's outcome events (domain/lifecycle.ts) decide who may and until when: only the
// agent the call arrived at, once, within OUTCOME_WINDOW_MINUTES of the arrival.
import { UniqueConstraintError } from 'sequelize';
import { findActiveDuplicate, findCallbackById, type CallbackRow } from '../../db/queries/callbacks.ts';
import { findAgent } from '../../db/queries/agents.ts';
import { releaseSlot } from '../../db/queries/slots.ts';
import { transitionCallback } from '../../db/queries/transition.ts';
import { nextState, type LifecycleEvent } from '../../domain/lifecycle.ts';
import { ACTIVE_STATES, type CallbackStatus, type HistoryEvent, type Principal } from '../../domain/types.ts';
import { decideRetry } from '../../jobs/retry-policy.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { canSee } from './access.ts';
import { check, scopeOf, takePlace } from './booking.ts';
import { applyByPerson } from './lifecycle.ts';
import { DuplicateCallback, InvalidState, NotFound } from './errors.ts';

export const CALL_OUTCOMES = ['reached', 'not_reached', 'reschedule'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface OutcomeInput {
  outcome: CallOutcome;
  /** reschedule: the new time (ISO with offset, or local in timeZone) the customer agreed to. */
  scheduledAt?: string | null;
  timeZone?: string | null;
}

/** What the answer tells: where the callback went, never the customer's data (the agent may not read it). */
export interface OutcomeResult {
  callbackId: number;
  outcome: CallOutcome;
  status: CallbackStatus;
  nextAttemptAt: string | null;
  scheduledAt: string;
  timeZone: string;
}

/** Refused by the state machine: a 409 invalid_state whose message says why (not_receiver, outcome_window_closed, …). */
export class OutcomeRefused extends InvalidState {
  constructor(from: string, readonly why: string | undefined) {
    super(from, why ? `record the outcome (${why}) of` : 'record the outcome of');
  }
}

type History = Array<[HistoryEvent, Record<string, unknown>]>;

const resultOf = (row: CallbackRow, outcome: CallOutcome): OutcomeResult => ({
  callbackId: row.id,
  outcome,
  status: row.status,
  nextAttemptAt: row.nextAttemptAt,
  scheduledAt: row.scheduledAt,
  timeZone: row.timeZone,
});

/** The callback, to the agent it arrived at or to whoever may read it; 404 to anyone else. */
async function callbackFor(ctx: ServiceContext, p: Principal, id: number): Promise<CallbackRow> {
  const row = Number.isSafeInteger(id) ? await findCallbackById(ctx.db, id) : null;
  if (!row || !(canSee(p, row) || row.arrivedBy === p.id)) throw new NotFound();
  return row;
}

/** Asks the table first, so a refused agent learns nothing from the rules' answers. */
function assertAccepted(ctx: ServiceContext, p: Principal, row: CallbackRow, event: LifecycleEvent): void {
  const verdict = nextState(row, event, { actor: p.id, at: ctx.now() });
  if (!verdict.ok) throw new OutcomeRefused(row.status, verdict.why);
}

/**
 * Reopening (retry, reschedule) makes the callback active again: if another active callback for the
 * number was booked meanwhile, the partial unique index refuses, answered as a duplicate.
 */
async function asDuplicate(ctx: ServiceContext, row: CallbackRow, e: unknown): Promise<never> {
  const other = e instanceof UniqueConstraintError ? await findActiveDuplicate(ctx.db, row.phoneE164, row.campaign, ACTIVE_STATES) : null;
  if (!other) throw e;
  const booker = await findAgent(ctx.db, other.createdBy);
  throw new DuplicateCallback(other, { agentId: other.createdBy, name: booker ? `${booker.firstName} ${booker.lastName}`.trim() : null, teamName: booker?.teamName ?? null });
}

export async function recordCallOutcome(ctx: ServiceContext, p: Principal, id: number, input: OutcomeInput): Promise<OutcomeResult> {
  const row = await callbackFor(ctx, p, id);
  return recordFor(ctx, p, row, input).catch((e) => asDuplicate(ctx, row, e));
}

async function recordFor(ctx: ServiceContext, p: Principal, row: CallbackRow, input: OutcomeInput): Promise<OutcomeResult> {
  const said: History[number] = ['call_outcome', { outcome: input.outcome, agentId: p.id, arrivedAt: row.arrivedAt }];
  const apply = async (event: LifecycleEvent, patch: Record<string, unknown>, history: History) => {
    assertAccepted(ctx, p, row, event);
    try {
      return resultOf(await applyByPerson(ctx, row, { event, actor: p.id, patch, history: [said, ...history] }, 'record the outcome of'), input.outcome);
    } catch (e) {
      if (e instanceof InvalidState) throw new OutcomeRefused(row.status, 'changed meanwhile');
      throw e;
    }
  };

  if (input.outcome === 'reached') return apply('outcome_reached', { callOutcome: 'reached' }, []);
  if (input.outcome === 'not_reached') {
    const campaign = (await ctx.config.get()).campaigns.find((c) => c.name === row.campaign);
    // The call that arrived was an attempt, whether or not the result sync had counted it yet.
    const attempts = Math.max(row.attempts, 1);
    const decision = decideRetry(campaign?.retryPolicy, 'default', attempts, ctx.now());
    const base = { callOutcome: 'not_reached', lastResult: 'not_reached', attempts };
    if (decision.kind === 'retry') {
      const at = decision.at.toISOString();
      return apply('outcome_retry', { ...base, nextAttemptAt: decision.at, reason: null }, [['retry_scheduled', { outcome: 'not_reached', nextAttemptAt: at, maxAttempts: decision.maxAttempts, attempts }]]);
    }
    return apply('outcome_failed', { ...base, nextAttemptAt: null, reason: 'max_attempts' }, [['failed', { reason: 'max_attempts', outcome: 'not_reached', attempts }]]);
  }
  return rescheduleAfterCall(ctx, p, row, input, said);
}

/** Not reached, a new time agreed: checked like a reschedule, the old place given back, attempts reset. */
async function rescheduleAfterCall(ctx: ServiceContext, p: Principal, row: CallbackRow, input: OutcomeInput, said: History[number]): Promise<OutcomeResult> {
  assertAccepted(ctx, p, row, 'outcome_reschedule');
  const req = { ...row, scheduledAt: input.scheduledAt ?? '', timeZone: input.timeZone ?? row.timeZone, agentId: row.type === 'personal' ? row.agentId : null };
  const { config, normalized } = await check(ctx, req, row);
  const done = await ctx.db.transaction(async (t) => {
    await releaseSlot(ctx.db, scopeOf(row), new Date(row.slotStart), t);
    const capacity = row.type === 'personal' ? config.rules.capacityPerAgentSlot : config.rules.capacityPerSkillSlot;
    await takePlace(ctx, scopeOf(row), new Date(normalized.slotStartUtc), capacity, t);
    const patch = {
      scheduledAt: new Date(normalized.scheduledAtUtc),
      slotStart: new Date(normalized.slotStartUtc),
      timeZone: normalized.customerZone,
      attempts: 0,
      nextAttemptAt: null,
      reason: null,
      callOutcome: 'not_reached',
      lastResult: 'not_reached',
    };
    const moved = { from: { scheduledAt: row.scheduledAt }, to: { scheduledAt: normalized.scheduledAtUtc }, by: 'call_outcome' };
    const r = await transitionCallback(ctx.db, row, { event: 'outcome_reschedule', actor: p.id, at: ctx.now(), patch, history: [said, ['rescheduled', moved]] }, t);
    if (!r.ok) throw new OutcomeRefused(row.status, r.code === 'changed' ? 'changed meanwhile' : r.why);
    return r.row;
  });
  ctx.events.changed(done);
  return resultOf(done, 'reschedule');
}
