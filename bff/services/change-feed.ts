// The live view must hear of every change, wherever it was made: in this process, in a job worker
// thread, or in another Campaign Manager instance on the same database. The feed polls recently
// changed callbacks and announces each version once (CallbackEvents remembers what it announced).
import { listChangedSince } from '../../db/queries/callbacks.ts';
import type { Db } from '../../db/index.ts';
import type { CallbackEvents } from '../../db/service-context.ts';

/** Instances' clocks differ a little: look back this far and let versions drop the repeats. */
const OVERLAP_MS = 5000;
const BATCH = 500;

export class ChangeFeed {
  private watermark: Date;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db, private readonly events: CallbackEvents, now = new Date()) {
    this.watermark = now;
  }

  /** One poll: announce what changed since the last one. */
  async poll(): Promise<number> {
    const rows = await listChangedSince(this.db, new Date(this.watermark.getTime() - OVERLAP_MS), BATCH);
    let announced = 0;
    for (const row of rows) if (this.events.changed(row)) announced++;
    const newest = rows.at(-1)?.updatedAt;
    if (newest && new Date(newest) > this.watermark) this.watermark = new Date(newest);
    return announced;
  }

  start(intervalMs: number): void {
    const tick = () => {
      this.running = this.poll()
        .then(() => undefined)
        .catch(() => undefined) // the database may be away for a moment; the next poll catches up
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
