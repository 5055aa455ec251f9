#!/usr/bin/env node
'use strict';

// Builds the learners' web app (apps/web) into dist/web, which the API serves at `/`.
// Skips the build when nothing it depends on changed since the last one (a hash of the app's
// sources, its texts in i18n/<lang>/web.json, schema.gql and package-lock.json).
// Usage: node tools/web-build.js [--force]
//
// Steps: typed operations from schema.gql (gql-tada generate output), every document checked
// against the schema (gql-tada check: fails on a field the schema lacks), the TypeScript check,
// the Vite build, and .br/.gz copies of the text assets for the server to send compressed.

const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const app = path.join(root, 'apps/web');
const out = path.join(root, 'dist/web');
const hashFile = path.join(out, '.build-hash');

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    // the generated introspection is an output of schema.gql, already hashed
    return e.name === 'graphql-env.d.ts' ? [] : [p];
  });
}

function sourceHash() {
  const inputs = [
    ...files(app),
    ...['pl', 'uk', 'be', 'ru'].map((l) => path.join(root, 'i18n', l, 'web.json')),
    path.join(root, 'schema.gql'),
    path.join(root, 'package-lock.json'),
    __filename,
  ].sort();
  const h = createHash('sha256');
  for (const f of inputs) h.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

function run(cmd, args) {
  execFileSync(path.join(root, 'node_modules/.bin', cmd), args, { cwd: root, stdio: 'inherit' });
}

function compress() {
  for (const f of files(out)) {
    if (!/\.(js|css|html|svg|webmanifest|json)$/.test(f)) continue;
    const data = fs.readFileSync(f);
    if (data.length < 1024) continue;
    fs.writeFileSync(`${f}.gz`, zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(
      `${f}.br`,
      zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

const hash = sourceHash();
if (
  !process.argv.includes('--force') &&
  fs.existsSync(hashFile) &&
  fs.readFileSync(hashFile, 'utf8') === hash
) {
  process.stdout.write('web app: up to date (dist/web)\n');
  process.exit(0);
}
const tsconfig = path.join(app, 'tsconfig.json');
process.stdout.write('web app: building (dist/web)…\n');
run('gql-tada', ['generate', 'output', '--tsconfig', tsconfig]);
run('gql-tada', ['check', '--tsconfig', tsconfig]);
run('tsc', ['-p', tsconfig]);
run('vite', ['build', '--config', path.join(app, 'vite.config.ts'), '--logLevel', 'warn']);
compress();
fs.writeFileSync(hashFile, hash);
process.stdout.write('web app: built\n');
