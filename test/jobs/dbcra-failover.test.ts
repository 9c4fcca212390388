// FailoverDbCraReader with scripted nodes: standby first, switch on a failed read (logged once),
// back to the preferred node after preferredRetryMs; and the db_cra settings that feed it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FailoverDbCraReader } from '../../jobs/dbcra/failover-reader.ts';
import type { DbCraContact, DbCraReader } from '../../jobs/dbcra/reader.ts';
import { DBCRA_SYNC_INTERVAL_MS, informixServerOf, loadConfig, loadDbCraSettings } from '../../config/settings.ts';

/** A node whose availability the test switches; each open() makes a reader that fails while the node is down. */
function node(name: string) {
  const state = { up: true, opens: 0, reads: 0 };
  const open = async (): Promise<DbCraReader> => {
    if (!state.up) throw new Error(`${name} refused`);
    state.opens++;
    return {
      readContacts: async () => {
        if (!state.up) throw new Error(`${name} went away`);
        state.reads++;
        return [{ dialingListId: 1, campaignId: 200, accountNumber: name, callStatus: 1, callResult: null, callsMade: 0, createdAt: null, fromHistory: false }] as DbCraContact[];
      },
      readCallDetails: async () => [],
      close: async () => undefined,
    };
  };
  return { state, open };
}

function recordingLog() {
  const lines: Array<{ level: string; message: string }> = [];
  return { lines, warn: (_: unknown, message: string) => lines.push({ level: 'warn', message }), info: (_: unknown, message: string) => lines.push({ level: 'info', message }) };
}

describe('FailoverDbCraReader', () => {
  test('reads the first (standby) node while it answers', async () => {
    const [a, b] = [node('standby'), node('active')];
    const reader = await new FailoverDbCraReader([a.open, b.open], { log: recordingLog() }).open();
    assert.equal((await reader.readContacts([200]))[0]!.accountNumber, 'standby');
    assert.deepEqual([a.state.opens, b.state.opens], [1, 0]);
  });

  test('a read failing on the standby moves to the other node, logs the switch once, and returns later', async () => {
    let clock = 0;
    const [a, b] = [node('standby'), node('active')];
    const log = recordingLog();
    const reader = await new FailoverDbCraReader([a.open, b.open], { log, now: () => clock, preferredRetryMs: 60_000 }).open();
    a.state.up = false;
    for (let i = 0; i < 5; i++) assert.equal((await reader.readContacts([200]))[0]!.accountNumber, 'active');
    assert.equal(reader.nodeIndex, 1);
    assert.equal(log.lines.filter((l) => l.level === 'warn').length, 2, JSON.stringify(log.lines)); // the failed read + the switch
    clock = 30_000;
    a.state.up = true;
    await reader.readContacts([200]);
    assert.equal(reader.nodeIndex, 1, 'not back before preferredRetryMs');
    clock = 61_000;
    assert.equal((await reader.readContacts([200]))[0]!.accountNumber, 'standby');
    assert.equal(log.lines.at(-1)!.message, 'db_cra: reading node 1 again');
  });

  test('the standby down at start: the other node is opened, one warning', async () => {
    const [a, b] = [node('standby'), node('active')];
    a.state.up = false;
    const log = recordingLog();
    const reader = await new FailoverDbCraReader([a.open, b.open], { log }).open();
    await reader.readContacts([200]);
    await reader.readContacts([200]);
    assert.equal(reader.nodeIndex, 1);
    assert.deepEqual(log.lines.map((l) => l.level), ['warn']);
  });
});

describe('db_cra settings', () => {
  test('CM_DBCRA_NODES fills {host} and {server} per node, standby first; CM_DBCRA_FAILOVER_URL adds one', () => {
    const s = loadDbCraSettings({
      CM_DBCRA_DRIVER: 'odbc',
      CM_DBCRA_URL: 'DRIVER={IBM INFORMIX ODBC DRIVER (64-bit)};HOST={host};SERVER={server};SERVICE=1504;PROTOCOL=onsoctcp;DATABASE=db_cra;UID=uccxhruser;PWD=x',
      CM_DBCRA_NODES: 'uccx-b.corp.example, uccx-a.corp.example',
    });
    assert.match(s.url!, /HOST=uccx-b\.corp\.example;SERVER=uccx_b_uccx;/);
    assert.match(s.failoverUrls![0]!, /HOST=uccx-a\.corp\.example;SERVER=uccx_a_uccx;/);
    assert.equal(informixServerOf('UCCX-PUB'), 'UCCX_PUB_uccx');
    assert.deepEqual(loadDbCraSettings({ CM_DBCRA_URL: 'a', CM_DBCRA_FAILOVER_URL: 'b' }).failoverUrls, ['b']);
    assert.throws(() => loadDbCraSettings({ CM_DBCRA_URL: 'no-placeholder', CM_DBCRA_NODES: 'x' }), /\{host\}/);
    assert.throws(() => loadDbCraSettings({ CM_DBCRA_DRIVER: 'jdbc' }), /odbc", "informix" or "sql"/);
  });

  test('against a real UCCX the sync reads once a minute by default; the stand-in keeps 5 s; the lookback is 7 days', () => {
    assert.equal(DBCRA_SYNC_INTERVAL_MS, 60_000);
    assert.equal(loadConfig({ CM_DBCRA_DRIVER: 'odbc', CM_DBCRA_URL: 'DSN=uccx' }).jobs.syncIntervalMs, 60_000);
    assert.equal(loadConfig({ CM_DBCRA_DRIVER: 'informix', CM_DBCRA_URL: 'x' }).jobs.syncIntervalMs, 60_000);
    assert.equal(loadConfig({}).jobs.syncIntervalMs, 5000);
    assert.equal(loadConfig({ CM_DBCRA_DRIVER: 'odbc', CM_SYNC_INTERVAL_MS: '120000' }).jobs.syncIntervalMs, 120_000);
    assert.equal(loadConfig({}).dbcra.lookbackHours, 168);
  });
});
