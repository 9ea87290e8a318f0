#!/usr/bin/env node
// bench/run.mjs: Dateline side by side with its baselines (`make bench`).
//
//   node bench/run.mjs [--loads N] [--idle S] [--only a,b] [--no-build-cost]
//                      [--build-reps N] [--no-docs]
//   (--only takes variant names: static-html, naive-imgui, hello-imgui,
//    dateline-full, dateline-companion; `--only none` measures the build cost only)
//
// Needs dist/ (`make dist`) and the baselines (bench/build-baselines.sh). Serves
// dist/ and build/bench/ on 127.0.0.1 with web/serve.mjs, drives Debian's
// Chromium (tests/e2e/harness.mjs flags: SwiftShader WebGL) and measures, per
// variant, interleaved over N loads (median of the loads for every figure):
//   transfer       every response, raw and brotli-11 (node's zlib), per file and total
//   first frame    static-html: first-contentful-paint; ImGui: end of the first
//                  animation-frame callback that issued WebGL draws; dateline: the
//                  `dateline:ready` event (performance.now()) and its firstFrameMs
//   idle           animation-frame callbacks run per second and main-thread busy
//                  fraction (CDP Performance.getMetrics TaskDuration) over S seconds
//   interaction    a scripted sequence; CPU time of each animation-frame callback
//   memory         wasm heap (exported WebAssembly.Memory) and JS heap after GC
//   build cost     seconds to compile one more article when libraries are built
// Writes build/bench/results.json, prints a table, and refreshes the generated
// part of docs/PERFORMANCE.md (between the bench:begin/bench:end markers).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync,
} from 'node:fs';
import os from 'node:os';
import { basename, join, relative } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { launch, ROOT, DIST } from '../tests/e2e/harness.mjs';
import { startServer } from '../web/serve.mjs';

