#!/usr/bin/env node
// bench/wasm-anatomy.mjs <module.wasm> [top N]
//
// Where the bytes of a wasm module go: section sizes, and, when the module
// has a name section (link with --profiling-funcs, see bench/anatomy.sh),
// the largest functions and the code size per origin (ImGui, stb_truetype,
// Dateline's own layers, libc/libc++, Emscripten runtime). Sizes are raw
// bytes of function bodies; brotli shares are estimated per group by
// compressing each group's bodies together.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const file = process.argv[2];
const TOP = Number(process.argv[3] || 40);
if (!file) { console.error('usage: node bench/wasm-anatomy.mjs <module.wasm> [top N]'); process.exit(2); }
const buf = readFileSync(file);

function leb(pos) {
  let result = 0, shift = 0, byte;
  do { byte = buf[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [result, pos];
}
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

let pos = 8, importedFuncs = 0;
const bodies = [];
const names = new Map();
const sections = [];
const NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount'];
while (pos < buf.length) {
  const id = buf[pos];
  let size;
  [size, pos] = leb(pos + 1);
  const start = pos, end = pos + size;
  let label = NAMES[id] || `id${id}`;
  if (id === 0) {
    let [n, p] = leb(pos);
    const cname = buf.subarray(p, p + n).toString();
    label = `custom:${cname}`;
    if (cname === 'name') {
      p += n;
      while (p < end) {
        const sub = buf[p];
        let len;
        [len, p] = leb(p + 1);
        const subEnd = p + len;
        if (sub === 1) {
          let count;
          [count, p] = leb(p);
          for (let i = 0; i < count; i++) {
            let idx, nlen;
            [idx, p] = leb(p);
            [nlen, p] = leb(p);
            names.set(idx, buf.subarray(p, p + nlen).toString());
            p += nlen;
          }
        }
        p = subEnd;
      }
    }
  } else if (id === 2) {
    let [count, p] = leb(pos);
    for (let i = 0; i < count; i++) {
      let n;
      [n, p] = leb(p); p += n;       // module
      [n, p] = leb(p); p += n;       // field
      const kind = buf[p++];
      if (kind === 0) { [, p] = leb(p); importedFuncs++; }
      else if (kind === 1) { p++; const [flags, q] = leb(p); p = q; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 2) { const [flags, q] = leb(p); p = q; [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
      else if (kind === 3) { p += 2; }
    }
  } else if (id === 10) {
    let [count, p] = leb(pos);
    for (let i = 0; i < count; i++) {
      let n;
      [n, p] = leb(p);
      bodies.push({ index: importedFuncs + i, size: n, bytes: buf.subarray(p, p + n) });
      p += n;
    }
  }
  sections.push({ label, size });
  pos = end;
}

function origin(name) {
  if (!name) return 'unnamed';
  if (/^stbtt|stbtt_|^stbrp|stb_/.test(name)) return 'stb_truetype / stb_rect_pack';
  if (/ImGui_ImplOpenGL3/.test(name)) return 'ImGui opengl3 backend';
  if (/dateline::platform|WebPlatform|web_platform|^dateline_(?!font|map)|main$|__main/.test(name)) return 'dateline platform';
  if (/dateline::widget|dateline::(Widget|MapPane|Theme|TextCache|Fonts|Targets)|widget::/.test(name)) return 'dateline widget';
  if (/dateline::/.test(name)) return 'dateline article (model)';
  if (/ImGui|^Im[A-Z]|Im[A-Z][a-z]+::|ImStb|ImFont|ImDraw|ImVec|ImGuiTextBuffer|ImPool|ImChunk/.test(name)) return 'Dear ImGui core';
  if (/^(emscripten_|_emscripten|emmalloc|dlmalloc|malloc|free|calloc|realloc|sbrk|stackAlloc|stackSave|stackRestore|__wasm|__errno|__stdio|__lockfile|__unlockfile|_start|__original_main|__cxa_|__cxx_)/.test(name)) return 'emscripten runtime / malloc';
  if (/^(std::|operator new|operator delete|__cxxabiv1|__gnu_cxx)/.test(name)) return 'libc++';
  if (/^(sscanf|vfscanf|scanexp|decfloat|hexfloat|fmt_|printf|vsnprintf|snprintf|sn_write|vfprintf|printf_core|pop_arg|fmt_fp|__fwritex|out|pad|frexp|__|mem|str|qsort|sift|trinkle|shl|shr|pntz|cycle|wrapper_cmp|sin|cos|tan|atan|acos|asin|pow|exp|log|sqrt|fmod|floor|ceil|round|scalbn|strtod|strtol|atof|atoi|tolower|toupper|is|wc|mb|bsearch|abs)/.test(name)) return 'libc (musl)';
  return 'other';
}

const named = bodies.map((b) => ({ ...b, name: names.get(b.index) || null }));
const total = named.reduce((s, b) => s + b.size, 0);
console.log(`${file}: ${buf.length} bytes, brotli-11 ${br(buf)}; ${named.length} functions, code bodies ${total} bytes`);
console.log('\nsections:');
for (const s of sections) console.log(`  ${s.label.padEnd(28)} ${String(s.size).padStart(8)}`);
if (names.size === 0) { console.log('\n(no name section: link with --profiling-funcs for per-function figures)'); process.exit(0); }

const groups = new Map();
for (const b of named) {
  const g = origin(b.name);
  const e = groups.get(g) || { size: 0, count: 0, parts: [] };
  e.size += b.size; e.count++; e.parts.push(b.bytes);
  groups.set(g, e);
}
console.log('\ncode by origin (raw bytes of function bodies, brotli-11 of the group alone):');
for (const [g, e] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`  ${g.padEnd(30)} ${String(e.size).padStart(8)} ${(100 * e.size / total).toFixed(1).padStart(5)}%  br ${String(br(Buffer.concat(e.parts))).padStart(7)}  ${e.count} functions`);
}
console.log(`\nlargest ${TOP} functions:`);
for (const b of named.sort((a, b) => b.size - a.size).slice(0, TOP)) {
  console.log(`  ${String(b.size).padStart(7)}  ${origin(b.name).padEnd(28)} ${(b.name || '#' + b.index).slice(0, 110)}`);
}
