// `npm test`: every suite, in order, then one line "N passed, N failed" summing them all.
// Typecheck, lint and build count as one check each; vitest (unit, api, components,
// storybook) and Playwright count their tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const chromium = findChromium();
const env = { ...process.env, CHROMIUM_PATH: chromium, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
const bin = (name) => `node_modules/.bin/${name}`;
const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const results = [];

function run(cmd, args, extraEnv = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
}

/** A suite whose JSON report gives the counts; a crash before the report counts as one failure. */
function suite(name, cmd, args, reportFile, count, extraEnv) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(cmd, args, extraEnv);
  let passed = 0;
  let failed = 0;
  if (existsSync(reportFile)) ({ passed, failed } = count(JSON.parse(readFileSync(reportFile, 'utf8'))));
  if (!ok && failed === 0) failed = 1;
  results.push({ name, passed, failed, seconds });
}

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('biome'), ['ci', '.']);
check('build', process.execPath, ['scripts/build.mjs']);
suite(
  'vitest (unit, api, components, storybook)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`],
  `${OUT}/vitest.json`,
  (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }),
);
suite(
  'e2e (Playwright)',
  bin('playwright'),
  ['test', '--reporter=list,json'],
  `${OUT}/e2e.json`,
  (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }),
  { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/e2e.json` },
);

console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
