// Exact sizes of what each build emitted: raw, gzip and brotli, from the files
// themselves (the visualizer's own compressed figures are 0 under Vite 8 with sourcemaps).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

export function writeSizeReport(builds) {
  const report = {};
  const rows = [];
  for (const [name, dir] of Object.entries(builds)) {
    report[name] = {};
    for (const file of files(dir)) {
      const size = measure(file);
      report[name][relative(dir, file)] = size;
      rows.push(`| ${name} | ${relative(dir, file)} | ${size.raw} | ${size.gzip} | ${size.brotli} |`);
    }
  }
  mkdirSync('dist/reports', { recursive: true });
  writeFileSync('dist/reports/sizes.json', `${JSON.stringify(report, null, 2)}\n`);
  const table = ['| build | file | bytes | gzip | brotli |', '|---|---|---:|---:|---:|', ...rows].join('\n');
  writeFileSync('dist/reports/sizes.md', `# Emitted sizes (bytes)\n\n${table}\n`);
  console.log(table);
}
