// Per-campaign and per-skill overrides of global settings (issue 11): the daily purge time of a
// campaign's contacts and how long a personal callback waits for its agent. NULL = the global value.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('campaigns', 'purge_at', { type: DataTypes.STRING(5), allowNull: true });
  await qi.addColumn('campaigns', 'personal_fallback_seconds', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('skills', 'personal_fallback_seconds', { type: DataTypes.INTEGER, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('skills', 'personal_fallback_seconds');
  await qi.removeColumn('campaigns', 'personal_fallback_seconds');
  await qi.removeColumn('campaigns', 'purge_at');
}
