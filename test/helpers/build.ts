// build(t): the whole Campaign Manager app on a fresh database of the given dialect, verifying
// agents against the real Finesse user API simulator over HTTP. Everything is closed after t.
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { TestContext } from 'node:test';
import { Writable } from 'node:stream';
import app, { serverOptions } from '../../bff/app.ts';
import { loggerOptions } from '../../bff/logger.ts';
import { loadConfig } from '../../config/settings.ts';
import { finesseUserApi } from '../../sim/finesse/user-api.ts';
import { createTestDatabase, type TestDialect } from './databases.ts';

export interface BuildOptions {
  dialect?: TestDialect;
  /** Use this database (e.g. shared by two instances) instead of a fresh one. */
  databaseUrl?: string;
  now?: () => Date;
  env?: Record<string, string>;
  /** Log as production does (pino JSON at `level`), each line handed here; no log without it. */
  log?: { level: string; line: (text: string) => void };
}

export async function startFinesseUserApi(): Promise<{ url: string; close(): Promise<void> }> {
  const finesse = Fastify();
  await finesse.register(finesseUserApi);
  const url = await finesse.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => finesse.close() };
}

export async function build(t: TestContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const target = opts.databaseUrl ? { url: opts.databaseUrl, drop: async () => {} } : await createTestDatabase(opts.dialect ?? 'sqlite');
  const finesse = await startFinesseUserApi();
  const config = loadConfig({
    CM_DATABASE_URL: target.url,
    CM_FINESSE_URL: finesse.url,
    CM_JOBS_ENABLED: 'false',
    CM_AUTH_CACHE_SECONDS: '60',
    ...opts.env,
  });
  const stream = opts.log && new Writable({ write: (chunk, _enc, done) => (opts.log!.line(String(chunk)), done()) });
  const server = Fastify({ ...serverOptions, logger: opts.log ? { ...loggerOptions(opts.log.level), stream } : false });
  await server.register(fp(app), { config, now: opts.now });
  await server.ready();
  t.after(async () => {
    await server.close();
    await finesse.close();
    await target.drop();
  });
  return server;
}

/** The Authorization header of a demo user (password "demo"). */
export const basic = (id: string, password = 'demo') => `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;
export const as = (id: string) => ({ authorization: basic(id) });
