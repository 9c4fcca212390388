// One purge of every campaign as its own process (the product's purgeCampaign with the
// configuration of the environment, as the daily purge worker runs it), so a chaos run can start
// a purge whenever it wants and SIGKILL it half-way. CHAOS_PURGE_LEASE_MS shortens the purge's
// lease (the product uses at least 10 minutes, docs/chaos.md says what that means after a kill).
import 'dotenv/config';
import { loadConfig } from '../../config/settings.ts';
import { purgeCampaign } from '../../jobs/purge.ts';
import { openJobRuntime, purgeSettingsOf } from '../../jobs/runtime.ts';

const config = loadConfig();
const runtime = await openJobRuntime(config, { name: 'purge' });
const settings = { ...purgeSettingsOf(config), ...(process.env.CHAOS_PURGE_LEASE_MS && { leaseMs: Number(process.env.CHAOS_PURGE_LEASE_MS) }) };
try {
  for (const campaign of (await runtime.deps.config()).campaigns) {
    const report = await purgeCampaign(runtime.deps, campaign, settings);
    runtime.deps.log.info({ ...report }, 'purge done');
  }
} finally {
  await runtime.close();
}
