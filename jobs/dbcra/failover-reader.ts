// Standby first: UCCX runs as a pair, and Cisco wants reporting reads on the standby node (TechNote
// 116798). Which node is standby can change, so the configured order is the preference: the first
// node that answers is used; when it fails, the next one is, and the switch is logged once (not per
// query or row). After `preferredRetryMs` the preferred node is tried again.
import type { DbCraCallDetail, DbCraContact, DbCraReader } from './reader.ts';

export interface NodeLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

export interface FailoverOptions {
  log: NodeLog;
  now?: () => number;
  preferredRetryMs?: number;
}

/** Node labels for logs: never the connection string (it holds the password). */
const label = (index: number) => `node ${index + 1}`;

export class FailoverDbCraReader implements DbCraReader {
  private current: { index: number; reader: DbCraReader } | null = null;
  private failedAt = 0;

  constructor(private readonly openers: Array<() => Promise<DbCraReader>>, private readonly options: FailoverOptions) {
    if (openers.length === 0) throw new Error('db_cra: no node configured');
  }

  /** Connects to the first node that answers, in the configured order. */
  async open(): Promise<this> {
    await this.connectFrom(0);
    return this;
  }

  get nodeIndex(): number | null {
    return this.current?.index ?? null;
  }

  readContacts(campaignIds: number[], sinceDialingListId?: number, accountNumbers?: string[]): Promise<DbCraContact[]> {
    return this.withNode((r) => r.readContacts(campaignIds, sinceDialingListId, accountNumbers));
  }

  readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }): Promise<DbCraCallDetail[]> {
    return this.withNode((r) => r.readCallDetails(campaignIds, keys));
  }

  async close(): Promise<void> {
    const reader = this.current?.reader;
    this.current = null;
    await reader?.close();
  }

  private async withNode<T>(read: (reader: DbCraReader) => Promise<T>): Promise<T> {
    await this.returnToPreferred();
    if (!this.current) await this.connectFrom(0);
    const used = this.current!;
    try {
      return await read(used.reader);
    } catch (err) {
      // One retry on the other node(s); the error of a node that is up (bad SQL) repeats there too.
      this.options.log.warn({ node: label(used.index), error: (err as Error).message }, 'db_cra: read failed, trying the other node');
      await this.drop();
      this.failedAt = this.clock();
      await this.connectFrom((used.index + 1) % this.openers.length, used.index);
      return read(this.current!.reader);
    }
  }

  /** Tries nodes from `start` round the list (skipping `skip`); throws with every node's error. */
  private async connectFrom(start: number, skip?: number): Promise<void> {
    const errors: string[] = [];
    for (let k = 0; k < this.openers.length; k++) {
      const index = (start + k) % this.openers.length;
      if (index === skip && this.openers.length > 1) continue;
      try {
        const reader = await this.openers[index]!();
        if (index !== 0) {
          this.failedAt ||= this.clock();
          this.options.log.warn({ node: label(index), unreachable: errors }, `db_cra: reading ${label(index)} (the preferred node did not answer)`);
        } else if (errors.length || this.failedAt) {
          this.options.log.info({ node: label(index) }, `db_cra: reading ${label(index)} again`);
        }
        this.current = { index, reader };
        return;
      } catch (err) {
        errors.push(`${label(index)}: ${(err as Error).message}`);
      }
    }
    throw new Error(`db_cra: no node answered (${errors.join('; ')})`);
  }

  /** After a failover, go back to the preferred (standby) node once it answers again. */
  private async returnToPreferred(): Promise<void> {
    if (!this.current || this.current.index === 0 || this.openers.length < 2) return;
    if (this.clock() - this.failedAt < (this.options.preferredRetryMs ?? 600_000)) return;
    try {
      const reader = await this.openers[0]!();
      await this.drop();
      this.current = { index: 0, reader };
      this.failedAt = 0;
      this.options.log.info({ node: label(0) }, `db_cra: reading ${label(0)} again`);
    } catch {
      this.failedAt = this.clock();
    }
  }

  private async drop(): Promise<void> {
    const reader = this.current?.reader;
    this.current = null;
    await reader?.close().catch(() => undefined);
  }

  private clock(): number {
    return (this.options.now ?? Date.now)();
  }
}
