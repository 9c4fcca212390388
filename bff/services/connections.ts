// What the administrator sees of the connections (read-only): for Finesse, each UCCX node and
// db_cra, where it is (host only: credentials are write-only, set in the environment and never
// echoed) and how the last calls went (dependency_status, as /readyz reads it). On request each
// UCCX node is asked now (GET /adminapi/campaign), since the stored status is the pair's.
import type { Config } from '../../config/settings.ts';
import type { Db } from '../../db/index.ts';
import { failureCause } from '../../db/dependency-watch.ts';
import { listDependencyStatus, type Dependency } from '../../db/queries/dependency-status.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { dependencyState } from '../routes/health.ts';

export type { Connection } from '../../domain/admin-contract.ts';
import type { Connection } from '../../domain/admin-contract.ts';

/** An endpoint without credentials: a URL's origin, an ODBC string's HOST/SERVER/DATABASE, a sqlite file. */
export function describeEndpoint(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (/^sqlite:/i.test(raw)) return `sqlite ${raw.replace(/^sqlite:(\/\/)?/i, '').split('?')[0]}`;
  if (/DRIVER=|HOST=/i.test(raw)) {
    const part = (k: string) => new RegExp(`(?:^|;)\\s*${k}\\s*=\\s*([^;]*)`, 'i').exec(raw)?.[1]?.trim();
    return ['HOST', 'SERVICE', 'SERVER', 'DATABASE'].map((k) => (part(k) ? `${k.toLowerCase()}=${part(k)}` : '')).filter(Boolean).join(' ') || 'ODBC';
  }
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return null; // unreadable: show nothing rather than risk echoing a secret
  }
}

async function checkNode(config: Config, url: string): Promise<string> {
  try {
    await new UccxAdminClient({ url, user: config.uccx.user, password: config.uccx.password, timeoutMs: 3000 }).listCampaigns();
    return 'ok';
  } catch (err) {
    return failureCause(err);
  }
}

export async function listConnections(db: Db, config: Config, now: Date, opts: { check?: boolean } = {}): Promise<Connection[]> {
  const rows = await listDependencyStatus(db);
  const entry = (id: Connection['id'], dependency: Dependency, raw: string | null): Connection => {
    const row = rows.find((r) => r.name === dependency);
    const state = dependencyState(row, now, config.security.readyFailureWindowSeconds);
    return {
      id,
      dependency,
      endpoint: describeEndpoint(raw),
      configured: Boolean(raw),
      state: raw ? state : 'unknown',
      required: config.security.readyRequires.includes(dependency),
      lastSuccessAt: row?.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: row?.lastFailureAt?.toISOString() ?? null,
      lastCause: row?.lastFailureAt ? row.lastCause : null,
    };
  };
  const list = [
    entry('finesse', 'finesse', config.finesseUrl),
    entry('uccx1', 'uccx', config.uccx.url),
    entry('uccx2', 'uccx', config.uccx.url2),
    entry('dbcra', 'dbcra', config.dbcra.url),
  ];
  if (opts.check) {
    await Promise.all(list.filter((c) => c.dependency === 'uccx' && c.configured).map(async (c) => {
      c.checkedNow = await checkNode(config, (c.id === 'uccx1' ? config.uccx.url : config.uccx.url2) as string);
    }));
  }
  return list;
}
