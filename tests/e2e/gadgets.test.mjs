// URLs in markup are data, never code. A CMS keeps data-* attributes, so any
// comment or pasted fragment on a page that loads dateline-embed.js can carry
// data-dateline / data-dateline-frame: none of them may load or frame
// anything but http(s) files on the embed script's origin (or one the page
// lists on the script tag), and a fetched article.html becomes inert DOM.
// Every gadget plants a marker (window.__pwned) if it ever runs; a second
// origin counts the requests it gets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, watchConsole, recordReadyEvents, waitForReady, DIST } from './harness.mjs';
import { serveHost } from './pages/host-server.mjs';
import { startServer } from '../../web/serve.mjs';

const SLUG = 'anchorage-summit';
let browser, host, other, otherDir;
const otherRequests = [];

// The other origin serves dist/ (a real widget, for the opt-in) and evil/,
// whose files plant the marker if they are ever run in the host page.
async function serveOtherOrigin() {
  otherDir = mkdtempSync(join(tmpdir(), 'dateline-other-'));
  for (const name of readdirSync(DIST)) symlinkSync(join(DIST, name), join(otherDir, name));
  mkdirSync(join(otherDir, 'evil'));
  writeFileSync(join(otherDir, 'evil/dateline.js'), "window.__pwned = 'script from another origin';\n");
  writeFileSync(join(otherDir, 'evil/article.html'),
    '<article class="dateline-article"><img src="x" onerror="window.__pwned=\'article from another origin\'"></article>');
  writeFileSync(join(otherDir, 'evil/index.html'), '<script>parent.__pwned = "frame from another origin"</script>');
  return startServer(otherDir, { onRequest: (url) => otherRequests.push(url) });
}

before(async () => {
  browser = await launch();
  host = await serveHost();
  other = await serveOtherOrigin();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await other?.close();
  if (otherDir) rmSync(otherDir, { recursive: true, force: true });
});

// Attribute values as a hostile fragment would write them. `BLOB` is replaced
// in the page by a same-origin blob: URL holding script (or a page) that plants the marker.
function gadgets(otherOrigin) {
  const o = otherOrigin.replace(/\/$/, '');
  const protocolRelative = o.replace(/^http:/, '');
  return {
    'data-dateline': [
      "data:text/javascript,window.__pwned='data'//",
      "  JaVaScRiPt:window.__pwned='javascript'//",
      "\u0001\u0010\u001f javascript:window.__pwned='controls'//",
      "\tjava\nscript:window.__pwned='tab and newline'//",
      'BLOB',
      `${protocolRelative}/evil/`,
      `${o}/evil/`,
      `HTTP://${o.slice('http://'.length)}/evil/`,
    ],
    'data-dateline-frame': [
      "javascript:parent.__pwned='frame javascript'//",
      " \u0001JAVASCRIPT:parent.__pwned='frame controls'//",
      'data:text/html,<script>parent.__pwned="frame data"</script>',
      'BLOB',
      `${protocolRelative}/evil/`,
      `${o}/evil/`,
    ],
  };
}

// Builds the gadget elements inside `container` (in the page) and returns how many were made.
async function plant(page, otherOrigin, where) {
  return page.evaluate(({ list, where }) => {
    const container = document.getElementById(where);
    const blobScript = URL.createObjectURL(new Blob(["window.__pwned='blob script'"], { type: 'text/javascript' }));
    const blobPage = URL.createObjectURL(new Blob(["<script>parent.__pwned='blob frame'</script>"], { type: 'text/html' }));
    let html = '';
    const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
      .replace(/[\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
    for (const [attr, values] of Object.entries(list)) {
      for (const v of values) {
        const value = v === 'BLOB' ? (attr === 'data-dateline' ? blobScript : blobPage) : v;
        html += `<div class="gadget" ${attr}="${esc(value)}"></div>\n`;
      }
    }
    // DOM clobbering: markup that shadows document.currentScript and the
    // names the scripts look up on window.
    html += '<img name="currentScript" alt="" width="1" height="1" src="/favicon.svg"><form id="DatelineModules"><input name="inline"></form>';
    container.innerHTML = html;
    return container.querySelectorAll('.gadget').length;
  }, { list: gadgets(otherOrigin), where });
}

async function assertNothingRan(page, label) {
  // Long enough for a script, a frame or a fetch that was started to land.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${label}: a marker was set`);
  assert.deepEqual(otherRequests.filter((u) => u.startsWith('/evil/')), [], `${label}: the other origin was asked`);
  const touched = await page.evaluate(() => [...document.querySelectorAll('.gadget')]
    .filter((el) => el.childNodes.length > 0 || el.dateline || el.className !== 'gadget')
    .map((el) => el.outerHTML.slice(0, 120)));
  assert.deepEqual(touched, [], `${label}: refused elements must stay as they were`);
  const frames = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.src));
  assert.ok(frames.every((src) => src.startsWith(`${host.url}${SLUG}/`)), `${label}: frames ${frames}`);
}

