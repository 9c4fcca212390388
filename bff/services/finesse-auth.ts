// Verifies agents against Finesse: GET {finesse}/finesse/api/User/{id} with the agent's own
// Authorization header (200 = valid). Who the user is comes from what the credentials prove:
// the id inside Basic credentials, or the signed claims of an SSO token (ids-token.ts) — never
// from X-Finesse-User alone, since Finesse lets a supervisor read his team members with his own
// token. The answer gives roles, own team and supervised teams; admins come from configuration.
// Answers are cached (bounded LRU, never past the token's expiry); failures are rate-limited.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { XMLParser } from 'fast-xml-parser';
import type { Principal } from '../../domain/types.ts';
import { IdsTokenVerifier, IdsUnavailable, type IdsOptions, type ProvenToken } from './ids-token.ts';
import { LoginLimiter, type LoginLimits } from './login-limiter.ts';

export class FinesseUnavailable extends Error {}
export { TooManyFailedLogins } from './login-limiter.ts';

export interface FinesseAuthOptions {
  finesseUrl: string;
  adminUsers: string[];
  cacheSeconds: number;
  /** Cached principals at most. */
  cacheMax?: number;
  timeoutMs?: number;
  /** SSO token validation; without it every Bearer request is refused. */
  ids?: IdsOptions | null;
  limits?: LoginLimits;
}

/** A verified principal and until when the verification holds (epoch ms). */
export interface Session {
  principal: Principal;
  expiresAt: number;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Team' || name === 'role' });
const text = (v: unknown): string | null => (v != null && v !== '' && typeof v !== 'object' ? String(v) : null);

/** Basic credentials' user id, or null. */
export function basicUserId(authorization: string | undefined): string | null {
  const [scheme, value = ''] = (authorization ?? '').split(' ');
  if (scheme !== 'Basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const sep = decoded.indexOf(':');
  return sep > 0 ? decoded.slice(0, sep) : null;
}

export function principalFromUserXml(xml: string, adminUsers: string[]): Principal & { loginName: string | null } {
  const user = parser.parse(xml).User as Record<string, unknown>;
  const roles = ((user.roles as { role?: unknown[] } | undefined)?.role ?? []).map(String);
  const teams = ((user.teams as { Team?: Array<Record<string, unknown>> } | undefined)?.Team ?? []).map((t) => text(t.id)).filter((id): id is string => id != null);
  const id = String(user.loginId);
  const role = adminUsers.includes(id) ? 'admin' : roles.includes('Supervisor') ? 'supervisor' : 'agent';
  return {
    id,
    role,
    teamId: text(user.teamId),
    teamName: text(user.teamName),
    teamIds: role === 'supervisor' ? [...new Set(teams)] : [],
    firstName: text(user.firstName) ?? undefined,
    lastName: text(user.lastName) ?? undefined,
    loginName: text(user.loginName),
  };
}

const sameUser = (proven: string, p: { id: string; loginName: string | null }): boolean =>
  [p.id, p.loginName].some((v) => v != null && v.toLowerCase() === proven.toLowerCase());

export class FinesseAuth {
  private readonly cache: LRUCache<string, Session>;
  private readonly limiter: LoginLimiter;
  private readonly ids: IdsTokenVerifier | null;

  constructor(private readonly options: FinesseAuthOptions) {
    this.cache = new LRUCache<string, Session>({ max: options.cacheMax ?? 10_000, ttl: options.cacheSeconds * 1000 });
    this.limiter = new LoginLimiter(options.limits ?? { failuresPerUser: 5, failuresPerAddress: 100, windowSeconds: 300 });
    this.ids = options.ids ? new IdsTokenVerifier(options.ids) : null;
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** The verified principal, or null when the credentials are missing, wrong or not the claimed user. */
  async verify(authorization: string | undefined, ssoUser?: string, address?: string): Promise<Principal | null> {
    return (await this.verifySession(authorization, ssoUser, address))?.principal ?? null;
  }

  /**
   * Like verify, with the time the verification stops holding. Throws TooManyFailedLogins
   * (without asking Finesse) once the user or address used up its failures, FinesseUnavailable
   * when Finesse or IdS cannot answer.
   */
  async verifySession(authorization: string | undefined, ssoUser?: string, address?: string): Promise<Session | null> {
    if (!authorization) return null;
    const claimed = ssoUser?.trim() || null;
    const key = createHash('sha256').update(`${authorization}\n${claimed ?? ''}`).digest('hex');
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit;

    const scheme = authorization.split(' ')[0];
    // Whose failures count: the Basic id, a valid token's owner (not whom he names), else the named user.
    const proven = scheme === 'Bearer' ? await this.prove(authorization) : null;
    const actor = (scheme === 'Basic' ? basicUserId(authorization) : proven?.userId) ?? claimed;
    this.limiter.check(actor, address ?? null);
    const session =
      scheme === 'Basic' ? await this.verifyBasic(authorization, basicUserId(authorization), claimed) : proven ? await this.verifyBearer(authorization, proven, claimed) : null;
    if (!session) {
      this.limiter.fail(actor, address ?? null);
      return null;
    }
    this.cache.set(key, session, { ttl: Math.max(1, Math.min(this.options.cacheSeconds * 1000, session.expiresAt - Date.now())) });
    return session;
  }

  /** Basic: the id in the credentials is the user; an X-Finesse-User naming someone else is refused. */
  private async verifyBasic(authorization: string, id: string | null, claimed: string | null): Promise<Session | null> {
    if (!id || (claimed && claimed !== id)) return null;
    const user = await this.fetchUser(id, authorization);
    return user ? { principal: strip(user), expiresAt: Date.now() + this.options.cacheSeconds * 1000 } : null;
  }

  /** The user an IdS-signed, unexpired token names; null without IdS or for any other token. */
  private async prove(authorization: string): Promise<ProvenToken | null> {
    if (!this.ids) return null;
    try {
      return await this.ids.prove(authorization.slice('Bearer '.length).trim());
    } catch (e) {
      if (e instanceof IdsUnavailable) throw new FinesseUnavailable(e.message);
      throw e;
    }
  }

  /** Bearer: the User object read with the token must be the user the token names. */
  private async verifyBearer(authorization: string, proven: ProvenToken, claimed: string | null): Promise<Session | null> {
    const user = await this.fetchUser(claimed ?? proven.userId, authorization);
    if (!user || !sameUser(proven.userId, user)) return null;
    return { principal: strip(user), expiresAt: Math.min(proven.expiresAt, Date.now() + this.options.cacheSeconds * 1000) };
  }

  private async fetchUser(id: string, authorization: string): Promise<ReturnType<typeof principalFromUserXml> | null> {
    let res: Response;
    try {
      res = await fetch(`${this.options.finesseUrl}/finesse/api/User/${encodeURIComponent(id)}`, {
        headers: { authorization, accept: 'application/xml' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (e) {
      throw new FinesseUnavailable(`Finesse did not answer: ${(e as Error).message}`);
    }
    if (res.status === 401 || res.status === 403 || res.status === 404) return null;
    if (!res.ok) throw new FinesseUnavailable(`Finesse answered ${res.status}`);
    return principalFromUserXml(await res.text(), this.options.adminUsers);
  }
}

function strip({ loginName: _loginName, ...principal }: ReturnType<typeof principalFromUserXml>): Principal {
  return principal;
}
