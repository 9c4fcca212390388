// The Campaign Manager against a Finesse simulator whose IdS lifetime and request counts the
// identity tests control: SSO tokens are fetched over HTTP as the desktop would, and every
// User lookup that reaches "Finesse" is counted.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TestContext } from 'node:test';
import app, { serverOptions } from '../../bff/app.ts';
import { loadConfig } from '../../config/settings.ts';
import { IdentityService } from '../../sim/finesse/ids.ts';
import { finesseUserApi } from '../../sim/finesse/user-api.ts';
import { createTestDatabase, type TestDialect } from '../helpers/databases.ts';

export interface IdentityRig {
  app: FastifyInstance;
  finesseUrl: string;
  /** GET /finesse/api/User/{id} requests the simulator received. */
  userLookups(): number;
  /** An SSO access token of a demo user, from the simulator's /desktop/sso/token. */
  token(userId: string): Promise<string>;
}

export async function identityRig(
  t: TestContext,
  opts: { dialect?: TestDialect; tokenSeconds?: number; env?: Record<string, string>; now?: () => Date; server?: Partial<FastifyServerOptions> & Record<string, unknown> } = {},
): Promise<IdentityRig> {
  const db = await createTestDatabase(opts.dialect ?? 'sqlite');
  const finesse = Fastify();
  let lookups = 0;
  finesse.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/finesse/api/User/')) lookups++;
  });
  await finesse.register(finesseUserApi, { ids: new IdentityService(opts.tokenSeconds ?? 3600) });
  const finesseUrl = await finesse.listen({ port: 0, host: '127.0.0.1' });
  const config = loadConfig({ CM_DATABASE_URL: db.url, CM_FINESSE_URL: finesseUrl, CM_JOBS_ENABLED: 'false', ...opts.env });
  const server = Fastify({ ...serverOptions, ...opts.server, logger: false });
  await server.register(fp(app), { config, now: opts.now });
  await server.ready();
  t.after(async () => {
    await server.close();
    await finesse.close();
    await db.drop();
  });
  return {
    app: server,
    finesseUrl,
    userLookups: () => lookups,
    token: async (userId) => {
      const res = await fetch(`${finesseUrl}/desktop/sso/token?return_user=yes`, { headers: { authorization: basic(userId) } });
      if (!res.ok) throw new Error(`token for ${userId}: HTTP ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
  };
}

export const basic = (id: string, password = 'demo') => `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;
export const bearer = (token: string, user?: string) => ({ authorization: `Bearer ${token}`, ...(user && { 'x-finesse-user': user }) });