const PAGE = (withGadgets) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gadgets</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/dateline.css"></head>
<body><main><h1>A page with hostile fragments</h1>
<div id="at-load">${withGadgets}</div>
<div id="legit" data-dateline="/${SLUG}/" data-mode="companion"></div>
<div id="legit-frame" data-dateline-frame="/${SLUG}/?mode=companion"></div>
<div id="later"></div>
</main><script src="/dateline-embed.js" async></script></body></html>`;

// The markup the page carries at load: the same gadgets, written by the server.
function staticGadgets(otherOrigin) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
    .replace(/[\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
  let html = '';
  for (const [attr, values] of Object.entries(gadgets(otherOrigin))) {
    for (const v of values) if (v !== 'BLOB') html += `<div class="gadget" ${attr}="${esc(v)}"></div>\n`;
  }
  return html;
}

async function openGadgetPage(hostile, path = 'gadgets.html') {
  otherRequests.length = 0;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  writeFileSync(join(host.dir, 'gadgets.html'), PAGE(staticGadgets(other.url)));
  if (hostile) await page.route(`${host.url}${SLUG}/article.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostile }));
  await page.goto(`${host.url}${path}`);
  return { context, page, errors };
}

test('gadgets in markup, at load and inserted later, run nothing and load nothing; real embeds still work', async () => {
  const { context, page, errors } = await openGadgetPage(null);
  await assertNothingRan(page, 'at load');
  await waitForReady(page, '#legit');
  const atLoad = await page.evaluate(() => document.querySelectorAll('#at-load .gadget').length);
  assert.equal(errors.filter((e) => /^dateline: refused/.test(e)).length, atLoad, 'one console message per refused element');

  const later = await plant(page, other.url, 'later');
  await assertNothingRan(page, 'inserted later');
  // A rescan (another copy of the script, a later mutation) adds no message.
  await page.evaluate(() => window.DatelineEmbed.scan());
  await page.waitForTimeout(300);
  assert.equal(errors.filter((e) => /^dateline: refused/.test(e)).length, atLoad + later);
  assert.deepEqual(errors.filter((e) => !/^dateline: refused/.test(e)), []);

  // The real embeds beside the gadgets work: the widget selects, the frame is there.
  assert.equal(await page.evaluate(() => document.getElementById('legit').dateline.select('speaker', 'putin')), true);
  await page.waitForFunction(() => document.getElementById('legit').dateline.state().selected?.id === 'putin');
  assert.match(await page.evaluate(() => document.querySelector('#legit-frame iframe')?.src || ''),
    new RegExp(`^${host.url}${SLUG}/\\?mode=companion&initialWidth=`));
  await context.close();
});

test('markup that shadows the names the scripts use (DOM clobbering) neither stops real embeds nor widens what they load', async () => {
  // Before the script runs: a form named like its global, an image named like
  // document.currentScript pointing at the other origin.
  writeFileSync(join(host.dir, 'clobber.html'), PAGE(`<form id="DatelineEmbed"><input name="scan"></form>
<form id="DatelineFrame"><input name="scan"></form>
<img name="currentScript" alt="" width="1" height="1" src="${other.url}evil/clobber.svg">
<div class="gadget" data-dateline="${other.url}evil/"></div>`));
  const { context, page, errors } = await openGadgetPage(null, 'clobber.html');
  await waitForReady(page, '#legit');
  assert.deepEqual(otherRequests.filter((u) => u !== '/evil/clobber.svg'), []);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelector('.gadget').childNodes.length), 0);
  assert.equal(errors.filter((e) => /^dateline: refused/.test(e)).length, 1);
  await context.close();
});

