// Service accounts (issue 11): a CRM, a web form or the UCCX inbound script books callbacks with
// an API key. The key is `cm_` + 32 random bytes (base64url), shown once at creation; only its
// SHA-256 is stored (a 256-bit random key needs no slow hash: nothing to guess). The identity the
// key proves is the account ("sa:<name>"), never an agent: it books under the same rules as an
// agent, and reads and cancels only what it booked. Creation and revocation are audited.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from '../../db/queries/audit.ts';
import {
  findServiceAccount,
  findServiceAccountByKeyHash,
  insertServiceAccount,
  listServiceAccounts,
  revokeServiceAccount,
  touchServiceAccount,
  type ServiceAccount,
  type ServiceScope,
} from '../../db/queries/service-accounts.ts';
import type { Principal } from '../../domain/types.ts';
import type { ServiceContext } from '../../db/service-context.ts';
import { ConfigInvalid, NotFound } from './errors.ts';

export const KEY_PREFIX = 'cm_';
const KEY_PATTERN = /^cm_[A-Za-z0-9_-]{43}$/;

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** The principal id of a service account: "sa:" cannot appear in a Finesse id, so it never names an agent. */
export const servicePrincipalId = (name: string): string => `sa:${name}`;

/** The Basic user name that says "the password is an API key" (UCCX's Make REST Call step sends Basic credentials). */
export const BASIC_KEY_USER = 'apikey';

/**
 * The API key an Authorization header carries, or null when it carries Finesse credentials:
 * `Bearer cm_…`, or Basic `apikey:cm_…` for clients that can only send a user and a password.
 */
export function serviceKeyOf(authorization: string | undefined): string | null {
  const header = authorization ?? '';
  if (header.startsWith(`Bearer ${KEY_PREFIX}`)) return header.slice('Bearer '.length).trim();
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
  return decoded.startsWith(`${BASIC_KEY_USER}:`) ? decoded.slice(BASIC_KEY_USER.length + 1) : null;
}

/** Whether an Authorization header carries a service-account key (rather than Finesse credentials). */
export const isServiceKeyHeader = (authorization: string | undefined): boolean => serviceKeyOf(authorization) !== null;

/** The account an Authorization header's key belongs to, if valid and not revoked; marks it used. */
export async function accountForKey(ctx: ServiceContext, authorization: string | undefined): Promise<ServiceAccount | null> {
  const key = serviceKeyOf(authorization) ?? '';
  if (!KEY_PATTERN.test(key)) return null;
  const account = await findServiceAccountByKeyHash(ctx.db, hashKey(key));
  if (!account || account.revokedAt) return null;
  await touchServiceAccount(ctx.db, account.id, ctx.now());
  return account;
}

/** What a service account is allowed to be inside the BFF: an agent-level principal of no team. */
export const principalOf = (a: ServiceAccount): Principal => ({ id: servicePrincipalId(a.name), role: 'agent', teamId: null, teamName: null, teamIds: [], firstName: a.name, lastName: '' });

export interface NewServiceAccount {
  name: string;
  scopes: ServiceScope[];
  campaigns: string[];
}

/** Creates an account; the answer holds the key, which is not stored and never shown again. */
export async function createServiceAccount(ctx: ServiceContext, actor: string, req: NewServiceAccount): Promise<{ account: ServiceAccount; key: string }> {
  const known = new Set((await ctx.config.get()).campaigns.map((c) => c.name));
  const errors = req.campaigns.filter((c) => !known.has(c)).map((c) => ({ field: 'campaigns', code: 'unknown_campaign', message: `no campaign "${c}"` }));
  if (req.scopes.includes('book') && req.campaigns.length === 0) errors.push({ field: 'campaigns', code: 'required', message: 'an account that books needs at least one campaign' });
  if ((await listServiceAccounts(ctx.db)).some((a) => a.name === req.name)) errors.push({ field: 'name', code: 'taken', message: `a service account "${req.name}" exists` });
  if (errors.length) throw new ConfigInvalid(errors);
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const scopes = [...new Set(req.scopes)];
  const campaigns = [...new Set(req.campaigns)];
  await ctx.db.transaction(async (t) => {
    await insertServiceAccount(ctx.db, { id, name: req.name, keyHash: hashKey(key), scopes, campaigns, createdBy: actor, at: ctx.now() }, t);
    await appendAudit(ctx.db, { at: ctx.now(), actor, action: 'service_account.create', target: `service_account:${req.name}`, before: null, after: { name: req.name, scopes, campaigns } }, t);
  });
  return { account: (await findServiceAccount(ctx.db, id)) as ServiceAccount, key };
}

export async function revokeAccount(ctx: ServiceContext, actor: string, id: string): Promise<ServiceAccount> {
  const revoked = await ctx.db.transaction(async (t) => {
    const before = await findServiceAccount(ctx.db, id, t);
    if (!before) throw new NotFound('service account');
    if (!(await revokeServiceAccount(ctx.db, id, actor, ctx.now(), t))) return before;
    await appendAudit(ctx.db, { at: ctx.now(), actor, action: 'service_account.revoke', target: `service_account:${before.name}`, before: { revokedAt: null }, after: { revokedAt: ctx.now().toISOString() } }, t);
    return null;
  });
  return revoked ?? ((await findServiceAccount(ctx.db, id)) as ServiceAccount);
}

export const listAccounts = (ctx: ServiceContext): Promise<ServiceAccount[]> => listServiceAccounts(ctx.db);

/** An action a service account did through the API (booked, cancelled): one audit row each. */
export async function auditServiceAction(ctx: ServiceContext, account: ServiceAccount, action: string, target: string, after: unknown): Promise<void> {
  await appendAudit(ctx.db, { at: ctx.now(), actor: servicePrincipalId(account.name), action: `service_account.${action}`, target, before: null, after });
}
