// Runs every server test file with Node's own runner, one file at a time; last line:
// "server: N passed, M failed" (the form ./ecomap test collects).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs') && (!filter || f.includes(filter))).sort();
let passed = 0, failed = 0;
for (const file of files) {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', join(here, file)], { encoding: 'utf8', timeout: 240000, maxBuffer: 64 << 20 });
  const out = `${run.stdout || ''}${run.stderr || ''}`;
  const pass = Number((/^# pass (\d+)/m.exec(out) || [])[1] || 0);
  let fail = Number((/^# fail (\d+)/m.exec(out) || [])[1] || 0);
  if (run.status !== 0 && fail === 0) fail = 1;  // crashed or timed out before reporting
  passed += pass; failed += fail;
  for (const line of out.split('\n')) {
    if (/^(not )?ok \d+ - /.test(line.trim()) && !line.startsWith('    ')) console.log(`  ${file}: ${line.trim()}`);
  }
  if (fail) console.log(out.split('\n').filter((l) => !/^\s*(ok \d+|# Subtest|---|\.\.\.|duration_ms|type:|1\.\.)/.test(l)).slice(0, 120).join('\n'));
}
console.log(`server: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
