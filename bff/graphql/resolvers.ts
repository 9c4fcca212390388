// GraphQL resolvers for the gadget (schema.graphql). Writes answer a BookResult, so the gadget
// shows violations beside their fields and offers to reschedule a duplicate.
import mercurius from 'mercurius';
import type { FastifyInstance } from 'fastify';
import { findCallbackByAccountNumber, type CallbackFilter, type CallbackRow } from '../../db/queries/callbacks.ts';
import { listAgents } from '../../db/queries/agents.ts';
import type { Principal } from '../../domain/types.ts';
import { canSee, pickableTeams } from '../services/access.ts';
import { bookCallback, reassignCallback, rescheduleCallback, visibleCallback, type BookRequest } from '../services/booking.ts';
import { acknowledgeArrival, cancelCallback } from '../services/lifecycle.ts';
import { callbackHistory, countCallbacks, searchCallbacks } from '../services/reading.ts';
import { availability, phoneInfo, type AvailabilityQuery } from '../services/availability.ts';
import type { CallbackSort } from '../../db/queries/callback-list.ts';
import { DuplicateCallback, ValidationFailed } from '../services/errors.ts';
import { arrivalInboundResolvers } from './arrival-inbound.resolvers.ts';

export const CALLBACK_CHANGED = 'CALLBACK_CHANGED';

interface Ctx {
  principal: Principal;
  pubsub: mercurius.PubSub;
}
type FilterInput = { status?: string[]; agentId?: string; skill?: string; campaign?: string; from?: string; to?: string } | null;

const toFilter = (f: FilterInput): CallbackFilter => ({
  status: f?.status ?? undefined,
  agentId: f?.agentId ?? undefined,
  skill: f?.skill ?? undefined,
  campaign: f?.campaign ?? undefined,
  from: f?.from ? new Date(f.from) : undefined,
  to: f?.to ? new Date(f.to) : undefined,
});

/** Runs a write and folds the expected refusals into the BookResult shape. */
async function result(write: () => Promise<CallbackRow>) {
  try {
    return { callback: await write(), violations: [], duplicate: null };
  } catch (e) {
    if (e instanceof ValidationFailed) return { callback: null, violations: e.violations, duplicate: null };
    if (e instanceof DuplicateCallback) return { callback: null, violations: [], duplicate: e.existing };
    throw e;
  }
}

export function buildResolvers(app: FastifyInstance) {
  const ctx = app.services;
  const config = () => ctx.config.get();
  const arrivalInbound = arrivalInboundResolvers(app);
  return {
    Query: {
      me: (_: unknown, __: unknown, { principal }: Ctx) => principal,
      campaigns: async () =>
        (await config()).campaigns.map((c) => ({ name: c.name, uccxCampaignName: c.uccxCampaignName, ddi: c.ddi, country: c.defaultCountry, timeZone: c.timeZone })),
      skills: async () => (await config()).skills,
      agents: (_: unknown, __: unknown, { principal }: Ctx) => listAgents(ctx.db, principal.role === 'admin' ? {} : { teamId: pickableTeams(principal) }),
      callback: async (_: unknown, { id }: { id: string }, { principal }: Ctx) => visibleCallback(ctx, principal, Number(id)).catch(() => null),
      callbackByAccount: async (_: unknown, { accountNumber }: { accountNumber: string }, { principal }: Ctx) => {
        const found = await findCallbackByAccountNumber(ctx.db, accountNumber);
        return found && canSee(principal, found) ? found : null;
      },
      callbacks: (_: unknown, a: { filter: FilterInput; limit?: number; cursor?: string; sort?: CallbackSort; search?: string }, { principal }: Ctx) =>
        searchCallbacks(ctx, principal, toFilter(a.filter), a.limit ?? 50, a.cursor, { sort: a.sort, search: a.search }),
      callbackCounts: (_: unknown, a: { filter: FilterInput }, { principal }: Ctx) => countCallbacks(ctx, principal, toFilter(a.filter)),
      history: async (_: unknown, { id }: { id: string }, { principal }: Ctx) =>
        (await callbackHistory(ctx, principal, Number(id))).map((h) => ({ ...h, details: JSON.stringify(h.details) })),
      availability: (_: unknown, q: AvailabilityQuery) => availability(ctx, q),
      phoneInfo: (_: unknown, a: { campaign: string; phone: string }) => phoneInfo(ctx, a.campaign, a.phone),
      ...arrivalInbound.Query,
    },
    Mutation: {
      bookCallback: (_: unknown, { input }: { input: BookRequest }, { principal }: Ctx) => result(() => bookCallback(ctx, principal, input)),
      rescheduleCallback: (_: unknown, a: { id: string; scheduledAt: string; timeZone?: string }, { principal }: Ctx) =>
        result(() => rescheduleCallback(ctx, principal, Number(a.id), a)),
      cancelCallback: (_: unknown, a: { id: string; reason?: string }, { principal }: Ctx) => result(() => cancelCallback(ctx, principal, Number(a.id), a.reason)),
      reassignCallback: (_: unknown, a: { id: string; agentId?: string; skill?: string }, { principal }: Ctx) =>
        result(() => reassignCallback(ctx, principal, Number(a.id), a)),
      acknowledgeArrival: (_: unknown, a: { id: string }, { principal }: Ctx) => result(() => acknowledgeArrival(ctx, principal, Number(a.id))),
      ...arrivalInbound.Mutation,
    },
    Subscription: {
      callbackChanged: {
        // Every subscriber gets only the changes of callbacks he may see.
        subscribe: mercurius.withFilter(
          (_: unknown, __: unknown, { pubsub }: Ctx) => pubsub.subscribe(CALLBACK_CHANGED),
          (payload: { callbackChanged: CallbackRow }, _: unknown, { principal }: Ctx) => canSee(principal, payload.callbackChanged),
        ),
      },
    },
  };
}
