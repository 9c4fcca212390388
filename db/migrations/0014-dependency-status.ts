// What the Campaign Manager last heard from the systems it depends on (UCCX admin API, Finesse,
// db_cra), written by whichever process talked to them (the job worker threads, every BFF
// instance), so /readyz and /metrics of any instance tell the same truth:
// - dependency_status: per dependency, the last success and failure (with its cause);
// - dependency_failures: per dependency and cause, how many failures were seen (a counter).
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('dependency_status', {
    name: { type: DataTypes.STRING(20), primaryKey: true },
    last_success_at: { type: DataTypes.DATE, allowNull: true },
    last_failure_at: { type: DataTypes.DATE, allowNull: true },
    last_cause: { type: DataTypes.STRING(40), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.createTable('dependency_failures', {
    name: { type: DataTypes.STRING(20), primaryKey: true },
    cause: { type: DataTypes.STRING(40), primaryKey: true },
    failures: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('dependency_failures');
  await qi.dropTable('dependency_status');
}
