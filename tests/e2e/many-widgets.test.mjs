// Thirty widgets on one page. Chromium keeps 16 live WebGL contexts and drops
// the oldest for good when a 17th is made: scrolled top to bottom and back,
// every widget on screen must draw (none left on its HTML fallback), the
// widgets' live contexts stay under the limit, and memory does not grow
// with each pass.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watchConsole, recordReadyEvents, recordWasmMemories } from './harness.mjs';
import { serveHost } from './pages/host-server.mjs';

const COUNT = 30;
let browser, server;
before(async () => { browser = await launch(); server = await serveHost(); });
after(async () => { await browser?.close(); await server?.close(); });

function manyPage() {
  let body = '';
  for (let i = 0; i < COUNT; i++) {
    const slug = i % 2 ? '_harbour-vote' : 'anchorage-summit';  // a test fixture's folder
    body += `<h2>Embed ${i + 1}</h2><p>${'The host story continues between the embeds. '.repeat(8)}</p>\n`;
    body += `<div id="w${i}" data-dateline="/${slug}/" data-mode="${i % 3 ? 'companion' : 'full'}"></div>\n`;
  }
  writeFileSync(join(server.dir, 'many.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Thirty widgets</title><link rel="icon" href="data:,"></head>
<body><main style="max-width:640px;margin:0 auto"><h1>Thirty widgets</h1>${body}</main>
<script src="/dateline-embed.js" async></script></body></html>`);
  return `${server.url}many.html`;
}

// Every widget whose canvas is in the viewport has drawn a frame since it
// came into view, and shows its canvas, not the fallback.
async function onScreenDrawn(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('[data-dateline]')) {
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight) continue;
      const canvas = el.shadowRoot && el.shadowRoot.querySelector('canvas');
      out.push({ id: el.id, live: el.classList.contains('dateline--live'), fallback: el.classList.contains('dateline--fallback'),
        frames: el.dateline && el.dateline.state() ? el.dateline.state().frames : 0, canvas: !!canvas });
    }
    return out;
  });
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
}

test('thirty widgets: each draws when on screen, none falls back, live contexts stay under the limit', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  const warnings = [];
  page.on('console', (m) => { if (/Too many active WebGL contexts/.test(m.text())) warnings.push(m.text()); });
  await recordReadyEvents(page);
  await recordWasmMemories(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(manyPage());
  await page.waitForFunction(() => window.DatelineEmbed && document.getElementById('w0').classList.contains('dateline--live'), null, { timeout: 60000 });

  let maxLive = 0;
  const heaps = [];
  for (const pass of ['down', 'up', 'down again']) {
    // Down, the page grows as widgets below take their height: read it at every step.
    const bottom = () => page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    let y = pass === 'up' ? await bottom() : 0;
    for (;;) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      // Each on-screen widget is live and has drawn; give it time to boot or get its context back.
      await page.waitForFunction(() => {
        for (const el of document.querySelectorAll('[data-dateline]')) {
          const r = el.getBoundingClientRect();
          if (r.bottom <= 0 || r.top >= innerHeight) continue;
          if (!el.classList.contains('dateline--live') || el.classList.contains('dateline--fallback')) return false;
        }
        return true;
      }, null, { timeout: 30000, polling: 100 }).catch(async () => {
        assert.fail(`${pass} at y=${y}: ${JSON.stringify(await onScreenDrawn(page))}`);
      });
      const counts = await page.evaluate(() => window.DatelineEmbed.contexts());
      maxLive = Math.max(maxLive, counts.live);
      assert.ok(counts.live <= 12, `${pass} at y=${y}: ${counts.live} live contexts`);
      if (pass === 'up' ? y <= 0 : y >= await bottom()) break;
      y = pass === 'up' ? Math.max(0, y - 600) : Math.min(await bottom(), y + 600);
    }
    heaps.push(await heapUsed(cdp));
  }
  const fallbacks = await page.evaluate(() => [...document.querySelectorAll('.dateline--fallback')].map((e) => e.id));
  const counts = await page.evaluate(() => window.DatelineEmbed.contexts());
  const mb = heaps.map((h) => (h / 1048576).toFixed(1));
  const wasm = await page.evaluate(() => ({ n: window.__memories.length, bytes: window.__memories.reduce((a, m) => a + m.buffer.byteLength, 0) }));
  const backing = await page.evaluate(() => [...document.querySelectorAll('[data-dateline]')]
    .map((el) => el.shadowRoot.querySelector('canvas')).filter(Boolean).reduce((a, c) => a + c.width * c.height * 4, 0));
  console.log(`thirty widgets: at most ${maxLive} live contexts, ${counts.released} released at the end; ` +
    `JS heap after each pass ${mb.join(' / ')} MB; ${wasm.n} wasm memories, ${(wasm.bytes / 1048576).toFixed(1)} MB in all; ` +
    `canvas backing stores ${(backing / 1048576).toFixed(1)} MB`);
  assert.deepEqual(fallbacks, []);
  assert.equal(counts.widgets, COUNT, 'every widget started');
  assert.equal(wasm.n, COUNT, 'every widget has its module');
  assert.deepEqual(warnings, [], 'Chromium never had to drop a context');
  assert.ok(heaps[2] <= heaps[0] * 1.25, `JS heap grows with each pass: ${mb.join(' / ')} MB`);
  assert.deepEqual(errors, []);
  await context.close();
});
