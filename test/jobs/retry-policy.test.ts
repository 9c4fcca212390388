import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRetry, DEFAULT_RETRY_RULE, retryRuleFor } from '../../jobs/retry-policy.ts';

const now = new Date('2026-12-01T10:00:00.000Z');

describe('retryRuleFor', () => {
  test('uses the outcome rule, then the default rule, then the built-in default', () => {
    const policy = { default: { maxAttempts: 4, delayMinutes: 20 }, busy: { maxAttempts: 2, delayMinutes: 5 } };
    assert.deepEqual(retryRuleFor(policy, 'busy'), { maxAttempts: 2, delayMinutes: 5 });
    assert.deepEqual(retryRuleFor(policy, 'no_answer'), { maxAttempts: 4, delayMinutes: 20 });
    assert.deepEqual(retryRuleFor(null, 'busy'), DEFAULT_RETRY_RULE);
    assert.deepEqual(retryRuleFor({ busy: { maxAttempts: 1, delayMinutes: 1 } }, 'no_answer'), DEFAULT_RETRY_RULE);
  });
});

describe('decideRetry', () => {
  const policy = { busy: { maxAttempts: 3, delayMinutes: 5 } };
  test('schedules the next attempt after the outcome delay while attempts remain', () => {
    assert.deepEqual(decideRetry(policy, 'busy', 1, now), { kind: 'retry', at: new Date('2026-12-01T10:05:00.000Z'), maxAttempts: 3 });
    assert.deepEqual(decideRetry(policy, 'busy', 2, now), { kind: 'retry', at: new Date('2026-12-01T10:05:00.000Z'), maxAttempts: 3 });
  });
  test('gives up with max_attempts when the attempts made reach the maximum', () => {
    assert.deepEqual(decideRetry(policy, 'busy', 3, now), { kind: 'failed', reason: 'max_attempts', maxAttempts: 3 });
    assert.deepEqual(decideRetry(policy, 'busy', 5, now), { kind: 'failed', reason: 'max_attempts', maxAttempts: 3 });
  });
});
