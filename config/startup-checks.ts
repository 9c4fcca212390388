// What must be true before the Campaign Manager starts. The demo (CM_MODE=demo, the default of a
// fresh clone) runs on simulators, demo credentials and the demo seed; production runs on none of
// them, so every setting the demo would have filled in must be given, and no demo secret may be
// left in place. Each problem is one line naming the setting, so an operator fixes all at once.
import { existsSync } from 'node:fs';
import type { Config } from './settings.ts';

type Env = Record<string, string | undefined>;

/** Credentials the demo uses or Cisco ships as defaults: never valid in production. */
const DEMO_SECRETS = new Set(['ivr-demo', 'ciscocisco', 'demo', 'password', 'changeme', 'demo-client-secret']);
const DEMO_SEED = /db\/seed\/demo\.json$/;

const isHttps = (url: string | undefined) => /^https:\/\//i.test(url ?? '');

export function startupProblems(env: Env, config: Config): string[] {
  const problems: string[] = [];
  const need = (name: string, why: string) => {
    if (!env[name]) problems.push(`${name} is not set: ${why}`);
  };
  if (config.mode === 'demo') {
    // A real UCCX or Finesse next to demo settings would get demo credentials and demo data.
    for (const name of ['CM_UCCX_URL', 'CM_UCCX_NODES', 'CM_FINESSE_URL'] as const) {
      if (env[name]) problems.push(`${name} points at a real system but CM_MODE is "demo": set CM_MODE=production (and the production settings)`);
    }
    return problems;
  }

  need('CM_DATABASE_URL', 'the production database (mssql://…, postgres://…)');
  need('CM_FINESSE_URL', 'the Finesse server agents are verified with (https://finesse:8445)');
  if (env.CM_FINESSE_URL && !isHttps(env.CM_FINESSE_URL)) problems.push('CM_FINESSE_URL must be https:// (Finesse serves its APIs over HTTPS only)');
  if (!env.CM_UCCX_URL && !env.CM_UCCX_NODES) problems.push('CM_UCCX_URL (or CM_UCCX_NODES) is not set: the UCCX node(s) whose admin API takes the callback contacts');
  need('CM_UCCX_USER', 'a UCCX administrator account for the admin API');
  need('CM_UCCX_PASSWORD', "that account's password");
  need('CM_IVR_USER', 'the user the Callback IVR script authenticates with');
  need('CM_IVR_PASSWORD', "that user's password (see docs/security.md for rotating it)");
  need('CM_ADMIN_USERS', 'the Finesse user ids with the admin role');
  need('CM_PUBLIC_URL', 'the https:// address Finesse desktops load the gadget from');
  if (env.CM_PUBLIC_URL && !isHttps(env.CM_PUBLIC_URL)) problems.push('CM_PUBLIC_URL must be https:// (Finesse loads gadgets over HTTPS only)');
  // SSO tokens are proven with IdS's signing key, which IdS gives this client: its secret is needed.
  if (env.CM_SSO !== 'off') need('CM_IDS_CLIENT_SECRET', "the Campaign Manager's client secret at Cisco IdS, to prove SSO tokens (or CM_SSO=off where agents sign in without SSO)");
  for (const name of ['CM_UCCX_PASSWORD', 'CM_IVR_PASSWORD', 'CM_IDS_CLIENT_SECRET']) {
    if (env[name] && DEMO_SECRETS.has(env[name] as string)) problems.push(`${name} is a demo or factory default: choose a real secret`);
  }
  if (env.CM_IVR_PASSWORD && env.CM_IVR_PASSWORD.length < 12 && !DEMO_SECRETS.has(env.CM_IVR_PASSWORD)) problems.push('CM_IVR_PASSWORD is shorter than 12 characters');
  if (env.CM_SEED_FILE && DEMO_SEED.test(env.CM_SEED_FILE)) problems.push('CM_SEED_FILE is the demo seed: production starts empty or from your own seed file');
  if (Boolean(config.tls.certFile) !== Boolean(config.tls.keyFile)) problems.push('CM_TLS_CERT and CM_TLS_KEY go together (or neither, behind a TLS-terminating proxy)');
  for (const file of [config.tls.certFile, config.tls.keyFile, ...config.tls.caFiles]) {
    if (file && !existsSync(file)) problems.push(`${file} (CM_TLS_*) does not exist`);
  }
  return problems;
}

/** A URL for a banner or a log line: user and password replaced. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}
