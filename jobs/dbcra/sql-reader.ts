// db_cra through Sequelize raw SQL on a URL: the UCCX simulator's stand-in (SQLite file or
// PostgreSQL). Read-only use; the simulator writes concurrently, so SQLite waits for its locks.
import { QueryTypes, Sequelize } from 'sequelize';
import { sqliteStorage } from '../../db/connect.ts';
import type { DbCraReader } from './reader.ts';
import { StatementReader, type Query, type TimeBound } from './queries.ts';

export class SqlDbCraReader extends StatementReader implements DbCraReader {
  private constructor(private readonly sequelize: Sequelize, bound: TimeBound) {
    super(bound);
  }

  static async connect(url: string, bound: TimeBound = {}): Promise<SqlDbCraReader> {
    const sequelize = url.startsWith('sqlite:')
      ? new Sequelize({ dialect: 'sqlite', storage: sqliteStorage(url), logging: false, pool: { max: 1, min: 0 } })
      : new Sequelize(url, { logging: false, pool: { max: 2, min: 0 } });
    if (url.startsWith('sqlite:')) {
      sequelize.addHook('afterConnect', (connection: unknown) => {
        (connection as { configure(option: 'busyTimeout', ms: number): void }).configure('busyTimeout', 10_000);
      });
    }
    try {
      await sequelize.authenticate();
    } catch (err) {
      await sequelize.close();
      throw err;
    }
    return new SqlDbCraReader(sequelize, bound);
  }

  protected run(q: Query): Promise<Record<string, unknown>[]> {
    return this.sequelize.query(q.sql, { replacements: q.params as never[], type: QueryTypes.SELECT }) as Promise<Record<string, unknown>[]>;
  }

  close(): Promise<void> {
    return this.sequelize.close();
  }
}
