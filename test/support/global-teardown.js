const { rmSync } = require('node:fs');

module.exports = async () => {
  const db = globalThis.__SASIAD_TEST_DB__;
  if (db) await db.stop();
  if (process.env.SASIAD_TEST_DB_DIR)
    rmSync(process.env.SASIAD_TEST_DB_DIR, { recursive: true, force: true });
};
