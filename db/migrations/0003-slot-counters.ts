// One counter row per (scope, slot): "skill:Sales" or "agent:1001" at a slot start.
// Booking increments it with a conditional UPDATE, so two agents racing for the last
// place cannot both win, on every dialect, without table locks.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('slot_counters', {
    scope: { type: DataTypes.STRING(80), primaryKey: true },
    slot_start: { type: DataTypes.DATE, primaryKey: true },
    booked: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('slot_counters');
}
