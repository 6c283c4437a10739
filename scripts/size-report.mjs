// Exact sizes of what each build emitted: raw, gzip and brotli, from the files
// themselves (the visualizer's own compressed figures are 0 under Vite 8 with sourcemaps).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets.mjs';
import { embedChunks } from './size-compare.mjs';

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => /\.(js|mjs|css)$/.test(f) && statSync(f).isFile());
}

export function measure(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (sizes) => sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const row = (cells) => `| ${cells.join(' | ')} |`;

/**
 * Modules that landed in more than one chunk of the embed, from the build's `.vite/modules.json`
 * (vite.config.ts): each would be downloaded twice by a page that shows two widgets. Empty when none.
 */
export function duplicateModules(dir) {
  const chunks = JSON.parse(readFileSync(join(dir, '.vite/modules.json'), 'utf8'));
  const owner = new Map();
  const twice = [];
  for (const [file, modules] of Object.entries(chunks)) {
    for (const id of modules) {
      if (owner.has(id)) twice.push(`${id} is in ${owner.get(id)} and ${file}`);
      else owner.set(id, file);
    }
  }
  return twice;
}

/** What a page pays to show one widget: loader + runtime files + that widget's files, each counted once. */
export function firstLoad(dir, manifest) {
  return Object.fromEntries(
    Object.entries(manifest.widgets).map(([name, widgetFiles]) => {
      const all = [...new Set(['teppan.js', ...manifest.runtime, ...widgetFiles])];
      return [name, { files: all, ...sum(all.map((f) => measure(join(dir, f)))) }];
    }),
  );
}

/**
 * Each widget's first load in its other languages: the English first load (its words are inline) plus that
 * language's chunks, which the loader fetches beside the widget's code (the widget's own messages and the words
 * widgets share). `{ widget: { language: { file, chunk, files, raw, gzip, brotli } } }`, `file` naming the chunks
 * and `chunk` their sum; a widget not yet translated has none.
 */
export function languageLoads(dir, manifest, loads = firstLoad(dir, manifest)) {
  return Object.fromEntries(
    Object.entries(loads).map(([name, load]) => [
      name,
      Object.fromEntries(
        Object.entries(manifest.languages?.[name] ?? {}).map(([language, list]) => {
          const added = list.filter((f) => !load.files.includes(f));
          const chunk = sum(added.map((f) => measure(join(dir, f))));
          return [language, { file: added.join(' + '), chunk, files: [...load.files, ...added], ...sum([load, chunk]) }];
        }),
      ),
    ]),
  );
}

/** `es` → `Spanish`, for tables. */
export const languageName = (language) => new Intl.DisplayNames('en', { type: 'language' }).of(language) ?? language;

const readManifest = (dir) => JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
const measureAll = (dir) => Object.fromEntries(files(dir).map((f) => [relative(dir, f), measure(f)]));

export function writeSizeReport(builds, embed) {
  const report = { files: {} };
  const lines = ['# Bundle sizes (bytes)', ''];
  if (embed) {
    const loader = measure(join(embed.dir, 'teppan.js'));
    const loads = firstLoad(embed.dir, embed.manifest);
    report.loader = loader;
    report.firstLoad = loads;
    lines.push('## First load per widget (embed)', '', 'Loader + shared runtime + the widget’s chunk, each file counted once.', '');
    lines.push(row(['widget', 'files', 'bytes', 'gzip', 'brotli']), row(['---', '---:', '---:', '---:', '---:']));
    lines.push(row(['loader alone', 1, loader.raw, loader.gzip, loader.brotli]));
    for (const [name, l] of Object.entries(loads)) lines.push(row([name, l.files.length, l.raw, l.gzip, l.brotli]));
    lines.push('');
    const languages = languageLoads(embed.dir, embed.manifest, loads);
    report.languages = languages;
    lines.push(
      '## First load per widget and language (embed)',
      '',
      'English is inline; another language adds its messages and the shared words’ chunks, fetched beside the widget’s code.',
      '',
    );
    lines.push(
      row(['widget', 'language', 'its messages (gzip / brotli)', 'first load gzip', 'first load brotli']),
      row(['---', '---', '---:', '---:', '---:']),
    );
    for (const [name, l] of Object.entries(loads)) {
      lines.push(row([name, 'English', 'inline', l.gzip, l.brotli]));
      for (const [language, s] of Object.entries(languages[name] ?? {}))
        lines.push(row([name, languageName(language), `${s.file}: ${s.chunk.gzip} / ${s.chunk.brotli}`, s.gzip, s.brotli]));
    }
    lines.push('');
  }
  lines.push('## Every emitted file', '', row(['build', 'file', 'bytes', 'gzip', 'brotli']), row(['---', '---', '---:', '---:', '---:']));
  // dist/embed keeps the previous release's chunks beside this build's (scripts/releases.mjs): its manifest says which are current.
  const current = embed ? new Set(Object.values(readManifest(embed.dir)).map((c) => c.file)).add('teppan.js') : undefined;
  for (const [name, dir] of Object.entries(builds)) {
    report.files[name] = {};
    for (const file of files(dir).sort()) {
      const size = measure(file);
      const path = relative(dir, file);
      report.files[name][path] = size;
      const kept = current && dir === embed.dir && !current.has(path) ? ' (previous release, kept)' : '';
      lines.push(row([name, `${path}${kept}`, size.raw, size.gzip, size.brotli]));
    }
  }
  // The compare goes by chunk name (`vendor`, `quote`), never by hashed file name.
  if (embed) report.chunks = embedChunks(readManifest(embed.dir), report.files.embed ?? measureAll(embed.dir));
  mkdirSync('dist/reports', { recursive: true });
  writeFileSync('dist/reports/sizes.json', `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync('dist/reports/sizes.md', `${lines.join('\n')}\n`);
  return report;
}

/** Every budget exceeded, as sentences; empty when all hold (every widget has one: budgets.mjs, checked as the embed build starts). */
export function overBudget(report, manifest) {
  const over = [];
  if (report.loader && report.loader.gzip > BUDGETS.loader) over.push(`loader is ${report.loader.gzip} B gzip, budget ${BUDGETS.loader}`);
  for (const [name, l] of Object.entries(report.firstLoad ?? {})) {
    const budget = BUDGETS.firstLoad[name];
    if (l.gzip > budget) over.push(`first load of ${name} is ${l.gzip} B gzip, budget ${budget}`);
    const chunk = manifest?.widgets[name]?.[0];
    const size = chunk ? report.files.embed?.[chunk] : undefined;
    if (size && size.gzip > BUDGETS.widgetChunk) over.push(`${name} chunk is ${size.gzip} B gzip, budget ${BUDGETS.widgetChunk}`);
  }
  return over;
}
