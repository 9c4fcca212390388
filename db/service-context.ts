// What every service function needs: the database, cached configuration, the change feed and a clock.
import { EventEmitter } from 'node:events';
import type { Db } from './index.ts';
import { loadConfiguration, type Configuration } from './queries/config.ts';
import type { Callback } from '../domain/types.ts';

export interface ServiceContext {
  db: Db;
  config: ConfigCache;
  events: CallbackEvents;
  now: () => Date;
}

/**
 * Configuration changes rarely but is read on every booking; keep it a few seconds.
 * Admin writes invalidate at once; other instances see the change after `ttlMs`.
 */
export class ConfigCache {
  private value: Configuration | null = null;
  private loadedAt = 0;
  /** The reload under way: at 2,000 lookups/s every request finding the value expired would start its own. */
  private loading: Promise<Configuration> | null = null;
  private generation = 0;
  constructor(private readonly db: Db, private readonly ttlMs = 5000) {}

  async get(): Promise<Configuration> {
    if (this.value && Date.now() - this.loadedAt <= this.ttlMs) return this.value;
    if (!this.loading) {
      const generation = this.generation;
      this.loading = loadConfiguration(this.db)
        .then((value) => {
          // Invalidated while loading (an admin write): what was read may predate the write.
          if (generation === this.generation) [this.value, this.loadedAt] = [value, Date.now()];
          return value;
        })
        .finally(() => generation === this.generation && (this.loading = null));
    }
    return this.loading;
  }

  invalidate(): void {
    this.value = null;
    this.loading = null;
    this.generation++;
  }
}

/** Versions remembered per callback so the same change is announced once; bounded. */
const REMEMBERED = 20_000;

/** In-process feed of callback changes (GraphQL subscriptions listen to it). */
export class CallbackEvents extends EventEmitter<{ changed: [Callback] }> {
  private readonly announced = new Map<number, number>();

  constructor(private readonly load: (id: number) => Promise<Callback | null>) {
    super();
  }

  /** Announces a change unless this version (or a newer one) was announced already. */
  changed(callback: Callback): boolean {
    if ((this.announced.get(callback.id) ?? 0) >= callback.version) return false;
    this.announced.delete(callback.id);
    this.announced.set(callback.id, callback.version);
    if (this.announced.size > REMEMBERED) this.announced.delete(this.announced.keys().next().value as number);
    this.emit('changed', callback);
    return true;
  }

  /** A change made elsewhere (a job worker thread): read the callback and announce it. */
  async refresh(id: number): Promise<void> {
    const callback = await this.load(id);
    if (callback) this.changed(callback);
  }
}
