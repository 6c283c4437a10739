// `npm run build`: the library (ESM + declarations), the embed (loader, runtime,
// one chunk per widget), the demo site, and the bundle reports with budgets;
// then the brotli and gzip twins of their text files (scripts/compress.mjs).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { indexAndCompress, writeDistSizes } from './dist-reports.mjs';
import { embedManifest } from './embed-manifest.mjs';
import { pruneReleases } from './releases.mjs';
import { printSizeChange, readLastSizes } from './size-history.mjs';
import { duplicateModules, overBudget } from './size-report.mjs';

const bin = (name) => `node_modules/.bin/${name}`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

const vite = (mode) => run(bin('vite'), ['build', '--mode', mode, '--logLevel', 'warn']);

// Read before dist/reports is emptied: the build prints what changed since.
const lastSizes = readLastSizes();
rmSync('dist/lib', { recursive: true, force: true });
rmSync('dist/reports', { recursive: true, force: true });
// With its declarations (scripts/declarations.mjs).
vite('lib');
vite('embed');
// The module graph proves that no chunk carries code another has: a page showing two widgets downloads nothing twice.
const twice = duplicateModules('dist/embed');
if (twice.length) {
  for (const t of twice) console.error(`module in two chunks: ${t}`);
  process.exit(1);
}
vite('embed-loader');
pruneReleases('dist/embed');
vite('demo');

const manifest = embedManifest();
const report = writeDistSizes(manifest);
printSizeChange(lastSizes, report);
console.log(
  `loader ${report.loader.gzip} B gzip; first load: ${Object.entries(report.firstLoad)
    .map(([n, l]) => `${n} ${l.gzip} B`)
    .join(', ')} (gzip). Reports in dist/reports/.`,
);
indexAndCompress();
const over = overBudget(report, manifest);
if (over.length) {
  for (const o of over) console.error(`over budget: ${o}`);
  process.exit(1);
}
