// The offline single file: dist/<slug>.offline.html opened from file:// works
// like the standalone page (full mode, ?mode=, ?theme=, #quote=) with no
// request at all besides the file itself, and stays within its byte budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openRecorded, waitForReady, screenshot, DIST } from './harness.mjs';

const SLUG = 'anchorage-summit';
const FILE = join(DIST, `${SLUG}.offline.html`);
const BUDGET = 600 * 1024;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(suffix = '', options = {}) {
  const { context, page, errors, requests } = await openRecorded(browser, options);
  const url = pathToFileURL(FILE).href + suffix;
  await page.goto(url);
  await waitForReady(page);
  return { context, page, errors, requests, url };
}

const state = (page) => page.evaluate(() => document.querySelector('[data-dateline]').dateline.state());

test(`offline file is one file within ${BUDGET} bytes`, () => {
  const bytes = statSync(FILE).size;
  console.log(`${SLUG}.offline.html: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
  assert.ok(bytes <= BUDGET, `${bytes} bytes <= ${BUDGET}`);
});

test('offline file from file://: ready, zero requests, a quote can be selected', async () => {
  const { context, page, errors, requests, url } = await open();
  const s = await state(page);
  assert.equal(s.mode, 'full');
  const targets = await page.evaluate(() => document.querySelector('[data-dateline]').dateline.targets());
  assert.ok(targets.some((t) => t.type === 'quote') && targets.some((t) => t.type === 'place'), 'quotes and pins are live');
  await screenshot(page.locator('[data-dateline]'), 'offline-full-1280x800');

  const ok = await page.evaluate(() => document.querySelector('[data-dateline]').dateline.select('quote', 'next-time-in-moscow'));
  assert.equal(ok, true);
  await page.waitForFunction(() => document.querySelector('[data-dateline]').dateline.state().selected?.id === 'next-time-in-moscow');
  assert.equal(await page.evaluate(() => location.hash), '#quote=next-time-in-moscow');
  await page.waitForTimeout(1200);  // the map's flight settles
  await screenshot(page.locator('[data-dateline]'), 'offline-full-quote-1280x800');

  assert.deepEqual(requests, [url], 'the file is the only request');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline file: ?mode=companion&theme=dark and #quote= work as on the standalone page', async () => {
  const { context, page, errors, requests, url } = await open('?mode=companion&theme=dark#quote=long-overdue',
    { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  await page.waitForFunction(() => document.querySelector('[data-dateline]').dateline.state().selected);
  const s = await state(page);
  assert.equal(s.mode, 'companion');
  assert.equal(s.theme, 'dark');
  assert.deepEqual(s.selected, { type: 'quote', id: 'long-overdue' });
  await page.waitForTimeout(800);
  await screenshot(page.locator('[data-dateline]'), 'offline-companion-dark-375x812@2x');
  assert.deepEqual(requests, [url.split('#')[0]], 'the file is the only request');
  assert.deepEqual(errors, []);
  await context.close();
});