test('a hostile article.html becomes inert DOM: no script, handler, URL, style or foreign class survives', async () => {
  const hostile = `<!doctype html><html><body>
<article class="dateline-article dateline--live evil" style="position:fixed;inset:0" id="DatelineEmbed" onclick="window.__pwned='click'">
<h1 onmouseover="window.__pwned='hover'">Hostile <img src="x" onerror="window.__pwned='img'">headline</h1>
<script>window.__pwned='script'</script>
<p>Text <a href="javascript:window.__pwned='link'">link</a> and <span class="dateline-quote" data-quote="diplomatic-win" onfocus="window.__pwned='focus'" style="color:red">diplomatic win</span>.</p>
<svg><script>window.__pwned='svg'</script><a href="javascript:window.__pwned='svg link'"><text>x</text></a></svg>
<math><mtext><img src=x onerror="window.__pwned='math'"></mtext></math>
<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<template><img src=x onerror="window.__pwned='template'"></template>
<form action="javascript:window.__pwned='form'"><button formaction="javascript:window.__pwned='button'">Go</button></form>
<video><source onerror="window.__pwned='video'"></video>
<details open ontoggle="window.__pwned='toggle'"><summary>More</summary></details>
<noscript><img src=x onerror="window.__pwned='noscript'"></noscript>
<time datetime="2025-08-16" onload="x">16 August</time>
</article></body></html>`;
  writeFileSync(join(host.dir, 'hostile.html'), PAGE(''));
  const { context, page, errors } = await openGadgetPage(hostile, 'hostile.html');
  await assertNothingRan(page, 'hostile article');
  await waitForReady(page, '#legit');
  await page.waitForFunction(() => document.querySelector('#legit').shadowRoot?.querySelector('.dateline-article'));
  // Hover and click over everything the article holds.
  const article = await page.evaluate(() => {
    const a = document.querySelector('#legit').shadowRoot.querySelector('.dateline-article');
    for (const el of a.querySelectorAll('*')) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.click();
    }
    const attrs = new Set();
    for (const el of [a, ...a.querySelectorAll('*')]) for (const at of el.attributes) attrs.add(at.name);
    return {
      tags: [...new Set([...a.querySelectorAll('*')].map((e) => e.localName))].sort(),
      attrs: [...attrs].sort(),
      classes: a.className,
      text: a.textContent.replace(/\s+/g, ' ').trim(),
    };
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  for (const tag of article.tags) assert.match(tag, /^(h2|p|span|time|button)$/, `element ${tag} survived`);
  // (aria-*, role, tabindex and type are the mirror's own, added after the rebuild)
  for (const attr of article.attrs) assert.match(attr, /^(class|datetime|data-quote|aria-pressed|aria-live|role|tabindex|type)$/, `attribute ${attr} survived`);
  assert.equal(article.classes, 'dateline-article dateline-article--fetched');
  assert.match(article.text, /Hostile headline Text link and diplomatic win/);
  assert.deepEqual(errors.filter((e) => !/^dateline: refused/.test(e)), []);
  await context.close();
});

test('another origin is loaded only when the page lists it on the script tag, and then works', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  const origin = other.url.replace(/\/$/, '');
  // Written to the host's folder, not fulfilled by page.route(): a fulfilled
  // document has no address, so Chromium's Local Network Access treats it as
  // public and blocks its requests to 127.0.0.1 on another port.
  writeFileSync(join(host.dir, 'opt-in.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Opt-in</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/dateline.css"></head><body><main><h1>Widgets from a second origin</h1>
<div id="cdn" data-dateline="${origin}/${SLUG}/" data-mode="companion"></div>
<div id="not-listed" data-dateline="http://localhost:${other.port}/${SLUG}/"></div>
</main><script src="/dateline-embed.js" data-dateline-origins="${origin}" async></script></body></html>`);
  await page.goto(`${host.url}opt-in.html`);
  await waitForReady(page, '#cdn');
  assert.equal(await page.evaluate(() => document.getElementById('cdn').dateline.select('speaker', 'trump')), true);
  assert.equal(await page.evaluate(() => document.getElementById('not-listed').childNodes.length), 0);
  assert.deepEqual(errors.map((e) => e.replace(/"[^"]*"/, '"…"')),
    [`dateline: refused data-dateline="…": only http(s) URLs on ${host.url.replace(/\/$/, '')} ${origin} are loaded; add an origin with data-dateline-origins on the dateline-embed.js script tag (docs/hosting.md)`]);
  await context.close();
});

test('a widget on another origin that does not send CORS headers: the snippet\'s link stays, one clear message', async () => {
  const blocked = await startServer(DIST, { cors: false });
  try {
    const origin = blocked.url.replace(/\/$/, '');
    writeFileSync(join(host.dir, 'no-cors.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No CORS</title>
<link rel="icon" href="data:,"></head><body><main><h1>A widget from a host without CORS headers</h1>
<div id="w" data-dateline="${origin}/${SLUG}/" data-mode="companion"><a href="${origin}/${SLUG}/">Interactive: the summit</a></div>
</main><script src="/dateline-embed.js" data-dateline-origins="${origin}" async></script></body></html>`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    await page.goto(`${host.url}no-cors.html`);
    await page.waitForFunction(() => document.getElementById('w').classList.contains('dateline--fallback'), null, { timeout: 15000 });
    await page.waitForTimeout(500);
    assert.ok(await page.locator('#w a').isVisible(), 'the link the snippet carried is what the reader gets');
    assert.equal(await page.evaluate(() => document.getElementById('w').getAttribute('aria-busy')), null);
    const ours = errors.filter((e) => /^dateline:/.test(e));
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0], new RegExp(`^dateline: cannot load ${origin}/${SLUG}/\\S+: the request failed or was blocked \\(from another origin the server must send Access-Control-Allow-Origin; docs/hosting.md\\)$`));
    await context.close();
  } finally {
    await blocked.close();
  }
});
