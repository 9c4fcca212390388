// SQLite has one writer, and each commit waits for the disk (the WAL's fsync): under load the
// bookings queued behind one commit spent most of their time waiting for it while the CPU idled.
// Writes that arrive while one batch is being written wait for it anyway, so they are written
// together: ONE transaction (one commit, one fsync) per batch, each write inside its own savepoint,
// so a refused one (slot full, duplicate) undoes only its own statements and reports its own error.
// Nothing of a batch is committed unless the whole commit succeeds (then every write of it fails).
// Other dialects run a transaction per write: PostgreSQL runs them side by side and groups commits.
import type { Transaction } from 'sequelize';
import type { Db } from './index.ts';
import { driverRun } from './driver-query.ts';

/** Writes in one batch at most (bounds how long the write lock is held). */
const MAX_BATCH = 50;

interface Job {
  fn: (t: Transaction) => Promise<unknown>;
  ok: (value: unknown) => void;
  fail: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

class SqliteWriteBatches {
  private readonly queue: Job[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  run<T>(fn: (t: Transaction) => Promise<T>): Promise<T> {
    return new Promise<T>((ok, fail) => {
      this.queue.push({ fn, ok: ok as (value: unknown) => void, fail });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction(async (t) => {
        const step = (sql: string) => driverRun(this.db, sql, {}, t);
        for (const job of batch) {
          await step('SAVEPOINT batched_write');
          try {
            const value = await job.fn(t);
            await step('RELEASE batched_write');
            outcomes.push({ ok: true, value });
          } catch (error) {
            await step('ROLLBACK TO batched_write');
            await step('RELEASE batched_write');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.fail(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i];
      if (o.ok) job.ok(o.value);
      else job.fail(o.error);
    });
  }
}

const batches = new WeakMap<Db, SqliteWriteBatches>();

/**
 * Runs `fn` in a transaction; on SQLite possibly shared with other writes arriving meanwhile (each
 * in its own savepoint). `fn` must not rely on the transaction's own commit hooks for its answer:
 * it resolves once the whole batch has committed.
 */
export function batchedTransaction<T>(db: Db, fn: (t: Transaction) => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite') return db.transaction(fn);
  let writer = batches.get(db);
  if (!writer) batches.set(db, (writer = new SqliteWriteBatches(db)));
  return writer.run(fn);
}
