#!/usr/bin/env node
// Builds an article's editor page, dist/<slug>/embed.html, from the template
// web/embed.html and the article's compiled standalone page (for its headline
// and language). The page's script (web/embed-editor.js) fills in absolute
// URLs and measured heights in the browser; --public-url makes the snippets
// absolute already in the HTML (for readers without JavaScript).
//
//   node scripts/make-pages.mjs --slug <slug> --page <gen>/article/index.html
//        --template web/embed.html --out dist/<slug>/embed.html [--public-url https://example.org/dist/]
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const need of ['slug', 'page', 'template', 'out']) if (!args[need]) throw new Error(`missing --${need}`);
  return args;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}
export const escapeHtml = (text) =>
  String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// The headline is the page's <h1> (the article mirror), else its <title>.
export function readArticle(page) {
  const h1 = page.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i);
  const title = page.match(/<title[^>]*>([\s\S]*?)<\/title>/i);
  const raw = (h1 || title || [null, ''])[1].replace(/<[^>]*>/g, '');
  const headline = decodeHtml(raw).replace(/\s+/g, ' ').trim();
  const lang = (page.match(/<html[^>]*\slang="([^"]*)"/i) || [null, 'en'])[1];
  if (!headline) throw new Error('make-pages: no headline (<h1> or <title>) in the page');
  return { headline, lang: decodeHtml(lang) };
}

export function makeEditorPage({ template, page, slug, publicUrl = '' }) {
  // A leading "_" marks a test fixture's folder (CMakeLists.txt).
  if (!/^_?[a-z0-9][a-z0-9-]*$/.test(slug)) throw new Error(`make-pages: unexpected slug ${slug}`);
  const { headline, lang } = readArticle(page);
  const root = publicUrl ? publicUrl.replace(/\/?$/, '/') : '';
  const values = {
    LANG: lang,
    HEADLINE: headline,
    SLUG: slug,
    BASE: root ? `${root}${slug}/` : './',
    EMBED_JS: root ? `${root}dateline-embed.js` : '../dateline-embed.js',
    PYM_JS: root ? `${root}pym.v1.min.js` : '../pym.v1.min.js',
    HEIGHT: 'measuring…',
  };
  const html = template.replace(/\{\{([A-Z_]+)\}\}/g, (all, key) => {
    if (!(key in values)) throw new Error(`make-pages: unknown placeholder ${all}`);
    return escapeHtml(values[key]);
  });
  return { html, headline };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const { html } = makeEditorPage({
      template: readFileSync(args.template, 'utf8'),
      page: readFileSync(args.page, 'utf8'),
      slug: args.slug,
      publicUrl: args['public-url'] || '',
    });
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out + '.tmp', html);
    renameSync(args.out + '.tmp', args.out);
    console.log(`dateline: ${args.out}: ${Buffer.byteLength(html)} bytes`);
  } catch (err) {
    console.error(String(err.message || err));
    process.exit(1);
  }
}
