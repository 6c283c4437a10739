// What follows the builds, for `npm run build` and `npm start` alike: the size
// report, then the reports' index page and the brotli and gzip twins of every
// text file the server sends.
import { compressTree, summarize } from './compress.mjs';
import { writeReportsIndex } from './reports-index.mjs';
import { writeSizeReport } from './size-report.mjs';

/** The size report of the library, the embed and the demo; the embed's first loads from its manifest. */
export const writeDistSizes = (manifest) => writeSizeReport({ lib: 'dist/lib', embed: 'dist/embed', demo: 'dist/demo' }, { dir: 'dist/embed', manifest });

/** The reports' index page, then the twins the server sends by Accept-Encoding. */
export function indexAndCompress() {
  writeReportsIndex('dist/reports');
  for (const dir of ['dist/embed', 'dist/demo', 'dist/reports']) console.log(summarize(dir, compressTree(dir)));
}
