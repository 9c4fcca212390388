// Purges an admin started on demand (issue 11): one row per run with its progress, so any BFF
// instance answers GET …/purge-runs/:id, whichever instance runs it.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('purge_runs', {
    id: { type: DataTypes.STRING(40), primaryKey: true },
    campaign: { type: DataTypes.STRING(40), allowNull: false },
    started_by: { type: DataTypes.STRING(50), allowNull: false },
    started_at: { type: DataTypes.DATE, allowNull: false },
    /** running | done | failed | skipped */
    status: { type: DataTypes.STRING(20), allowNull: false },
    /** waiting_for_calls | deleting | repushing | finished */
    phase: { type: DataTypes.STRING(20), allowNull: false },
    calls_in_progress: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    contacts_to_delete: { type: DataTypes.INTEGER, allowNull: true },
    deleted: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    to_repush: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    repushed: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    in_flight: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    error: { type: DataTypes.STRING(200), allowNull: true },
    finished_at: { type: DataTypes.DATE, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('purge_runs', ['campaign', 'started_at'], { name: 'purge_runs_campaign' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('purge_runs');
}
