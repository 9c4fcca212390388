// What every service function needs: the database, cached configuration, the change feed and a clock.
import { EventEmitter } from 'node:events';
import type { Db } from '../../db/index.ts';
import { loadConfiguration, type Configuration } from '../../db/queries/config.ts';
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
  constructor(private readonly db: Db, private readonly ttlMs = 5000) {}

  async get(): Promise<Configuration> {
    if (!this.value || Date.now() - this.loadedAt > this.ttlMs) {
      this.value = await loadConfiguration(this.db);
      this.loadedAt = Date.now();
    }
    return this.value;
  }

  invalidate(): void {
    this.value = null;
  }
}

/** In-process feed of callback changes (GraphQL subscriptions listen to it). */
export class CallbackEvents extends EventEmitter<{ changed: [Callback] }> {
  constructor(private readonly load: (id: number) => Promise<Callback | null>) {
    super();
  }

  changed(callback: Callback): void {
    this.emit('changed', callback);
  }

  /** A change made elsewhere (a job worker thread): read the callback and announce it. */
  async refresh(id: number): Promise<void> {
    const callback = await this.load(id);
    if (callback) this.changed(callback);
  }
}
