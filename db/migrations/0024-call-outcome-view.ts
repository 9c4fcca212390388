// Reporting view of the receiving agents' call outcomes (docs/cuic.md): one row per callback whose
// call arrived at an agent, with what he recorded at the end of it. Plain SQL, the same on every dialect.
import type { QueryInterface } from 'sequelize';

export const RPT_CALL_OUTCOMES = `
SELECT
  c.id AS callback_id,
  c.campaign,
  c.skill,
  c.agent_id,
  c.type AS callback_type,
  c.arrived_by AS received_by,
  c.arrived_at AS received_at,
  c.call_outcome AS agent_outcome,
  c.status,
  c.attempts
FROM callbacks c
WHERE c.arrived_by IS NOT NULL`;

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.sequelize.query(`CREATE VIEW rpt_call_outcomes AS ${RPT_CALL_OUTCOMES}`);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.sequelize.query('DROP VIEW rpt_call_outcomes');
}
