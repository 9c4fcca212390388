// End to end (issue 10) on the running embedded default in Chromium: with 500 finished callbacks
// in the history and 20 active ones, "My callbacks" shows the active ones first, and the agent finds
// one by part of its number; in a 300 px Finesse column the list is cards whose Reschedule and
// Cancel are inside the column and take a click.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { openDatabase } from '../../db/index.ts';
import { callbackSearchText } from '../../domain/search-text.ts';
import { CHROMIUM_ARGS, startEmbedded, type Embedded } from './embedded.ts';

const SHOTS = new URL('../../test-output/e2e/', import.meta.url).pathname;
const FINISHED = ['completed', 'failed', 'expired', 'cancelled'];

let cm: Embedded;
let browser: Browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  cm = await startEmbedded({ CM_JOBS_ENABLED: 'false' });
  // The history of a long-running site, arranged straight in the database (older, finished ones
  // first by time, so a list by scheduled time alone would show only them).
  const db = await openDatabase(cm.databaseUrl, { migrate: false });
  const base = Date.now() - 400 * 86_400_000;
  const row = (i: number, status: string, at: number) => {
    const c = {
      accountNumber: `HIST${String(i).padStart(5, '0')}`,
      campaign: 'CB_MAIN',
      type: 'personal',
      agentId: '1001',
      skill: 'Sales',
      firstName: i >= 500 ? `Active${i - 500}` : 'Old',
      lastName: `Customer${i}`,
      phone: `+48 601 ${String(100000 + i)}`,
      phoneE164: `+48601${String(100000 + i)}`,
      dialString: `0601${String(100000 + i)}`,
      scheduledAt: new Date(at),
      slotStart: new Date(at),
      timeZone: 'Europe/Warsaw',
      status,
      attempts: 1,
      source: 'outbound',
      createdBy: '1001',
      teamId: '1',
      version: 1,
    };
    return { ...c, searchText: callbackSearchText(c) };
  };
  const rows = [];
  for (let i = 0; i < 500; i++) rows.push(row(i, FINISHED[i % 4], base + i * 3_600_000));
  for (let i = 500; i < 520; i++) rows.push(row(i, 'scheduled', Date.now() + (i - 499) * 3_600_000));
  await db.models.Callback.bulkCreate(rows);
  await db.close();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await cm?.stop();
});

test('My callbacks among 500 finished: the 20 active ones first, one found by part of its number', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${cm.desktopUrl}?user=1001&locale=en_US`);
  const g = page.frameLocator('#gadget-frame');
  await g.locator('#tab-mine').click();
  const upcoming = g.locator('cb-my-callbacks section.upcoming tr[data-id]');
  await upcoming.first().waitFor({ timeout: 20_000 });
  assert.equal(await upcoming.count(), 20, 'all 20 active callbacks on the first page');
  assert.match((await g.locator('cb-my-callbacks section.upcoming h3').textContent()) ?? '', /\(20\)/);
  await page.screenshot({ path: `${SHOTS}lists-1-active-first.png`, fullPage: true });
  await g.locator('#mine-search').fill('601 100 507');
  const rows = g.locator('cb-my-callbacks tr[data-id]');
  for (let i = 0; i < 100 && (await rows.count()) !== 1; i++) await page.waitForTimeout(100);
  assert.equal(await rows.count(), 1, 'the search narrowed the list on the server');
  assert.match((await rows.first().textContent()) ?? '', /Active7/);
  await page.screenshot({ path: `${SHOTS}lists-2-found-by-number.png`, fullPage: true });
});

test('My callbacks in a 300 px column: the first card\'s Reschedule and Cancel are inside it and clickable', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${cm.desktopUrl}?user=1001&locale=en_US`);
  // A narrow Finesse column: the gadget's iframe is 300 px wide, as in a three-column layout.
  const frame = page.locator('#gadget-frame');
  await frame.waitFor({ timeout: 20_000 });
  await frame.evaluate((f) => ((f as HTMLElement).style.width = '300px'));
  const g = page.frameLocator('#gadget-frame');
  await g.locator('#tab-mine').click();
  const card = g.locator('cb-my-callbacks section.upcoming tr[data-id]').first();
  await card.waitFor({ timeout: 20_000 });
  assert.equal(await card.evaluate((tr) => getComputedStyle(tr).display), 'grid', 'rows are cards at 300 px');
  const column = await frame.boundingBox();
  assert.ok(column && Math.round(column.width) === 300);
  for (const action of ['reschedule', 'cancel']) {
    const button = card.locator(`cb-callback-actions [data-action="${action}"]`);
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    assert.ok(box, `${action} is rendered`);
    assert.ok(box.x >= column.x - 1 && box.x + box.width <= column.x + column.width + 1, `${action} spans ${box.x - column.x}..${box.x + box.width - column.x} of 300 px`);
    // Playwright's trial click: visible, enabled, stable and the topmost element at its point.
    await button.click({ trial: true, timeout: 5_000 });
  }
  assert.equal(await g.locator('cb-my-callbacks').evaluate((el) => el.scrollWidth <= el.clientWidth + 1), true, 'no sideways scrolling');
  // The click works: Cancel opens its confirmation, inside the column too.
  await card.locator('cb-callback-actions [data-action="cancel"]').click();
  const confirm = card.locator('cb-callback-actions .panel .primary');
  await confirm.waitFor();
  const confirmBox = await confirm.boundingBox();
  assert.ok(confirmBox && confirmBox.x + confirmBox.width <= column.x + column.width + 1, 'the confirmation fits the column');
  await page.screenshot({ path: `${SHOTS}lists-3-narrow-300.png`, clip: { x: column.x - 10, y: Math.max(0, confirmBox.y - 400), width: 320, height: 700 } });
});