// [SECTION] Options ----------------------------------------------------------
const argv = process.argv.slice(2);
function opt(name, fallback) {
  const i = argv.indexOf('--' + name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}
const LOADS = Number(opt('loads', process.env.BENCH_LOADS || 7));
const IDLE_MS = Number(opt('idle', process.env.BENCH_IDLE_SECONDS || 5)) * 1000;
const SETTLE_MS = 1000;
const BUILD_REPS = Number(opt('build-reps', process.env.BENCH_BUILD_REPS || 3));
const BUILD_COST = !argv.includes('--no-build-cost') && process.env.BENCH_BUILD_COST !== '0';
const WRITE_DOCS = !argv.includes('--no-docs');
const ONLY = String(opt('only', '') || '').split(',').filter(Boolean);
const SLUG = process.env.BENCH_SLUG || 'anchorage-summit';
const BENCH = join(ROOT, 'build/bench');
const SNAPSHOT = join(BENCH, 'dist');
const VIEWPORT = { width: 1280, height: 800 };
const KB = 1000;  // DESIGN.md budgets are in KB = 1000 bytes

const VARIANTS = [
  { name: 'static-html', root: 'bench', path: 'static-html/', kind: 'static' },
  { name: 'naive-imgui', root: 'bench', path: 'naive-imgui/', kind: 'imgui', interact: naiveSequence },
  { name: 'hello-imgui', root: 'bench', path: 'hello-imgui/', kind: 'imgui' },
  { name: 'dateline-full', root: 'dist', path: `${SLUG}/`, kind: 'dateline', interact: datelineSequence },
  { name: 'dateline-companion', root: 'dist', path: `${SLUG}/?mode=companion`, kind: 'dateline',
    interact: datelineSequence },
].filter((v) => ONLY.length === 0 || ONLY.includes(v.name));

// [SECTION] Statistics -------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

// [SECTION] In-page instrumentation (runs before any page script) ------------
function benchInit() {
  const B = (window.__bench = {
    raf: 0, rafFrames: 0, drawFrames: 0, draws: 0, lastTs: -1, firstDrawEnd: null,
    recording: false, frameStats: [], memories: [], ready: null, fcp: null, lcp: null,
  });
  // Every animation-frame callback actually run is counted and timed; a frame
  // "drew" when the callback issued WebGL draw calls.
  // Per callback: GL calls that wait for the GPU process (getParameter and
  // friends are synchronous round trips; with SwiftShader the GPU is the CPU,
  // so the first one in a frame waits for the previous frame's rasterization),
  // draw calls, indices drawn and bytes uploaded.
  let drew = false, inCallback = false;
  let frame = { wait: 0, draws: 0, indices: 0, upload: 0 };
  const nativeRaf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    return nativeRaf.call(window, function (ts) {
      const t0 = performance.now();
      drew = false;
      inCallback = true;
      frame = { wait: 0, draws: 0, indices: 0, upload: 0 };
      try {
        return callback(ts);
      } finally {
        const t1 = performance.now();
        inCallback = false;
        B.raf++;
        if (ts !== B.lastTs) { B.rafFrames++; B.lastTs = ts; }
        if (drew) {
          B.drawFrames++;
          if (B.firstDrawEnd === null) B.firstDrawEnd = t1;
        }
        if (B.recording) {
          B.frameStats.push({ ms: t1 - t0, wait: frame.wait, draws: frame.draws, indices: frame.indices, upload: frame.upload });
        }
      }
    });
  };
  B.frameStats = [];
  for (const ctor of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!ctor) continue;
    const P = ctor.prototype;
    const wrap = (m, before) => {
      const f = P[m];
      if (typeof f !== 'function') return;
      P[m] = function () { before(arguments); return f.apply(this, arguments); };
    };
    wrap('drawElements', (a) => { drew = true; B.draws++; frame.draws++; frame.indices += a[1]; });
    wrap('drawElementsInstanced', (a) => { drew = true; B.draws++; frame.draws++; frame.indices += a[1]; });
    wrap('drawRangeElements', (a) => { drew = true; B.draws++; frame.draws++; frame.indices += a[3]; });
    wrap('drawArrays', (a) => { drew = true; B.draws++; frame.draws++; frame.indices += a[2]; });
    wrap('drawArraysInstanced', (a) => { drew = true; B.draws++; frame.draws++; frame.indices += a[2]; });
    const bytes = (x) => (x && typeof x === 'object' ? x.byteLength || 0 : 0);
    wrap('bufferData', (a) => { frame.upload += a.length >= 5 ? (a[4] || bytes(a[1]) - (a[3] || 0)) : bytes(a[1]); });
    wrap('bufferSubData', (a) => { frame.upload += a.length >= 5 ? (a[4] || bytes(a[2]) - (a[3] || 0)) : bytes(a[2]); });
    for (const m of ['getParameter', 'getError', 'finish', 'readPixels', 'clientWaitSync', 'getBufferSubData',
      'getProgramParameter', 'getShaderParameter', 'getUniformLocation', 'getAttribLocation']) {
      const f = P[m];
      if (typeof f !== 'function') continue;
      P[m] = function () {
        if (!inCallback) return f.apply(this, arguments);
        const t = performance.now();
        try { return f.apply(this, arguments); } finally { frame.wait += performance.now() - t; }
      };
    }
  }
  // The module instance is not global (MODULARIZE): keep every exported memory.
  const keep = (instance) => {
    try {
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) B.memories.push(v);
    } catch (e) { /* not an instance */ }
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function () {
    return instantiate.apply(this, arguments).then((r) => {
      keep(r instanceof WebAssembly.Instance ? r : r.instance);
      return r;
    });
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function () {
      return streaming.apply(this, arguments).then((r) => { keep(r.instance); return r; });
    };
  }
  B.heap = () => B.memories.reduce((m, mem) => Math.max(m, mem.buffer.byteLength), 0);
  document.addEventListener('dateline:ready', (e) => {
    if (!B.ready) B.ready = { at: performance.now(), detail: e.detail };
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') B.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { /* observers unsupported */ }
}

// [SECTION] Interaction sequences --------------------------------------------
const pause = (page, ms) => page.waitForTimeout(ms);

// Select a quote, pan the map by drag, ctrl+wheel zoom over the map, select a
// speaker card, Escape. Targets come from element.dateline.targets().
async function datelineSequence(page) {
  const checks = {};
  const targets = () => page.evaluate(() => document.querySelector('[data-dateline]').dateline.targets());
  const selected = () => page.evaluate(() => document.querySelector('[data-dateline]').dateline.state().selected);
  // Viewport point of a target (fractions of its box), scrolled into view first.
  const at = (t, fx = 0.5, fy = 0.5) => page.evaluate(([t, fx, fy, vh]) => {
    const canvas = document.querySelector('canvas.dateline-canvas');
    let r = canvas.getBoundingClientRect();
    const y = r.top + t.y + t.h * fy;
    if (y < 60 || y > vh - 60) { window.scrollBy(0, y - vh / 2); r = canvas.getBoundingClientRect(); }
    return { x: r.left + t.x + t.w * fx, y: r.top + t.y + t.h * fy };
  }, [t, fx, fy, VIEWPORT.height]);

  let list = await targets();
  const quote = list.find((t) => t.type === 'quote');
  let p = await at(quote);
  await pause(page, 100);
  p = await at(quote);
  await page.mouse.move(p.x - 40, p.y + 30);
  await page.mouse.move(p.x, p.y, { steps: 5 });
  await page.mouse.down();
  await page.mouse.up();
  await pause(page, 400);
  checks.quote = (await selected())?.id === quote.id;

  list = await targets();
  const map = list.find((t) => t.type === 'control' && t.id === 'map');
  p = await at(map, 0.4, 0.5);
  await pause(page, 100);
  p = await at(map, 0.4, 0.5);
  await page.mouse.move(p.x, p.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(p.x + 120, p.y + 50, { steps: 12 });
  await page.mouse.up();
  await pause(page, 400);

  await page.keyboard.down('Control');
  for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, -120); await pause(page, 60); }
  await page.keyboard.up('Control');
  await pause(page, 400);

  list = await targets();
  const speaker = list.find((t) => t.type === 'speaker');
  p = await at(speaker);
  await pause(page, 100);
  p = await at(speaker);
  await page.mouse.move(p.x, p.y, { steps: 5 });
  await page.mouse.down();
  await page.mouse.up();
  await pause(page, 400);
  checks.speaker = (await selected())?.id === speaker.id;

  await page.keyboard.press('Escape');
  await pause(page, 400);
  checks.escape = (await selected()) === null;
  return checks;
}

