// A small static server for dist/: `node web/serve.mjs <dir> [port]`.
// Listens on 127.0.0.1 only. Serves precompressed .br/.gz siblings when the
// browser accepts them and they are not older than their source, with the MIME types wasm streaming compilation needs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function isFile(path) {
  try { return (await stat(path)).isFile(); } catch { return false; }
}

// A sibling older than its source is stale (the source was rebuilt by cmake
// alone, without `make dist` compressing it again): serve the source then.
async function freshSibling(path, sibling) {
  try {
    const [s, c] = await Promise.all([stat(path), stat(sibling)]);
    return c.isFile() && c.mtimeMs >= s.mtimeMs;
  } catch { return false; }
}

// What a widget needs from any host (docs/hosting.md): its files may be read
// by pages on other origins (the wasm and article.html are fetched, and the
// files hold nothing private), and browsers revalidate instead of guessing.
export const HOSTING_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

// Returns { url, port, close() }. `headers` are added to every response
// (`cors: false` leaves out the cross-origin ones); `onRequest(path)` hears every request.
export async function startServer(root, { port = 0, headers = {}, log = false, cors = true, onRequest } = {}) {
  const base = resolve(root);
  const hosting = { ...HOSTING_HEADERS };
  if (!cors) { delete hosting['Access-Control-Allow-Origin']; delete hosting['Cross-Origin-Resource-Policy']; }
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      onRequest?.(url.pathname);
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) { res.writeHead(403).end(); return; }
      if (!(await isFile(path)) && (await isFile(join(path, 'index.html')))) {
        if (!url.pathname.endsWith('/')) {
          // Built from the folder found on disk, never from the request's path:
          // '/.//evil.example/x' must not become a redirect to '//evil.example/x/'.
          const canonical = relative(base, path).split(sep).map(encodeURIComponent).join('/');
          res.writeHead(301, { Location: `/${canonical}/${url.search}` }).end();
          return;
        }
        path = join(path, 'index.html');
      }
      if (!(await isFile(path))) { res.writeHead(404, headers).end('not found'); return; }
      const type = TYPES[extname(path)] || 'application/octet-stream';
      const accept = String(req.headers['accept-encoding'] || '');
      let body, encoding;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accept.includes(enc) && (await freshSibling(path, path + ext))) {
          body = await readFile(path + ext);
          encoding = enc;
          break;
        }
      }
      body = body || (await readFile(path));
      const h = { 'Content-Type': type, Vary: 'Accept-Encoding', ...hosting, ...headers };
      if (encoding) h['Content-Encoding'] = encoding;
      // A validator per file and encoding: a warm cache costs a 304, not the bytes.
      const info = await stat(encoding ? `${path}.${encoding === 'br' ? 'br' : 'gz'}` : path);
      h.ETag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? '-' + encoding : ''}"`;
      if (req.headers['if-none-match'] === h.ETag) { res.writeHead(304, h).end(); return; }
      res.writeHead(200, h);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${req.method} ${url.pathname} ${body.length}${encoding ? ' ' + encoding : ''}`);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok); });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8000);
  const { url, close } = await startServer(root, { port });
  console.log(`Dateline is serving ${root}/ on ${url}`);
  console.log(`  the default article: ${url}anchorage-summit/`);
  console.log('  Ctrl-C stops the server.');
  process.on('SIGINT', async () => { await close(); process.exit(0); });
}
