// dist/reports/index.html: one page that links every treemap in dist/reports
// and shows the per-widget first-load table from sizes.json, so `/reports/`
// (served by `npm start`) is where people read the bundle reports.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What each build's treemap shows; a treemap of a build not listed here is linked under its file name. */
const TREEMAPS = {
  'embed.html': 'Embed: the shared runtime and one chunk per widget',
  'embed-loader.html': 'Embed loader: teppan.js, the script tag sites paste',
  'lib.html': 'npm library: the React entry and its lazy widget chunks',
  'demo.html': 'Demo site: the pages npm start serves',
};

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
const bytes = (n) => n.toLocaleString('en-US');

function firstLoadTable(sizes) {
  if (!sizes.firstLoad) return '';
  const rows = [['loader alone (teppan.js)', 1, sizes.loader], ...Object.entries(sizes.firstLoad).map(([name, load]) => [name, load.files.length, load])];
  return `<h2 id="first-load">First load per widget (embed)</h2>
<p>What a page downloads to show one widget: the loader, the shared runtime and that widget's chunk, each file counted once. Bytes.</p>
<table aria-labelledby="first-load">
<thead><tr><th scope="col">widget</th><th scope="col">files</th><th scope="col">minified</th><th scope="col">gzip</th><th scope="col">brotli</th></tr></thead>
<tbody>
${rows.map(([name, files, s]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${files}</td><td>${bytes(s.raw)}</td><td>${bytes(s.gzip)}</td><td>${bytes(s.brotli)}</td></tr>`).join('\n')}
</tbody>
</table>`;
}

export function writeReportsIndex(dir = 'dist/reports') {
  const treemaps = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && f !== 'index.html')
    .sort((a, b) => (a in TREEMAPS ? Object.keys(TREEMAPS).indexOf(a) : 99) - (b in TREEMAPS ? Object.keys(TREEMAPS).indexOf(b) : 99));
  const sizesFile = join(dir, 'sizes.json');
  const sizes = existsSync(sizesFile) ? JSON.parse(readFileSync(sizesFile, 'utf8')) : {};
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teppan bundle reports</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1d2939; max-width: 48rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.75rem; line-height: 1.2; } a { color: #b42318; }
  table { border-collapse: collapse; } th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #d0d5dd; }
  td { text-align: right; font-variant-numeric: tabular-nums; } th[scope=row] { text-align: left; }
</style>
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>Teppan bundle reports</h1>
<p>From the last build (<code>npm run build</code> or <code>npm start</code>). Sizes are of the emitted files; gzip and brotli as a site receives them.</p>
<h2>Treemaps</h2>
<p>Each shows a build's modules by size; hover a box for its bytes.</p>
<ul>
${treemaps.map((f) => `<li><a href="${escapeHtml(f)}">${escapeHtml(TREEMAPS[f] ?? f)}</a></li>`).join('\n')}
</ul>
${firstLoadTable(sizes)}
<h2>Every emitted file</h2>
<ul>
${existsSync(join(dir, 'sizes.md')) ? '<li><a href="sizes.md">Sizes table of every file (Markdown)</a></li>' : ''}
${existsSync(sizesFile) ? '<li><a href="sizes.json">The same as JSON (<code>sizes.json</code>)</a></li>' : ''}
</ul>
<p><a href="../storybook/">Storybook: the widgets and their states</a> · <a href="../">The demo site</a></p>
</main>
</body>
</html>
`;
  writeFileSync(join(dir, 'index.html'), html);
}

if (import.meta.url === `file://${process.argv[1]}`) writeReportsIndex(process.argv[2]);
