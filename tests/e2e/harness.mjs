// Shared setup for the browser tests: Debian's Chromium driven by
// playwright-core, a static server for dist/ on 127.0.0.1, console capture,
// screenshots into build/test-artifacts/ and pixel reading from screenshots.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DATELINE_TEST_DIST || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'build/test-artifacts');

// Without the SwiftShader flags headless Chromium has no WebGL; without the
// networking flags it keeps trying to reach the internet from a closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.DATELINE_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function serveDist(options) {
  return startServer(DIST, options);
}

// Records console errors and page errors; tests assert the list is empty.
export function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  // The stack names the wasm function when a module traps or aborts.
  page.on('pageerror', (err) => errors.push(err.stack || String(err)));
  return errors;
}

// Resolves with the detail of the first `dateline:ready` event under `selector`.
export async function waitForReady(page, selector = '[data-dateline]', timeout = 60000) {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((el) => el.__datelineReady),
    selector, { timeout, polling: 50 });
  return page.evaluate((sel) => document.querySelector(sel).__datelineReady, selector);
}

// Must run before navigation: remembers each widget's ready detail on its element.
export async function recordReadyEvents(page) {
  await page.addInitScript(() => {
    document.addEventListener('dateline:ready', (e) => { e.target.__datelineReady = e.detail; });
  });
}

// Must run before navigation: every wasm memory the page creates lands in
// window.__memories, to read their sizes later.
export async function recordWasmMemories(page) {
  await page.addInitScript(() => {
    window.__memories = [];
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...args) => {
      const result = await instantiate.apply(WebAssembly, args);
      const instance = result.instance || result;
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
      return result;
    };
  });
}

export async function screenshot(target, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  const png = await target.screenshot({ path });
  return { path, png };
}

// Decodes a PNG in the browser and returns { width, height, data } (RGBA).
// Runs in a blank page of its own: the widget pages' CSP forbids data: images.
export async function decodePng(context, png) {
  const b64 = png.toString('base64');
  const page = await context.newPage();
  const decoded = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + src;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height);
    // A binary string crosses the protocol far faster than a number array.
    let bin = '';
    for (let i = 0; i < d.data.length; i += 0x8000) bin += String.fromCharCode.apply(null, d.data.subarray(i, i + 0x8000));
    return { width: d.width, height: d.height, rgba: btoa(bin) };
  }, b64);
  await page.close();
  return { width: decoded.width, height: decoded.height, data: Buffer.from(decoded.rgba, 'base64') };
}

// A new page that records console errors, every request, ready events and
// CSP violations (window.__violations, in every frame; the listener is on the
// window because a frame's first about:blank document hands its window to the
// real page, and init scripts do not run again for it).
export async function openRecorded(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = watchConsole(page);
  await recordReadyEvents(page);
  await page.addInitScript(() => {
    window.__violations = [];
    window.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { context, page, errors, requests };
}
