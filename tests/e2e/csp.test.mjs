// Under a strict Content-Security-Policy sent by the server (plus only
// 'wasm-unsafe-eval'), the standalone page, the companion page in a frame and
// the editor's page start, report no violation or console error, and request
// nothing from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openRecorded, waitForReady, screenshot } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SLUG = 'anchorage-summit';

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist({ headers: { 'Content-Security-Policy': CSP } });
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(path, options = {}) {
  const { context, page, errors, requests } = await openRecorded(browser, { viewport: { width: 1280, height: 900 }, ...options });
  const response = await page.goto(server.url + path);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the server sends the policy');
  return { context, page, errors, requests };
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    all.push(...(await frame.evaluate(() => window.__violations || []).catch(() => [])));
  }
  return all;
}

function foreign(requests) {
  const origin = new URL(server.url).origin;
  return requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
}

test('standalone page under a strict CSP header: ready, no violation, nothing from elsewhere', async () => {
  const { context, page, errors, requests } = await open(`${SLUG}/`);
  const ready = await waitForReady(page);
  assert.equal(ready.slug, SLUG);
  await page.evaluate(() => document.querySelector('[data-dateline]').dateline.select('quote', 'next-time-in-moscow'));
  await page.waitForFunction(() => document.querySelector('[data-dateline]').dateline.state().selected);
  await page.waitForTimeout(500);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests), []);
  assert.ok(!requests.some((u) => u.endsWith('/dateline-frame.js')), 'a page that is not framed does not load the frame script');
  await context.close();
});

test('companion page in a frame under a strict CSP header: embedded, reports its height, no violation', async () => {
  const { context, page, errors, requests } = await open(`${SLUG}/embed.html`);
  await page.waitForFunction(() => document.body.getAttribute('data-heights-measured') === 'true', null, { timeout: 120000, polling: 250 });
  await page.locator('#preview-companion').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const f = document.querySelector('#preview-companion iframe');
    const doc = f && f.contentDocument;
    return doc && doc.querySelector('.dateline--live') && doc.documentElement.classList.contains('embedded') &&
      Math.abs(f.getBoundingClientRect().height - doc.documentElement.getBoundingClientRect().height) <= 1;
  }, null, { timeout: 20000, polling: 100 });
  await page.locator('#preview-full').scrollIntoViewIfNeeded();
  await waitForReady(page, '#preview-full [data-dateline]');
  await page.click('[data-copy="snippet-script"]');
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'csp-editor-1280x900');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests), []);
  assert.ok(requests.some((u) => u.endsWith('/dateline-frame.js')), 'the frame script is loaded for the iframe embed');
  await context.close();
});
