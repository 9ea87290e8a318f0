// 2,000 random input events (clicks, drags, wheel, keys, resizes) on a host
// page with two widgets: no console error, and memory stays bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, watchConsole, recordReadyEvents, recordWasmMemories, waitForReady } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

// A deterministic generator: a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
<link rel="stylesheet" href="/dateline.css"></head><body><main>
<p>Before.</p><div id="a" data-dateline="/anchorage-summit/" data-mode="full"></div>
<p>Between.</p><div id="b" data-dateline="/anchorage-summit/" data-mode="companion"></div><p>After.</p>
</main><script src="/dateline-embed.js" async></script></body></html>`;

test('2,000 random events on two widgets: no error, bounded memory', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await recordWasmMemories(page);
  await page.route('**/two.html', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(server.url + 'two.html');
  // Widgets draw only on screen: each becomes ready when the reader reaches it.
  await waitForReady(page, '#a');
  await page.evaluate(() => document.querySelector('#b').scrollIntoView());
  await waitForReady(page, '#b');
  const memory = () => page.evaluate(() => ({
    wasm: window.__memories.map((m) => m.buffer.byteLength),
    js: performance.memory ? performance.memory.usedJSHeapSize : 0,
  }));
  const start = await memory();
  assert.equal(start.wasm.length, 2, 'one module instance per widget');

  // Events are dispatched inside the page in batches of 25, each batch
  // followed by two animation frames, so input and frames interleave the way
  // they do for a reader. (Driving each event over the DevTools protocol
  // waits for software-rendered frames and would take many minutes.)
  const seeds = random(20261128);
  let events = 0;
  while (events < 2000) {
    if (seeds() < 0.04) {
      await page.setViewportSize({ width: 320 + Math.floor(seeds() * 1100), height: 600 + Math.floor(seeds() * 300) });
      events++;
      continue;
    }
    events += await page.evaluate((seed) => {
      let s = seed >>> 0;
      const rnd = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
      const pick = (list) => list[Math.floor(rnd() * list.length)];
      const keys = [['Tab', 'Tab'], ['Enter', 'Enter'], [' ', 'Space'], ['Escape', 'Escape'], ['ArrowLeft', 'ArrowLeft'],
                    ['ArrowDown', 'ArrowDown'], ['=', 'Equal'], ['-', 'Minus']];
      for (let i = 0; i < 25; i++) {
        const canvas = document.querySelector(pick(['#a', '#b'])).shadowRoot.querySelector('canvas');
        const r = canvas.getBoundingClientRect();
        const x = r.left + rnd() * r.width, y = r.top + rnd() * Math.min(r.height, 2000);
        const at = { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window };
        const kind = rnd();
        if (kind < 0.35) {
          canvas.dispatchEvent(new MouseEvent('mousemove', at));
          canvas.dispatchEvent(new MouseEvent('mousedown', { ...at, button: 0 }));
          if (kind < 0.15) canvas.dispatchEvent(new MouseEvent('mousemove', { ...at, clientX: x + (rnd() - 0.5) * 200, clientY: y + (rnd() - 0.5) * 200 }));
          document.dispatchEvent(new MouseEvent('mouseup', { ...at, button: 0 }));
        } else if (kind < 0.55) {
          canvas.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: (rnd() - 0.5) * 400, ctrlKey: rnd() < 0.5 }));
        } else if (kind < 0.9) {
          canvas.focus();
          const [key, code] = pick(keys);
          const opts = { key, code, shiftKey: rnd() < 0.2, bubbles: true, cancelable: true };
          canvas.dispatchEvent(new KeyboardEvent('keydown', opts));
          canvas.dispatchEvent(new KeyboardEvent('keyup', opts));
        } else {
          canvas.dispatchEvent(new MouseEvent(rnd() < 0.5 ? 'mousemove' : 'mouseleave', at));
        }
      }
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(25))));
    }, Math.floor(seeds() * 2 ** 32));
  }
  await page.waitForTimeout(1000);
  const end = await memory();
  console.log(`wasm memory: ${start.wasm.map((b) => b >> 20)} MB -> ${end.wasm.map((b) => b >> 20)} MB; ` +
              `JS heap ${(start.js / 1048576).toFixed(1)} -> ${(end.js / 1048576).toFixed(1)} MB`);
  for (const bytes of end.wasm) assert.ok(bytes <= 16 * 1024 * 1024, `wasm heap ${bytes} <= 16 MB`);
  assert.ok(end.js - start.js < 32 * 1024 * 1024, 'JS heap grows less than 32 MB');
  assert.deepEqual(errors, []);
  await context.close();
});
