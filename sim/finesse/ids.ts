// The Cisco Identity Service (IdS) slice of the simulator: signed, expiring SSO access tokens.
// From IdS 12.6(2) access tokens are signed with an asymmetric key pair and the public key is
// published at /ids/v1/keys/token/public ("admin or client credentials protected"), so a relying
// party validates a token — and learns whose it is — without trusting any header next to it
// (Cisco Finesse developer guide, "Client-Side Token Validation"). Tokens are fetched and
// refreshed through Finesse's /desktop/sso/token ("Single Sign-On—Fetch Access Token",
// "—Refresh Existing Access Token"); the IdP login those redirect to is stood in for by Basic
// credentials, since the simulator has no SAML IdP.
import { createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** The OAuth client the Campaign Manager is registered as in the simulator's IdS. */
export const DEMO_IDS_CLIENT = { id: 'campaign-manager', secret: 'demo-client-secret' } as const;
/** Cisco does not publish IdS's default lifetime; an hour unless CM_SIM_SSO_TOKEN_SECONDS says otherwise. */
export const DEFAULT_TOKEN_SECONDS = 3600;

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export interface TokenClaims {
  sub: string;
  iss: string;
  iat: number;
  exp: number;
  jti: string;
}

export class IdentityService {
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  /** refresh token → the user it was issued to (one use each, as a pair with its access token). */
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    readonly tokenSeconds = DEFAULT_TOKEN_SECONDS,
    private readonly clock: () => number = Date.now,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** A signed RS256 access token for `userId` and its refresh token. */
  issue(userId: string): { accessToken: string; refreshToken: string; expiresIn: number } {
    const iat = Math.floor(this.clock() / 1000);
    const claims: TokenClaims = { sub: userId, iss: 'ids-simulator', iat, exp: iat + this.tokenSeconds, jti: randomBytes(8).toString('hex') };
    const head = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(head).sign(this.privateKey);
    const refreshToken = randomBytes(24).toString('base64url');
    if (this.refreshTokens.size > 10_000) this.refreshTokens.clear();
    this.refreshTokens.set(refreshToken, userId);
    return { accessToken: `${head}.${b64url(signature)}`, refreshToken, expiresIn: this.tokenSeconds };
  }

  /** The claims of a token this IdS signed and that has not expired, else null. */
  validate(token: string): TokenClaims | null {
    const claims = this.signedClaims(token);
    return claims && claims.exp * 1000 > this.clock() ? claims : null;
  }

  private signedClaims(token: string): TokenClaims | null {
    const [head, payload, signature, ...rest] = token.split('.');
    if (!head || !payload || !signature || rest.length) return null;
    const ok = createVerify('RSA-SHA256').update(`${head}.${payload}`).verify(this.publicKeyPem, Buffer.from(signature, 'base64url'));
    if (!ok) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      return typeof claims.sub === 'string' && typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }

  /** Refresh: the (possibly expired) access token and the refresh token issued with it give a new pair. */
  refresh(accessToken: string, refreshToken: string): ReturnType<IdentityService['issue']> | null {
    const user = this.refreshTokens.get(refreshToken);
    if (!user || this.signedClaims(accessToken)?.sub !== user) return null;
    this.refreshTokens.delete(refreshToken);
    return this.issue(user);
  }
}
