// Starts one embedded database (FerretDB + SQLite, in a temporary directory) for the whole run.
// Each test file then works in a database of its own on it. MONGODB_TEST_URI runs the suite
// against another MongoDB-compatible server instead.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startEmbeddedDb } = require('../../tools/embedded-db');

module.exports = async () => {
  if (process.env.MONGODB_TEST_URI) {
    process.env.SASIAD_TEST_DB_URI = process.env.MONGODB_TEST_URI;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sasiad-test-db-'));
  const db = await startEmbeddedDb({
    dataDir,
    logLevel: 'error',
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.env.SASIAD_TEST_DB_URI = db.uri;
  process.env.SASIAD_TEST_DB_DIR = dataDir;
  globalThis.__SASIAD_TEST_DB__ = db;
};
