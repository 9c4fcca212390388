// What the admin API asks UCCX: which campaigns exist (GET /adminapi/campaign), so a campaign is
// never mapped to a UCCX campaign that does not exist. Cached briefly; null when UCCX is not
// configured or does not answer (the admin API then says it could not check).
import fp from 'fastify-plugin';
import type { Config } from '../../../config/settings.ts';
import { UccxAdminClient } from '../../../jobs/uccx/admin-client.ts';

export interface UccxDirectory {
  /** UCCX's campaigns (id, name, type), or null when UCCX is not configured or does not answer. */
  campaigns(): Promise<Array<{ campaignId: number; campaignName: string; campaignType?: string | null; enabled?: boolean | null }> | null>;
  campaignNames(): Promise<Set<string> | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    uccxDirectory: UccxDirectory;
  }
}

const CACHE_MS = 30_000;

export default fp<{ config: Config }>(async (app, { config }) => {
  const url = config.uccx.url;
  const client = url ? new UccxAdminClient({ url, url2: config.uccx.url2, user: config.uccx.user, password: config.uccx.password, timeoutMs: 5000 }) : null;
  let cached: { at: number; list: Awaited<ReturnType<UccxAdminClient['listCampaigns']>> } | null = null;
  const campaigns = async () => {
    if (!client) return null;
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.list;
    try {
      cached = { at: Date.now(), list: await client.listCampaigns() };
      return cached.list;
    } catch (err) {
      app.log.warn({ error: (err as Error).message }, 'UCCX campaign list unavailable; campaign names not checked');
      return null;
    }
  };
  app.decorate('uccxDirectory', {
    campaigns,
    async campaignNames() {
      const list = await campaigns();
      return list ? new Set(list.map((c) => c.campaignName)) : null;
    },
  } satisfies UccxDirectory);
}, { name: 'uccx-directory' });
