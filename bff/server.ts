// Runs the Campaign Manager process: configuration, the embedded simulators when no UCCX or
// Finesse is configured, the HTTP server, and the background jobs. Nothing else lives here.
import 'dotenv/config';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import app, { serverOptions } from './app.ts';
import { loggerOptions } from './logger.ts';
import { loadConfig, type Config } from '../config/settings.ts';
import { startupProblems, withoutCredentials } from '../config/startup-checks.ts';
import { serverTls, trustExtraCas } from '../config/tls.ts';
import { startJobs } from '../jobs/scheduler.ts';

const demoOrigins = (url: string | null): string[] => {
  if (!url) return [];
  const origin = new URL(url).origin;
  return [origin, origin.replace('//127.0.0.1', '//localhost')];
};

async function main(): Promise<void> {
  const base = loadConfig();
  const problems = startupProblems(process.env, base);
  if (problems.length) {
    console.error(`The Campaign Manager cannot start (CM_MODE=${base.mode}):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(2);
  }
  trustExtraCas(base.tls.caFiles);
  // Simulators exist only in the demo; the module is not even loaded in production.
  const sims = base.mode === 'demo' ? await (await import('../sim/start.ts')).startEmbeddedSimulators(base) : null;
  // Point the Campaign Manager at the simulators it just started.
  const config: Config = sims
    ? {
        ...base,
        finesseUrl: base.finesseUrl ?? sims.finesseUrl,
        // The desktop simulator is the demo's Finesse origin (under either loopback name).
        corsOrigins: [...base.corsOrigins, ...demoOrigins(sims.finesseUrl)],
        uccx: { ...base.uccx, url: base.uccx.url ?? sims.uccxUrl },
        dbcra: sims.dbcraUrl ? { ...base.dbcra, driver: 'sql', url: sims.dbcraUrl } : base.dbcra,
      }
    : base;

  const https = serverTls(config.tls);
  // Fastify passes `http` options only to a plain HTTP server: with TLS the same timeouts go with the key.
  const server = Fastify({ ...serverOptions, ...(https && { https: { ...https, ...serverOptions.http } }), logger: loggerOptions(process.env.CM_LOG_LEVEL ?? 'info') });
  await server.register(fp(app), { config });
  await server.listen({ port: config.port, host: config.host });

  const jobs = config.jobs.enabled
    ? await startJobs(config, { onCallbackChanged: (id: number) => void server.services.events.refresh(id), log: server.log })
    : null;

  const lines = [
    '',
    'Callback Campaign Manager is running',
    `  Gadget spec (add to the Finesse layout): ${config.publicUrl}/gadget.xml`,
    `  Mode:                                    ${config.mode}${https ? ' (https)' : ''}`,
    sims?.desktopUrl ? `  Finesse desktop simulator (open this):   ${sims.desktopUrl}   users 1001, 1002, 1101 (agents), 2001, 2002 (supervisors), 9001 (admin); password demo` : null,
    `  Admin view (admin users):                ${config.publicUrl}/admin/`,
    `  REST API docs:                           ${config.publicUrl}/docs`,
    `  IVR lookup:                              ${config.publicUrl}/ivr/v1/lookup`,
    sims?.uccxUrl ? `  UCCX simulator admin API:                ${sims.uccxUrl}/adminapi/campaign` : `  UCCX:                                    ${withoutCredentials(config.uccx.url ?? '')}`,
    `  Database:                                ${withoutCredentials(config.databaseUrl)}`,
    '',
  ].filter((l) => l !== null);
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    server.log.info({ signal }, 'stopping');
    await jobs?.stop();
    await server.close();
    await sims?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
