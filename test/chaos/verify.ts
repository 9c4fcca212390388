// What a scenario left behind, counted from three independent records: the Campaign Manager's
// callbacks, the contacts UCCX holds now (db_cra `dialinglist`), and the simulator's journal of
// every import and DELETE. With the dialer off, the right end state of a due callback is
// `queued` with exactly one open contact in UCCX.
//   lost       not queued within the settle time, queued without a contact in UCCX, or never imported
//   duplicated more than one open contact now, imported while its contact was still open, or
//              imported more than once outside a purge's re-push (a purge deletes all contacts and
//              pushes the pending ones again: that second import is expected)
//   late       first import later than due + tolerance
import pg from 'pg';
import { readJournal } from '../../sim/uccx/journal.ts';
import type { ChaosWorld } from './world.ts';
import { retrying } from './world.ts';
import { sleep } from './processes.ts';

export interface Batch {
  ids: number[];
  accounts: string[];
  dueAt: Date;
}

export interface Verdict {
  callbacks: number;
  lost: number;
  duplicated: number;
  late: number;
  /** Seconds from due to the last first import (how late the latest one was). */
  maxDelaySeconds: number;
  /** Seconds after the faults ended until every callback was settled (or the limit). */
  settleSeconds: number;
  /** A few examples of what went wrong, for the report. */
  problems: string[];
}

type Row = { id: number; status: string; account_number: string; last_result: string | null };

/** One query on its own short-lived connection with timeouts: the driver must never hang on a connection a crash cut. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  return retrying(async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: 20_000, query_timeout: 25_000 });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end().catch(() => {});
    }
  });
}

const statuses = (world: ChaosWorld, ids: number[]) =>
  query<Row>(world.cluster.url('cm'), 'SELECT id, status, account_number, last_result FROM callbacks WHERE id = ANY($1)', [ids]);

/** Waits (bounded) until no callback of the batch is still on its way (scheduled, dispatching, retry_wait). */
async function settle(world: ChaosWorld, batch: Batch, limitMs: number, log?: (m: string) => void): Promise<{ rows: Row[]; seconds: number }> {
  const started = Date.now();
  let shown = 0;
  for (;;) {
    const rows = await statuses(world, batch.ids);
    const moving = rows.filter((r) => ['scheduled', 'dispatching', 'retry_wait'].includes(r.status));
    if (moving.length && Date.now() - shown > 10_000) {
      shown = Date.now();
      log?.(`${moving.length} callbacks still on their way (${[...new Set(moving.map((r) => r.status))].join(', ')})`);
    }
    if (moving.length === 0 || Date.now() - started > limitMs) return { rows, seconds: (Date.now() - started) / 1000 };
    await sleep(500);
  }
}

async function openContacts(world: ChaosWorld, accounts: string[]): Promise<Map<string, number>> {
  const rows = await query<{ accountnumber: string; n: string }>(
    world.cluster.url('db_cra'),
    'SELECT accountnumber, COUNT(*) AS n FROM dialinglist WHERE callstatus NOT IN (3, 5) AND accountnumber = ANY($1) GROUP BY accountnumber',
    [accounts],
  );
  return new Map(rows.map((r) => [r.accountnumber, Number(r.n)]));
}

/** Per account: first-time imports (not a re-push after a DELETE that took it), imports onto an open contact, first import time. */
export function journalCounts(file: string, accounts: Set<string>) {
  const counts = new Map<string, { firstTime: number; ontoOpen: number; firstAt: number | null }>();
  const deletedOpen = new Map<number, Set<string>>(); // per campaign: accounts the last DELETE took while open
  for (const entry of readJournal(file)) {
    if (entry.type === 'delete') {
      deletedOpen.set(entry.campaignId, new Set(entry.open));
      continue;
    }
    const open = new Set(entry.alreadyOpen);
    const deleted = deletedOpen.get(entry.campaignId) ?? new Set<string>();
    for (const account of entry.accounts) {
      if (!accounts.has(account)) continue;
      const c = counts.get(account) ?? { firstTime: 0, ontoOpen: 0, firstAt: null };
      if (open.has(account)) c.ontoOpen++;
      if (deleted.has(account)) deleted.delete(account); // the re-push of a purged contact
      else c.firstTime++;
      c.firstAt ??= Date.parse(entry.at);
      counts.set(account, c);
    }
  }
  return counts;
}

export async function verifyBatch(world: ChaosWorld, batch: Batch, opts: { settleMs: number; lateToleranceMs: number; log?: (m: string) => void }): Promise<Verdict> {
  const { rows, seconds } = await settle(world, batch, opts.settleMs, opts.log);
  const open = await openContacts(world, batch.accounts);
  const journal = journalCounts(world.journalFile, new Set(batch.accounts));
  const lost = new Set<number>();
  const duplicated = new Set<number>();
  const problems: string[] = [];
  const note = (set: Set<number>, id: number, why: string) => {
    if (!set.has(id) && problems.length < 10) problems.push(`callback ${id}: ${why}`);
    set.add(id);
  };
  let late = 0;
  let maxDelay = 0;
  for (const r of rows) {
    const contacts = open.get(r.account_number) ?? 0;
    const j = journal.get(r.account_number);
    if (r.status !== 'queued') note(lost, r.id, `ended ${r.status} (${r.last_result ?? '-'})`);
    else if (contacts === 0) note(lost, r.id, 'queued but not in UCCX');
    if (!j) note(lost, r.id, 'never imported');
    if (contacts > 1) note(duplicated, r.id, `${contacts} open contacts in UCCX`);
    if (j && j.ontoOpen > 0) note(duplicated, r.id, `imported ${j.ontoOpen} time(s) while its contact was open`);
    if (j && j.firstTime > 1) note(duplicated, r.id, `imported ${j.firstTime} times outside a purge`);
    if (j?.firstAt != null) {
      const delay = j.firstAt - batch.dueAt.getTime();
      maxDelay = Math.max(maxDelay, delay);
      if (delay > opts.lateToleranceMs) late++;
    }
  }
  return { callbacks: rows.length, lost: lost.size, duplicated: duplicated.size, late, maxDelaySeconds: Math.round(maxDelay / 100) / 10, settleSeconds: Math.round(seconds * 10) / 10, problems };
}
