// What a reader does: click a quote, a card and the pin at the rectangles the
// widget reports, with mouse and with touch, in both modes and themes, and
// check state(), the dateline:select event, the URL hash and the pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, watchConsole, recordReadyEvents, waitForReady, screenshot, decodePng } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

async function open(options, query = '', hash = '') {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.addInitScript(() => {
    window.__selects = [];
    document.addEventListener('dateline:select', (e) => window.__selects.push(e.detail));
  });
  await page.goto(server.url + 'anchorage-summit/' + query + hash);
  await waitForReady(page);
  return { context, page, errors };
}

async function targets(page) {
  return page.evaluate(() => document.querySelector('[data-dateline]').dateline.targets());
}

// Clicks (or taps) the centre of a target, scrolling the page to it first.
async function press(page, target, { touch = false } = {}) {
  const canvas = page.locator('canvas.dateline-canvas');
  await page.evaluate((y) => {
    const top = document.querySelector('canvas.dateline-canvas').getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, top + y - 200));
  }, target.y);
  const box = await canvas.boundingBox();
  const x = box.x + target.x + target.w / 2;
  const y = box.y + target.y + target.h / 2;
  if (touch) await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
}

// Waits until the widget reports `selected` (software WebGL frames are slow).
async function selected(page, expected) {
  await page.waitForFunction((want) => {
    const got = document.querySelector('[data-dateline]').dateline.state().selected;
    return JSON.stringify(got) === JSON.stringify(want);
  }, expected, { timeout: 5000 }).catch(() => {});
  return (await state(page)).selected;
}

async function state(page) {
  return page.evaluate(() => document.querySelector('[data-dateline]').dateline.state());
}