// The same kinds of input on the demo window (ImGui's default layout at
// 1280x800: "Hello, world!" at (60,60), the demo window at (650,20)).
async function naiveSequence(page) {
  await page.mouse.move(300, 400);
  await page.mouse.move(700, 300, { steps: 5 });
  await page.mouse.move(697, 96, { steps: 5 });      // "Help" header
  await page.mouse.down();
  await page.mouse.up();
  await pause(page, 400);
  await page.mouse.move(200, 69, { steps: 5 });      // "Hello, world!" title bar
  await page.mouse.down();
  await page.mouse.move(320, 119, { steps: 12 });
  await page.mouse.up();
  await pause(page, 400);
  await page.mouse.move(900, 400, { steps: 3 });     // scroll the demo window
  for (let i = 0; i < 3; i++) { await page.mouse.wheel(0, 120); await pause(page, 60); }
  await pause(page, 400);
  await page.mouse.move(93 + 120, 205 + 50, { steps: 5 });  // "Button", moved with its window
  await page.mouse.down();
  await page.mouse.up();
  await pause(page, 400);
  await page.keyboard.press('Escape');
  await pause(page, 400);
  return {};
}

// [SECTION] One load of one variant ------------------------------------------
const brotliCache = new Map();
function brotli11(buf) {
  const key = createHash('sha1').update(buf).digest('hex');
  if (!brotliCache.has(key)) {
    brotliCache.set(key, brotliCompressSync(buf, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length);
  }
  return brotliCache.get(key);
}

async function waitFirstFrame(page, kind) {
  const cond = {
    static: () => window.__bench.fcp !== null,
    imgui: () => window.__bench.firstDrawEnd !== null,
    dateline: () => window.__bench.ready !== null,
  }[kind];
  await page.waitForFunction(cond, null, { timeout: 30000, polling: 20 });
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function runLoad(browser, variant, url, withTransfer) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' });
  await context.addInitScript(benchInit);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // The ImGui and static pages have no icon: Chromium's /favicon.ico 404 is not theirs.
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location()?.url || '')) errors.push(m.text());
  });
  const responses = [];
  page.on('response', (r) => responses.push(r));
  const out = { variant: variant.name, errors };
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await waitFirstFrame(page, variant.kind);
    out.timing = await page.evaluate(() => {
      const B = window.__bench;
      return { fcp: B.fcp, lcp: B.lcp, firstDrawEnd: B.firstDrawEnd, readyAt: B.ready?.at ?? null,
               firstFrameMs: B.ready?.detail?.firstFrameMs ?? null };
    });
    out.milestones = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const m = { domContentLoaded: nav ? nav.domContentLoadedEventEnd : null };
      for (const e of performance.getEntriesByType('resource')) {
        const file = new URL(e.name).pathname.split('/').pop() || 'index.html';
        if (!(file in m)) m[file] = e.responseEnd;
      }
      return m;
    });
    out.firstFrame = { static: out.timing.fcp, imgui: out.timing.firstDrawEnd, dateline: out.timing.readyAt }[variant.kind];

    // Idle: after settling, count frames and main-thread time.
    await pause(page, SETTLE_MS);
    const read = () => page.evaluate(() => ({ raf: window.__bench.raf, draws: window.__bench.drawFrames }));
    const m0 = await metrics(cdp); const c0 = await read();
    await pause(page, IDLE_MS);
    const m1 = await metrics(cdp); const c1 = await read();
    const wall = m1.Timestamp - m0.Timestamp;
    out.idle = {
      seconds: wall,
      rafPerSecond: (c1.raf - c0.raf) / wall,
      drawFramesPerSecond: (c1.draws - c0.draws) / wall,
      busy: (m1.TaskDuration - m0.TaskDuration) / wall,
      scriptBusy: (m1.ScriptDuration - m0.ScriptDuration) / wall,
    };

    if (variant.interact) {
      await page.evaluate(() => { window.__bench.frameStats = []; window.__bench.recording = true; });
      const s0 = await metrics(cdp);
      const checks = await variant.interact(page);
      const s1 = await metrics(cdp);
      const stats = await page.evaluate(() => {
        window.__bench.recording = false;
        return window.__bench.frameStats;
      });
      const times = stats.map((x) => x.ms);
      const cpu = stats.map((x) => x.ms - x.wait);
      out.interaction = {
        checks, frames: times.length, median: median(times), p95: quantile(times, 0.95),
        cpuMedian: median(cpu), cpuP95: quantile(cpu, 0.95), waitMedian: median(stats.map((x) => x.wait)),
        drawsPerFrame: median(stats.map((x) => x.draws)), indicesPerFrame: median(stats.map((x) => x.indices)),
        uploadPerFrame: median(stats.map((x) => x.upload)),
        max: times.length ? Math.max(...times) : null, totalFrameMs: times.reduce((a, b) => a + b, 0),
        seconds: s1.Timestamp - s0.Timestamp, busy: (s1.TaskDuration - s0.TaskDuration) / (s1.Timestamp - s0.Timestamp),
        perFrame: stats,  // in order, for finding which step a slow frame belongs to
      };
    }

    out.wasmHeap = await page.evaluate(() => window.__bench.heap());
    await cdp.send('HeapProfiler.collectGarbage');
    out.jsHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;

    out.requests = responses.filter((r) => r.status() === 200).map((r) => r.url()).sort();
    if (withTransfer) out.transfer = await transferOf(page, responses);
  } catch (err) {
    out.error = String(err && err.message || err).split('\n')[0];
  }
  await context.close();
  return out;
}

