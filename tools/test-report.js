#!/usr/bin/env node
// Reads Jest's --json reports (.jest-unit.json, .jest-e2e.json by default) and prints one summary
// line, the suite's total time and the ten slowest test files. Exits 1 when a test failed or none
// ran. Used by .ci/run after `npm test`.
'use strict';
const { readFileSync, existsSync } = require('node:fs');
const { relative } = require('node:path');

function report(files, { root = process.cwd(), wallSeconds } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let jestMs = 0;
  const perFile = [];
  const lines = [];
  for (const file of files) {
    if (!existsSync(file)) {
      lines.push(`${file}: missing (that Jest run did not finish)`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped += r.numPendingTests;
    let end = r.startTime;
    for (const t of r.testResults) {
      end = Math.max(end, t.endTime ?? 0);
      perFile.push({ name: relative(root, t.name), ms: (t.endTime ?? 0) - (t.startTime ?? 0) });
    }
    jestMs += end - r.startTime;
  }
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  lines.unshift(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  lines.push(
    `time: ${wallSeconds !== undefined ? `${wallSeconds} s for the whole test command, ` : ''}${s(jestMs)} in Jest (${files.length} runs, ${perFile.length} files)`,
  );
  lines.push('ten slowest test files:');
  for (const f of perFile.sort((a, b) => b.ms - a.ms).slice(0, 10))
    lines.push(`  ${s(f.ms).padStart(8)}  ${f.name}`);
  return { lines, ok: failed === 0 && passed > 0 };
}

module.exports = { report };

if (require.main === module) {
  const args = process.argv.slice(2);
  const wallIndex = args.indexOf('--wall-seconds');
  const wallSeconds = wallIndex >= 0 ? Number(args.splice(wallIndex, 2)[1]) : undefined;
  const files = args.length ? args : ['.jest-unit.json', '.jest-e2e.json'];
  const { lines, ok } = report(files, { wallSeconds });
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(ok ? 0 : 1);
}
