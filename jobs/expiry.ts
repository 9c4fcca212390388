// Expiry: a callback not reached within rules.expiryHours after its time is not worth calling any
// more. Waiting ones (scheduled, retry_wait) and ones queued in UCCX but never dialled expire; a
// queued contact left in UCCX is answered "not found" by the IVR lookup and removed by the purge.
import { updateCallback } from '../db/queries/callbacks.ts';
import { appendHistory } from '../db/queries/history.ts';
import { listExpiryCandidates } from './queries/callbacks.ts';
import type { JobDeps } from './deps.ts';

export async function expireOnce(deps: JobDeps, limit = 500): Promise<number> {
  const { rules } = await deps.config();
  const now = deps.now();
  const cutoff = new Date(now.getTime() - rules.expiryHours * 3_600_000);
  let expired = 0;
  for (const callback of await listExpiryCandidates(deps.db, cutoff, limit)) {
    const done = await deps.db.transaction(async (t) => {
      const row = await updateCallback(deps.db, callback.id, callback.version, { status: 'expired', nextAttemptAt: null, claimedBy: null, leaseUntil: null }, t);
      if (!row) return false;
      const details = { previousStatus: callback.status, scheduledAt: callback.scheduledAt, expiryHours: rules.expiryHours, attempts: callback.attempts };
      await appendHistory(deps.db, { callbackId: callback.id, event: 'expired', actor: 'job:expiry', details, at: now }, t);
      return true;
    });
    if (done) {
      expired++;
      deps.onChanged?.(callback.id);
    }
  }
  if (expired) deps.log.info({ expired }, 'expiry');
  return expired;
}
