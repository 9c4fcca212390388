// db_cra through ibm_db (optional; CM_DBCRA_DRIVER=informix). ibm_db speaks DRDA only, and UCCX's
// Informix listens for SQLI (onsoctcp) on 1504: use it only where a DRDA listener exists, e.g.
//   DATABASE=db_cra;HOSTNAME=uccx-b;PORT=<drsoctcp port>;PROTOCOL=TCPIP;UID=uccxhruser;PWD=…
// The production path is ./odbc-reader.ts (docs/dbcra.md).
import type { DbCraReader } from './reader.ts';
import { StatementReader, type Query, type TimeBound } from './queries.ts';
import { loadOptionalDriver } from './load-driver.ts';

interface IbmDbConnection {
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
interface IbmDbModule {
  open(connectionString: string): Promise<IbmDbConnection>;
}

const INSTALL = 'Approve its install script and run "npm rebuild ibm_db" (it fetches IBM\'s CLI driver); the server needs a DRDA listener. See docs/dbcra.md.';

export class InformixDbCraReader extends StatementReader implements DbCraReader {
  private constructor(private readonly connection: IbmDbConnection, bound: TimeBound) {
    super(bound);
  }

  static async connect(connectionString: string, options: TimeBound & { moduleName?: string } = {}): Promise<InformixDbCraReader> {
    const ibmdb = await loadOptionalDriver<IbmDbModule>(options.moduleName ?? 'ibm_db', 'CM_DBCRA_DRIVER=informix', INSTALL);
    if (typeof ibmdb.open !== 'function') throw new Error(`CM_DBCRA_DRIVER=informix: the ibm_db package loaded without its native driver. ${INSTALL}`);
    return new InformixDbCraReader(await ibmdb.open(connectionString.replace(/^informix:/, '')), options);
  }

  protected run(q: Query) {
    return this.connection.query(q.sql, q.params);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
