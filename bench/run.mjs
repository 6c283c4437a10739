// `npm run bench`: exact bytes (raw, gzip, brotli) of what the SDK ships and of
// the shared runtime it stands on, each piece built alone, minified, tree-shaken.
// Sizes are exact and repeatable; no timing here is taken on a noisy machine.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { embedManifest } from '../scripts/embed-manifest.mjs';
import { firstLoad, languageLoads, languageName, measure } from '../scripts/size-report.mjs';

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

const ROOT = resolve(import.meta.dirname, '..');
const TMP = join(ROOT, 'bench/.tmp');

/** What each piece is, as the code a page would run (so tree-shaking keeps what is used). */
const PIECES = {
  'react + react-dom': {
    code: "import { createElement } from 'react'; import { createRoot } from 'react-dom/client'; createRoot(document.body).render(createElement('p', null, 'x'));",
  },
  // What the embed renders on instead (vite.config.ts aliases react and react-dom to it in the embed builds).
  'preact/compat': {
    code: "import { createElement } from 'preact/compat'; import { createRoot } from 'preact/compat/client'; createRoot(document.body).render(createElement('p', null, 'x'));",
  },
  '@tanstack/react-query': {
    code: "export { QueryClient, QueryClientProvider, QueryErrorResetBoundary, useQuery, useSuspenseQuery, useMutation } from '@tanstack/react-query';",
    external: [/^react/],
  },
  'axios + axios-retry': {
    code: "import axios from 'axios'; import axiosRetry from 'axios-retry'; const a = axios.create(); axiosRetry(a); export default a;",
  },
  'zod/mini (the contract schemas)': { code: "export * from '../../src/contract';" },
  'Teppan data layer (core + contract, deps included)': { code: "export * from '../../src/core';" },
  'Teppan React entry (deps external)': {
    code: "export * from '../../src/react';",
    external: [/^react/, /^@tanstack\//, /^axios/, /^zod/],
    // The entry and each lazily loaded chunk, listed apart: a page pays for a widget's chunk only when it shows it.
    perFile: true,
  },
};

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const rows = [];
for (const [name, piece] of Object.entries(PIECES)) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const entry = join(TMP, `${slug}.js`);
  writeFileSync(entry, `${piece.code}\n`);
  const outDir = join(TMP, `out-${slug}`);
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    // An app build, not library mode: library mode keeps whitespace, and pages get minified code.
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: entry,
        external: piece.external ?? [],
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: 'out.js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of readdirSync(outDir).filter((f) => f.endsWith('.js'))) {
    const m = measure(join(outDir, f));
    if (piece.perFile) rows.push({ name: `${name}: ${f === 'out.js' ? 'entry' : f.replace(/-[\w-]{8}\.js$/, ' chunk')}`, ...m });
    total.raw += m.raw;
    total.gzip += m.gzip;
    total.brotli += m.brotli;
  }
  rows.push({ name: piece.perFile ? `${name}: all` : name, ...total });
}
rmSync(TMP, { recursive: true, force: true });

// The embed as it ships (Preact's compat layer) beside the same embed on React's own runtime, built here for this table only.
const embeds = {};
for (const [name, dir] of [
  ['preact/compat', 'dist/embed'],
  ['react', 'dist/embed-react'],
]) {
  const mode = dir === 'dist/embed' ? 'embed' : 'embed-react';
  for (const m of [mode, `${mode}-loader`]) await build({ mode: m, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent' });
  const manifest = embedManifest(join(ROOT, dir));
  const loads = firstLoad(join(ROOT, dir), manifest);
  embeds[name] = {
    loader: measure(join(ROOT, dir, 'teppan.js')),
    runtime: manifest.runtime.map((f) => measure(join(ROOT, dir, f))).reduce(add),
    firstLoad: loads,
    languages: languageLoads(join(ROOT, dir), manifest, loads),
  };
}

console.log('Bundle sizes, bytes (npm run bench)\n');
console.log('| piece | minified | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);

console.log('\nThe embed on each renderer, bytes gzip / brotli (the embed ships on preact/compat; npm run bench)\n');
const names = Object.keys(embeds);
console.log(`| | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---:').join('|')}|`);
const cell = (s) => `${s.gzip} / ${s.brotli}`;
console.log(`| loader (teppan.js) | ${names.map((n) => cell(embeds[n].loader)).join(' | ')} |`);
console.log(`| shared runtime (renderer, query, HTTP, contract) | ${names.map((n) => cell(embeds[n].runtime)).join(' | ')} |`);
for (const widget of Object.keys(embeds[names[0]].firstLoad)) {
  console.log(`| first load: ${widget} | ${names.map((n) => cell(embeds[n].firstLoad[widget])).join(' | ')} |`);
}

// Each widget's first load in every language beside English's: English is inline, another language adds its messages
// chunk (fetched beside the widget's code). The shipped embed only.
const shipped = embeds['preact/compat'];
const others = [...new Set(Object.values(shipped.languages).flatMap((l) => Object.keys(l)))].sort();
console.log('\nFirst load per language, bytes gzip / brotli (the shipped embed; English inline, another language adds its messages chunk)\n');
console.log(`| widget | English | ${others.map((l) => `${languageName(l)} | its ${languageName(l)} words`).join(' | ')} |`);
console.log(`|---|---:|${others.map(() => '---:|---:').join('|')}|`);
for (const [widget, load] of Object.entries(shipped.firstLoad)) {
  const cells = others.map((l) => {
    const other = shipped.languages[widget]?.[l];
    return other ? `${cell(other)} | ${cell(other.chunk)}` : 'not translated yet | —';
  });
  console.log(`| ${widget} | ${cell(load)} | ${cells.join(' | ')} |`);
}
