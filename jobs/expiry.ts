// Expiry: a callback not reached within rules.expiryHours after its time is not worth calling any
// more. Waiting ones (scheduled, retry_wait) and ones queued in UCCX but never dialled expire; a
// queued contact left in UCCX is answered "not found" by the IVR lookup and removed by the purge.
import { transitionCallback } from '../db/queries/transition.ts';
import { listExpiryCandidates } from './queries/callbacks.ts';
import type { JobDeps } from './deps.ts';

export async function expireOnce(deps: JobDeps, limit = 500): Promise<number> {
  const { rules } = await deps.config();
  const now = deps.now();
  const cutoff = new Date(now.getTime() - rules.expiryHours * 3_600_000);
  let expired = 0;
  for (const callback of await listExpiryCandidates(deps.db, cutoff, limit)) {
    const details = { previousStatus: callback.status, scheduledAt: callback.scheduledAt, expiryHours: rules.expiryHours, attempts: callback.attempts };
    const result = await transitionCallback(deps.db, callback, {
      event: 'expire',
      actor: 'job:expiry',
      at: now,
      patch: { nextAttemptAt: null, claimedBy: null, leaseUntil: null },
      history: [['expired', details]],
    });
    const done = result.ok;
    if (done) {
      expired++;
      deps.onChanged?.(callback.id);
    }
  }
  if (expired) deps.log.info({ expired }, 'expiry');
  return expired;
}
