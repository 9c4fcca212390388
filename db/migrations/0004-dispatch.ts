// What the dispatcher and the result sync need on a callback: the claim lease (so a crashed
// instance's claims are picked up again) and the UCCX identity of the current attempt.
// Numbers flagged do-not-call by UCCX results live in their own table.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('callbacks', 'claimed_by', { type: DataTypes.STRING(100), allowNull: true });
  await qi.addColumn('callbacks', 'lease_until', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('callbacks', 'uccx_campaign_id', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('callbacks', 'uccx_dialing_list_id', { type: DataTypes.BIGINT, allowNull: true });
  await qi.addColumn('callbacks', 'imported_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addIndex('callbacks', ['uccx_dialing_list_id']);
  await qi.createTable('do_not_call_numbers', {
    phone_e164: { type: DataTypes.STRING(16), primaryKey: true },
    flagged_at: { type: DataTypes.DATE, allowNull: false },
    source: { type: DataTypes.STRING(40), allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('do_not_call_numbers');
  await qi.removeIndex('callbacks', ['uccx_dialing_list_id']);
  for (const column of ['imported_at', 'uccx_dialing_list_id', 'uccx_campaign_id', 'lease_until', 'claimed_by']) {
    await qi.removeColumn('callbacks', column);
  }
}
