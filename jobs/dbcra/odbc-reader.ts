// db_cra through ODBC (npm `odbc` over unixODBC): the production path. On the Campaign Manager
// server, IBM's Informix ODBC driver (Client SDK) speaks SQLI to UCCX's Informix on 1504, e.g.
//   DRIVER={IBM INFORMIX ODBC DRIVER (64-bit)};HOST=uccx-b;SERVER=uccx_b_uccx;SERVICE=1504;
//   PROTOCOL=onsoctcp;DATABASE=db_cra;UID=uccxhruser;PWD=…
// Any ODBC driver works the same way (the tests read the PostgreSQL stand-in through psqlODBC).
import type { DbCraReader } from './reader.ts';
import { StatementReader, type Query, type TimeBound } from './queries.ts';
import { loadOptionalDriver } from './load-driver.ts';

interface OdbcConnection {
  query(sql: string, params: unknown[], options?: { timeout?: number }): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
interface OdbcModule {
  connect(options: { connectionString: string; connectionTimeout?: number; loginTimeout?: number }): Promise<OdbcConnection>;
}

export interface OdbcReaderOptions extends TimeBound {
  /** Seconds a statement may run before the driver cancels it (SQL_ATTR_QUERY_TIMEOUT). */
  queryTimeoutSeconds?: number;
  /** Seconds to wait for the login (SQL_ATTR_LOGIN_TIMEOUT), so an unreachable node fails over quickly. */
  loginTimeoutSeconds?: number;
  /** The npm module to load; `odbc` unless a wrapper is wanted. */
  moduleName?: string;
}

const INSTALL = 'Install it with "npm install odbc@2" (needs unixodbc-dev) and IBM\'s Informix ODBC driver: see docs/dbcra.md.';

export class OdbcDbCraReader extends StatementReader implements DbCraReader {
  private constructor(private readonly connection: OdbcConnection, private readonly options: OdbcReaderOptions) {
    super(options);
  }

  static async connect(connectionString: string, options: OdbcReaderOptions = {}): Promise<OdbcDbCraReader> {
    const odbc = await loadOptionalDriver<OdbcModule>(options.moduleName ?? 'odbc', 'CM_DBCRA_DRIVER=odbc', INSTALL);
    const login = options.loginTimeoutSeconds ?? 10;
    try {
      const connection = await odbc.connect({ connectionString, connectionTimeout: login, loginTimeout: login });
      return new OdbcDbCraReader(connection, options);
    } catch (err) {
      throw new Error(`db_cra over ODBC: ${odbcMessage(err)}${driverHint(err)}`);
    }
  }

  protected async run(q: Query): Promise<Record<string, unknown>[]> {
    try {
      // Copy the rows: node-odbc's result array also carries statement, parameters and columns.
      return [...(await this.connection.query(q.sql, q.params, { timeout: this.options.queryTimeoutSeconds ?? 30 }))];
    } catch (err) {
      throw new Error(`db_cra over ODBC: ${odbcMessage(err)}`);
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** node-odbc puts the driver's words in `odbcErrors`; the top message is only "[odbc] Error connecting…". */
function odbcMessage(err: unknown): string {
  const details = (err as { odbcErrors?: Array<{ state?: string; message?: string }> }).odbcErrors ?? [];
  const driver = details.map((d) => `${d.state ?? ''} ${d.message ?? ''}`.trim()).join('; ');
  return [(err as Error).message, driver].filter(Boolean).join(': ');
}

/** IM002 / "Can't open lib": unixODBC does not know the driver named in DRIVER={…}. */
function driverHint(err: unknown): string {
  const text = odbcMessage(err);
  return /IM002|IM003|can't open lib|not found/i.test(text)
    ? ' — the ODBC driver named in CM_DBCRA_URL is not installed or not registered in odbcinst.ini (see docs/dbcra.md)'
    : '';
}
