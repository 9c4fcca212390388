// The service_accounts table (migration 0020): one function per SQL operation. Only the key's
// SHA-256 is stored and looked up; the key never reaches the database or a log.
import { QueryTypes } from 'sequelize';
import { iso, type Db, type Tx } from '../index.ts';

export const SERVICE_SCOPES = ['book', 'read_own'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

export interface ServiceAccount {
  id: string;
  name: string;
  scopes: ServiceScope[];
  /** Campaigns the account may book in. */
  campaigns: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

const COLUMNS = 'id, name, scopes, campaigns, created_by, created_at, revoked_at, revoked_by, last_used_at';

const toAccount = (r: Record<string, unknown>): ServiceAccount => ({
  id: String(r.id),
  name: String(r.name),
  scopes: JSON.parse(String(r.scopes)),
  campaigns: JSON.parse(String(r.campaigns)),
  createdBy: String(r.created_by),
  createdAt: iso(r.created_at) as string,
  revokedAt: iso(r.revoked_at),
  revokedBy: (r.revoked_by as string | null) ?? null,
  lastUsedAt: iso(r.last_used_at),
});

export async function insertServiceAccount(
  db: Db,
  a: { id: string; name: string; keyHash: string; scopes: ServiceScope[]; campaigns: string[]; createdBy: string; at: Date },
  t?: Tx,
): Promise<void> {
  await db.sequelize.query(
    'INSERT INTO service_accounts (id, name, key_hash, scopes, campaigns, created_by, created_at) VALUES (:id, :name, :keyHash, :scopes, :campaigns, :createdBy, :at)',
    { replacements: { ...a, scopes: JSON.stringify(a.scopes), campaigns: JSON.stringify(a.campaigns) }, transaction: t ?? undefined },
  );
}

export async function listServiceAccounts(db: Db): Promise<ServiceAccount[]> {
  const rows = await db.sequelize.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM service_accounts ORDER BY created_at, id`, { type: QueryTypes.SELECT });
  return rows.map(toAccount);
}

export async function findServiceAccount(db: Db, id: string, t?: Tx): Promise<ServiceAccount | null> {
  const [row] = await db.sequelize.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM service_accounts WHERE id = :id`, { replacements: { id }, type: QueryTypes.SELECT, transaction: t ?? undefined });
  return row ? toAccount(row) : null;
}

/** The account a key hash belongs to, revoked or not (the caller decides). */
export async function findServiceAccountByKeyHash(db: Db, keyHash: string): Promise<ServiceAccount | null> {
  const [row] = await db.sequelize.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM service_accounts WHERE key_hash = :keyHash`, { replacements: { keyHash }, type: QueryTypes.SELECT });
  return row ? toAccount(row) : null;
}

/** Revokes once: true when this call revoked it (false: unknown or already revoked). */
export async function revokeServiceAccount(db: Db, id: string, by: string, at: Date, t?: Tx): Promise<boolean> {
  const before = await findServiceAccount(db, id, t);
  if (!before || before.revokedAt) return false;
  await db.sequelize.query('UPDATE service_accounts SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL', { replacements: { id, by, at }, transaction: t ?? undefined });
  return true;
}

/** Remembers when the key was last used (at most once a minute per account, to spare the database). */
export async function touchServiceAccount(db: Db, id: string, at: Date): Promise<void> {
  await db.sequelize.query('UPDATE service_accounts SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :before)', {
    replacements: { id, at, before: new Date(at.getTime() - 60_000) },
  });
}
