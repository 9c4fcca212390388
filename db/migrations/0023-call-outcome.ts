// Who received a callback call and when (the arrival acknowledgement), and the outcome he recorded
// at the end of it: the guard of the outcome events (domain/lifecycle.ts) reads the first two, the
// reports the third.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('callbacks', 'arrived_by', { type: DataTypes.STRING(50), allowNull: true });
  await qi.addColumn('callbacks', 'arrived_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('callbacks', 'call_outcome', { type: DataTypes.STRING(20), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('callbacks', 'call_outcome');
  await qi.removeColumn('callbacks', 'arrived_at');
  await qi.removeColumn('callbacks', 'arrived_by');
}
