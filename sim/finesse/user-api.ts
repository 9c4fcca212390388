// The slice of the Finesse REST API the Campaign Manager uses to verify agents:
// GET /finesse/api/User/{id}, XML, HTTP Basic (id:password) or Bearer (SSO) authentication.
// As on real Finesse an agent may read only himself; a supervisor may also read the members of
// the teams he supervises (which is why a token must prove its own user: see ids.ts).
// The SSO token APIs (/desktop/sso/token) and IdS's public key sit beside it.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEMO_PASSWORD, findDemoUser, type DemoUser } from './users.ts';
import { DEMO_IDS_CLIENT, IdentityService } from './ids.ts';

export interface FinesseUserApiOptions {
  /** The IdS whose tokens Bearer requests carry; a new one (hour-long tokens) by default. */
  ids?: IdentityService;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The simulator's IdS (tests mint tokens with it). */
    ids: IdentityService;
  }
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/** Cisco's User object: <teamId>/<teamName> is the user's own team, <teams> what a supervisor supervises. */
export function userXml(u: DemoUser): string {
  const roles = u.roles.map((r) => `<role>${r}</role>`).join('');
  const teams = u.roles.includes('Supervisor')
    ? `<teams>${(u.supervises ?? []).map((t) => `<Team><uri>/finesse/api/Team/${t.id}</uri><id>${t.id}</id><name>${escapeXml(t.name)}</name></Team>`).join('')}</teams>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<User><uri>/finesse/api/User/${u.id}</uri><dialogs>/finesse/api/User/${u.id}/Dialogs</dialogs>` +
    `<extension>${u.extension}</extension><firstName>${escapeXml(u.firstName)}</firstName>` +
    `<lastName>${escapeXml(u.lastName)}</lastName><loginId>${u.id}</loginId><loginName>${u.id}</loginName>` +
    `<roles>${roles}</roles><state>NOT_READY</state><teamId>${u.teamId}</teamId>` +
    `<teamName>${escapeXml(u.teamName)}</teamName>${teams}</User>`
  );
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const [scheme, value = ''] = (header ?? '').split(' ');
  if (scheme !== 'Basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const sep = decoded.indexOf(':');
  return sep > 0 ? { id: decoded.slice(0, sep), secret: decoded.slice(sep + 1) } : null;
}

/** Who the Authorization header proves to be, or null (wrong password, unknown or expired token). */
export function authenticate(header: string | undefined, ids: IdentityService): DemoUser | null {
  if (!header) return null;
  const [scheme, value = ''] = header.split(' ');
  if (scheme === 'Basic') {
    const c = basicCredentials(header);
    const user = c ? findDemoUser(c.id) : undefined;
    return user && c?.secret === DEMO_PASSWORD ? user : null;
  }
  if (scheme === 'Bearer') {
    const claims = ids.validate(value);
    return claims ? findDemoUser(claims.sub) ?? null : null;
  }
  return null;
}

export const supervises = (caller: DemoUser, target: DemoUser): boolean =>
  caller.roles.includes('Supervisor') && (caller.supervises ?? []).some((t) => t.id === target.teamId);

const apiError = (reply: FastifyReply, status: number, type: string) =>
  reply
    .code(status)
    .type('application/xml')
    .send(`<ApiErrors><ApiError><ErrorType>${type}</ErrorType><ErrorMessage>${type}</ErrorMessage></ApiError></ApiErrors>`);

const tokenAnswer = (t: ReturnType<IdentityService['issue']>, userId: string, returnUser: boolean, returnRefresh: boolean) => ({
  token: t.accessToken,
  expires_in: t.expiresIn,
  ...(returnRefresh && { refresh_token: t.refreshToken }),
  ...(returnUser && { user_id: userId }),
});

export const finesseUserApi = fp<FinesseUserApiOptions>(async function finesseUserApi(app: FastifyInstance, opts) {
  const ids = opts.ids ?? new IdentityService();
  app.decorate('ids', ids);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
  }

  app.get<{ Params: { id: string } }>(
    '/finesse/api/User/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } },
    async (req, reply) => {
      const caller = authenticate(req.headers.authorization, ids);
      if (!caller) return apiError(reply, 401, 'Unauthorized');
      const target = findDemoUser(req.params.id);
      if (!target) return apiError(reply, 404, 'Not Found');
      if (caller.id !== target.id && !supervises(caller, target)) return apiError(reply, 401, 'Unauthorized');
      return reply.type('application/xml').send(userXml(target));
    },
  );

  // IdS: the token-signing public key, for clients registered with IdS ("Client-Side Token Validation").
  app.get('/ids/v1/keys/token/public', async (req, reply) => {
    const c = basicCredentials(req.headers.authorization);
    if (c?.id !== DEMO_IDS_CLIENT.id || c.secret !== DEMO_IDS_CLIENT.secret) return reply.code(401).type('text/plain').send('Unauthorized');
    return reply.type('text/plain').send(ids.publicKeyPem);
  });

  // "Single Sign-On—Fetch Access Token": the IdP login is stood in for by the user's Basic credentials.
  app.get<{ Querystring: { return_user?: string; return_refresh_token?: string } }>('/desktop/sso/token', async (req, reply) => {
    const user = authenticate(req.headers.authorization?.startsWith('Basic ') ? req.headers.authorization : undefined, ids);
    if (!user) return reply.code(401).send({ error: 'Unauthorized' });
    return tokenAnswer(ids.issue(user.id), user.id, req.query.return_user === 'yes', req.query.return_refresh_token === 'true');
  });

  // "Single Sign-On—Refresh Existing Access Token": token + refresh-token (form) → a new pair.
  app.post<{ Body: Record<string, string> | undefined; Querystring: { return_user?: string } }>('/desktop/sso/token', async (req, reply) => {
    const fresh = ids.refresh(req.body?.token ?? '', req.body?.['refresh-token'] ?? '');
    if (!fresh) return reply.code(401).send({ error: 'Unauthorized' });
    const userId = ids.validate(fresh.accessToken)?.sub ?? '';
    return tokenAnswer(fresh, userId, req.query.return_user === 'yes' || req.body?.return_user === 'yes', true);
  });
});
