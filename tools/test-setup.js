#!/usr/bin/env node
// Run by `npm test` before anything else: makes sure the programs the test suite starts are
// installed. Redis (a throwaway server for the cross-instance event tests) and Chromium (the web
// app's browser tests) come from Debian's packages: as root through apt-get, otherwise through
// sudo. Prints nothing when everything is there.
//   --dry-run   print what would be installed, install nothing
'use strict';
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** Debian package → the programs any of which satisfies it. */
const NEEDED = [
  { pkg: 'redis-server', programs: ['redis-server'], why: 'the cross-instance event tests' },
  {
    pkg: 'chromium',
    programs: ['chromium', 'chromium-browser'],
    why: "the web app's browser tests",
  },
];

function onPath(program, path = process.env.PATH ?? '') {
  return path.split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The commands that install `missing`, or why it cannot be done here. */
function plan(missing, { isRoot, hasApt, hasSudo }) {
  if (missing.length === 0) return { commands: [] };
  const names = missing.map((m) => m.pkg);
  if (!hasApt)
    return {
      problem: `apt-get is not available: install ${names.join(' and ')} with your system's package manager.`,
    };
  if (!isRoot && !hasSudo)
    return {
      problem: `not running as root and sudo is not available: run \`apt-get install -y ${names.join(' ')}\` as root.`,
    };
  const prefix = isRoot ? [] : ['sudo'];
  return {
    commands: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', ...names],
    ],
  };
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  const missing = NEEDED.filter((n) => !n.programs.some((p) => onPath(p)));
  if (missing.length === 0) return 0;
  for (const m of missing)
    process.stderr.write(`test setup: ${m.pkg} is missing (needed for ${m.why})\n`);
  const result = plan(missing, {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: onPath('apt-get'),
    hasSudo: onPath('sudo'),
  });
  if (result.problem) {
    process.stderr.write(`test setup: cannot install it: ${result.problem}\n`);
    return 1;
  }
  for (const command of result.commands) {
    process.stderr.write(`test setup: ${dryRun ? 'would run' : 'running'}: ${command.join(' ')}\n`);
    if (dryRun) continue;
    const run = spawnSync(command[0], command.slice(1), {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      process.stderr.write(
        `test setup: \`${command.join(' ')}\` failed (exit code ${run.status ?? run.signal}); install ${missing.map((m) => m.pkg).join(' and ')} and run the tests again.\n`,
      );
      return 1;
    }
  }
  return 0;
}

module.exports = { plan, NEEDED };
if (require.main === module) process.exit(main(process.argv.slice(2)));
