// Reading UCCX call results from db_cra. One small interface so the driver is a configuration
// choice: `odbc` (production: unixODBC + IBM's Informix ODBC driver, SQLI on 1504), `informix`
// (ibm_db, only where a DRDA listener exists) or `sql` (Sequelize: the simulator's stand-in). All
// run the SQL of ./queries.ts; drivers are imported only when configured. docs/dbcra.md.
import type { DbCraSettings } from '../../config/settings.ts';
import { FailoverDbCraReader, type NodeLog } from './failover-reader.ts';
import type { TimeBound } from './queries.ts';

/** One row of DialingList or DialingListHistory, reduced to what the sync needs. */
export interface DbCraContact {
  dialingListId: number;
  campaignId: number;
  accountNumber: string;
  callStatus: number;
  callResult: number | null;
  /** callsmadetophone01 + 02 + 03: dial attempts UCCX made on this row, its own retries included. */
  callsMade: number;
  createdAt: Date | null;
  /** Read from DialingListHistory (closed rows move there at midnight). */
  fromHistory: boolean;
}

/** One ContactCallDetail row of an outbound IVR call, with what the Callback IVR script set. */
export interface DbCraCallDetail {
  campaignId: number;
  dialingListId: number | null;
  accountNumber: string | null;
  /** customVariable1 (`_ccdrVar1`): the Campaign Manager callback id. */
  callbackId: string | null;
  /** customVariable2 (`_ccdrVar2`): `agent:<id>`, `csq:<name>` or `script:<name>`. */
  routedTo: string | null;
  /** contactDisposition: 1 abandoned, 2 handled (by an agent or by the script), 4 aborted, 5 rejected. */
  disposition: number | null;
  /** An AgentConnectionDetail row with talk time joins this call leg: an agent talked to the customer. */
  agentConnected: boolean;
}

export interface DbCraReader {
  /**
   * Rows of the campaigns newer than `sinceDialingListId`, plus the rows of `accountNumbers`
   * (the callbacks still in flight, whose rows may have changed). Without `sinceDialingListId`
   * only the account numbers are read; with neither, every row of the campaigns. Ordered by id.
   */
  readContacts(campaignIds: number[], sinceDialingListId?: number, accountNumbers?: string[]): Promise<DbCraContact[]>;
  /** Call details of the given dialing-list rows or callback ids (customVariable1). */
  readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }): Promise<DbCraCallDetail[]>;
  close(): Promise<void>;
}

/** One node's reader for the configured driver; the driver's module is imported only here. */
export async function openNodeReader(driver: DbCraSettings['driver'], url: string, options: TimeBound & { queryTimeoutSeconds?: number } = {}): Promise<DbCraReader> {
  if (driver === 'odbc') {
    const { OdbcDbCraReader } = await import('./odbc-reader.ts');
    return OdbcDbCraReader.connect(url, options);
  }
  if (driver === 'informix') {
    const { InformixDbCraReader } = await import('./informix-reader.ts');
    return InformixDbCraReader.connect(url, options);
  }
  const { SqlDbCraReader } = await import('./sql-reader.ts');
  return SqlDbCraReader.connect(url, options);
}

const consoleNodeLog: NodeLog = {
  warn: (fields, message) => console.warn(JSON.stringify({ level: 'warn', component: 'dbcra', msg: message, ...fields })),
  info: (fields, message) => console.info(JSON.stringify({ level: 'info', component: 'dbcra', msg: message, ...fields })),
};

/**
 * The reader the configuration asks for: the first node (the standby, by configuration) that answers,
 * failing over to the next. Reads are bounded to `lookbackHours` before `now()`.
 */
export async function openDbCraReader(dbcra: DbCraSettings, opts: { log?: NodeLog; now?: () => Date } = {}): Promise<DbCraReader> {
  if (!dbcra.url) throw new Error('CM_DBCRA_URL is not set: nowhere to read UCCX call results from');
  const urls = [dbcra.url, ...(dbcra.failoverUrls ?? [])];
  const node = { now: opts.now, lookbackMs: (dbcra.lookbackHours ?? 0) * 3_600_000, queryTimeoutSeconds: dbcra.queryTimeoutSeconds };
  const failover = new FailoverDbCraReader(
    urls.map((url) => () => openNodeReader(dbcra.driver, url, node)),
    { log: opts.log ?? consoleNodeLog, preferredRetryMs: dbcra.preferredRetryMs, now: opts.now && (() => opts.now!().getTime()) },
  );
  return failover.open();
}
