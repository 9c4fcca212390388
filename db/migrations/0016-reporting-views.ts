// Reporting views for CUIC (docs/cuic.md): rpt_callbacks and rpt_attempts.
import type { QueryInterface } from 'sequelize';
import { sqlFor } from '../dialect/sql.ts';
import type { DialectName } from '../connect.ts';
import { rptAttempts, rptCallbacks } from '../reporting-views.ts';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const sql = sqlFor(qi.sequelize.getDialect() as DialectName);
  await qi.sequelize.query(`CREATE VIEW rpt_callbacks AS ${rptCallbacks()}`);
  await qi.sequelize.query(`CREATE VIEW rpt_attempts AS ${rptAttempts(sql)}`);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.sequelize.query('DROP VIEW rpt_attempts');
  await qi.sequelize.query('DROP VIEW rpt_callbacks');
}
