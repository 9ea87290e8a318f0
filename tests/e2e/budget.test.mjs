// The byte budgets of DESIGN.md ("Budgets"), held deterministically: what the
// default article's standalone page transfers (brotli-11), the offline single
// file, and the rule that the wasm module never links the JSON parser.
// Timing budgets are reported by `make bench` (docs/PERFORMANCE.md), not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, constants } from 'node:zlib';
import { launch, serveDist, recordReadyEvents, waitForReady, DIST, ROOT } from './harness.mjs';

const SLUG = 'anchorage-summit';
const KB = 1000;  // the budgets are in KB of 1000 bytes
const PAGE_BUDGET = 200 * KB;
const OFFLINE_BUDGET = 600 * KB;

const brotli11 = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function report(what, budget, measured) {
  console.log(`budget: ${kb(budget)}, measured: ${kb(measured)} (${what})`);
}

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the standalone page transfers at most 200 KB brotli-11 in total', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await recordReadyEvents(page);
  await page.goto(server.url + `${SLUG}/`);
  await waitForReady(page);
  await page.waitForLoadState('networkidle');

  // Every response once (Chromium asks for the icon more than once), each
  // compressed with brotli-11 here: the figure does not depend on what the
  // server happened to precompress.
  const files = new Map();
  for (const r of responses) {
    if (r.status() !== 200 || files.has(r.url())) continue;
    const body = await r.body();
    files.set(r.url(), { raw: body.length, br: brotli11(body) });
  }
  // Real browsers fetch the icon; headless Chromium may not.
  const icons = await page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href));
  for (const href of icons) {
    if (files.has(href)) continue;
    const res = await fetch(href, { headers: { 'Accept-Encoding': 'identity' } });
    assert.ok(res.ok, `icon ${href} is served`);
    const body = Buffer.from(await res.arrayBuffer());
    files.set(href, { raw: body.length, br: brotli11(body) });
  }
  await context.close();

  const names = [...files.keys()].map((u) => new URL(u).pathname);
  for (const must of [`/${SLUG}/`, `/${SLUG}/dateline.js`, `/${SLUG}/dateline.wasm`, '/dateline-embed.js', '/dateline.css']) {
    assert.ok(names.includes(must), `the page fetched ${must} (got ${names.join(', ')})`);
  }
  const total = [...files.values()].reduce((s, f) => s + f.br, 0);
  const breakdown = [...files].sort((a, b) => b[1].br - a[1].br)
    .map(([u, f]) => `  ${new URL(u).pathname}: ${kb(f.raw)} raw, ${kb(f.br)} brotli-11`).join('\n');
  console.log(breakdown);
  report(`${SLUG} standalone page, ${files.size} files, brotli-11`, PAGE_BUDGET, total);
  assert.ok(total <= PAGE_BUDGET,
    `the standalone page transfers ${kb(total)} brotli-11, over the ${kb(PAGE_BUDGET)} budget:\n${breakdown}\n` +
    'see docs/PERFORMANCE.md for where the bytes go');
});

test('the offline single file is at most 600 KB', (t) => {
  const file = join(DIST, `${SLUG}.offline.html`);
  if (!existsSync(file)) {
    t.skip(`dist/${SLUG}.offline.html does not exist yet (the offline build is not in this tree): budget not enforced`);
    return;
  }
  const bytes = readFileSync(file);
  // Opened from file:// nothing is compressed on the way: the file size is the cost.
  report(`dist/${SLUG}.offline.html, raw (brotli-11 ${kb(brotli11(bytes))})`, OFFLINE_BUDGET, bytes.length);
  assert.ok(bytes.length <= OFFLINE_BUDGET, `dist/${SLUG}.offline.html is ${kb(bytes.length)}, over ${kb(OFFLINE_BUDGET)}`);
});

// Every compile command of the wasm build, with its @response files inlined,
// and every header dependency file: none may mention nlohmann.
function wasmBuildMentions(needle) {
  const build = join(ROOT, 'build/wasm');
  const hits = [];
  const commands = JSON.parse(readFileSync(join(build, 'compile_commands.json'), 'utf8'));
  for (const c of commands) {
    let text = c.command || (c.arguments || []).join(' ');
    for (const [, rsp] of text.matchAll(/@(\S+)/g)) {
      const path = join(c.directory, rsp);
      if (existsSync(path)) text += ' ' + readFileSync(path, 'utf8');
    }
    if (text.includes(needle)) hits.push(`compile command for ${relative(ROOT, c.file)}`);
  }
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.o.d') && readFileSync(path, 'utf8').includes(needle)) {
        hits.push(`header dependencies ${relative(build, path)}`);
      }
    }
  };
  walk(join(build, 'CMakeFiles'));
  if (existsSync(join(build, 'src'))) walk(join(build, 'src'));
  return { hits, commands: commands.length };
}

test('the wasm module never links the JSON parser', () => {
  const wasm = readFileSync(join(DIST, SLUG, 'dateline.wasm'));
  const js = readFileSync(join(DIST, SLUG, 'dateline.js'));
  for (const needle of ['nlohmann', 'json.exception']) {
    assert.equal(wasm.indexOf(needle), -1, `dateline.wasm contains "${needle}": the JSON parser was linked`);
    assert.equal(js.indexOf(needle), -1, `dateline.js contains "${needle}"`);
  }
  assert.ok(existsSync(join(ROOT, 'build/wasm/compile_commands.json')),
    'build/wasm/compile_commands.json exists (CMAKE_EXPORT_COMPILE_COMMANDS in the wasm build)');
  const { hits, commands } = wasmBuildMentions('nlohmann');
  assert.ok(commands > 0, 'the wasm build has compile commands');
  assert.deepEqual(hits, [], 'no wasm translation unit includes nlohmann/json');
  console.log(`budget: no JSON parser in the module, measured: 0 mentions in ${kb(wasm.length)} of wasm, ` +
    `${commands} compile commands and their header dependencies`);
});

test('precompressed .br/.gz siblings in dist/ are complete and fresh', () => {
  // web/serve.mjs prefers a sibling to its source: a stale one would be served
  // (and measured above) instead of the current build. `make dist` rewrites them
  // (scripts/precompress.sh); a bare `cmake --build --preset wasm` does not.
  const stale = [], missing = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) { walk(path); continue; }
      if (!/\.(html|js|wasm|css|svg)$/.test(entry.name)) continue;
      const source = readFileSync(path);
      for (const [ext, decode] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
        if (!existsSync(path + ext)) { missing.push(relative(DIST, path + ext)); continue; }
        let same = false;
        try { same = decode(readFileSync(path + ext)).equals(source); } catch { same = false; }
        if (!same) stale.push(`${relative(DIST, path + ext)} (source ${statSync(path).mtime.toISOString()})`);
      }
    }
  };
  walk(DIST);
  assert.deepEqual(stale, [], 'stale precompressed files in dist/: run `make dist` or scripts/precompress.sh');
  assert.deepEqual(missing, [], 'assets without precompressed siblings in dist/: run `make dist` or scripts/precompress.sh');
});
