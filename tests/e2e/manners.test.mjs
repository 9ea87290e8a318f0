// A well-mannered guest: no frames while idle or off screen, survives WebGL
// context loss, hostile article text stays text, accessible mirror (axe: axe.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, watchConsole, recordReadyEvents, waitForReady, screenshot, decodePng } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const frames = (page, sel = '[data-dateline]') =>
  page.evaluate((s) => document.querySelector(s).dateline.state().frames, sel);

async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + path);
  await waitForReady(page);
  return { context, page, errors };
}

// A host page around the widget: long text above and below, no CSP of its own.
function hostPage(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="/dateline.css"></head><body><main>${body}</main>
<script src="/dateline-embed.js" async></script></body></html>`;
}
const filler = (n) => Array.from({ length: n }, (_, i) => `<p>Host paragraph ${i + 1}. Lorem ipsum dolor sit amet.</p>`).join('');

test('idle: no animation frames once settled (3 s)', async () => {
  const { context, page, errors } = await open('anchorage-summit/');
  await page.waitForTimeout(1000);
  const before = await frames(page);
  await page.waitForTimeout(3000);
  const idle = (await frames(page)) - before;
  console.log(`frames while idle for 3 s: ${idle}`);
  assert.equal(idle, 0);
  // A hover wakes a few frames, then it is idle again.
  await page.mouse.move(300, 300);
  await page.waitForTimeout(800);
  const woke = (await frames(page)) - before;
  assert.ok(woke > 0 && woke < 10, `a hover costs a few frames (${woke})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('off screen: no frames; back on screen: it draws again', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.route('**/host-offscreen.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: hostPage(`${filler(5)}<div id="w" data-dateline="/anchorage-summit/" data-mode="companion"></div>${filler(200)}`),
  }));
  await page.goto(server.url + 'host-offscreen.html');
  await waitForReady(page);
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(300);
  const hidden = await frames(page);
  // A selection made while off screen must wait for the reader to come back.
  await page.evaluate(() => document.querySelector('#w').dateline.select('quote', 'long-overdue'));
  await page.waitForTimeout(1500);
  assert.equal((await frames(page)) - hidden, 0, 'no frames off screen');
  await page.evaluate(() => document.querySelector('#w').scrollIntoView());
  await page.waitForFunction((n) => document.querySelector('#w').dateline.state().frames > n, hidden, { timeout: 5000 });
  assert.deepEqual((await page.evaluate(() => document.querySelector('#w').dateline.state())).selected,
    { type: 'quote', id: 'long-overdue' });
  assert.deepEqual(errors, []);
  await context.close();
});

// A closed tab or accordion: display: none on an ancestor makes the canvas
// 0 px wide. Laid out at that width the article was a column of single
// characters, and the text layout looped until the module ran out of memory.
test('hidden (display: none) and shown again: no frames, same height, same pixels', async () => {
  const { context, page, errors } = await open('anchorage-summit/', { viewport: { width: 1000, height: 800 } });
  // The viewport, not the canvas element: element screenshots of a canvas
  // taller than the viewport are captured beyond it, not always alike
  // (docs/browser-notes.md).
  const picture = () => page.screenshot();
  const widget = () => page.evaluate(() => document.querySelector('[data-dateline]').dateline.state());
  const height = () => page.evaluate(() => document.querySelector('[data-dateline]').getBoundingClientRect().height);
  const hide = (selector, hidden) => page.evaluate(([s, h]) => { document.querySelector(s).style.display = h ? 'none' : ''; }, [selector, hidden]);
  // Settled: no frame for 500 ms (entry animations done, however slow the machine).
  const settle = async () => {
    for (let last = -1, now = (await widget()).frames; now !== last; last = now, now = (await widget()).frames) {
      await page.waitForTimeout(500);
    }
  };
  await settle();
  const before = { height: await height(), png: await picture() };
  for (const selector of ['main', '[data-dateline]', 'canvas.dateline-canvas']) {
    await hide(selector, true);
    // The module learns of it from the page's ResizeObserver, which runs
    // after the animation frame callbacks of that frame.
    await page.waitForTimeout(300);
    const drawn = (await widget()).frames;
    await page.waitForTimeout(500);
    assert.equal((await widget()).frames - drawn, 0, `no frames while ${selector} is hidden`);
    await hide(selector, false);
    await page.waitForFunction((n) => document.querySelector('[data-dateline]').dateline.state().frames > n, drawn);
    await settle();
    assert.equal(await height(), before.height, `the page keeps its height (${selector})`);
    assert.ok((await picture()).equals(before.png), `the same picture once ${selector} is shown again`);
  }
  // A selection made while hidden waits, and is drawn once shown.
  await hide('main', true);
  await page.waitForTimeout(300);
  const drawn = (await widget()).frames;
  await page.evaluate(() => document.querySelector('[data-dateline]').dateline.select('quote', 'long-overdue'));
  await page.waitForTimeout(500);
  assert.equal((await widget()).frames - drawn, 0, 'a selection while hidden draws nothing');
  await hide('main', false);
  await page.waitForFunction((n) => document.querySelector('[data-dateline]').dateline.state().frames > n, drawn);
  assert.deepEqual((await widget()).selected, { type: 'quote', id: 'long-overdue' });
  assert.deepEqual(errors, []);
  await context.close();
});