async function transferOf(page, responses) {
  const files = [];
  for (const r of responses) {
    if (r.status() !== 200) continue;
    // A repeated request for the same URL (Chromium asks for the icon again
    // as the page settles) is counted once: a browser cache would answer it.
    const seen = files.find((x) => x.url === r.url());
    if (seen) { seen.requests++; continue; }
    const body = await r.body();
    const sizes = await r.request().sizes().catch(() => null);
    files.push({
      url: r.url(), raw: body.length, br11: brotli11(body),
      wire: sizes ? sizes.responseBodySize : null, encoding: r.headers()['content-encoding'] || null, requests: 1,
    });
  }
  // Headless Chromium does not fetch icons; real browsers do.
  const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href));
  for (const href of icons) {
    if (files.some((f) => f.url === href)) continue;
    const res = await fetch(href, { headers: { 'Accept-Encoding': 'identity' } });
    if (!res.ok) continue;
    const body = Buffer.from(await res.arrayBuffer());
    files.push({ url: href, raw: body.length, br11: brotli11(body), wire: null, encoding: null, requests: 0, note: 'icon' });
  }
  files.sort((a, b) => b.br11 - a.br11);
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    br11: files.reduce((s, f) => s + f.br11, 0),
  };
}

// [SECTION] Wasm anatomy (sections; what the code and data weigh) ------------
function readLeb(buf, pos) {
  let result = 0, shift = 0, byte;
  do { byte = buf[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [result, pos];
}
const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount'];
function wasmSections(file) {
  const buf = readFileSync(file);
  const sections = {};
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    let size;
    [size, pos] = readLeb(buf, pos + 1);
    const name = SECTION_NAMES[id] || `id${id}`;
    const bytes = buf.subarray(pos, pos + size);
    const s = sections[name] || (sections[name] = { raw: 0, br11: 0 });
    s.raw += size;
    s.br11 += brotli11(Buffer.from(bytes));
    if (name === 'code') s.functions = readLeb(buf, pos)[0];
    pos += size;
  }
  return { raw: buf.length, br11: brotli11(buf), sections };
}

// [SECTION] Build cost: one more article when the libraries are built ---------
// A scratch source tree of symlinks to this checkout (so no file of the real
// tree changes) with its own assets/articles/, configured like the wasm preset
// in build/bench/buildcost/. A warm-up builds the libraries (untimed, cached
// across runs); each repetition then adds tests/fixtures/articles/harbour-vote.json
// as a new article and times re-configure + the build of its widget.
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' }, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${(r.stdout || '').slice(-2000)}${(r.stderr || '').slice(-2000)}`);
  return r.stdout;
}

