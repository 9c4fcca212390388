// Retries belong to the Campaign Manager (lifecycle doc): after a failed attempt the campaign's
// retry policy for that outcome says how many attempts a callback gets and how long to wait.
import type { RetryOutcome, RetryPolicy } from '../domain/types.ts';

/** Used when a campaign has no policy, or none for the outcome and no `default` entry. */
export const DEFAULT_RETRY_RULE = { maxAttempts: 3, delayMinutes: 10 } as const;

export type RetryDecision = { kind: 'retry'; at: Date; maxAttempts: number } | { kind: 'failed'; reason: 'max_attempts'; maxAttempts: number };

export function retryRuleFor(policy: RetryPolicy | null | undefined, outcome: RetryOutcome): { maxAttempts: number; delayMinutes: number } {
  return policy?.[outcome] ?? policy?.default ?? DEFAULT_RETRY_RULE;
}

/** After `attemptsMade` dial attempts (all outcomes counted) ended in `outcome`: retry when, or give up. */
export function decideRetry(policy: RetryPolicy | null | undefined, outcome: RetryOutcome, attemptsMade: number, now: Date): RetryDecision {
  const rule = retryRuleFor(policy, outcome);
  if (attemptsMade >= rule.maxAttempts) return { kind: 'failed', reason: 'max_attempts', maxAttempts: rule.maxAttempts };
  return { kind: 'retry', at: new Date(now.getTime() + rule.delayMinutes * 60_000), maxAttempts: rule.maxAttempts };
}