// On screen but squeezed (a collapsing flex item or sidebar): at 0 px it waits
// like a hidden one; narrower than the layout's minimum it keeps the minimum's
// layout. Either way a bounded height, never a runaway layout.
test('squeezed to 0, 10 and 240 px wide: no errors, the minimum layout, and back', async () => {
  const { context, page, errors } = await open('anchorage-summit/', { viewport: { width: 1000, height: 800 } });
  const height = () => page.evaluate(() => document.querySelector('canvas.dateline-canvas').getBoundingClientRect().height);
  const squeeze = async (width) => {
    const drawn = await frames(page);
    await page.evaluate((w) => { document.querySelector('[data-dateline]').style.width = w; }, width);
    if (width !== '0px') await page.waitForFunction((n) => document.querySelector('[data-dateline]').dateline.state().frames > n, drawn);
    await page.waitForTimeout(600);
    return height();
  };
  const full = await height();
  assert.equal(await squeeze('0px'), full, 'at 0 px the page keeps the height');
  const minimum = await squeeze('240px');
  assert.ok(minimum > full && minimum < 20000, `240 px: a taller single column (${minimum} px)`);
  assert.equal(await squeeze('10px'), minimum, '10 px: the 240 px layout');
  assert.equal(await squeeze(''), full, 'and back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('WebGL context loss and restore, ten times: draws correctly after each', async () => {
  const { context, page, errors } = await open('anchorage-summit/', { viewport: { width: 800, height: 700 } });
  const canvas = page.locator('canvas.dateline-canvas');
  const ink = async () => {
    const img = await decodePng(context, (await canvas.screenshot({ clip: { x: 0, y: 0, width: 800, height: 120 } })));
    let n = 0;
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i] < 100) n++;
    return n;
  };
  const baseline = await ink();
  assert.ok(baseline > 1000, 'headline drawn before the test');
  for (let round = 1; round <= 10; round++) {
    const drawn = await frames(page);
    await page.evaluate(() => {
      const ext = document.querySelector('canvas.dateline-canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__lose = ext;
      ext.loseContext();
    });
    await page.waitForTimeout(100);
    await page.evaluate(() => window.__lose.restoreContext());
    await page.waitForFunction((n) => document.querySelector('[data-dateline]').dateline.state().frames > n + 1, drawn, { timeout: 5000 });
    await page.waitForTimeout(200);
    const now = await ink();
    assert.ok(Math.abs(now - baseline) < baseline * 0.05, `round ${round}: headline pixels ${now} vs ${baseline}`);
  }
  console.log('context loss: 10 of 10 recoveries');
  assert.deepEqual(errors, []);
  await context.close();
});

