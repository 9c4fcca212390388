// Runs the Campaign Manager process: configuration, the embedded simulators when no UCCX or
// Finesse is configured, the HTTP server, and the background jobs. Nothing else lives here.
import 'dotenv/config';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import app, { serverOptions } from './app.ts';
import { loggerOptions } from './logger.ts';
import { loadConfig, type Config } from '../config/settings.ts';
import { startEmbeddedSimulators } from '../sim/start.ts';
import { startJobs } from '../jobs/scheduler.ts';

async function main(): Promise<void> {
  const base = loadConfig();
  const sims = await startEmbeddedSimulators(base);
  // Point the Campaign Manager at the simulators it just started.
  const config: Config = {
    ...base,
    finesseUrl: base.finesseUrl ?? sims.finesseUrl,
    uccx: { ...base.uccx, url: base.uccx.url ?? sims.uccxUrl },
    dbcra: sims.dbcraUrl ? { driver: 'sql', url: sims.dbcraUrl } : base.dbcra,
  };

  const server = Fastify({ ...serverOptions, logger: loggerOptions(process.env.CM_LOG_LEVEL ?? 'info') });
  await server.register(fp(app), { config });
  await server.listen({ port: config.port, host: config.host });

  const jobs = config.jobs.enabled
    ? await startJobs(config, { onCallbackChanged: (id: number) => void server.services.events.refresh(id), log: server.log })
    : null;

  const lines = [
    '',
    'Callback Campaign Manager is running',
    `  Gadget spec (add to the Finesse layout): ${config.publicUrl}/gadget.xml`,
    sims.desktopUrl ? `  Finesse desktop simulator (open this):   ${sims.desktopUrl}   users 1001, 1002, 2001 (supervisor), 1101, 9001 (admin); password demo` : null,
    `  REST API docs:                           ${config.publicUrl}/docs`,
    `  IVR lookup:                              ${config.publicUrl}/ivr/v1/lookup`,
    sims.uccxUrl ? `  UCCX simulator admin API:                ${sims.uccxUrl}/adminapi/campaign` : `  UCCX:                                    ${config.uccx.url}`,
    `  Database:                                ${config.databaseUrl}`,
    '',
  ].filter((l) => l !== null);
  console.log(lines.join('\n'));

  const stop = async (signal: string) => {
    server.log.info({ signal }, 'stopping');
    await jobs?.stop();
    await server.close();
    await sims.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
