// The simulator's chaos instruments: the control API makes the admin API fail, hang or answer late
// (after doing the work), stops and starts HA nodes; the journal records every import (with the
// contacts already open) and every DELETE (with the contacts it took).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startControlApi } from '../../sim/uccx/control.ts';
import { journalTo, readJournal } from '../../sim/uccx/journal.ts';
import { adminAuth, HEADER, postContacts, startTestSim } from '../sim/uccx-helpers.ts';

describe('UCCX simulator: chaos controls and journal', () => {
  test('faults set through the control API change what the admin API answers', async (t) => {
    const { sim, cleanup } = await startTestSim('sqlite', { nodes: 2 });
    const control = await startControlApi(sim, 0);
    t.after(async () => (await control.app.close(), await cleanup()));
    const put = (body: unknown) => fetch(`${control.url}/simulator/fault`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const list = () => fetch(`${sim.url}/adminapi/campaign`, { headers: adminAuth, signal: AbortSignal.timeout(1500) });

    assert.equal((await put({ status: 500 })).status, 200);
    assert.equal((await list()).status, 500);
    await put({ hang: true });
    await assert.rejects(list(), /aborted|timeout/i);
    await put({ delayMs: 600 });
    const started = Date.now();
    assert.equal((await list()).status, 200);
    assert.ok(Date.now() - started >= 550, 'answered only after the delay');
    assert.equal((await put({ status: 200 })).status, 400, 'a fault status must be an error status');
    await put({});
    assert.equal((await list()).status, 200);

    const stopped = await (await fetch(`${control.url}/simulator/nodes/0/stop`, { method: 'POST' })).json();
    assert.deepEqual(stopped.nodes.map((n: { running: boolean; master: boolean }) => [n.running, n.master]), [[false, false], [true, true]]);
    await assert.rejects(list(), /fetch failed/);
    await fetch(`${control.url}/simulator/nodes/0/start`, { method: 'POST' });
    assert.equal((await list()).status, 200);
    assert.equal(sim.nodes[0]?.isMaster, false, 'back as standby');
  });

  test('a slow answer comes after the import was made: the contact is there although the client gave up', async (t) => {
    const { sim, cleanup } = await startTestSim('sqlite');
    t.after(cleanup);
    sim.setFault({ delayMs: 800 });
    const res = fetch(`${sim.url}/adminapi/campaign/200/contacts`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/xml' },
      body: `<campaignContacts><campaign name="CB_DDI_1"/><allowDuplicateContacts>true</allowDuplicateContacts><csvdata>${HEADER}\nSLOW1,A,B,0221234561,,,</csvdata></campaignContacts>`,
      signal: AbortSignal.timeout(200),
    });
    await assert.rejects(res);
    await new Promise((r) => setTimeout(r, 900));
    const rows = await sim.db.query<{ accountnumber: string }>('SELECT accountnumber FROM dialinglist');
    assert.deepEqual(rows.map((r) => r.accountnumber), ['SLOW1']);
  });

  test('the journal records imports with the contacts already open, and DELETEs with the contacts they took', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-journal-'));
    const file = join(dir, 'journal.jsonl');
    const { sim, cleanup } = await startTestSim('sqlite', { journal: journalTo(file) });
    t.after(async () => (await cleanup(), rmSync(dir, { recursive: true, force: true })));
    assert.equal((await postContacts(sim, `${HEADER}\nACC1,A,B,0221234561,,,\nACC2,A,B,0221234562,,,`)).status, 202);
    assert.equal((await postContacts(sim, `${HEADER}\nACC1,A,B,0221234561,,,`)).status, 202);
    assert.equal((await fetch(`${sim.url}/adminapi/campaign/200/contacts`, { method: 'DELETE', headers: adminAuth })).status, 200);
    const entries = readJournal(file).map((e) => (e.type === 'import' ? [e.type, e.accounts, e.alreadyOpen] : [e.type, [...e.open].sort()]));
    assert.deepEqual(entries, [
      ['import', ['ACC1', 'ACC2'], []],
      ['import', ['ACC1'], ['ACC1']],
      ['delete', ['ACC1', 'ACC1', 'ACC2']],
    ]);
  });
});
