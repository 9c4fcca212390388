// db_cra on the UCCX Informix server through ibm_db (an optional dependency, loaded here only,
// when CM_DBCRA_DRIVER=informix). ibm_db speaks DRDA, so the Informix side needs a DRDA listener;
// the URL is an ibm_db connection string, e.g.
//   DATABASE=db_cra;HOSTNAME=uccx-b;PORT=1504;PROTOCOL=TCPIP;UID=uccxhruser;PWD=…
import type { DbCraReader } from './reader.ts';
import { readCallDetailsWith, readContactsWith, type Query } from './queries.ts';

interface IbmDbConnection {
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
interface IbmDbModule {
  open(connectionString: string): Promise<IbmDbConnection>;
}

export class InformixDbCraReader implements DbCraReader {
  private constructor(private readonly connection: IbmDbConnection) {}

  static async connect(connectionString: string): Promise<InformixDbCraReader> {
    let ibmdb: IbmDbModule;
    try {
      const loaded = (await import('ibm_db' as string)) as { default?: IbmDbModule } & IbmDbModule;
      ibmdb = loaded.default ?? loaded;
    } catch (err) {
      throw new Error(`CM_DBCRA_DRIVER=informix needs the optional ibm_db package, which did not load: ${(err as Error).message}`);
    }
    return new InformixDbCraReader(await ibmdb.open(connectionString.replace(/^informix:/, '')));
  }

  private run = (q: Query) => this.connection.query(q.sql, q.params);

  readContacts(campaignIds: number[], sinceDialingListId?: number, accountNumbers?: string[]) {
    return readContactsWith(this.run, campaignIds, sinceDialingListId, accountNumbers);
  }

  readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }) {
    return readCallDetailsWith(this.run, campaignIds, keys);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
