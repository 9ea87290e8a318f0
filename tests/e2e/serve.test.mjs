// The dev server (`make demo`, and every browser test): it never redirects
// off its own origin, never leaves its folder, and sends the headers
// docs/hosting.md asks of any host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer, HOSTING_HEADERS } from '../../web/serve.mjs';
import { DIST } from './harness.mjs';

let server;
before(async () => { server = await startServer(DIST); });
after(async () => { await server?.close(); });

// The raw request path goes out exactly as written (fetch() would normalise it).
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

test('folder redirects stay on this origin, whatever the request path holds', async () => {
  for (const path of ['/.//evil.example/..%2fanchorage-summit', '/.//evil.example%2f..%2fanchorage-summit',
    '/.//evil.example/x%2f..%2f..%2fanchorage-summit', '//evil.example/..%2f..%2fanchorage-summit',
    '/./%5cevil.example/..%2fanchorage-summit']) {
    const res = await get(path);
    if (res.statusCode === 301) {
      assert.equal(res.headers.location, '/anchorage-summit/', path);
    } else {
      assert.ok([403, 404].includes(res.statusCode), `${path}: ${res.statusCode}`);
    }
  }
  const plain = await get('/anchorage-summit?mode=companion');
  assert.equal(plain.statusCode, 301);
  assert.equal(plain.headers.location, '/anchorage-summit/?mode=companion');
});

test('nothing outside the served folder is reachable', async () => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/anchorage-summit/..%2f..%2fpackage.json']) {
    const res = await get(path);
    assert.ok([403, 404].includes(res.statusCode), `${path}: ${res.statusCode}`);
  }
});

test('widget files carry the hosting headers, a precompressed body and a validator', async () => {
  const res = await get('/anchorage-summit/dateline.wasm', { 'accept-encoding': 'br, gzip' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/wasm');
  assert.equal(res.headers['content-encoding'], 'br');
  for (const [name, value] of Object.entries(HOSTING_HEADERS)) assert.equal(res.headers[name.toLowerCase()], value, name);
  const again = await get('/anchorage-summit/dateline.wasm', { 'accept-encoding': 'br, gzip', 'if-none-match': res.headers.etag });
  assert.equal(again.statusCode, 304);
  const gzip = await get('/anchorage-summit/dateline.wasm', { 'accept-encoding': 'gzip', 'if-none-match': res.headers.etag });
  assert.equal(gzip.statusCode, 200, 'another encoding is another validator');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
});
