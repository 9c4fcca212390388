// GraphQL resolvers of editing a callback's details and of the call outcome (issue 10), merged
// into buildResolvers. Expected refusals are answers (violations, duplicate, error), as for the other writes.
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../domain/types.ts';
import { duplicateAnswer } from '../services/access.ts';
import { updateCallbackDetails, type DetailsInput } from '../services/callback-edit.ts';
import { OutcomeRefused, recordCallOutcome, type OutcomeInput } from '../services/call-outcome.ts';
import { DuplicateCallback, InvalidState, NotFound, ValidationFailed } from '../services/errors.ts';

interface Ctx {
  principal: Principal;
}

const refusedOutcome = (error: string, violations: ValidationFailed['violations'] = []) => ({
  callbackId: null, outcome: null, status: null, nextAttemptAt: null, scheduledAt: null, timeZone: null, violations, error,
});

export function detailResolvers(app: FastifyInstance) {
  const ctx = app.services;
  return {
    Mutation: {
      updateCallbackDetails: async (_: unknown, a: { id: string; input: DetailsInput }, { principal }: Ctx) => {
        try {
          return { callback: await updateCallbackDetails(ctx, principal, Number(a.id), a.input), violations: [], duplicate: null, duplicateContact: null };
        } catch (e) {
          if (e instanceof ValidationFailed) return { callback: null, violations: e.violations, duplicate: null, duplicateContact: null };
          if (e instanceof DuplicateCallback) {
            const answer = duplicateAnswer(principal, e.existing, e.owner);
            return { callback: null, violations: [], duplicate: answer.existing, duplicateContact: answer.existing ? null : answer.contact };
          }
          throw e;
        }
      },
      recordCallOutcome: async (_: unknown, a: OutcomeInput & { id: string }, { principal }: Ctx) => {
        try {
          const r = await recordCallOutcome(ctx, principal, Number(a.id), { outcome: a.outcome, scheduledAt: a.scheduledAt, timeZone: a.timeZone });
          return { ...r, violations: [], error: null };
        } catch (e) {
          if (e instanceof NotFound) return refusedOutcome('not_found');
          if (e instanceof OutcomeRefused) return refusedOutcome(e.why && !e.why.includes(' ') ? e.why : 'invalid_state');
          if (e instanceof InvalidState) return refusedOutcome('invalid_state');
          if (e instanceof ValidationFailed) return refusedOutcome('validation_failed', e.violations);
          if (e instanceof DuplicateCallback) return refusedOutcome('duplicate');
          throw e;
        }
      },
    },
  };
}
