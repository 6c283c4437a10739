// `npm run build-storybook`: the static Storybook in dist/storybook (served by
// `npm start` at /storybook/), with brotli and gzip twins of its text files.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { compressTree, summarize } from './compress.mjs';
import { BUILT_MARKER, STORYBOOK_DIR } from './storybook-freshness.mjs';

const started = Date.now();
const r = spawnSync('node_modules/.bin/storybook', ['build', '-o', STORYBOOK_DIR, '--quiet', ...process.argv.slice(2)], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(summarize(STORYBOOK_DIR, compressTree(STORYBOOK_DIR)));
writeFileSync(BUILT_MARKER, `${new Date().toISOString()}\n`);
console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
