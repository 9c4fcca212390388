// Runs the UCCX simulator on its own: `tsx sim/uccx/main.ts` (settings from CM_SIM_* variables).
import 'dotenv/config';
import { startUccxSim } from './index.ts';
import { DEMO_UCCX_CAMPAIGNS } from '../start.ts';

const sim = await startUccxSim({
  port: Number(process.env.CM_SIM_UCCX_PORT ?? 8081),
  host: process.env.CM_SIM_HOST ?? '127.0.0.1',
  dbcraUrl: process.env.CM_SIM_DBCRA_URL ?? 'sqlite:./data/db_cra.sqlite',
  campaigns: DEMO_UCCX_CAMPAIGNS,
  clock: { speed: Number(process.env.CM_SIM_CLOCK_SPEED ?? 1) },
  dialer: {
    ivr: process.env.CM_SIM_IVR_LOOKUP_URL
      ? { lookupUrl: process.env.CM_SIM_IVR_LOOKUP_URL, user: process.env.CM_IVR_USER ?? 'ivr', password: process.env.CM_IVR_PASSWORD ?? 'ivr-demo' }
      : undefined,
  },
});
console.log(`UCCX simulator: ${sim.url}/adminapi/campaign`);
process.once('SIGINT', () => void sim.close().then(() => process.exit(0)));
