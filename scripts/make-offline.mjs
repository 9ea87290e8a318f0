#!/usr/bin/env node
// Builds dist/<slug>.offline.html: the standalone page as ONE file that works
// from file:// with no network request at all. The stylesheet, the module
// script, the wasm (base64 in a <script type="application/octet-stream">),
// the favicon and dateline-embed.js are inlined; the page's
// Content-Security-Policy becomes `default-src 'none'` with hashes of exactly
// these inline scripts and styles, so the browser itself forbids any fetch.
//
//   node scripts/make-offline.mjs --page <index.html> --module <dateline.js> --wasm <dateline.wasm>
//        --css <dateline.css> --embed <dateline-embed.js> [--favicon <favicon.svg>] --out <file>
//        [--budget 614400] [--compress auto|never|always]
//
// --compress auto (default) stores the wasm raw unless the file would exceed
// the budget; gzip needs DecompressionStream (Chromium 80, Firefox 113, Safari 16.4).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

function parseArgs(argv) {
  const args = { budget: '614400', compress: 'auto' };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const need of ['page', 'module', 'wasm', 'css', 'embed', 'out']) {
    if (!args[need]) throw new Error(`missing --${need}`);
  }
  return args;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Inline script text must not close its element or open an HTML comment.
// `<\/` means `</` in every JS string, template and regex where it can occur.
function scriptText(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
function styleText(css) {
  if (/<\/style/i.test(css)) throw new Error('stylesheet contains </style');
  return css;
}

// Replaces exactly one match of `pattern`, or fails: a changed page template
// must break the build, not silently produce a page that fetches.
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length !== 1) {
    throw new Error(`make-offline: expected one ${what} in the page, found ${matches ? matches.length : 0}`);
  }
  return html.replace(pattern, () => replacement);
}

export function makeOffline({ page, module, wasm, css, embed, favicon, compress = 'auto', budget = 614400 }) {
  const build = (gzip) => {
    const bytes = gzip ? gzipSync(wasm, { level: 9 }) : wasm;
    const base64 = bytes.toString('base64').replace(/.{1,1000}/g, '$&\n');
    const moduleJs = scriptText(module);
    const embedJs = scriptText(embed);
    const style = styleText(css);
    const csp = [
      "default-src 'none'",
      `script-src ${sha256(moduleJs)} ${sha256(embedJs)} 'wasm-unsafe-eval'`,
      `style-src ${sha256(style)}`,
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');

    let html = page;
    html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/i,
      `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'CSP meta');
    html = replaceOnce(html, /<link rel="icon"[^>]*>/i, favicon
      ? `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString('base64')}" type="image/svg+xml">`
      : '', 'favicon link');
    html = replaceOnce(html, /<link rel="stylesheet"[^>]*dateline\.css"[^>]*>/i, `<style>${style}</style>`, 'stylesheet link');
    // Everything is inline: nothing to download early.
    html = html.replace(/<!--[^>]*-->\n<link rel="preload"[^>]*>\n/i, '').replace(/<link rel="preload"[^>]*>\n?/gi, '');
    html = replaceOnce(html, /data-dateline="[^"]*"/, 'data-dateline="inline"', 'data-dateline element');
    html = replaceOnce(html, /<script[^>]*src="[^"]*dateline-embed\.js"[^>]*><\/script>/i,
      `<script type="application/octet-stream" data-dateline-wasm data-encoding="${gzip ? 'gzip' : 'base64'}">\n${base64}</script>\n` +
      `<script>${moduleJs}</script>\n<script>${embedJs}</script>`, 'embed script');
    // Nothing left that the browser would fetch: no src= anywhere, no <link>
    // other than data: URLs (plain <a href> links fetch only when followed).
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
    const fetching = markup.match(/<[a-z]+\s[^>]*\ssrc="[^"]*"/i) ||
                     markup.match(/<link\s[^>]*href="(?!data:)[^"]*"/i);
    if (fetching) throw new Error(`make-offline: a fetching reference is left: ${fetching[0]}`);
    return html;
  };
  const wantGzip = compress === 'always';
  let html = build(wantGzip);
  let gzip = wantGzip;
  if (compress === 'auto' && Buffer.byteLength(html) > budget) {
    html = build(true);
    gzip = true;
  }
  return { html, gzip, bytes: Buffer.byteLength(html) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const budget = Number(args.budget);
    const { html, gzip, bytes } = makeOffline({
      page: readFileSync(args.page, 'utf8'),
      module: readFileSync(args.module, 'utf8'),
      wasm: readFileSync(args.wasm),
      css: readFileSync(args.css, 'utf8'),
      embed: readFileSync(args.embed, 'utf8'),
      favicon: args.favicon ? readFileSync(args.favicon) : null,
      compress: args.compress,
      budget,
    });
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out + '.tmp', html);
    renameSync(args.out + '.tmp', args.out);
    const kb = (bytes / 1024).toFixed(1);
    console.log(`dateline: ${args.out}: ${bytes} bytes (${kb} KB, wasm ${gzip ? 'gzip+' : ''}base64; budget ${budget} bytes)`);
    if (bytes > budget) {
      console.error(`dateline: ${args.out} is over its budget of ${budget} bytes`);
      process.exit(1);
    }
  } catch (err) {
    console.error(String(err.message || err));
    process.exit(1);
  }
}
