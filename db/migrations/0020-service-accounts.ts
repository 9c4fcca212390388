// Service accounts (issue 11): systems that book callbacks with an API key instead of a Finesse
// login (a CRM, a web form, the UCCX inbound script). Only a hash of the key is stored; the key
// itself is shown once when the account is created. Revoked accounts stay, for the audit trail.
import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('service_accounts', {
    id: { type: DataTypes.STRING(40), primaryKey: true },
    name: { type: DataTypes.STRING(50), allowNull: false },
    key_hash: { type: DataTypes.STRING(64), allowNull: false },
    /** JSON: ["book", "read_own"]. */
    scopes: { type: DataTypes.TEXT, allowNull: false },
    /** JSON: campaign names the account may book in. */
    campaigns: { type: DataTypes.TEXT, allowNull: false },
    created_by: { type: DataTypes.STRING(50), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
    revoked_by: { type: DataTypes.STRING(50), allowNull: true },
    last_used_at: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.addIndex('service_accounts', ['key_hash'], { name: 'service_accounts_key_hash', unique: true });
  await qi.addIndex('service_accounts', ['name'], { name: 'service_accounts_name', unique: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('service_accounts');
}
