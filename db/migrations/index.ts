// The ordered list of migrations. Listed explicitly (no glob) so bundling and tsx agree.
import type { QueryInterface } from 'sequelize';
import * as m0001 from './0001-configuration.ts';
import * as m0002 from './0002-callbacks.ts';
import * as m0003 from './0003-slot-counters.ts';
import * as m0004 from './0004-dispatch.ts';
import * as m0005 from './0005-jobs.ts';
import * as m0006 from './0006-change-feed.ts';
import * as m0014 from './0014-dependency-status.ts';
import * as m0015 from './0015-audit-log.ts';
import * as m0016 from './0016-reporting-views.ts';
import * as m0017 from './0017-callback-search.ts';
import * as m0018 from './0018-config-overrides.ts';
import * as m0019 from './0019-agent-default-campaign.ts';
import * as m0020 from './0020-service-accounts.ts';
import * as m0021 from './0021-purge-runs.ts';
import * as m0022 from './0022-due-index-heartbeats.ts';
import * as m0023 from './0023-call-outcome.ts';
import * as m0024 from './0024-call-outcome-view.ts';

export interface Migration {
  name: string;
  up(params: { context: QueryInterface }): Promise<void>;
  down(params: { context: QueryInterface }): Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  { name: '0001-configuration', ...m0001 },
  { name: '0002-callbacks', ...m0002 },
  { name: '0003-slot-counters', ...m0003 },
  { name: '0004-dispatch', ...m0004 },
  { name: '0005-jobs', ...m0005 },
  { name: '0006-change-feed', ...m0006 },
  { name: '0014-dependency-status', ...m0014 },
  { name: '0015-audit-log', ...m0015 },
  { name: '0016-reporting-views', ...m0016 },
  { name: '0017-callback-search', ...m0017 },
  { name: '0018-config-overrides', ...m0018 },
  { name: '0019-agent-default-campaign', ...m0019 },
  { name: '0020-service-accounts', ...m0020 },
  { name: '0021-purge-runs', ...m0021 },
  { name: '0022-due-index-heartbeats', ...m0022 },
  { name: '0023-call-outcome', ...m0023 },
  { name: '0024-call-outcome-view', ...m0024 },
];