// A copy of an article under another name: the compiler requires the slug
// to be the file's name, the name the widget is published under.
function copyArticle(from, to) {
  const slug = basename(to, '.json');
  writeFileSync(to, readFileSync(from, 'utf8').replace(/"slug":\s*"[^"]*"/, `"slug": "${slug}"`));
}

function buildCost() {
  const tool = join(ROOT, 'build/native/src/compiler/dateline');
  const fixture = join(ROOT, 'tests/fixtures/articles/harbour-vote.json');
  if (!existsSync(tool)) return { error: 'build/native/src/compiler/dateline missing (make native)' };
  const base = join(BENCH, 'buildcost');
  const src = join(base, 'src');
  const bin = join(base, 'build');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(join(src, 'assets/articles'), { recursive: true });
  mkdirSync(join(src, 'build'), { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (['build', 'dist', 'assets', '.git'].includes(entry)) continue;
    symlinkSync(join(ROOT, entry), join(src, entry));
  }
  for (const entry of readdirSync(join(ROOT, 'assets'))) {
    if (entry !== 'articles') symlinkSync(join(ROOT, 'assets', entry), join(src, 'assets', entry));
  }
  symlinkSync(join(ROOT, 'build/third_party'), join(src, 'build/third_party'));
  copyArticle(join(ROOT, `assets/articles/${SLUG}.json`), join(src, 'assets/articles/bench-warm.json'));
  const configure = () => run('cmake', ['-S', src, '-B', bin, '-G', 'Unix Makefiles',
    '-DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake',
    '-DCMAKE_BUILD_TYPE=MinSizeRel', `-DDATELINE_TOOL=${tool}`, `-DDATELINE_DIST_DIR=${join(base, 'dist')}`,
    `-DDATELINE_IMGUI_DIR=${join(ROOT, 'build/third_party/imgui-1.92.2b+ds')}`,
    '-DDATELINE_FIXTURE_WIDGETS=OFF', '-Wno-dev']);
  const extra = 'bench-extra';
  const clean = () => {
    rmSync(join(src, `assets/articles/${extra}.json`), { force: true });
    for (const d of [`gen/${extra}`, `widgets/${extra}`, `CMakeFiles/dateline_widget_${extra}.dir`,
      `CMakeFiles/dateline_widget_${extra}_page.dir`]) rmSync(join(bin, d), { recursive: true, force: true });
    rmSync(join(base, 'dist', extra), { recursive: true, force: true });
  };
  clean();
  console.log('bench: build cost: warm-up (libraries and one widget; slow the first time)');
  let t = performance.now();
  configure();
  run('cmake', ['--build', bin, '-j2']);
  const warmupSeconds = (performance.now() - t) / 1000;
  const reps = [];
  for (let i = 0; i < BUILD_REPS; i++) {
    clean();
    configure();
    t = performance.now();
    copyArticle(fixture, join(src, `assets/articles/${extra}.json`));
    configure();
    const tc = performance.now();
    run('cmake', ['--build', bin, '-j2', '--target', `dateline_widget_${extra}`, `dateline_widget_${extra}_page`]);
    const end = performance.now();
    reps.push({ total: (end - t) / 1000, configure: (tc - t) / 1000, build: (end - tc) / 1000 });
    console.log(`bench: build cost rep ${i + 1}: ${((end - t) / 1000).toFixed(1)} s`);
  }
  const wasmFile = join(base, 'dist', extra, 'dateline.wasm');
  const result = {
    article: relative(ROOT, fixture), jobs: 2, warmupSeconds, reps,
    seconds: median(reps.map((r) => r.total)),
    configureSeconds: median(reps.map((r) => r.configure)), buildSeconds: median(reps.map((r) => r.build)),
    wasm: existsSync(wasmFile) ? wasmSections(wasmFile) : null,
  };
  clean();
  return result;
}

// [SECTION] Machine ----------------------------------------------------------
function machine(browserVersion) {
  const sh = (cmd, args) => { try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return null; } };
  const lscpu = sh('lscpu', []) || '';
  const field = (name) => (lscpu.match(new RegExp(`^${name}:\\s*(.+)$`, 'm')) || [])[1] || null;
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: field('Model name') || os.cpus()[0]?.model, cpus: Number(field('CPU\\(s\\)')) || os.cpus().length,
    date: new Date().toISOString(), commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: Boolean(dirty), chromium: browserVersion, node: process.version,
    emscripten: (sh('em++', ['--version']) || '').split('\n')[0] || null, viewport: VIEWPORT, dpr: 1,
    loads: LOADS, idleSeconds: IDLE_MS / 1000,
  };
}

