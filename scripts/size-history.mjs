// The build before this one's sizes.json: read before dist/reports is emptied,
// written back beside the new one as sizes.previous.json, and compared with it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compareSizes, formatComparison } from './size-compare.mjs';

const CURRENT = 'dist/reports/sizes.json';
const PREVIOUS = 'dist/reports/sizes.previous.json';

/** The last build's sizes.json as text, or undefined on a first build. */
export function readLastSizes() {
  return existsSync(CURRENT) ? readFileSync(CURRENT, 'utf8') : undefined;
}

/** Keeps the last build's figures as sizes.previous.json and prints what changed since; nothing on a first build. */
export function printSizeChange(last, report) {
  if (!last) return;
  writeFileSync(PREVIOUS, last);
  console.log(`\n${formatComparison(compareSizes(JSON.parse(last), report), { from: 'previous build', to: 'this build' })}\n`);
}