for (const [name, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`${name}: click a quote, a card and the pin`, async () => {
    const { context, page, errors } = await open(options);
    const touch = !!options.hasTouch;
    let list = await targets(page);
    const quote = list.find((t) => t.type === 'quote');
    const card = list.find((t) => t.type === 'speaker');
    const pin = list.find((t) => t.type === 'place');
    assert.ok(quote && card && pin, 'targets include a quote, a speaker card and a pin');

    await press(page, quote, { touch });
    assert.deepEqual(await selected(page, { type: 'quote', id: quote.id }), { type: 'quote', id: quote.id });
    assert.equal(await page.evaluate(() => location.hash), '#quote=' + quote.id);

    list = await targets(page);
    await press(page, list.find((t) => t.type === 'speaker' && t.id === card.id), { touch });
    assert.deepEqual(await selected(page, { type: 'speaker', id: card.id }), { type: 'speaker', id: card.id });

    list = await targets(page);
    await press(page, list.find((t) => t.type === 'place' && t.id === pin.id), { touch });
    assert.deepEqual(await selected(page, { type: 'place', id: pin.id }), { type: 'place', id: pin.id });

    const events = await page.evaluate(() => window.__selects);
    assert.deepEqual(events.map((e) => e.type), ['quote', 'speaker', 'place']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// The pin's target moves with the map, so its rectangle tells the zoom.
async function pinAndMap(page) {
  const list = await targets(page);
  return { pin: list.find((t) => t.type === 'place'), map: list.find((t) => t.type === 'control' && t.id === 'map') };
}

async function pinMoved(page, before) {
  await page.waitForFunction((b) => {
    const pin = document.querySelector('[data-dateline]').dateline.targets().find((t) => t.type === 'place');
    return pin && Math.hypot(pin.x - b.x, pin.y - b.y) > 20;
  }, before, { timeout: 5000 }).catch(() => {});
  return (await pinAndMap(page)).pin;
}

test('phone: two fingers pinch the map, the page neither zooms nor scrolls', async () => {
  const { context, page, errors } = await open(PHONE, '?mode=companion');
  const { pin } = await pinAndMap(page);
  const box = await page.locator('canvas.dateline-canvas').boundingBox();
  // Spread two fingers (x2) around a point 30 px left of the pin: the pin moves away from it.
  const px = pin.x + pin.w / 2 - 30;
  const cx = box.x + px, cy = box.y + pin.y + pin.h / 2;
  const cdp = await context.newCDPSession(page);
  const fingers = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
  for (let d = 45; d <= 80; d += 5) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const after = await pinMoved(page, pin);
  assert.ok(after, 'the pin is still on the map');
  const zoomed = (after.x + after.w / 2 - px) / (pin.x + pin.w / 2 - px);
  assert.ok(zoomed > 1.5 && zoomed < 2.5, `the map zoomed x2 about the fingers (pin ${(pin.x).toFixed(0)} -> ${(after.x).toFixed(0)}, x${zoomed.toFixed(2)})`);
  const page_state = await page.evaluate(() => ({ scale: visualViewport.scale, y: window.scrollY }));
  assert.deepEqual(page_state, { scale: 1, y: 0 }, 'the pinch was the map\'s, not the page\'s');

  // The reset button brings the home view back.
  const reset = (await targets(page)).find((t) => t.id === 'reset-view');
  await press(page, reset, { touch: true });
  await page.waitForFunction((b) => {
    const p = document.querySelector('[data-dateline]').dateline.targets().find((t) => t.type === 'place');
    return Math.abs(p.x - b.x) < 2 && Math.abs(p.y - b.y) < 2;
  }, pin, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop: ctrl+wheel and the + button zoom the map; a plain wheel scrolls the page', async () => {
  const { context, page, errors } = await open(DESKTOP, '?mode=companion');
  const { pin, map } = await pinAndMap(page);
  const box = await page.locator('canvas.dateline-canvas').boundingBox();
  await page.mouse.move(box.x + map.x + 40, box.y + map.y + map.h / 2);
  const y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 5000 });
  assert.equal((await pinAndMap(page)).pin.x, pin.x, 'a plain wheel leaves the map alone');
  await page.evaluate(() => window.scrollTo(0, 0));
  const moved = await pinAndMap(page);
  const at = await page.locator('canvas.dateline-canvas').boundingBox();
  await page.mouse.move(at.x + moved.map.x + 40, at.y + moved.map.y + moved.map.h / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  assert.notEqual((await pinMoved(page, moved.pin)).x, moved.pin.x, 'ctrl+wheel zooms the map');
  assert.equal(await page.evaluate(() => visualViewport.scale), 1);
  const zoomedPin = (await pinAndMap(page)).pin;
  await press(page, (await targets(page)).find((t) => t.id === 'zoom-in'));
  assert.notEqual((await pinMoved(page, zoomedPin)).x, zoomedPin.x, 'the + button zooms in');
  assert.deepEqual(errors, []);
  await context.close();
});

// A frame redraws only the tiles whose triangles changed and keeps the rest
// of the canvas (preserved drawing buffer): a pan touches only the map, and
// after a pan, a hover and a selection the canvas must equal a full redraw.
for (const [name, options] of [['desktop', DESKTOP], ['zoomed desktop (DPR 1.5)', { viewport: { width: 960, height: 800 }, deviceScaleFactor: 1.5 }]]) {
test(`${name}: a pan, a hover and a selection redraw only what changed, and match a full redraw`, async () => {
  const { context, page, errors } = await open(options);
  const dpr = options.deviceScaleFactor;
  const canvas = page.locator('canvas.dateline-canvas');
  const grab = async () => decodePng(context, (await canvas.screenshot()));
  const settle = () => page.waitForTimeout(600);
  const { map } = await pinAndMap(page);
  await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 100)), map.y);
  await settle();
  const before = await grab();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + map.x + map.w / 2, box.y + map.y + map.h / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + map.x + map.w / 2 - 90, box.y + map.y + map.h / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(5, 5);
  await settle();
  const panned = await grab();
  let inside = 0, outside = 0;
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      const i = (y * before.width + x) * 4;
      const same = before.data.readUInt32LE(i) === panned.data.readUInt32LE(i);
      // Pixels the map's edge covers in part count as the map's.
      const inMap = x + 1 > map.x * dpr && x < (map.x + map.w) * dpr && y + 1 > map.y * dpr && y < (map.y + map.h) * dpr;
      if (!same) { if (inMap) inside++; else outside++; }
    }
  }
  assert.ok(inside > 2000, `the map moved (${inside} pixels changed inside it)`);
  assert.equal(outside, 0, 'nothing changed outside the map');

  // A hover, then a click: an underline, the quote's marks, a card, the margin note.
  const quote = (await targets(page)).find((t) => t.type === 'quote');
  await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), quote.y);
  await settle();
  const at = await canvas.boundingBox();
  await page.mouse.move(at.x + quote.x + 4, at.y + quote.y + quote.h / 2, { steps: 4 });
  await settle();
  const cursor = () => page.evaluate(() => document.querySelector('canvas.dateline-canvas').style.cursor);
  assert.equal(await cursor(), 'pointer', 'a hand over a quote');
  await page.mouse.click(at.x + quote.x + 4, at.y + quote.y + quote.h / 2);
  await page.mouse.move(5, 5);
  await settle();
  assert.equal(await cursor(), '', 'and the page\'s own cursor off it');
  assert.equal((await state(page)).selected?.id, quote.id);
  const partial = await grab();

  // A resize forces a full redraw of the same state.
  await page.setViewportSize({ ...options.viewport, width: options.viewport.width - 1 });
  await settle();
  await page.setViewportSize(options.viewport);
  await settle();
  const full = await grab();
  let differ = 0;
  for (let i = 0; i < full.data.length; i += 4) if (full.data.readUInt32LE(i) !== partial.data.readUInt32LE(i)) differ++;
  assert.equal(differ, 0, 'the partial redraws add up to a full redraw');
  assert.deepEqual(errors, []);
  await context.close();
});
}

