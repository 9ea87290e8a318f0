// The standalone page draws the article: headline pixels on a crisp 2x canvas,
// the semantic article in the DOM, and a clean console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, watchConsole, recordReadyEvents, waitForReady, screenshot, decodePng } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

// Fraction of pixels in a horizontal band of the image that differ clearly
// from the band's first pixel (the page colour).
function inkInBand(img, top, bottom) {
  const { width, data } = img;
  const bg = data.slice(top * width * 4, top * width * 4 + 3);
  let ink = 0, total = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
      if (d > 200) ink++;
      total++;
    }
  }
  return ink / total;
}

test('standalone page draws the headline, crisp at devicePixelRatio 2', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, colorScheme: 'light' });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + 'anchorage-summit/');
  const ready = await waitForReady(page);
  assert.equal(ready.slug, 'anchorage-summit');
  assert.ok(ready.firstFrameMs > 0, 'firstFrameMs is reported');

  const canvas = page.locator('canvas.dateline-canvas');
  const box = await canvas.boundingBox();
  const backing = await canvas.evaluate((c) => ({ w: c.width, h: c.height }));
  assert.equal(backing.w, Math.round(box.width * 2), 'backing store is CSS width x DPR');
  assert.equal(backing.h, Math.round(box.height * 2), 'backing store is CSS height x DPR');
  assert.ok(box.height > 200, `canvas sized to its content (${box.height}px)`);

  const { png } = await screenshot(canvas, 'smoke-standalone-1280x800@2x');
  const img = await decodePng(context, png);
  assert.equal(img.width, backing.w, 'screenshot at device resolution');
  // The headline occupies the top of the page: two lines of bold serif.
  const headlineInk = inkInBand(img, 40 * 2, 120 * 2);
  assert.ok(headlineInk > 0.02, `headline pixels present (${(headlineInk * 100).toFixed(1)}% ink)`);
  // Crisp at 2x: glyph edges are mostly hard, not a blurry upscale. Count
  // near-black vs mid-grey pixels in the headline band.
  let solid = 0, grey = 0;
  for (let y = 80; y < 240; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[(y * img.width + x) * 4];
      if (v < 60) solid++; else if (v < 200) grey++;
    }
  }
  assert.ok(solid > grey, `sharp glyphs: ${solid} solid vs ${grey} anti-aliased pixels`);

  const mirror = page.locator('.dateline-article h1');
  assert.match(await mirror.textContent(), /Trump and Putin meet in Alaska/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second article (test fixture) builds and renders through the same path', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + '_harbour-vote/');
  const ready = await waitForReady(page);
  assert.equal(ready.slug, 'harbour-vote');
  const targets = await page.evaluate(() => document.querySelector('[data-dateline]').dateline.targets());
  assert.ok(targets.some((t) => t.type === 'quote'), 'its quotes are clickable');
  assert.ok(targets.some((t) => t.type === 'speaker'), 'its people have cards');
  assert.ok(targets.some((t) => t.type === 'place'), 'its places are pinned');
  await screenshot(page.locator('[data-dateline]'), 'smoke-fixture-harbour-vote-1280x800');
  assert.deepEqual(errors, []);
  await context.close();
});