test('without WebGL2 the HTML article is the page: standalone and script embed, nothing blank', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  // A browser that has no WebGL2 (old devices, blocklisted GPUs).
  await context.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.route('**/host-nowebgl.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: hostPage(`<h1>Host</h1><div id="w" data-dateline="/anchorage-summit/" data-mode="companion"></div>${filler(3)}`),
  }));
  for (const path of ['anchorage-summit/', 'host-nowebgl.html']) {
    await page.goto(server.url + path);
    // A script embed's article is fetched alongside the module: wait for both.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-dateline]');
      return el.classList.contains('dateline--fallback') && (el.shadowRoot || el).querySelector('.dateline-article');
    }, null, { timeout: 15000 });
    const shown = await page.evaluate(() => {
      const el = document.querySelector('[data-dateline]');
      const root = el.shadowRoot || el;  // a script embed's parts live in its shadow root
      const article = root.querySelector('.dateline-article');
      const box = article ? article.getBoundingClientRect() : null;
      return {
        canvas: !!root.querySelector('canvas'),
        live: el.classList.contains('dateline--live'),
        articleTop: box ? Math.round(box.top - el.getBoundingClientRect().top) : null,
        articleHeight: box ? Math.round(box.height) : 0,
      };
    });
    assert.equal(shown.canvas, false, `${path}: no canvas left on the page`);
    assert.equal(shown.live, false, `${path}: never live`);
    assert.equal(shown.articleTop, 0, `${path}: the article starts where the widget does, no blank space above it`);
    assert.ok(shown.articleHeight > 500, `${path}: the article is shown (${shown.articleHeight} px)`);
    assert.ok(await page.locator('.dateline-article :is(h1, h2)', { hasText: 'Putin meet in Alaska' }).first().isVisible(),
      `${path}: the headline is visible`);
    console.log(`no WebGL2, ${path}: the HTML article, ${shown.articleHeight} px`);
  }
  await screenshot(page, 'manners-no-webgl2-host-1000x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile article text stays text on the canvas and in the mirror', async () => {
  const { context, page, errors } = await open('_hostile/');
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  const article = page.locator('.dateline-article');
  assert.match(await article.locator('h1').textContent(), /<script>alert\('headline'\)<\/script>/);
  const injected = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
    elements: document.querySelectorAll('.dateline-article svg, .dateline-article img, .dateline-article iframe, .dateline-article marquee, .dateline-article b, .dateline-article a').length,
    overflow: document.scrollingElement.scrollWidth - window.innerWidth,
  }));
  assert.equal(injected.elements, 0, 'no element came from article text');
  assert.ok(injected.scripts.every((s) => /^\/(dateline-embed\.js|_hostile\/dateline\.js)$/.test(s)), injected.scripts.join());
  assert.ok(injected.overflow <= 0, 'a 10,000-character word does not widen the page');
  const targets = await page.evaluate(() => document.querySelector('[data-dateline]').dateline.targets());
  for (const t of targets) assert.ok(t.x >= 0 && t.x + t.w <= 1280, `${t.type} ${t.id} inside the canvas`);
  await page.evaluate(() => document.querySelector('[data-dateline]').dateline.select('quote', 'not-a-plan'));
  await page.waitForTimeout(500);
  await screenshot(page.locator('[data-dateline]'), 'manners-hostile-1280');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screen readers get the article: headline, paragraphs, quotes as buttons, people', async () => {
  const { context, page } = await open('anchorage-summit/');
  const tree = await page.locator('.dateline-article').ariaSnapshot();
  assert.match(tree, /heading "Trump and Putin meet in Alaska/);
  const paragraphs = await page.locator('.dateline-article > p:not([class])').count();
  assert.equal(paragraphs, 13);
  const quoteButtons = tree.match(/button "[^"]*"/g) || [];
  for (const words of ['diplomatic win', 'long overdue', 'Next time, in Moscow', 'bought himself more time']) {
    assert.ok(quoteButtons.some((b) => b.includes(words)), `quote "${words}" is a button`);
  }
  for (const name of ['Donald Trump', 'Vladimir Putin', 'Kimberly Halkett', 'Oleksiy Honcharenko', 'Volodymyr Zelenskyy']) {
    assert.ok(tree.includes(name), `${name} is in the tree`);
  }
  // Activating a mirror button selects on the canvas and is announced.
  await page.locator('[data-quote="long-overdue"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-dateline]').dateline.state().selected);
  assert.equal(await page.locator('[data-quote="long-overdue"]').getAttribute('aria-pressed'), 'true');
  assert.match(await page.locator('.dateline-live').textContent(), /long overdue/);
  await context.close();
});

test('forced colours (high contrast): the HTML article, not the canvas', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, forcedColors: 'active' });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(server.url + 'anchorage-summit/');
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('canvas.dateline-canvas').count(), 0);
  assert.ok(await page.locator('.dateline-article h1').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});
