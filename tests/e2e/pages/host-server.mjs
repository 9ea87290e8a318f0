// A test server for host pages: one origin serving dist/ at /, these pages
// at /pages/ and the unmodified npm pym.js at /vendor/pym.v1.min.js. It is a
// temporary directory of symbolic links (nothing is copied into the repo)
// served by web/serve.mjs, so responses are exactly what dist/ serves.
import { mkdtempSync, readdirSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../web/serve.mjs';
import { DIST, ROOT } from '../harness.mjs';

const PAGES = dirname(fileURLToPath(import.meta.url));

export async function serveHost(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-host-'));
  for (const name of readdirSync(DIST)) symlinkSync(join(DIST, name), join(dir, name));
  symlinkSync(PAGES, join(dir, 'pages'));
  mkdirSync(join(dir, 'vendor'));
  symlinkSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), join(dir, 'vendor/pym.v1.min.js'));
  const server = await startServer(dir, options);
  return {
    ...server,
    dir,  // tests may write pages of their own here: served for real, unlike page.route()'s
    close: async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
