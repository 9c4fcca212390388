// The embedded simulators of the demo: a UCCX node (admin API, dialer, db_cra stand-in) and a
// Finesse (user API + desktop host page). The Campaign Manager talks to them over HTTP and SQL
// exactly as to the real systems; this module only starts them and wires the UCCX "call routed
// to an agent" event to the Finesse host page, as the real telephony would.
import type { Config } from '../config/settings.ts';
import { startUccxSim, type UccxSim } from './uccx/index.ts';
import { startFinesseSim } from './finesse/server.ts';
import { serverTls } from '../config/tls.ts';

export interface EmbeddedSimulators {
  uccxUrl: string | null;
  finesseUrl: string | null;
  desktopUrl: string | null;
  dbcraUrl: string | null;
  uccx: UccxSim | null;
  close(): Promise<void>;
}

/**
 * The UCCX campaigns of the demo: one per presented DDI of the seed (db/seed/demo.json), and a
 * spare one (CB_DDI_3) an administrator can map a new DDI to from the admin view.
 */
export const DEMO_UCCX_CAMPAIGNS = [
  { campaignId: 200, campaignName: 'CB_DDI_1', callingNumber: '+48221234567' },
  { campaignId: 201, campaignName: 'CB_DDI_2', callingNumber: '+12125550100' },
  { campaignId: 202, campaignName: 'CB_DDI_3', callingNumber: '+48221234599' },
].map((c) => ({ ...c, startTime: '00:00', endTime: '23:59', maxDialAttempts: 1, retryNoAnswerDelay: 60, retryBusySignalDelay: 60 }));

/** Starts what the configuration does not point elsewhere: UCCX when CM_UCCX_URL is unset, Finesse when CM_FINESSE_URL is unset. */
export async function startEmbeddedSimulators(config: Config): Promise<EmbeddedSimulators> {
  const host = '127.0.0.1';
  const cmUrl = config.publicUrl;
  // With CM_TLS_CERT the demo is HTTPS end to end, as Finesse requires: the desktop page too.
  const https = serverTls(config.tls);
  const uccx = config.uccx.url
    ? null
    : await startUccxSim({
        port: config.sim.uccxPort,
        host,
        adminUser: config.uccx.user,
        adminPassword: config.uccx.password,
        dbcraUrl: config.sim.dbcraUrl,
        campaigns: DEMO_UCCX_CAMPAIGNS,
        clock: { speed: config.sim.clockSpeed },
        dialer: {
          enabled: true,
          ivr: { lookupUrl: `${https ? 'https' : 'http'}://127.0.0.1:${config.port}/ivr/v1/lookup`, user: config.ivr.user, password: config.ivr.password, timeoutMs: 5000 },
          agents: { '1001': { loggedIn: true, ready: true }, '1002': { loggedIn: true, ready: true }, '2001': { loggedIn: true, ready: true }, '1101': { loggedIn: true, ready: true } },
        },
      });
  const finesse = config.finesseUrl ? null : await startFinesseSim({ port: config.sim.finessePort, host, cmUrl, https });
  if (uccx && finesse) {
    // As the real desktop shows a call the IVR script queued: no BA* variables, the account number
    // in the script's call variable (sim/finesse/ivr-call.ts).
    uccx.events.on('routed', (e: { agentId?: string; accountNumber: string; callVariables: Record<string, string> }) => {
      if (e.agentId) finesse.presentIvrRoutedCall(e.agentId, e);
    });
  }
  return {
    uccxUrl: uccx?.url ?? null,
    finesseUrl: finesse?.url ?? null,
    desktopUrl: finesse ? `${finesse.url}/desktop/` : null,
    dbcraUrl: uccx ? config.sim.dbcraUrl : null,
    uccx,
    close: async () => {
      await uccx?.close();
      await finesse?.close();
    },
  };
}
