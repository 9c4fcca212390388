// Reading UCCX call results from db_cra. One small interface so the driver is a configuration
// choice (the guide's advice): `sql` reads through Sequelize (the simulator's stand-in on SQLite
// or PostgreSQL), `informix` through the optional ibm_db driver. Both run the SQL of ./queries.ts.
import type { Config } from '../../config/settings.ts';

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

/** The reader the configuration asks for; ibm_db is imported only when the driver is informix. */
export async function openDbCraReader(dbcra: Config['dbcra']): Promise<DbCraReader> {
  if (!dbcra.url) throw new Error('CM_DBCRA_URL is not set: nowhere to read UCCX call results from');
  if (dbcra.driver === 'informix') {
    const { InformixDbCraReader } = await import('./informix-reader.ts');
    return InformixDbCraReader.connect(dbcra.url);
  }
  const { SqlDbCraReader } = await import('./sql-reader.ts');
  return SqlDbCraReader.connect(dbcra.url);
}
