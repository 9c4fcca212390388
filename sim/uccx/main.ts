// Runs the UCCX simulator on its own: `npx tsx sim/uccx/main.ts`, settings from the environment
// (.env is read): see docs/uccx-simulator.md for the variables. Prints the admin API URL.
import 'dotenv/config';
import { startUccxSim } from './index.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../start.ts';
import { startControlApi } from './control.ts';
import { journalTo } from './journal.ts';

const env = process.env;
const ivrUrl = env.CM_SIM_IVR_LOOKUP_URL;
/** "1001,1002" → those agents logged in and ready. */
const agents = Object.fromEntries((env.CM_SIM_AGENTS ?? '1001,1002,2001,1101').split(',').filter(Boolean).map((id) => [id.trim(), { loggedIn: true, ready: true }]));

const sim = await startUccxSim({
  port: Number(env.CM_SIM_UCCX_PORT ?? 8081),
  host: env.CM_SIM_HOST ?? '127.0.0.1',
  adminUser: env.CM_UCCX_USER ?? 'administrator',
  adminPassword: env.CM_UCCX_PASSWORD ?? 'ciscocisco',
  dbcraUrl: env.CM_SIM_DBCRA_URL ?? 'sqlite:./data/db_cra.sqlite',
  campaigns: DEMO_UCCX_CAMPAIGNS,
  timeZone: env.CM_SIM_UCCX_TIME_ZONE ?? 'UTC',
  duplicateMode: env.CM_SIM_DUPLICATE_MODE === 'overwrite' ? 'overwrite' : 'drop',
  // CM_SIM_UCCX_NODES=2: an HA pair; point the Campaign Manager at both (CM_UCCX_NODES).
  nodes: env.CM_SIM_UCCX_NODES === '2' ? 2 : 1,
  port2: Number(env.CM_SIM_UCCX_PORT_2 ?? 0),
  standbyWriteStatus: Number(env.CM_SIM_STANDBY_WRITE_STATUS ?? 400),
  clock: { speed: Number(env.CM_SIM_CLOCK_SPEED ?? 1) },
  // CM_SIM_JOURNAL=file: a JSON line per import and DELETE (test/chaos counts contacts from it).
  journal: env.CM_SIM_JOURNAL ? journalTo(env.CM_SIM_JOURNAL) : undefined,
  dialer: {
    enabled: env.CM_SIM_DIALER !== 'off',
    agents,
    ivr: ivrUrl
      ? { lookupUrl: ivrUrl, user: env.CM_IVR_USER ?? 'ivr', password: env.CM_IVR_PASSWORD ?? 'ivr-demo', defaultCsq: env.CM_IVR_DEFAULT_CSQ ?? 'CSQ_Support' }
      : undefined,
  },
});
sim.events.on('routed', (e: { accountNumber: string; agentId?: string; csq?: string; script?: string }) =>
  console.log(`routed ${e.accountNumber} → ${e.agentId ? `agent ${e.agentId}` : e.script ? `script ${e.script}` : `csq ${e.csq}`}`),
);
sim.events.on('ivrLookupFailed', (e: { contact: { accountnumber: string }; error: string }) => console.log(`IVR lookup failed for ${e.contact.accountnumber}: ${e.error}`));
console.log(`UCCX simulator: ${sim.url} (admin API ${sim.url}/adminapi/campaign, db_cra ${env.CM_SIM_DBCRA_URL ?? 'sqlite:./data/db_cra.sqlite'})`);
if (sim.nodes.length > 1) console.log(`UCCX HA pair: CM_UCCX_NODES=${sim.nodes.map((n) => n.url).join(',')} (${sim.nodes[0]?.url} is master)`);
// CM_SIM_CONTROL_PORT: the simulator's control API (faults, HA nodes; sim/uccx/control.ts), loopback only.
const control = env.CM_SIM_CONTROL_PORT ? await startControlApi(sim, Number(env.CM_SIM_CONTROL_PORT)) : null;
if (control) console.log(`UCCX simulator control: ${control.url}/simulator`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void sim.close().then(() => process.exit(0)));
