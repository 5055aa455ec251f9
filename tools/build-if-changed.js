#!/usr/bin/env node
// Builds a Nest project (api, cli) only when its sources changed since its last build, as
// tools/embedded-db does for the database: a SHA-256 over what the build reads (the project's
// sources, libs/, the TypeScript and Nest configuration, package-lock.json; not the *.spec.ts
// files, which the build leaves out) is kept in dist/<project>/.source-hash.
//   node tools/build-if-changed.js [--force] [--quiet] [--root DIR] <project>...
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

function filesUnder(dir, root, found = []) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) filesUnder(full, root, found);
    } else if (e.isFile() && !/\.spec\.ts$/.test(e.name)) {
      found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
  return found;
}

/** The hash of everything the build of `project` reads. */
function sourceHash(root, project) {
  const files = [
    ...filesUnder(path.join(root, 'apps', project), root),
    ...filesUnder(path.join(root, 'libs'), root),
    ...['tsconfig.json', 'nest-cli.json', 'package-lock.json'].filter((f) =>
      fs.existsSync(path.join(root, f)),
    ),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = (root, project) => path.join(root, 'dist', 'apps', project, '.source-hash');
const entryFile = (root, project) =>
  path.join(root, 'dist', 'apps', project, 'apps', project, 'src', 'main.js');

function isUpToDate(root, project, hash = sourceHash(root, project)) {
  if (!fs.existsSync(entryFile(root, project))) return false;
  try {
    return fs.readFileSync(stampFile(root, project), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

function writeStamp(root, project, hash) {
  fs.writeFileSync(stampFile(root, project), `${hash}\n`);
}

function main(argv) {
  const args = [...argv];
  const take = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 1).length > 0 : false;
  };
  const force = take('--force');
  const quiet = take('--quiet');
  const rootIndex = args.indexOf('--root');
  const root =
    rootIndex >= 0 ? path.resolve(args.splice(rootIndex, 2)[1]) : path.join(__dirname, '..');
  if (args.length === 0) {
    process.stderr.write(
      'usage: node tools/build-if-changed.js [--force] [--quiet] <project>...\n',
    );
    return 2;
  }
  for (const project of args) {
    const hash = sourceHash(root, project);
    if (!force && isUpToDate(root, project, hash)) {
      if (!quiet) process.stderr.write(`${project}: up to date, not rebuilt\n`);
      continue;
    }
    process.stderr.write(`${project}: building (${force ? 'asked for' : 'sources changed'})…\n`);
    const started = Date.now();
    const run = spawnSync('npx', ['--no-install', 'nest', 'build', project], {
      cwd: root,
      stdio: 'inherit',
    });
    if (run.status !== 0) return run.status ?? 1;
    // the hash of the sources as they were when the build began
    writeStamp(root, project, hash);
    process.stderr.write(`${project}: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  return 0;
}

module.exports = { sourceHash, isUpToDate, writeStamp };
if (require.main === module) process.exit(main(process.argv.slice(2)));
