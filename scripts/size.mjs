// `npm run size`: the last build's sizes table; `npm run size -- --compare OLD.json [NEW.json]`:
// the change from OLD.json to NEW.json (default: the last build's dist/reports/sizes.json).
import { existsSync, readFileSync } from 'node:fs';
import { compareSizes, formatComparison } from './size-compare.mjs';

const CURRENT = 'dist/reports/sizes.json';

function read(path) {
  if (!existsSync(path)) {
    console.error(`${path} not found${path === CURRENT ? ': run npm run build first' : ''}.`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

const args = process.argv.slice(2);
const at = args.indexOf('--compare');
if (at === -1) {
  if (args.length) {
    console.error('usage: npm run size [-- --compare OLD.json [NEW.json]]');
    process.exit(2);
  }
  read(CURRENT);
  console.log(readFileSync('dist/reports/sizes.md', 'utf8'));
} else {
  const from = args[at + 1];
  const to = args[at + 2] ?? CURRENT;
  if (!from) {
    console.error('usage: npm run size -- --compare OLD.json [NEW.json]');
    process.exit(2);
  }
  console.log(formatComparison(compareSizes(read(from), read(to)), { from, to }));
}
