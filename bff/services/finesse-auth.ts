// Verifies agents against Finesse: GET {finesse}/finesse/api/User/{id} with the agent's own
// Authorization header (200 = valid). The answer gives roles and team; admins come from
// configuration. Answers are cached briefly so every gadget request does not hit Finesse.
import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import type { Principal } from '../../domain/types.ts';

export class FinesseUnavailable extends Error {}

export interface FinesseAuthOptions {
  finesseUrl: string;
  adminUsers: string[];
  cacheSeconds: number;
  timeoutMs?: number;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** The user id an Authorization header claims: from Basic credentials, or X-Finesse-User under SSO. */
export function claimedUserId(authorization: string | undefined, ssoUser: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value = ''] = authorization.split(' ');
  if (scheme === 'Basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const sep = decoded.indexOf(':');
    return sep > 0 ? decoded.slice(0, sep) : null;
  }
  if (scheme === 'Bearer') return ssoUser?.trim() || null;
  return null;
}

export function principalFromUserXml(xml: string, adminUsers: string[]): Principal {
  const user = parser.parse(xml).User as Record<string, unknown>;
  const rolesNode = (user.roles as { role?: string | string[] } | undefined)?.role ?? [];
  const roles = Array.isArray(rolesNode) ? rolesNode : [rolesNode];
  const id = String(user.loginId);
  return {
    id,
    role: adminUsers.includes(id) ? 'admin' : roles.includes('Supervisor') ? 'supervisor' : 'agent',
    teamId: user.teamId != null && user.teamId !== '' ? String(user.teamId) : null,
    teamName: user.teamName != null && user.teamName !== '' ? String(user.teamName) : null,
    firstName: user.firstName != null ? String(user.firstName) : undefined,
    lastName: user.lastName != null ? String(user.lastName) : undefined,
  };
}

export class FinesseAuth {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();

  constructor(private readonly options: FinesseAuthOptions) {}

  /** The verified principal, or null when the credentials are missing or wrong. */
  async verify(authorization: string | undefined, ssoUser?: string): Promise<Principal | null> {
    const id = claimedUserId(authorization, ssoUser);
    if (!id || !authorization) return null;
    const key = createHash('sha256').update(`${authorization}\n${id}`).digest('hex');
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await this.fetchUser(id, authorization);
    this.cache.set(key, { principal, until: Date.now() + this.options.cacheSeconds * 1000 });
    return principal;
  }

  private async fetchUser(id: string, authorization: string): Promise<Principal | null> {
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
