// The campaign the administrator marks as the agents' default (at most one, enforced by the admin
// API), so a newly created campaign never silently becomes what agents book on.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('campaigns', 'agent_default', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('campaigns', 'agent_default');
}
