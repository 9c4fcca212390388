// A folded search text per callback (names and account number, lower case, no diacritics), so the
// lists search the same way on SQLite, PostgreSQL and SQL Server. Existing rows are filled in batches.
import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import { callbackSearchText } from '../../domain/search-text.ts';
import { sqlFor } from '../dialect/sql.ts';
import type { DialectName } from '../connect.ts';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('callbacks', 'search_text', { type: DataTypes.STRING(160), allowNull: true });
  let lastId = 0;
  for (;;) {
    const batch = await qi.sequelize.query<{ id: number; first_name: string; last_name: string; account_number: string }>(
      `SELECT id, first_name, last_name, account_number FROM callbacks WHERE id > :lastId ORDER BY id ${sqlFor(qi.sequelize.getDialect() as DialectName).limit(1000)}`,
      { replacements: { lastId }, type: QueryTypes.SELECT },
    );
    if (batch.length === 0) break;
    for (const r of batch) {
      const text = callbackSearchText({ firstName: r.first_name, lastName: r.last_name, accountNumber: r.account_number });
      await qi.sequelize.query('UPDATE callbacks SET search_text = :text WHERE id = :id', { replacements: { text, id: r.id } });
    }
    lastId = Number(batch[batch.length - 1].id);
    if (batch.length < 1000) break;
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('callbacks', 'search_text');
}