// [SECTION] Main -------------------------------------------------------------
async function main() {
  const missing = VARIANTS.filter((v) => !existsSync(join(v.root === 'dist' ? DIST : BENCH, v.path.split('?')[0], 'index.html')));
  if (missing.length) {
    console.error(`bench: missing ${missing.map((v) => v.name).join(', ')}: run make dist and bench/build-baselines.sh`);
    process.exit(1);
  }
  // A snapshot of dist/, precompressed like `make dist` leaves it: every load
  // measures the same build even if dist/ is rebuilt meanwhile.
  rmSync(SNAPSHOT, { recursive: true, force: true });
  cpSync(DIST, SNAPSHOT, { recursive: true });
  run('sh', [join(ROOT, 'scripts/precompress.sh'), SNAPSHOT]);
  const servers = { dist: await startServer(SNAPSHOT), bench: await startServer(BENCH) };
  const browser = await launch();
  const browserVersion = browser.version();
  const loads = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
  const transfer = {};
  console.log(`bench: ${VARIANTS.length} variants x ${LOADS} loads, interleaved (idle window ${IDLE_MS / 1000} s)`);
  for (let i = 0; i < LOADS; i++) {
    // Rotate the order each round so no variant always runs first or last.
    const order = VARIANTS.map((_, k) => VARIANTS[(k + i) % VARIANTS.length]);
    for (const v of order) {
      const url = servers[v.root].url + v.path;
      const r = await runLoad(browser, v, url, i === 0 || !transfer[v.name]);
      if (r.transfer) transfer[v.name] = r.transfer;
      delete r.transfer;
      loads[v.name].push(r);
      const ff = r.firstFrame != null ? `${r.firstFrame.toFixed(0)} ms` : '-';
      console.log(`bench: round ${i + 1}/${LOADS} ${v.name.padEnd(19)} first frame ${ff.padStart(8)}` +
        (r.idle ? `  idle ${r.idle.rafPerSecond.toFixed(1)} rAF/s ${(r.idle.busy * 100).toFixed(1)}% busy` : '') +
        (r.interaction ? `  frames p95 ${r.interaction.p95?.toFixed(2)} ms` : '') +
        (r.error ? `  ERROR ${r.error}` : '') + (r.errors.length ? `  (${r.errors.length} console errors)` : ''));
    }
  }
  const info = machine(browserVersion);
  await browser.close();
  await servers.dist.close();
  await servers.bench.close();

  // Summaries: medians over loads.
  const summary = {};
  for (const v of VARIANTS) {
    const ok = loads[v.name].filter((r) => !r.error);
    const pick = (f) => median(ok.map(f));
    summary[v.name] = {
      loads: ok.length, failed: loads[v.name].length - ok.length,
      transfer: transfer[v.name] ? { raw: transfer[v.name].raw, br11: transfer[v.name].br11 } : null,
      firstFrameMs: pick((r) => r.firstFrame),
      moduleFirstFrameMs: v.kind === 'dateline' ? pick((r) => r.timing.firstFrameMs) : null,
      firstDrawMs: v.kind !== 'static' ? pick((r) => r.timing.firstDrawEnd) : null,
      lcpMs: v.kind === 'static' ? pick((r) => r.timing.lcp) : null,
      fcpMs: pick((r) => r.timing.fcp),
      milestonesMs: Object.fromEntries([...new Set(ok.flatMap((r) => Object.keys(r.milestones || {})))]
        .map((k) => [k, pick((r) => r.milestones?.[k])])),
      idleRafPerSecond: pick((r) => r.idle.rafPerSecond),
      idleDrawFramesPerSecond: pick((r) => r.idle.drawFramesPerSecond),
      idleBusy: pick((r) => r.idle.busy),
      frameMedianMs: v.interact ? pick((r) => r.interaction.median) : null,
      frameP95Ms: v.interact ? pick((r) => r.interaction.p95) : null,
      frameCpuMedianMs: v.interact ? pick((r) => r.interaction.cpuMedian) : null,
      frameCpuP95Ms: v.interact ? pick((r) => r.interaction.cpuP95) : null,
      frameGlWaitMedianMs: v.interact ? pick((r) => r.interaction.waitMedian) : null,
      drawsPerFrame: v.interact ? pick((r) => r.interaction.drawsPerFrame) : null,
      indicesPerFrame: v.interact ? pick((r) => r.interaction.indicesPerFrame) : null,
      uploadBytesPerFrame: v.interact ? pick((r) => r.interaction.uploadPerFrame) : null,
      interactionFrames: v.interact ? pick((r) => r.interaction.frames) : null,
      interactionBusy: v.interact ? pick((r) => r.interaction.busy) : null,
      sequenceChecks: v.interact ? ok.map((r) => r.interaction.checks) : null,
      wasmHeapBytes: v.kind !== 'static' ? pick((r) => r.wasmHeap) : null,
      jsHeapBytes: pick((r) => r.jsHeap),
      consoleErrors: [...new Set(loads[v.name].flatMap((r) => r.errors))],
      errors: loads[v.name].filter((r) => r.error).map((r) => r.error),
    };
  }
  const S = summary;
  const base = (name, key) => S[name]?.[key] ?? null;
  for (const [name, s] of Object.entries(S)) {
    s.ratios = {
      firstFrameToStatic: ratio(s.firstFrameMs, base('static-html', 'firstFrameMs')),
      firstFrameToNaive: ratio(s.firstFrameMs, base('naive-imgui', 'firstFrameMs')),
      transferToStatic: ratio(s.transfer?.br11, S['static-html']?.transfer?.br11),
      transferToNaive: ratio(s.transfer?.br11, S['naive-imgui']?.transfer?.br11),
      frameP95ToNaive: name === 'naive-imgui' ? 1 : ratio(s.frameP95Ms, base('naive-imgui', 'frameP95Ms')),
      frameMedianToNaive: name === 'naive-imgui' ? 1 : ratio(s.frameMedianMs, base('naive-imgui', 'frameMedianMs')),
      frameCpuP95ToNaive: name === 'naive-imgui' ? 1 : ratio(s.frameCpuP95Ms, base('naive-imgui', 'frameCpuP95Ms')),
    };
  }

  const wasm = {};
  for (const v of VARIANTS) {
    const file = v.root === 'dist' ? join(SNAPSHOT, SLUG, 'dateline.wasm') : join(BENCH, v.name, 'index.wasm');
    const label = v.name.startsWith('dateline') ? 'dateline' : v.name;
    if (existsSync(file) && !wasm[label]) wasm[label] = wasmSections(file);
  }

  let build = null;
  if (BUILD_COST) {
    try { build = buildCost(); } catch (err) { build = { error: String(err.message || err).slice(0, 4000) }; }
  }

  const budgets = evaluateBudgets(S);
  const results = { machine: info, summary: S, budgets, transfer, wasm, buildCost: build, loads };
  mkdirSync(BENCH, { recursive: true });
  writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const report = renderReport(results);
  console.log('\n' + report);
  console.log(`bench: wrote ${relative(ROOT, join(BENCH, 'results.json'))}`);
  if (WRITE_DOCS) updateDocs(report);
}

