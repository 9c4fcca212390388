// What the background jobs keep in the Campaign Manager database (the database, not Bree, decides
// what runs and who runs it):
// - job_locks: one row per job (e.g. "sync", "purge:200"); an instance holds it with a lease, and
//   last_run_key records the last daily run (e.g. "2026-11-24") so a daily purge runs once a day.
// - uccx_sync_cursors: per UCCX campaign, the highest dialinglistid already read from db_cra
//   (db_cra has no last-modified column, so new rows are found by id).
// - uccx_contact_observations: per db_cra dialing-list row, the state the sync last applied, so
//   reading the same row twice changes nothing and UCCX's own retries are counted once.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('job_locks', {
    name: { type: DataTypes.STRING(60), primaryKey: true },
    owner: { type: DataTypes.STRING(100), allowNull: true },
    lease_until: { type: DataTypes.DATE, allowNull: true },
    last_run_key: { type: DataTypes.STRING(40), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.createTable('uccx_sync_cursors', {
    uccx_campaign_id: { type: DataTypes.INTEGER, primaryKey: true },
    last_dialing_list_id: { type: DataTypes.BIGINT, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.createTable('uccx_contact_observations', {
    dialing_list_id: { type: DataTypes.BIGINT, primaryKey: true },
    callback_id: { type: DataTypes.INTEGER, allowNull: false },
    signature: { type: DataTypes.STRING(100), allowNull: false },
    calls_counted: { type: DataTypes.INTEGER, allowNull: false },
    observed_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('uccx_contact_observations', ['callback_id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('uccx_contact_observations');
  await qi.dropTable('uccx_sync_cursors');
  await qi.dropTable('job_locks');
}
