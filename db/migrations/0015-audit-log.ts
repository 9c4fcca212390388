// Who changed what in the configuration and which admin actions ran: one append-only row each,
// with the value before and after (JSON text; secrets are never stored here).
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('audit_log', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    at: { type: DataTypes.DATE, allowNull: false },
    actor: { type: DataTypes.STRING(50), allowNull: false },
    action: { type: DataTypes.STRING(40), allowNull: false },
    target: { type: DataTypes.STRING(100), allowNull: false },
    before_value: { type: DataTypes.TEXT, allowNull: true },
    after_value: { type: DataTypes.TEXT, allowNull: true },
  });
  await qi.addIndex('audit_log', ['at'], { name: 'audit_log_at' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('audit_log');
}
