// Run: npx ts-node --transpile-only bench/speed.ts
//
// Issue 13's figures in one run: the academy catalogue and course page (API with its read cache,
// the same API without it, and the plain-driver baseline on the same store), the information
// point's claims and queue listing (API vs baseline), and a burst of 200 event registrations for
// 30 seats with an unrelated read's latency during it; each prints the API's resident memory.
// Each part runs in its own processes, one after the other, with the API built and run with
// NODE_ENV=production. On a shared machine the figures are noisy: compare within a run.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildApi } from './support/real-api';

const PARTS = ['academy-catalogue.ts', 'info-point-claims.ts', 'event-registrations.ts'];

buildApi();
let failed = 0;
for (const part of PARTS) {
  console.log(`\n=== ${part} ===`);
  const res = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', resolve(__dirname, part)],
    { stdio: 'inherit', cwd: resolve(__dirname, '..') },
  );
  if (res.status !== 0) {
    failed++;
    console.log(`${part} failed (exit code ${res.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
