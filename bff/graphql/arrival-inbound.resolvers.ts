// GraphQL resolvers of the arrival context and of "the customer calls in first" (merged into
// buildResolvers). Refusals are answers (error: not_found | invalid_state), as for the other writes.
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../domain/types.ts';
import { acknowledgeArrivalOf, arrivalContext, type ArrivalRef } from '../services/arrival.ts';
import { activeCallbacksForNumber, closeReachedInbound } from '../services/inbound.ts';
import { InvalidState, NotFound } from '../services/errors.ts';

interface Ctx {
  principal: Principal;
}

async function refusal<T>(write: () => Promise<T>): Promise<{ value: T | null; error: string | null }> {
  try {
    return { value: await write(), error: null };
  } catch (e) {
    if (e instanceof NotFound) return { value: null, error: 'not_found' };
    if (e instanceof InvalidState) return { value: null, error: 'invalid_state' };
    throw e;
  }
}

export function arrivalInboundResolvers(app: FastifyInstance) {
  const ctx = app.services;
  return {
    Query: {
      arrivalContext: async (_: unknown, a: { accountNumber?: string | null; dialingListId?: number | null }, { principal }: Ctx) => {
        const ref: ArrivalRef | null = a.accountNumber ? { accountNumber: a.accountNumber } : a.dialingListId ? { dialingListId: a.dialingListId } : null;
        return ref ? (await refusal(() => arrivalContext(ctx, principal, ref))).value : null;
      },
      activeCallbacksForNumber: (_: unknown, a: { phone: string }, { principal }: Ctx) => activeCallbacksForNumber(ctx, principal, a.phone),
    },
    Mutation: {
      acknowledgeArrivalByAccount: async (_: unknown, a: { accountNumber: string }, { principal }: Ctx) => {
        const r = await refusal(() => acknowledgeArrivalOf(ctx, principal, { accountNumber: a.accountNumber }));
        return { context: r.value, error: r.error };
      },
      closeReachedInbound: async (_: unknown, a: { id: string; phone?: string | null }, { principal }: Ctx) => {
        const r = await refusal(() => closeReachedInbound(ctx, principal, Number(a.id), a.phone));
        return { match: r.value, error: r.error };
      },
    },
  };
}
