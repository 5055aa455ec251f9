#!/usr/bin/env node
'use strict';

// Builds the embedded database launcher if needed and prints its path.
// Usage: node tools/embedded-db/build.js [--force]

const { ensureBuilt } = require('./index.js');

ensureBuilt({ force: process.argv.includes('--force') }).then(
  (bin) => {
    process.stdout.write(`${bin}\n`);
  },
  (err) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);
