// axe-core on every page a reader or an editor meets: the standalone page,
// the editor's embed page (with its live previews in frames) and a host page
// with two live widgets of the same article (ids in the two mirrors must not
// collide), in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, watchConsole, ROOT } from './harness.mjs';
import { serveHost } from './pages/host-server.mjs';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let browser, server;
before(async () => { browser = await launch(); server = await serveHost(); });
after(async () => { await browser?.close(); await server?.close(); });

// Widgets start near the viewport: bring each into view until it is live.
async function startAll(page) {
  const count = await page.locator('[data-dateline]').count();
  for (let i = 0; i < count; i++) {
    await page.locator('[data-dateline]').nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction((k) => document.querySelectorAll('[data-dateline]')[k].classList.contains('dateline--live'),
      i, { timeout: 60000, polling: 100 });
  }
  return count;
}

async function axe(page) {
  // Frames first: axe.run in the top window collects results from frames
  // that have axe loaded themselves.
  for (const frame of page.frames()) await frame.addScriptTag({ path: AXE });
  return page.evaluate(() => window.axe.run(document, { iframes: true, resultTypes: ['violations'] }));
}

const PAGES = [
  { name: 'standalone page', path: 'anchorage-summit/', widgets: 1 },
  { name: 'editor embed page', path: 'anchorage-summit/embed.html', widgets: 1, frames: 1 },
  { name: 'host page with two widgets', path: 'pages/two-widgets.html', widgets: 2 },
];

for (const { name, path, widgets, frames = 0 } of PAGES) {
  test(`axe-core finds no violations on the ${name}`, async () => {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, colorScheme: scheme });
      const page = await context.newPage();
      const errors = watchConsole(page);
      await page.goto(server.url + path);
      assert.equal(await startAll(page), widgets, 'widgets on the page');
      if (frames) {
        await page.waitForFunction((n) => [...document.querySelectorAll('iframe')]
          .filter((f) => f.contentDocument?.querySelector('.dateline--live')).length >= n, frames, { timeout: 60000 });
      }
      const result = await axe(page);
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help}) ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
      console.log(`axe, ${name} (${scheme}): ${result.violations.length} violations, ${result.passes.length} rules passed`);
      assert.deepEqual(summary, []);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}
