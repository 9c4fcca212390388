// SSO access tokens prove their own user: Cisco IdS (12.6(2) and later) signs them with an
// asymmetric key whose public half it publishes at /ids/v1/keys/token/public for registered
// clients (Finesse developer guide, "Client-Side Token Validation"). The user comes from the
// signed claims, never from a header sent beside the token.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';

export interface IdsOptions {
  idsUrl: string;
  clientId: string;
  clientSecret: string;
  /** The claim that names the user (Cisco does not document it: `sub` unless configured). */
  userClaim: string;
  timeoutMs?: number;
}

export class IdsUnavailable extends Error {}

export interface ProvenToken {
  userId: string;
  /** Epoch milliseconds when the token stops being valid. */
  expiresAt: number;
}

const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };
/** Re-read the key (IdS may have rotated it) at most this often when a signature does not verify. */
const KEY_REFRESH_MS = 60_000;

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export class IdsTokenVerifier {
  private key: KeyObject | null = null;
  private keyFetchedAt = 0;
  private pending: Promise<KeyObject> | null = null;

  constructor(
    private readonly options: IdsOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The user a valid, unexpired token was issued to, or null. Throws IdsUnavailable when the key cannot be read. */
  async prove(token: string): Promise<ProvenToken | null> {
    const [head, payload, signature, ...rest] = token.split('.');
    if (!head || !payload || !signature || rest.length) return null;
    const header = decodeJson(head);
    const algorithm = ALGORITHMS[String(header?.alg)];
    if (!algorithm) return null; // never "none", never a symmetric algorithm keyed by the public key
    const data = Buffer.from(`${head}.${payload}`);
    const sig = Buffer.from(signature, 'base64url');
    let valid = verifySignature(algorithm, data, await this.publicKey(false), sig);
    if (!valid && this.clock() - this.keyFetchedAt > KEY_REFRESH_MS) valid = verifySignature(algorithm, data, await this.publicKey(true), sig);
    if (!valid) return null;
    const claims = decodeJson(payload);
    const user = claims?.[this.options.userClaim];
    const exp = claims?.exp;
    if (typeof user !== 'string' || !user || typeof exp !== 'number') return null;
    const now = this.clock();
    if (exp * 1000 <= now) return null;
    if (typeof claims?.nbf === 'number' && claims.nbf * 1000 > now) return null;
    return { userId: user, expiresAt: exp * 1000 };
  }

  private async publicKey(refresh: boolean): Promise<KeyObject> {
    if (this.key && !refresh) return this.key;
    this.pending ??= this.fetchKey().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchKey(): Promise<KeyObject> {
    const { idsUrl, clientId, clientSecret } = this.options;
    let res: Response;
    try {
      res = await fetch(`${idsUrl.replace(/\/+$/, '')}/ids/v1/keys/token/public`, {
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, accept: 'text/plain' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (e) {
      throw new IdsUnavailable(`IdS did not answer: ${(e as Error).message}`);
    }
    if (!res.ok) throw new IdsUnavailable(`IdS public key: HTTP ${res.status}`);
    try {
      this.key = createPublicKey((await res.text()).trim());
    } catch {
      throw new IdsUnavailable('IdS public key is not a PEM key');
    }
    this.keyFetchedAt = this.clock();
    return this.key;
  }
}
