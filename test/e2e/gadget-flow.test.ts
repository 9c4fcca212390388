// End to end on the running embedded default (what `npm start` runs), in Debian's Chromium:
// book from the calendar as 1001, see it in My callbacks, reassign it as supervisor 2001 (live),
// then let the real loop run — dispatcher → UCCX simulator → dialer → IVR lookup → routed to the
// agent → Finesse host page — and see the callback call arrive at the agent with its context.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, openAroundTheClock, restAs, startEmbedded, type Embedded } from './embedded.ts';

const SHOTS = new URL('../../test-output/e2e/', import.meta.url).pathname;

let cm: Embedded;
let browser: Browser;

const rest = (method: string, path: string, user: string, body?: unknown) => restAs(cm, method, path, user, body);

async function signIn(user: string, locale = 'en_US'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error(`[${user} page error]`, e.message));
  await page.goto(`${cm.desktopUrl}?user=${user}&locale=${locale}`);
  await page.frameLocator('#gadget-frame').locator('[role="tab"]').first().waitFor({ timeout: 20_000 });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  cm = await startEmbedded();
  // Open every hour of every day, so the test does not depend on when CI runs; no lead time,
  // so a callback can be made due at once.
  await openAroundTheClock(cm);
  const campaign = (await rest('GET', '/api/v1/admin/campaigns', '9001')).find((c: { name: string }) => c.name === 'CB_MAIN');
  const { id, name, createdAt, updatedAt, holidayCalendarId, ...rest_ } = campaign;
  await rest('PUT', '/api/v1/admin/campaigns/CB_MAIN', '9001', { ...rest_, holidayCalendar: null });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await cm?.stop();
});

test('an agent books from the calendar, the supervisor reassigns live, the callback call arrives', async () => {
  // 1. Agent 1001 is on a call and books a callback for the customer from the calendar.
  const agent = await signIn('1001');
  const g = agent.frameLocator('#gadget-frame');
  await agent.fill('#ob-account', 'SALES-77');
  await agent.fill('#ob-number', '+48 601 234 561');
  await agent.fill('#ob-name', 'Jan Kowalski');
  await agent.click('#present-outbound');
  await g.locator('.slot:not(.closed)').first().waitFor({ timeout: 10_000 });
  for (let i = 0; i < 50 && (await g.locator('#firstName').inputValue()) !== 'Jan'; i++) await agent.waitForTimeout(100);
  assert.equal(await g.locator('#firstName').inputValue(), 'Jan', 'first name from BABuddyName');
  assert.match(await g.locator('cb-phone-field input').inputValue(), /601\s?234\s?561/);
  await g.locator('.slot:not(.closed)').first().click();
  await g.locator('#notes').fill('Asked about <b>premium</b> plan');
  await shot(agent, '1-booking-form');
  await g.locator('button[type="submit"]').click();
  await g.locator('.notice').waitFor({ timeout: 10_000 });

  // 2. It is in "My callbacks".
  await g.locator('#tab-mine').click();
  await g.locator('tr[data-id]').first().waitFor({ timeout: 10_000 });
  assert.match((await g.locator('tr[data-id]').first().textContent()) ?? '', /Jan Kowalski/);
  await shot(agent, '2-my-callbacks');
  const [booked] = (await rest('GET', '/api/v1/callbacks?campaign=CB_MAIN', '1001')).items;
  assert.equal(booked.phoneE164, '+48601234561');
  assert.equal(booked.notes, 'Asked about <b>premium</b> plan');

  // 3. Supervisor 2001 reassigns it to 1002 and sees new bookings arrive live.
  const sup = await signIn('2001');
  const s = sup.frameLocator('#gadget-frame');
  await s.locator('#tab-team').click();
  await s.locator('tbody tr[data-id]').first().waitFor({ timeout: 10_000 });
  await s.locator('[data-action="reassign"]').first().click();
  await s.locator('cb-callback-actions select').first().selectOption('agent:1002');
  await s.locator('cb-callback-actions form .primary').first().click();
  // The row's own reassign form lists "Piotr Kowalski" already: wait for the stored change instead.
  let agentId = '';
  for (let i = 0; i < 50 && agentId !== '1002'; i++) {
    agentId = (await rest('GET', `/api/v1/callbacks/${booked.id}`, '2001')).agentId;
    if (agentId !== '1002') await new Promise((res) => setTimeout(res, 200));
  }
  assert.equal(agentId, '1002');
  const second = await rest('POST', '/api/v1/callbacks', '1001', { campaign: 'CB_MAIN', phone: '601 234 552', scheduledAt: new Date(Date.now() + 3600_000).toISOString(), skill: 'Sales', firstName: 'Ola', lastName: 'Live' });
  await s.locator(`tbody tr[data-id="${second.id}"]`).waitFor({ timeout: 10_000 });
  await shot(sup, '3-supervisor-reassigned');

  // 4. Make it due now: the dispatcher pushes it to UCCX, the dialer calls, the IVR looks it up
  //    and routes it to 1002, whose desktop presents the call; the gadget shows its context.
  const receiver = await signIn('1002');
  const r = receiver.frameLocator('#gadget-frame');
  await rest('POST', `/api/v1/callbacks/${booked.id}/reschedule`, '2001', { scheduledAt: new Date(Date.now() + 2000).toISOString() });
  const arrival = r.locator('cb-arrival section');
  await arrival.waitFor({ timeout: 45_000 });
  const text = (await arrival.textContent()) ?? '';
  assert.match(text, /Jan Kowalski/);
  assert.match(text, /premium/);
  await shot(receiver, '4-arrival');

  // 5. The arrival is acknowledged: completed, with the whole story in the history; live for the supervisor.
  let status = '';
  for (let i = 0; i < 50 && status !== 'completed'; i++) {
    status = (await rest('GET', `/api/v1/callbacks/${booked.id}`, '2001')).status;
    if (status !== 'completed') await new Promise((res) => setTimeout(res, 200));
  }
  assert.equal(status, 'completed');
  const events = (await rest('GET', `/api/v1/callbacks/${booked.id}/history`, '2001')).map((h: { event: string }) => h.event);
  for (const e of ['booked', 'reassigned', 'rescheduled', 'claimed', 'imported', 'confirmed', 'routed', 'arrived', 'completed']) assert.ok(events.includes(e), `${e} in ${events}`);
  await s.locator(`tbody tr[data-id="${booked.id}"]`, { hasText: /completed/i }).waitFor({ timeout: 10_000 });
  await s.locator('.counts', { hasText: 'completed: 1' }).waitFor({ timeout: 10_000 });
  await shot(sup, '5-supervisor-live');
});

test('the desktop and the gadget page declare the session language (axe html-has-lang, html-lang-valid)', async () => {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const page = await signIn('1001', 'pl_PL');
  const frame = page.frame({ url: /\/desktop\/gadget/ });
  assert.ok(frame, 'the gadget frame');
  await frame.waitForFunction(() => document.documentElement.lang === 'pl-PL', undefined, { timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl-PL');
  for (const doc of [page.mainFrame(), frame]) {
    await doc.addScriptTag({ content: axe });
    const violations = await doc.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document, { runOnly: ['html-has-lang', 'html-lang-valid'] });
      return result.violations.map((v) => v.id);
    });
    assert.deepEqual(violations, [], `${doc.url()}: ${violations}`);
  }
  await page.close();
});
