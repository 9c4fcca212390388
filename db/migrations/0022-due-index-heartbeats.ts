// The dispatcher's claim and its "when is the next one due" read must cost the same among a
// million waiting callbacks as among ten: each due condition is a range on an index led by status.
// (status, scheduled_at) exists since 0002; retries are due by next_attempt_at, indexed here.
// job_heartbeats: each job of each instance writes when it last ran, so /metrics of any instance
// reports every job's heartbeat (the jobs run in worker threads or other processes).
import { DataTypes, type QueryInterface } from 'sequelize';

const DUE_INDEX = 'callbacks_status_next_attempt';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('callbacks', ['status', 'next_attempt_at'], { name: DUE_INDEX });
  await qi.createTable('job_heartbeats', {
    job: { type: DataTypes.STRING(20), primaryKey: true },
    instance_id: { type: DataTypes.STRING(100), primaryKey: true },
    beat_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('job_heartbeats');
  await qi.removeIndex('callbacks', DUE_INDEX);
}
