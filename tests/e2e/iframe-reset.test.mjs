// Iframe embeds keep their height on host pages whose CSS reset sets
// `height: auto` on replaced elements (which beats a `height` attribute):
// the project's snippet and the Pym.js snippet, both copied from the built
// editor page, with the real pym.js parent; and the project's snippet with
// JavaScript off, where only what was pasted holds the height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchConsole, screenshot } from './harness.mjs';
import { serveHost } from './pages/host-server.mjs';

const SLUG = 'anchorage-summit';
const RESET = `*, *::before, *::after { box-sizing: border-box; }
img, picture, video, canvas, svg, iframe { display: block; max-width: 100%; height: auto; }
body { margin: 0; font: 18px/1.6 Georgia, serif; } main { max-width: 680px; margin: 0 auto; padding: 16px; }`;

let browser, server, snippets;
before(async () => {
  browser = await launch();
  server = await serveHost();
  // The snippets exactly as the editor page offers them for a 600 px column.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}${SLUG}/embed.html`);
  await page.waitForFunction(() => document.body.getAttribute('data-heights-measured') === 'true', null, { timeout: 120000, polling: 250 });
  await page.check('input[name="column"][value="600"]');
  snippets = {
    iframe: await page.locator('#snippet-iframe').textContent(),
    pym: await page.locator('#snippet-pym').textContent(),
    height: await page.evaluate(() => window.DatelineEditor.heights()[600]),
  };
  await page.close();
});
after(async () => { await browser?.close(); await server?.close(); });

function hostPage(name, body) {
  writeFileSync(join(server.dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Reset host</title><link rel="icon" href="data:,">
<style>${RESET}</style></head><body><main style="width:632px"><h1>A story</h1><p>Before the embed.</p>
${body}
<p>After the embed.</p></main></body></html>`);
  return `${server.url}${name}`;
}

// The frame's rendered height once it equals its document's content height and stays so.
async function settledHeight(page, selector) {
  const handle = await page.waitForFunction((sel) => {
    const f = document.querySelector(sel);
    const doc = f && f.contentDocument;
    if (!doc || !doc.querySelector('.dateline--live')) return false;
    const content = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    const h = f.getBoundingClientRect().height;
    if (Math.abs(h - content) > 1 || content < 300) { f.__since = 0; return false; }
    f.__since = f.__since || performance.now();
    return performance.now() - f.__since > 600 ? h : false;
  }, selector, { timeout: 30000, polling: 100 });
  return handle.jsonValue();
}

test('the editor\'s iframe and Pym.js snippets keep the content height under a height:auto reset', async () => {
  assert.match(snippets.pym, /<div id="dateline-anchorage-summit"><\/div>\n<script src="[^"]+\/pym\.v1\.min\.js"><\/script>/);
  const url = hostPage('reset-frames.html', `<div id="ours">${snippets.iframe}</div>\n<div id="with-pym">${snippets.pym}</div>`);
  const page = await browser.newPage({ viewport: { width: 680, height: 900 } });
  const errors = watchConsole(page);
  await page.goto(url);
  await page.locator('#ours iframe').scrollIntoViewIfNeeded();
  const ours = await settledHeight(page, '#ours iframe');
  await page.locator('#with-pym iframe').scrollIntoViewIfNeeded();
  const pym = await settledHeight(page, '#with-pym iframe');
  console.log(`under a reset at 600 px: our snippet ${ours}px, Pym.js snippet ${pym}px (editor measured ${snippets.height}px)`);
  assert.ok(Math.abs(ours - snippets.height) <= 1, `our frame ${ours} vs measured ${snippets.height}`);
  assert.ok(Math.abs(pym - snippets.height) <= 1, `pym frame ${pym} vs measured ${snippets.height}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no horizontal scroll');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'iframe-reset-host-680x900');
  assert.deepEqual(errors, []);
  await page.close();
});

test('with JavaScript off the pasted iframe snippet still holds its height under the reset', async () => {
  const url = hostPage('reset-nojs.html', `<div id="ours">${snippets.iframe}</div>`);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 680, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  const h = await page.evaluate(() => document.querySelector('#ours iframe').getBoundingClientRect().height);
  assert.equal(Math.round(h), snippets.height);
  await context.close();
});