function evaluateBudgets(S) {
  const d = S['dateline-full'];
  if (!d) return [];
  const list = [
    { what: 'standalone page transfer (brotli-11)', budget: '<= 200 KB',
      measured: d.transfer ? `${(d.transfer.br11 / KB).toFixed(1)} KB` : '-',
      ok: d.transfer ? d.transfer.br11 <= 200 * KB : null },
    { what: 'animation frames while idle', budget: '0 /s',
      measured: d.idleRafPerSecond != null ? `${d.idleRafPerSecond.toFixed(2)} /s` : '-',
      ok: d.idleRafPerSecond != null ? d.idleRafPerSecond === 0 : null },
    { what: 'first complete frame vs static-html FCP', budget: '<= 2.0x',
      measured: d.ratios.firstFrameToStatic != null ? `${d.ratios.firstFrameToStatic.toFixed(2)}x` : '-',
      ok: d.ratios.firstFrameToStatic != null ? d.ratios.firstFrameToStatic <= 2 : null },
    { what: 'wasm heap high-water mark', budget: '<= 16 MB',
      measured: d.wasmHeapBytes != null ? `${(d.wasmHeapBytes / 2 ** 20).toFixed(1)} MiB` : '-',
      ok: d.wasmHeapBytes != null ? d.wasmHeapBytes <= 16 * 2 ** 20 : null },
    { what: 'interaction frame time p95 vs naive-imgui', budget: '<= 0.5x',
      measured: d.ratios.frameP95ToNaive != null ? `${d.ratios.frameP95ToNaive.toFixed(2)}x` : '-',
      ok: d.ratios.frameP95ToNaive != null ? d.ratios.frameP95ToNaive <= 0.5 : null },
    { what: '  same, excluding GL sync waits (module CPU)', budget: '<= 0.5x',
      measured: d.ratios.frameCpuP95ToNaive != null ? `${d.ratios.frameCpuP95ToNaive.toFixed(2)}x` : '-',
      ok: d.ratios.frameCpuP95ToNaive != null ? d.ratios.frameCpuP95ToNaive <= 0.5 : null },
  ];
  const off = join(SNAPSHOT, SLUG + '.offline.html');
  if (existsSync(off)) {
    const size = readFileSync(off).length;
    list.splice(1, 0, { what: 'offline single file (raw)', budget: '<= 600 KB', measured: `${(size / KB).toFixed(1)} KB`,
      ok: size <= 600 * KB });
  }
  return list;
}

// [SECTION] Report -----------------------------------------------------------
function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
const f = {
  kb: (b) => (b == null ? '-' : `${(b / KB).toFixed(1)} KB`),
  ms: (x) => (x == null ? '-' : `${x.toFixed(0)} ms`),
  ms2: (x) => (x == null ? '-' : `${x.toFixed(2)} ms`),
  x: (r) => (r == null ? '-' : `${r.toFixed(2)}x`),
  pct: (x) => (x == null ? '-' : `${(x * 100).toFixed(1)}%`),
  fps: (x) => (x == null ? '-' : x.toFixed(1)),
  mib: (b) => (b == null ? '-' : `${(b / 2 ** 20).toFixed(1)} MiB`),
};

