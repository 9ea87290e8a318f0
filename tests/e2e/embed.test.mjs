// Embedding: iframes that take their content's height (under our parent
// script and under the unmodified pym.js parent), messages from other windows
// ignored, the editor's page with its snippets and measured heights, and two
// widgets on one host page that share a download and leave the page its
// keys, wheel and swipes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchConsole, recordReadyEvents, waitForReady, screenshot } from './harness.mjs';
import { serveHost } from './pages/host-server.mjs';

const SLUG = 'anchorage-summit';
const HEADLINE = 'Trump and Putin meet in Alaska but leave without a deal on Ukraine';

let browser, server;
before(async () => { browser = await launch(); server = await serveHost(); });
after(async () => { await browser?.close(); await server?.close(); });

// Records, in the top window only, every message it receives.
async function recordMessages(page) {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__messages = [];
    window.addEventListener('message', (e) => {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      window.__messages.push({ from: frame ? frame.id || frame.parentNode.id : '?', data: e.data });
    });
  });
}

// The widget frames of the page (iframes showing the article's standalone page).
function widgetFrames(page) {
  return page.frames().filter((f) => f !== page.mainFrame() && f.url().includes(`/${SLUG}/?`));
}

// Waits for `count` widget frames, each scrolled into view (widgets start
// near the viewport) until its widget is live. (The harness's ready events
// are not used here: an iframe's first document is about:blank, and Chromium
// keeps its window for the real page, where init scripts do not run again.)
async function waitForChildren(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('iframe').length >= n, count);
  const n = await page.evaluate(() => document.querySelectorAll('iframe').length);
  for (let i = 0; i < n; i++) {
    await page.evaluate((k) => document.querySelectorAll('iframe')[k].scrollIntoView(), i);
    await page.waitForFunction((k) => {
      const doc = document.querySelectorAll('iframe')[k].contentDocument;
      return doc && doc.readyState === 'complete' && !!doc.querySelector('.dateline--live');
    }, i, { timeout: 20000, polling: 100 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const frames = widgetFrames(page);
  assert.equal(frames.length, count, 'widget frames');
  return frames;
}

// Waits until the iframe's height equals its document's content height and
// has stayed so for 600 ms (and differs from `not`, a height before a change).
async function waitForFit(page, selector, { not = -1 } = {}) {
  const handle = await page.waitForFunction(({ sel, not }) => {
    const f = document.querySelector(sel);
    const doc = f && f.contentDocument;
    if (!doc || !doc.querySelector('.dateline--live')) return false;
    const content = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    const h = f.getBoundingClientRect().height;
    const fits = Math.abs(h - content) <= 1 && content > 300 && h !== not;
    const now = performance.now();
    if (!fits || f.__fit?.h !== h) { f.__fit = fits ? { h, since: now } : null; return false; }
    return now - f.__fit.since >= 600 ? h : false;
  }, { sel: selector, not }, { timeout: 20000, polling: 100 });
  return handle.jsonValue();
}

function heightsFrom(messages, from) {
  const pym = messages.filter((m) => m.from === from && typeof m.data === 'string' && /xPYMxheightxPYMx/.test(m.data))
    .map((m) => Number(m.data.split('xPYMx')[3]));
  const amp = messages.filter((m) => m.from === from && m.data && m.data.sentinel === 'amp' && m.data.type === 'embed-size')
    .map((m) => m.data.height);
  return { pym, amp };
}

test('iframe embed under dateline-embed.js: both forms take the content height, titled, pym and AMP messages', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await recordMessages(page);
  await page.goto(server.url + 'pages/frame-host.html');
  const frames = await waitForChildren(page, 2);

  const made = await waitForFit(page, '#made iframe');
  const adopted = await waitForFit(page, '#adopted');
  console.log(`frame heights: made ${made}px, adopted ${adopted}px (content of ?mode=companion at 728px)`);
  assert.equal(made, adopted, 'both forms fit the same content');

  const src = new URL(await page.getAttribute('#made iframe', 'src'), server.url);
  assert.equal(src.searchParams.get('mode'), 'companion');
  assert.equal(src.searchParams.get('childId'), 'made', 'the container id, as pym does');
  assert.equal(src.searchParams.get('parentUrl'), server.url + 'pages/frame-host.html');
  assert.ok(Number(src.searchParams.get('initialWidth')) > 600, 'initialWidth is the container width');
  assert.equal(await page.getAttribute('#made iframe', 'title'), 'Interactive: ' + HEADLINE, 'titled from the child');
  assert.equal(await page.getAttribute('#adopted', 'title'), 'Interactive: the Anchorage summit', 'an explicit title stays');
  assert.equal(await page.getAttribute('#adopted', 'src'), '/anchorage-summit/?mode=companion', 'adopted without a reload');

  for (const frame of frames) {
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embedded')), true, 'embedded class');
    assert.equal((await frame.evaluate(() => document.querySelector('[data-dateline]').dateline.state())).mode, 'companion');
  }
  const child = await frames.find((f) => f.url().includes('childId=')).evaluate(() => window.DatelineFrame.child());
  assert.deepEqual(child, { id: 'made', target: new URL(server.url).origin }, 'posts to the parent origin only');

  const messages = await page.evaluate(() => window.__messages);
  for (const from of ['made', 'adopted']) {
    const { pym, amp } = heightsFrom(messages, from);
    assert.ok(pym.length >= 1 && amp.length >= 1, `${from}: pym and AMP height messages`);
    assert.equal(pym.at(-1), from === 'made' ? made : adopted, `${from}: last pym height is the frame height`);
    assert.equal(amp.at(-1), pym.at(-1), `${from}: AMP embed-size agrees`);
    for (let i = 1; i < pym.length; i++) assert.notEqual(pym[i], pym[i - 1], `${from}: heights are sent only when they change (${pym})`);
    console.log(`${from}: height messages ${pym.join(' -> ')}`);
  }
  await screenshot(page, 'embed-frame-host-1280x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('iframe embed under the unmodified pym.js parent: resized by pym itself', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + 'pages/pym-host.html');
  const [frame] = await waitForChildren(page, 1);
  const src = new URL(await page.getAttribute('#pym-frame iframe', 'src'), server.url);
  assert.equal(src.searchParams.get('childId'), 'pym-frame');
  assert.ok(src.searchParams.get('initialWidth'));
  const height = await waitForFit(page, '#pym-frame iframe');
  // pym.js writes the height attribute itself.
  assert.equal(await page.getAttribute('#pym-frame iframe', 'height'), `${height}px`);
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embedded')), true);

  // A narrower page: pym sends the new width, the child answers with its new height.
  await page.setViewportSize({ width: 400, height: 800 });
  const narrow = await waitForFit(page, '#pym-frame iframe', { not: height });
  console.log(`pym.js parent: ${height}px at 768px, ${narrow}px at 368px`);
  assert.notEqual(narrow, height);
  assert.equal(await page.getAttribute('#pym-frame iframe', 'height'), `${narrow}px`);
  await screenshot(page, 'embed-pym-host-400x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('height messages from other windows are ignored and no message navigates or scrolls the host', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + 'pages/frame-host.html');
  await waitForChildren(page, 2);
  const made = await waitForFit(page, '#made iframe');
  const adopted = await waitForFit(page, '#adopted');

  // Another frame on the page, and the page itself, forge both kinds of message.
  await page.evaluate(() => new Promise((ok) => {
    const f = document.createElement('iframe');
    f.id = 'intruder';
    f.src = '/pages/host.css';
    f.onload = ok;
    document.body.appendChild(f);
  }));
  const forge = () => {
    for (const id of ['made', 'dateline']) {
      window.parent.postMessage(`pymxPYMx${id}xPYMxheightxPYMx7`, '*');
      window.parent.postMessage(`pymxPYMx${id}xPYMxdateline-titlexPYMxForged`, '*');
    }
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 9 }, '*');
  };
  await page.frame({ url: /host\.css$/ }).evaluate(forge);
  await page.evaluate(forge);
  await page.waitForTimeout(800);
  const heights = () => page.evaluate(() => [document.querySelector('#made iframe'), document.querySelector('#adopted')]
    .map((f) => f.getBoundingClientRect().height));
  assert.deepEqual(await heights(), [made, adopted], 'forged heights change nothing');
  assert.equal(await page.getAttribute('#made iframe', 'title'), 'Interactive: ' + HEADLINE);

  // The real child asking the host to navigate or scroll (pym's navigateTo,
  // scrollToChildPos) is ignored too.
  const before = await page.evaluate(() => ({ url: location.href, y: window.scrollY }));
  const child = page.frame({ url: /childId=made/ });
  await child.evaluate(() => {
    window.parent.postMessage('pymxPYMxmadexPYMxnavigateToxPYMx/pages/two-widgets.html', '*');
    window.parent.postMessage('pymxPYMxmadexPYMxscrollToChildPosxPYMx900', '*');
  });
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => ({ url: location.href, y: window.scrollY })), before);

  // While the same message from the frame's own window is obeyed.
  await child.evaluate(() => window.parent.postMessage('pymxPYMxmadexPYMxheightxPYMx321', '*'));
  await page.waitForFunction(() => document.querySelector('#made iframe').getBoundingClientRect().height === 321);
  assert.deepEqual(errors, []);
  await context.close();
});