test('opening #quote=<id> starts with that quote selected', async () => {
  const first = await open(DESKTOP);
  const quote = (await targets(first.page)).find((t) => t.type === 'quote');
  await first.context.close();
  const { context, page } = await open(DESKTOP, '', '#quote=' + quote.id);
  await page.waitForFunction(() => document.querySelector('[data-dateline]').dateline.state().selected);
  assert.deepEqual((await state(page)).selected, { type: 'quote', id: quote.id });
  await context.close();
});

test('keyboard: Tab reaches the widget, Enter selects, Escape clears, Tab leaves', async () => {
  const { context, page } = await open(DESKTOP);
  await page.focus('canvas.dateline-canvas');
  await page.keyboard.press('Tab');  // the map
  await page.keyboard.press('Tab');  // the first pin
  await page.keyboard.press('Enter');
  const pin = (await targets(page)).find((t) => t.type === 'place');
  assert.deepEqual(await selected(page, { type: 'place', id: pin.id }), { type: 'place', id: pin.id });
  await page.keyboard.press('Escape');
  assert.equal(await selected(page, null), null);
  // Tab past the last target leaves the canvas.
  const count = (await targets(page)).length;
  for (let i = 0; i < count + 2; i++) await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.className), 'dateline-canvas');
  await context.close();
});

for (const mode of ['full', 'companion']) {
  for (const theme of ['light', 'dark']) {
    for (const [name, options] of [['1280x800@1x', DESKTOP], ['375x812@3x', PHONE]]) {
      test(`screenshot ${mode} ${theme} ${name}`, async () => {
        const { context, page, errors } = await open({ ...options, colorScheme: theme }, `?mode=${mode}`);
        const quote = (await targets(page)).find((t) => t.type === 'quote');
        if (quote) {
          await press(page, quote, { touch: !!options.hasTouch });
          assert.equal((await selected(page, { type: 'quote', id: quote.id }))?.id, quote.id);
        }
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(1200);  // the map's flight and arc settle
        await screenshot(page.locator('[data-dateline]'), `reader-${mode}-${theme}-${name}`);
        assert.equal((await state(page)).mode, mode);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
}