function renderReport({ machine: m, summary: S, budgets, transfer, wasm, buildCost: b }) {
  const names = Object.keys(S);
  const out = [];
  out.push(`Machine: ${m.cpu}, ${m.cpus} CPUs; ${m.date.slice(0, 10)}; commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}; ` +
    `Chromium ${m.chromium} (headless, SwiftShader WebGL); ${m.emscripten}; Node ${m.node}. ` +
    `Viewport ${m.viewport.width}x${m.viewport.height} @${m.dpr}x; medians of ${m.loads} interleaved loads; idle window ${m.idleSeconds} s.`);
  out.push('');
  out.push('Size and speed (ratios in parentheses: to static-html / to naive-imgui)');
  out.push('');
  out.push(table(
    ['variant', 'transfer raw', 'transfer br-11', 'first frame', 'idle rAF/s', 'idle busy', 'frame p50', 'frame p95', 'wasm heap', 'JS heap'],
    names.map((n) => {
      const s = S[n];
      return [n, f.kb(s.transfer?.raw),
        `${f.kb(s.transfer?.br11)} (${f.x(s.ratios.transferToStatic)} / ${f.x(s.ratios.transferToNaive)})`,
        `${f.ms(s.firstFrameMs)} (${f.x(s.ratios.firstFrameToStatic)} / ${f.x(s.ratios.firstFrameToNaive)})`,
        f.fps(s.idleRafPerSecond), f.pct(s.idleBusy),
        s.frameMedianMs == null ? '-' : `${f.ms2(s.frameMedianMs)} (${f.x(s.ratios.frameMedianToNaive)})`,
        s.frameP95Ms == null ? '-' : `${f.ms2(s.frameP95Ms)} (${f.x(s.ratios.frameP95ToNaive)})`,
        f.mib(s.wasmHeapBytes), f.mib(s.jsHeapBytes)];
    })));
  out.push('');
  out.push('First frame: static-html = first-contentful-paint; ImGui baselines = end of the first animation-frame ' +
    'callback that drew; dateline = `dateline:ready` (navigation start to the event). Dateline\'s own ' +
    'firstFrameMs (module start to ready): ' +
    names.filter((n) => S[n].moduleFirstFrameMs != null).map((n) => `${n} ${f.ms(S[n].moduleFirstFrameMs)}`).join(', ') + '.');
  for (const n of names.filter((k) => S[k].moduleFirstFrameMs != null)) {
    const m = S[n].milestonesMs;
    out.push(`${n} timeline (ms after navigation start): DOMContentLoaded ${f.ms(m.domContentLoaded)}, ` +
      `first-contentful-paint (the HTML article, before the canvas) ${f.ms(S[n].fcpMs)}, ` +
      `dateline-embed.js ${f.ms(m['dateline-embed.js'])}, dateline.js ${f.ms(m['dateline.js'])}, ` +
      `dateline.wasm ${f.ms(m['dateline.wasm'])} (responseEnd), module start ~${f.ms(S[n].firstFrameMs - S[n].moduleFirstFrameMs)}, ` +
      `ready ${f.ms(S[n].firstFrameMs)}.`);
  }
  const inter = names.filter((n) => S[n].frameP95Ms != null);
  if (inter.length) {
    out.push('');
    out.push('Interaction (scripted sequence; per animation-frame callback; ratios to naive-imgui)');
    out.push('');
    out.push(table(['variant', 'frames', 'frame p50', 'frame p95', 'CPU p50 (no GL waits)', 'CPU p95 (no GL waits)',
      'GL wait p50', 'draws/frame', 'indices/frame', 'upload/frame', 'main thread busy'],
    inter.map((n) => {
      const s = S[n];
      return [n + (s.sequenceChecks?.some((c) => Object.values(c).includes(false)) ? ' (checks failed)' : ''),
        s.interactionFrames, `${f.ms2(s.frameMedianMs)} (${f.x(s.ratios.frameMedianToNaive)})`,
        `${f.ms2(s.frameP95Ms)} (${f.x(s.ratios.frameP95ToNaive)})`,
        f.ms2(s.frameCpuMedianMs), `${f.ms2(s.frameCpuP95Ms)} (${f.x(s.ratios.frameCpuP95ToNaive)})`,
        f.ms2(s.frameGlWaitMedianMs), s.drawsPerFrame ?? '-', s.indicesPerFrame ?? '-', f.kb(s.uploadBytesPerFrame),
        f.pct(s.interactionBusy)];
    })));
  }
  out.push('');
  out.push('Budgets (DESIGN.md) for dateline-full');
  out.push('');
  out.push(table(['what', 'budget', 'measured', 'verdict'],
    budgets.map((x) => [x.what, x.budget, x.measured, x.ok == null ? '-' : x.ok ? 'met' : 'MISSED'])));
  out.push('');
  out.push('Transfer per file (brotli-11)');
  out.push('');
  const rows = [];
  for (const n of names) {
    for (const file of transfer[n]?.files || []) {
      rows.push([n, new URL(file.url).pathname + (file.note ? ' (icon, fetched by real browsers)' : ''),
        f.kb(file.raw), f.kb(file.br11), file.encoding || '-']);
    }
  }
  out.push(table(['variant', 'file', 'raw', 'br-11', 'served as'], rows));
  out.push('');
  out.push('Wasm sections (raw / brotli-11)');
  out.push('');
  out.push(table(['module', 'total', 'code', 'data', 'functions'],
    Object.entries(wasm).map(([n, w]) => [n, `${f.kb(w.raw)} / ${f.kb(w.br11)}`,
      w.sections.code ? `${f.kb(w.sections.code.raw)} / ${f.kb(w.sections.code.br11)}` : '-',
      w.sections.data ? `${f.kb(w.sections.data.raw)} / ${f.kb(w.sections.data.br11)}` : '-',
      w.sections.code?.functions ?? '-'])));
  out.push('');
  if (b && !b.error) {
    out.push(`Build cost: one more article (${b.article}) when the libraries are built: ${b.seconds.toFixed(1)} s ` +
      `(median of ${b.reps.length}; re-configure ${b.configureSeconds.toFixed(1)} s + widget ${b.buildSeconds.toFixed(1)} s, -j${b.jobs}).`);
  } else if (b?.error) {
    out.push(`Build cost: failed: ${b.error.split('\n')[0]}`);
  } else {
    out.push('Build cost: not measured (--no-build-cost).');
  }
  return out.join('\n');
}

function updateDocs(report) {
  const file = join(ROOT, 'docs/PERFORMANCE.md');
  const begin = '<!-- bench:begin (generated by bench/run.mjs; edit outside the markers) -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${report}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${begin}\n${end}\n`;
  const a = text.indexOf('<!-- bench:begin');
  const z = text.indexOf(end);
  text = a >= 0 && z > a ? text.slice(0, a) + block + text.slice(z + end.length) : text + '\n' + block + '\n';
  writeFileSync(file, text);
  console.log('bench: updated docs/PERFORMANCE.md');
}

await main();
