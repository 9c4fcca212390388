// Lets every instance find the callbacks that changed recently (the live supervisor view must
// also hear of changes made by other instances and by the job workers).
import type { QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('callbacks', ['updated_at'], { name: 'callbacks_updated_at' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('callbacks', 'callbacks_updated_at');
}
