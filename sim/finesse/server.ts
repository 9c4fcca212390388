// The embedded Finesse simulator: the user API the Campaign Manager verifies agents with (and the
// IdS that signs SSO tokens), and the
// desktop host page that loads the Callback Gadget. presentCall() is how the telephony (the UCCX
// simulator's dialer) puts a call on an agent's desktop.
import Fastify from 'fastify';
import { CallHub, type PresentedCall } from './call-hub.ts';
import { finesseHost } from './host.ts';
import { IdentityService } from './ids.ts';
import { ivrRoutedPresentation, type RoutedCallback } from './ivr-call.ts';
import { finesseUserApi } from './user-api.ts';

export interface FinesseSimOptions {
  port?: number;
  host?: string;
  /** Campaign Manager base URL (serves /gadget.xml and /gadget/cb-gadget.js). */
  cmUrl: string;
  /** Key and certificate: the desktop is served over HTTPS, as a real Finesse is. */
  https?: { key: Buffer; cert: Buffer } | null;
  /** Lifetime of the SSO access tokens its IdS issues (Cisco publishes no default: an hour). */
  ssoTokenSeconds?: number;
  /** The call variable the Callback IVR script sets to the account number (default callVariable10). */
  accountVariable?: string;
}

export interface FinesseSim {
  url: string;
  presentCall(agentId: string, call: PresentedCall): void;
  /** A callback call the IVR script queued to the agent: no BA* variables, the account number in the call variable. */
  presentIvrRoutedCall(agentId: string, routed: RoutedCallback): void;
  close(): Promise<void>;
}

export async function startFinesseSim({ port = 0, host = '127.0.0.1', cmUrl, https, ssoTokenSeconds, accountVariable }: FinesseSimOptions): Promise<FinesseSim> {
  const app = Fastify({ logger: false, forceCloseConnections: true, ...(https && { https }) });
  const hub = new CallHub();
  await app.register(finesseUserApi, { ids: new IdentityService(ssoTokenSeconds) });
  await app.register(finesseHost, { cmUrl, hub });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `${https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    presentCall: (agentId, call) => void hub.present(agentId, call),
    presentIvrRoutedCall: (agentId, routed) => void hub.present(agentId, ivrRoutedPresentation(routed, { accountVariable })),
    close: () => app.close(),
  };
}
