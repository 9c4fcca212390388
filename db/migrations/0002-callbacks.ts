// Callbacks and their append-only history. CUIC reports read these two tables directly,
// so names stay plain and the history details are JSON text every dialect can store.
import { DataTypes, type QueryInterface } from 'sequelize';
import { ACTIVE_STATES } from '../../domain/types.ts';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('callbacks', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    account_number: { type: DataTypes.STRING(25), allowNull: false, unique: true },
    campaign: { type: DataTypes.STRING(40), allowNull: false },
    type: { type: DataTypes.STRING(10), allowNull: false },
    agent_id: { type: DataTypes.STRING(50), allowNull: true },
    skill: { type: DataTypes.STRING(50), allowNull: true },
    first_name: { type: DataTypes.STRING(50), allowNull: false },
    last_name: { type: DataTypes.STRING(50), allowNull: false },
    phone: { type: DataTypes.STRING(40), allowNull: false },
    phone_e164: { type: DataTypes.STRING(16), allowNull: false },
    dial_string: { type: DataTypes.STRING(28), allowNull: false },
    scheduled_at: { type: DataTypes.DATE, allowNull: false },
    slot_start: { type: DataTypes.DATE, allowNull: false },
    time_zone: { type: DataTypes.STRING(64), allowNull: false },
    status: { type: DataTypes.STRING(20), allowNull: false },
    reason: { type: DataTypes.STRING(40), allowNull: true },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    last_result: { type: DataTypes.STRING(40), allowNull: true },
    next_attempt_at: { type: DataTypes.DATE, allowNull: true },
    notes: { type: DataTypes.STRING(1000), allowNull: true },
    source: { type: DataTypes.STRING(10), allowNull: false },
    created_by: { type: DataTypes.STRING(50), allowNull: false },
    team_id: { type: DataTypes.STRING(20), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
  });
  await qi.addIndex('callbacks', ['status', 'scheduled_at']);
  await qi.addIndex('callbacks', ['agent_id', 'scheduled_at']);
  await qi.addIndex('callbacks', ['team_id', 'scheduled_at']);
  // "At most one active callback per number and campaign", enforced by the database itself
  // (a partial/filtered unique index: PostgreSQL, SQLite and SQL Server all have them).
  await qi.addIndex('callbacks', ['phone_e164', 'campaign'], {
    name: 'callbacks_one_active_per_number',
    unique: true,
    where: { status: [...ACTIVE_STATES] },
  });

  await qi.createTable('callback_history', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    callback_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'callbacks', key: 'id' }, onDelete: 'CASCADE' },
    at: { type: DataTypes.DATE, allowNull: false },
    event: { type: DataTypes.STRING(30), allowNull: false },
    actor: { type: DataTypes.STRING(50), allowNull: false },
    details: { type: DataTypes.TEXT, allowNull: false },
  });
  await qi.addIndex('callback_history', ['callback_id', 'id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('callback_history');
  await qi.dropTable('callbacks');
}