test('editor page: absolute snippets, copy buttons, heights measured honestly, both previews live', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.goto(server.url + `${SLUG}/embed.html`);
  assert.equal(await page.locator('h1').textContent(), HEADLINE);

  const base = `${server.url}${SLUG}/`;
  await page.waitForFunction(() => document.body.getAttribute('data-heights-measured') === 'true', null, { timeout: 120000, polling: 250 });
  const heights = await page.evaluate(() => window.DatelineEditor.heights());
  console.log('measured companion heights by column width:', JSON.stringify(heights));
  for (const w of [320, 375, 480, 600, 768, 1024]) assert.ok(heights[w] > 300, `height at ${w}px measured`);

  // The script snippet: the element with the measured heights and a link
  // for readers without JavaScript, the style that holds its place, the script.
  const scriptSnippet = await page.locator('#snippet-script').textContent();
  const table = [320, 375, 480, 600, 768, 1024].map((w) => `${w}:${heights[w]}`).join(' ');
  assert.ok(scriptSnippet.startsWith(`<div class="dateline-embed"><div data-dateline="${base}" data-mode="companion" data-heights="${table}">\n` +
    `  <a href="${base}">Interactive: ${HEADLINE}</a>\n</div></div>\n<style>@media (scripting: enabled) {\n`), scriptSnippet);
  assert.match(scriptSnippet, new RegExp(`@container \\(min-width: 540px\\) and \\(max-width: 684px\\) \\{ \\[data-dateline="${base}"\\] \\{ min-height: ${heights[600]}px \\} \\}`));
  assert.ok(scriptSnippet.endsWith(`}</style>\n<script src="${server.url}dateline-embed.js" async></script>`), scriptSnippet);
  await page.click('[data-copy="snippet-script"]');
  await page.waitForFunction(() => document.querySelector('[data-copy="snippet-script"]').getAttribute('data-copied') === 'true');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), scriptSnippet, 'the copy button copies the snippet');
  assert.equal(await page.locator('#editor-ruler').count(), 0, 'the measuring frame is gone when done');
  assert.match(await page.locator('tr[data-width="375"] td:last-child').textContent(), new RegExp(`^${heights[375]} px$`));

  await page.check('input[name="column"][value="600"]');
  const iframeSnippet = await page.locator('#snippet-iframe').textContent();
  assert.match(iframeSnippet, new RegExp(`src="${base}\\?mode=companion"`));
  assert.match(iframeSnippet, new RegExp(`height="${heights[600]}"`));
  await page.click('[data-copy="snippet-iframe"]');
  await page.waitForFunction(() => document.querySelector('[data-copy="snippet-iframe"]').getAttribute('data-copied') === 'true');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframeSnippet);

  // Honest: the iframe snippet pasted into a 375 px and a 600 px column
  // fits exactly the measured heights, and the script snippet starts a widget.
  for (const width of [375, 600]) {
    const host = await context.newPage();
    await host.route('**/pages/pasted.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Pasted</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/pages/host.css"></head><body>
<div id="column" style="width:${width}px">${iframeSnippet.replace(/height="\d+"/, 'height="150"')}</div></body></html>`,
    }));
    await recordReadyEvents(host);
    await host.goto(server.url + 'pages/pasted.html');
    await waitForChildren(host, 1);
    const fitted = await waitForFit(host, '#column iframe');
    assert.equal(fitted, heights[width], `pasted at ${width}px: ${fitted}px vs measured ${heights[width]}px`);
    await host.close();
  }
  const host = await context.newPage();
  await host.route('**/pages/pasted.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><title>Pasted</title><link rel="icon" href="data:,"></head><body>${scriptSnippet}</body></html>`,
  }));
  await recordReadyEvents(host);
  await host.goto(server.url + 'pages/pasted.html');
  await waitForReady(host);
  assert.equal((await host.evaluate(() => document.querySelector('[data-dateline]').dateline.state())).mode, 'companion');
  await host.close();

  // The Pym.js snippet is whole: container, pym.js from beside the widget, the parent.
  const pymSnippet = await page.locator('#snippet-pym').textContent();
  assert.ok(pymSnippet.startsWith(`<div id="dateline-${SLUG}"></div>\n<script src="${server.url}pym.v1.min.js"></script>\n<script>\n` +
    `  var pymParent = new pym.Parent('dateline-${SLUG}', '${base}?mode=companion', {title: 'Interactive: ${HEADLINE}'});`), pymSnippet);
  await page.click('[data-copy="snippet-pym"]');
  await page.waitForFunction(() => document.querySelector('[data-copy="snippet-pym"]').getAttribute('data-copied') === 'true');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), pymSnippet);

  // Both previews: the companion as the iframe embed, the full view as the script embed.
  await page.locator('#preview-companion').scrollIntoViewIfNeeded();
  const wide = await waitForFit(page, '#preview-companion iframe');
  await page.locator('#preview-full').scrollIntoViewIfNeeded();
  await waitForReady(page, '#preview-full [data-dateline]');
  assert.equal((await page.evaluate(() => document.querySelector('#preview-full [data-dateline]').dateline.state())).mode, 'full');
  await page.click('button[data-preview-width="375"]');
  assert.equal(await waitForFit(page, '#preview-companion iframe', { not: wide }), heights[375], 'the preview at 375px has the measured height');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'embed-editor-1280x900');
  assert.deepEqual(errors, []);
  await context.close();
});

