// What a reader does: click a quote, a card and the pin at the rectangles the
// widget reports, with mouse and with touch, in both modes and themes, and
// check state(), the dateline:select event, the URL hash and the pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, watchConsole, recordReadyEvents, waitForReady, screenshot } from './harness.mjs';

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
