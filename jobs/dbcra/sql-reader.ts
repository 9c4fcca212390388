// db_cra through Sequelize raw SQL on a URL: the UCCX simulator's stand-in (SQLite file or
// PostgreSQL). Read-only use; the simulator writes concurrently, so SQLite waits for its locks.
import { QueryTypes, Sequelize } from 'sequelize';
import { sqliteStorage } from '../../db/connect.ts';
import type { DbCraReader } from './reader.ts';
import { readCallDetailsWith, readContactsWith, type Query } from './queries.ts';

export class SqlDbCraReader implements DbCraReader {
  private constructor(private readonly sequelize: Sequelize) {}

  static async connect(url: string): Promise<SqlDbCraReader> {
    const sequelize = url.startsWith('sqlite:')
      ? new Sequelize({ dialect: 'sqlite', storage: sqliteStorage(url), logging: false, pool: { max: 1, min: 0 } })
      : new Sequelize(url, { logging: false, pool: { max: 2, min: 0 } });
    if (url.startsWith('sqlite:')) {
      sequelize.addHook('afterConnect', (connection: unknown) => {
        (connection as { configure(option: 'busyTimeout', ms: number): void }).configure('busyTimeout', 10_000);
      });
    }
    await sequelize.authenticate();
    return new SqlDbCraReader(sequelize);
  }

  private run = async (q: Query): Promise<Record<string, unknown>[]> =>
    this.sequelize.query(q.sql, { replacements: q.params as never[], type: QueryTypes.SELECT }) as Promise<Record<string, unknown>[]>;

  readContacts(campaignIds: number[], sinceDialingListId?: number, accountNumbers?: string[]) {
    return readContactsWith(this.run, campaignIds, sinceDialingListId, accountNumbers);
  }

  readCallDetails(campaignIds: number[], keys: { dialingListIds?: number[]; callbackIds?: string[] }) {
    return readCallDetailsWith(this.run, campaignIds, keys);
  }

  close(): Promise<void> {
    return this.sequelize.close();
  }
}
