// GraphQL resolvers for the gadget (schema.graphql). Writes answer a BookResult, so the gadget
// shows violations beside their fields and offers to reschedule a duplicate.
import mercurius from 'mercurius';
import type { FastifyInstance } from 'fastify';
import { findCallbackByAccountNumber, type CallbackFilter, type CallbackRow } from '../../db/queries/callbacks.ts';
import { listAgents } from '../../db/queries/agents.ts';
import type { Principal } from '../../domain/types.ts';
import { canSee, duplicateAnswer, pickableTeams } from '../services/access.ts';
import { bookCallback, reassignCallback, rescheduleCallback, visibleCallback, type BookRequest } from '../services/booking.ts';
import { acknowledgeArrival, cancelCallback } from '../services/lifecycle.ts';
import { callbackHistory, countCallbacks, searchCallbacks } from '../services/reading.ts';
import { availability, availabilityGridAnswer, phoneInfo, type AvailabilityQuery } from '../services/availability.ts';
import type { CallbackSort } from '../../db/queries/callback-list.ts';
import { BadRequest, DuplicateCallback, ValidationFailed } from '../services/errors.ts';
import { arrivalInboundResolvers } from './arrival-inbound.resolvers.ts';
import { detailResolvers } from './detail.resolvers.ts';

export const CALLBACK_CHANGED = 'CALLBACK_CHANGED';

interface Ctx {
  principal: Principal;
  pubsub: mercurius.PubSub;
}
type FilterInput = { status?: string[]; agentId?: string; skill?: string; campaign?: string; from?: string; to?: string } | null;

/** An ISO 8601 date ("2026-12-01") or instant with offset, as REST's date-time filters; else BAD_USER_INPUT. */
const ISO_DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i;
function filterInstant(field: 'from' | 'to', value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const at = ISO_DATE_OR_INSTANT.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new BadRequest(`filter.${field}`, 'must be an ISO 8601 date or date-time with offset');
  return at;
}

const toFilter = (f: FilterInput): CallbackFilter => ({
  status: f?.status ?? undefined,
  agentId: f?.agentId ?? undefined,
  skill: f?.skill ?? undefined,
  campaign: f?.campaign ?? undefined,
  from: filterInstant('from', f?.from),
  to: filterInstant('to', f?.to),
});

/** Runs a write and folds the expected refusals into the BookResult shape. */
async function result(principal: Principal, write: () => Promise<CallbackRow>) {
  try {
    return { callback: await write(), violations: [], duplicate: null, duplicateContact: null };
  } catch (e) {
    if (e instanceof ValidationFailed) return { callback: null, violations: e.violations, duplicate: null, duplicateContact: null };
    if (e instanceof DuplicateCallback) {
      const answer = duplicateAnswer(principal, e.existing, e.owner);
      return { callback: null, violations: [], duplicate: answer.existing, duplicateContact: answer.existing ? null : answer.contact };
    }
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
        (await config()).campaigns.map((c) => ({ name: c.name, uccxCampaignName: c.uccxCampaignName, ddi: c.ddi, country: c.defaultCountry, timeZone: c.timeZone, agentDefault: c.agentDefault === true })),
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
      availabilityGrid: (_: unknown, q: AvailabilityQuery) => availabilityGridAnswer(ctx, q),
      phoneInfo: (_: unknown, a: { campaign: string; phone: string }) => phoneInfo(ctx, a.campaign, a.phone),
      ...arrivalInbound.Query,
    },
    Mutation: {
      bookCallback: (_: unknown, { input }: { input: BookRequest }, { principal }: Ctx) => result(principal, () => bookCallback(ctx, principal, input)),
      rescheduleCallback: (_: unknown, a: { id: string; scheduledAt: string; timeZone?: string }, { principal }: Ctx) =>
        result(principal, () => rescheduleCallback(ctx, principal, Number(a.id), a)),
      cancelCallback: (_: unknown, a: { id: string; reason?: string }, { principal }: Ctx) => result(principal, () => cancelCallback(ctx, principal, Number(a.id), a.reason)),
      reassignCallback: (_: unknown, a: { id: string; agentId?: string; skill?: string }, { principal }: Ctx) =>
        result(principal, () => reassignCallback(ctx, principal, Number(a.id), a)),
      acknowledgeArrival: (_: unknown, a: { id: string }, { principal }: Ctx) => result(principal, () => acknowledgeArrival(ctx, principal, Number(a.id))),
      ...arrivalInbound.Mutation,
      ...detailResolvers(app).Mutation,
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