test('editor page of a hostile article: the headline stays text', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  await page.goto(server.url + '_hostile/embed.html');
  assert.match(await page.locator('h1').textContent(), /^<script>alert\('headline'\)<\/script>/);
  assert.equal(await page.locator('main b, main script, header img').count(), 0);
  assert.match(await page.locator('#snippet-iframe').textContent(), /title="Interactive: &lt;script&gt;alert\('headline'\)&lt;\/script&gt;/);
  await page.waitForTimeout(500);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two widgets on one page: one download, independent selection, the page keeps keys, wheel and swipes', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  const errors = watchConsole(page);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await recordReadyEvents(page);
  await page.goto(server.url + 'pages/two-widgets.html');
  // Widgets start near the viewport: visit each until it is live.
  for (const id of ['#companion', '#full']) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await page.waitForFunction((sel) => document.querySelector(sel).classList.contains('dateline--live'), id, { timeout: 60000 });
  }
  await waitForReady(page);
  await page.evaluate(() => window.scrollTo(0, 0));

  const count = (suffix) => requests.filter((u) => new URL(u).pathname === `/${SLUG}/${suffix}`).length;
  assert.equal(count('dateline.wasm'), 1, 'the wasm is fetched once for both widgets');
  assert.equal(count('dateline.js'), 1, 'the module script is fetched once');
  assert.ok(requests.every((u) => u.startsWith(server.url)), 'no request leaves the page origin');

  const state = (id) => page.evaluate((sel) => document.querySelector(sel).dateline.state(), id);
  assert.equal((await state('#companion')).mode, 'companion');
  assert.equal((await state('#full')).mode, 'full');
  // (A widget off screen draws nothing, so its selection shows when it is back: look at each.)
  await page.locator('#full canvas').scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => document.querySelector('#full').dateline.select('quote', 'long-overdue')), true);
  await page.waitForFunction(() => document.querySelector('#full').dateline.state().selected?.id === 'long-overdue');
  assert.equal((await state('#companion')).selected, null, 'the other widget is not affected');
  await page.evaluate(() => window.scrollTo(0, 0));
  const speaker = (await page.evaluate(() => document.querySelector('#companion').dateline.targets())).find((t) => t.type === 'speaker');
  await page.evaluate((id) => document.querySelector('#companion').dateline.select('speaker', id), speaker.id);
  await page.waitForFunction((id) => document.querySelector('#companion').dateline.state().selected?.id === id, speaker.id);
  assert.deepEqual((await state('#full')).selected, { type: 'quote', id: 'long-overdue' });
  assert.notEqual(await page.evaluate(() => location.hash), '#quote=long-overdue', 'embeds leave the host URL alone');

  // Keys: focus a widget first, then type in the host's fields.
  await page.focus('#companion canvas');
  await page.click('#field');
  await page.keyboard.type('Hello, Dateline!');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await page.keyboard.type('two words');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('s');
  assert.equal(await page.inputValue('#field'), 'Hello, Dateline');
  assert.equal(await page.inputValue('#area'), 'two wordss ');

  // Wheel over each widget scrolls the page.
  for (const id of ['#companion', '#full']) {
    await page.evaluate((sel) => window.scrollTo(0, document.querySelector(sel).getBoundingClientRect().top + window.scrollY - 100), id);
    await page.waitForTimeout(300);
    const box = await page.locator(`${id} canvas`).boundingBox();
    const y0 = await page.evaluate(() => window.scrollY);
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + box.height / 2, 600));
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((y) => window.scrollY > y + 100, y0, { timeout: 5000 }).catch(() => {});
    const y1 = await page.evaluate(() => window.scrollY);
    assert.ok(y1 > y0 + 100, `wheel over ${id} scrolls the page (${y0} -> ${y1})`);
  }

  // A one-finger swipe up over the companion scrolls the page too.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#companion').getBoundingClientRect().top + window.scrollY - 50));
  await page.waitForTimeout(300);
  const box = await page.locator('#companion canvas').boundingBox();
  const x = box.x + box.width / 2;
  const y0 = await page.evaluate(() => window.scrollY);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: 600 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: 600 - i * 40 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction((y) => window.scrollY > y + 100, y0, { timeout: 5000 }).catch(() => {});
  const y1 = await page.evaluate(() => window.scrollY);
  assert.ok(y1 > y0 + 100, `a one-finger swipe over the widget scrolls the page (${y0} -> ${y1})`);

  await screenshot(page, 'embed-two-widgets-1280x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('script embeds fetch their article as the accessible mirror; it shows when the canvas cannot', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(server.url + 'pages/two-widgets.html');
  // Both mirrors arrive at once, the far widget's too; their headings sit under the host's <h1>.
  // (In each widget's shadow root: the host's styles cannot show or hide it.)
  await page.waitForFunction(() => [...document.querySelectorAll('[data-dateline]')]
    .filter((el) => el.shadowRoot && el.shadowRoot.querySelector('.dateline-article--fetched')).length === 2);
  assert.equal(await page.locator('h1').count(), 1, 'the host keeps the only <h1>');
  assert.equal(await page.locator('#full .dateline-article h2').count(), 1);
  const quotes = await page.locator('#full .dateline-article [data-quote]').count();
  assert.ok(quotes >= 10, `${quotes} quotes in the mirror`);
  assert.equal(await page.locator('#companion .dateline-article [data-quote][aria-pressed]').count(), quotes);
  assert.ok((await page.locator('#full .dateline-article').boundingBox()).height <= 1, 'visually hidden');
  assert.match(await page.locator('#companion').ariaSnapshot(), /heading "Trump and Putin meet in Alaska[^"]*" \[level=2\]/);

  // Activating a mirror button of the far widget selects on its canvas only.
  await page.locator('#full').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#full').classList.contains('dateline--live'), null, { timeout: 60000 });
  await page.locator('#full [data-quote="long-overdue"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#full').dateline.state().selected?.id === 'long-overdue');
  assert.equal(await page.locator('#full [data-quote="long-overdue"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#companion [data-quote="long-overdue"]').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => document.querySelector('#companion').dateline.state().selected), null);
  assert.deepEqual(errors, []);
  await context.close();

  // Forced colours: no canvas; the fetched article is the widget.
  const forced = await browser.newContext({ viewport: { width: 1280, height: 800 }, forcedColors: 'active' });
  const plain = await forced.newPage();
  const forcedErrors = watchConsole(plain);
  await plain.goto(server.url + 'pages/two-widgets.html');
  await plain.waitForFunction(() => [...document.querySelectorAll('[data-dateline]')]
    .filter((el) => el.shadowRoot && el.shadowRoot.querySelector('.dateline-article--fetched')).length === 2);
  assert.ok((await plain.locator('#companion .dateline-article').boundingBox()).height > 500, 'the article shows');
  assert.equal(await plain.locator('#companion canvas').count(), 0);
  assert.deepEqual(forcedErrors, []);
  await forced.close();
});
