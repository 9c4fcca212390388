// The live view must hear of every change, wherever it was made: in this process, in a job worker
// thread, or in another Campaign Manager instance on the same database. The feed polls recently
// changed callbacks and announces each version once (CallbackEvents remembers what it announced).
// Each poll pages through the whole window (keyset on updated_at, id) reading only (id, version,
// updated_at), and reads whole rows only for versions not announced yet: changes this instance
// announced itself (its bookings) are not read again. One page of 500 per poll, as before, stalled
// for good once more than 500 changes fell within the look-back (bookings at 100/s and more).
import { findCallbacksByIds, listChangeStamps } from '../../db/queries/callbacks.ts';
import type { Db } from '../../db/index.ts';
import type { CallbackEvents } from '../../db/service-context.ts';
import type { Callback } from '../../domain/types.ts';

/** Instances' clocks differ a little, and a transaction commits after it stamps updated_at: look back this far. */
const OVERLAP_MS = 5000;
const PAGE = 500;
/** Pages read in one poll at most (the cursor carries on at the next poll). */
const MAX_PAGES = 40;
/** Versions remembered per callback (what this feed read or heard announced); bounded. */
const REMEMBERED = 50_000;

export class ChangeFeed {
  private watermark: Date;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly known = new Map<number, number>();
  private readonly remember = (c: Callback) => this.note(c.id, c.version);

  constructor(private readonly db: Db, private readonly events: CallbackEvents, now = new Date()) {
    this.watermark = now;
    events.on('changed', this.remember);
  }

  private note(id: number, version: number): void {
    if ((this.known.get(id) ?? 0) >= version) return;
    this.known.delete(id);
    this.known.set(id, version);
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value as number);
  }

  /** One poll: announce what changed since the last one. */
  async poll(): Promise<number> {
    const since = new Date(this.watermark.getTime() - OVERLAP_MS);
    let after: { updatedAt: Date; id: number } | null = null;
    let announced = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const stamps = await listChangeStamps(this.db, since, after, PAGE);
      const unseen = stamps.filter((s) => (this.known.get(s.id) ?? 0) < s.version).map((s) => s.id);
      const rows = await findCallbacksByIds(this.db, unseen);
      rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id);
      for (const row of rows) {
        if (this.events.changed(row)) announced++;
        this.note(row.id, row.version);
      }
      const last = stamps.at(-1);
      if (last) {
        after = { updatedAt: last.updatedAt, id: last.id };
        if (last.updatedAt > this.watermark) this.watermark = last.updatedAt;
      }
      if (stamps.length < PAGE) break;
    }
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
    this.events.off('changed', this.remember);
    await this.running;
  }
}
