#!/usr/bin/env node
// Minifies one of web/'s page scripts for dist/ with terser (npm, pinned in
// package-lock.json): the sources keep their comments, readers do not pay for them.
//
//   node scripts/minify.mjs <in.js> <out.js>
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { minify } from 'terser';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/minify.mjs <in.js> <out.js>');
  process.exit(2);
}
try {
  // ES5 in, ES5 out: the scripts run unchanged on every browser that has WebGL2.
  const { code } = await minify(readFileSync(input, 'utf8'), {
    ecma: 5, compress: { passes: 2 }, mangle: true, format: { comments: false },
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(`${output}.tmp`, code + '\n');
  renameSync(`${output}.tmp`, output);
} catch (err) {
  console.error(`minify: ${input}: ${err.message || err}`);
  process.exit(1);
}
