// Stuck callbacks (issue 11) against the UCCX stand-in, on SQLite and PostgreSQL: re-verify asks
// UCCX/db_cra, re-push is refused while UCCX holds the contact and otherwise makes the callback due
// again for the dispatcher, force-complete closes with a reason; each refused (409) where the
// lifecycle does not allow it, admins only, audited with the state before and after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { as, build } from '../helpers/build.ts';
import { DIALECTS } from '../helpers/databases.ts';
import { insertTestCallback } from '../db/seed-helpers.ts';
import { findCallbackById } from '../../db/queries/callbacks.ts';
import { listHistory } from '../../db/queries/history.ts';
import { dispatchOnce } from '../../jobs/dispatch.ts';
import { DEFAULT_DISPATCH } from '../../jobs/deps.ts';
import { SqlDbCraReader } from '../../jobs/dbcra/sql-reader.ts';
import { UccxAdminClient } from '../../jobs/uccx/admin-client.ts';
import { makeDeps } from '../jobs/helpers.ts';
import { startFakeUccx } from '../jobs/fake-uccx.ts';
import { NOW, now } from './fixtures.ts';

const admin = as('9001');

for (const dialect of DIALECTS) {
  test(`stuck callbacks on ${dialect}: re-verify, re-push (only when UCCX no longer holds it), force-complete`, async (t) => {
    const uccx = await startFakeUccx();
    const reader = await SqlDbCraReader.connect(uccx.dbcraUrl);
    t.after(async () => {
      await reader.close();
      await uccx.close();
    });
    const app = await build(t, { now, dialect, env: { CM_UCCX_URL: uccx.url, CM_DBCRA_URL: uccx.dbcraUrl } });
    const deps = makeDeps(app.db, { uccx: new UccxAdminClient({ url: uccx.url, user: 'administrator', password: 'ciscocisco', timeoutMs: 1000 }), reader, now });
    const post = (url: string, payload?: object, headers = admin) => app.inject({ method: 'POST', url: `/api/v1/admin/callbacks/${url}`, headers, payload });

    const held = await insertTestCallback(app.db, { scheduledAt: NOW.toISOString() });
    await dispatchOnce(deps, DEFAULT_DISPATCH);
    assert.equal((await findCallbackById(app.db, held.id))?.status, 'queued');
    // A call whose contact UCCX lost (deleted while dialling): the row is gone from UCCX and db_cra.
    const lost = await insertTestCallback(app.db, { scheduledAt: NOW.toISOString(), status: 'dialing', uccxCampaignId: 200, uccxDialingListId: 9999 });
    const waiting = await insertTestCallback(app.db, { scheduledAt: '2026-12-01T15:00:00.000Z' });

    assert.equal((await post(`${held.id}/reverify`, undefined, as('2001'))).statusCode, 403, 'admins only');
    const checked = await post(`${held.id}/reverify`);
    assert.equal(checked.statusCode, 200, checked.body);
    assert.deepEqual([checked.json().before, checked.json().after, checked.json().found], ['queued', 'queued', 'open']);
    const refused = await post(`${held.id}/repush`, { note: 'stuck since noon' });
    assert.equal(refused.statusCode, 409, 'UCCX still holds the contact: a second one could call twice');
    assert.equal(refused.json().error, 'invalid_state');
    assert.equal((await post(`${waiting.id}/repush`, {})).statusCode, 409, 'a waiting callback is pushed anyway');
    assert.equal((await post(`${waiting.id}/reverify`)).statusCode, 409, 'nothing in UCCX to ask about');

    const gone = await post(`${lost.id}/reverify`);
    assert.deepEqual([gone.json().before, gone.json().after, gone.json().found], ['dialing', 'dialing', 'gone']);
    const repushed = await post(`${lost.id}/repush`, { note: 'contact lost in UCCX' });
    assert.equal(repushed.statusCode, 200, repushed.body);
    assert.deepEqual([repushed.json().before, repushed.json().after, repushed.json().callback.nextAttemptAt], ['dialing', 'retry_wait', NOW.toISOString()]);
    assert.equal((await dispatchOnce(deps, DEFAULT_DISPATCH)).imported, 1, 'the dispatcher imports it again');
    assert.equal((await findCallbackById(app.db, lost.id))?.status, 'queued');
    assert.ok((await uccx.rows(200)).some((r) => r.accountnumber === lost.accountNumber));

    assert.equal((await post(`${waiting.id}/force-complete`, { reason: 'x\u0007y' })).statusCode, 400, 'control characters refused');
    assert.equal((await post(`${waiting.id}/force-complete`, {})).statusCode, 400, 'a reason is required');
    const closed = await post(`${waiting.id}/force-complete`, { reason: 'customer reached by e-mail' });
    assert.deepEqual([closed.json().before, closed.json().after, closed.json().callback.reason], ['scheduled', 'completed', 'completed_by_admin']);
    assert.deepEqual((await listHistory(app.db, waiting.id)).at(-1)?.details, { by: 'admin', reason: 'customer reached by e-mail', previousStatus: 'scheduled' });
    const twice = await post(`${waiting.id}/force-complete`, { reason: 'again' });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error, 'invalid_state');

    const audit = (await app.inject({ url: '/api/v1/admin/audit', headers: admin })).json() as Array<{ actor: string; action: string; target: string; before: unknown; after: { status: string } }>;
    assert.deepEqual(audit.map((a) => `${a.actor} ${a.action} ${a.target} ${JSON.stringify(a.before)}→${a.after.status}`), [
      `9001 callback.force_complete callback:${waiting.id} {"status":"scheduled"}→completed`,
      `9001 callback.repush callback:${lost.id} {"status":"dialing"}→retry_wait`,
      `9001 callback.reverify callback:${lost.id} {"status":"dialing"}→dialing`,
      `9001 callback.reverify callback:${held.id} {"status":"queued"}→queued`,
    ]);
  });
}

test('re-verify answers 503 uccx_unavailable when UCCX cannot be asked', async (t) => {
  const app = await build(t, { now, env: { CM_UCCX_URL: 'http://127.0.0.1:9', CM_DBCRA_URL: 'sqlite::memory:' } });
  const c = await insertTestCallback(app.db, { status: 'queued', uccxCampaignId: 200 });
  const res = await app.inject({ method: 'POST', url: `/api/v1/admin/callbacks/${c.id}/reverify`, headers: admin });
  assert.equal(res.statusCode, 503, res.body);
  assert.equal(res.json().error, 'uccx_unavailable');
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/admin/callbacks/999999/reverify', headers: admin })).statusCode, 404);
});
