// "A callback became due earlier": the signal that wakes a sleeping dispatcher (jobs/loop.ts)
// instead of letting it poll. Published wherever a claimable callback gets a due time (booking,
// reschedule, retry, deferral: insertCallback, and transitionCallback when its patch sets one).
// - In one process (the BFF's main thread and the Bree worker threads) a BroadcastChannel carries
//   it: no database round trip, and it works on every dialect (SQLite runs one instance only).
// - Across instances on PostgreSQL: NOTIFY on channel cm_due inside the writing transaction, so it
//   is delivered on commit and never for a rolled-back booking; each dispatcher LISTENs on a
//   dedicated connection and reconnects when it drops (then wakes once: it may have missed some).
// SQL Server has no LISTEN/NOTIFY: other instances wake at their safety-net interval.
import { BroadcastChannel } from 'node:worker_threads';
import pg from 'pg';
import { LIFECYCLE } from '../domain/lifecycle.ts';
import type { Db, Tx } from './index.ts';

export const DUE_CHANNEL = 'cm_due';

/** The column whose time makes a callback in each claimable state due (the claim's condition). */
export const DUE_COLUMN: Record<string, 'scheduledAt' | 'nextAttemptAt'> = { scheduled: 'scheduledAt', retry_wait: 'nextAttemptAt' };

let publisher: BroadcastChannel | null = null;
const localChannel = () => {
  if (!publisher) {
    publisher = new BroadcastChannel(DUE_CHANNEL);
    // A publisher alone must not keep the process (or a worker thread) alive.
    (publisher as unknown as { unref(): void }).unref();
  }
  return publisher;
};

/** When a claimable row is due, or null when its state is not claimed by time. */
export function dueTimeOf(row: { status: string; scheduledAt: string; nextAttemptAt: string | null }): Date | null {
  if (!LIFECYCLE.claim.from.includes(row.status as never)) return null;
  const at = row[DUE_COLUMN[row.status] ?? 'scheduledAt'];
  return at ? new Date(at) : null;
}

/**
 * Announces that a callback is due at `at`: NOTIFY within `t` on PostgreSQL (delivered at commit),
 * and to this process's threads once `t` commits (at once without a transaction).
 */
export async function publishDue(db: Db, at: Date, t?: Tx): Promise<void> {
  const payload = at.toISOString();
  if (db.dialect === 'postgres') {
    await db.sequelize.query('SELECT pg_notify(:channel, :payload)', { replacements: { channel: DUE_CHANNEL, payload }, transaction: t ?? undefined });
  }
  const local = () => localChannel().postMessage(payload);
  if (t) t.afterCommit(local);
  else local();
}

/** publishDue for a row just written, when its new state is claimed by time. */
export async function announceIfDue(db: Db, row: { status: string; scheduledAt: string; nextAttemptAt: string | null }, t?: Tx): Promise<void> {
  const at = dueTimeOf(row);
  if (at) await publishDue(db, at, t);
}

export interface DueLog {
  info(details: object, message?: string): void;
  warn(details: object, message?: string): void;
}

export interface DueSubscription {
  close(): Promise<void>;
}

/**
 * Calls `onDue(at)` for every due time announced in this process and, with a postgres URL, by any
 * instance on the same database. `onDue(null)` means "something may have been missed" (LISTEN
 * reconnected): look again now.
 */
export function subscribeDue(databaseUrl: string, onDue: (at: Date | null) => void, log: DueLog, opts: { reconnectMs?: number } = {}): DueSubscription {
  const channel = new BroadcastChannel(DUE_CHANNEL);
  channel.onmessage = (event: unknown) => onDue(parseDue((event as { data: unknown }).data));
  (channel as unknown as { unref(): void }).unref();
  const listener = /^postgres(ql)?:/.test(databaseUrl) ? listenOnPostgres(databaseUrl, onDue, log, opts.reconnectMs ?? 1000) : null;
  return {
    close: async () => {
      channel.close();
      await listener?.close();
    },
  };
}

const parseDue = (data: unknown): Date | null => {
  const at = new Date(String(data));
  return Number.isNaN(at.getTime()) ? null : at;
};

/** A dedicated connection (not the pool's) that LISTENs, and reconnects after `reconnectMs` when lost. */
function listenOnPostgres(url: string, onDue: (at: Date | null) => void, log: DueLog, reconnectMs: number): DueSubscription {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let connected = false;
  const connect = async () => {
    retry = null;
    const next = new pg.Client({ connectionString: url });
    client = next;
    const lost = (err?: Error) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners();
      next.on('error', () => undefined);
      void next.end().catch(() => undefined);
      if (closed) return;
      log.warn({ channel: DUE_CHANNEL, error: err?.message ?? 'connection ended' }, 'due listener lost its connection; reconnecting');
      retry = setTimeout(() => void connect(), reconnectMs);
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (n) => onDue(parseDue(n.payload)));
    try {
      await next.connect();
      await next.query(`LISTEN ${DUE_CHANNEL}`);
      if (closed) return void (await next.end().catch(() => undefined));
      log.info({ channel: DUE_CHANNEL, reconnected: connected }, 'listening for due callbacks');
      // After a reconnect a NOTIFY may have gone unheard: look at the database once.
      if (connected) onDue(null);
      connected = true;
    } catch (err) {
      lost(err as Error);
    }
  };
  void connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
