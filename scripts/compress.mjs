// Brotli and gzip twins of every text file a build wrote (`app.js` → `app.js.br`,
// `app.js.gz`), made once at build time at the highest levels, so the server
// (server/http/static-files.ts), or nginx's `brotli_static` / `gzip_static`, or a
// CDN, sends compressed bytes without compressing on each request.
// `node scripts/compress.mjs dist/embed dist/demo …` or `compressTree(dir)`.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Text a page fetches. Not source maps: only DevTools reads them, and they are
 * most of the bytes (5 MB of the embed, demo and reports), so brotli 11 on them
 * doubled the build's time for nothing a visitor gets. Not dot-folders (Vite's
 * `.vite/` manifests, which the server never serves). Fonts (woff2) and images
 * other than SVG are compressed already.
 */
const TEXT = /\.(js|mjs|css|html|json|svg|md|txt|xml|webmanifest)$/;
const HIDDEN = /(^|[\\/])\./;

/** Twins whose saving is under this many bytes are not worth a second file and a Vary. */
const MIN_SAVING = 32;

/**
 * Writes the twins of every text file under `dir` that has none newer than
 * itself (so a rebuild re-compresses only what changed), and deletes a twin
 * that is not smaller than its file, or whose file is gone.
 * Returns what it did, for the build's log.
 */
export function compressTree(dir) {
  const done = { files: 0, written: 0, raw: 0, br: 0, gzip: 0 };
  const all = readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)));
  const present = new Set(all);
  for (const file of all) {
    const twinOf = /\.(br|gz)$/.test(file) ? file.slice(0, -3) : undefined;
    if (twinOf !== undefined && !present.has(twinOf)) unlinkSync(file);
    if (!TEXT.test(file) || HIDDEN.test(file.slice(dir.length))) continue;
    const stats = statSync(file);
    if (!stats.isFile()) continue;
    done.files++;
    done.raw += stats.size;
    let bytes;
    for (const [suffix, compress] of [
      ['.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } })],
      ['.gz', (b) => gzipSync(b, { level: 9 })],
    ]) {
      const twin = file + suffix;
      const key = suffix === '.br' ? 'br' : 'gzip';
      const existing = present.has(twin) ? statSync(twin) : undefined;
      if (existing && existing.mtimeMs >= stats.mtimeMs) {
        done[key] += existing.size;
        continue;
      }
      bytes ??= readFileSync(file);
      const packed = compress(bytes);
      if (packed.length + MIN_SAVING <= bytes.length) {
        writeFileSync(twin, packed);
        done.written++;
        done[key] += packed.length;
      } else {
        if (existing) unlinkSync(twin);
        done[key] += bytes.length;
      }
    }
  }
  return done;
}

/** One line for a build's log: how many files, and what they weigh raw / brotli / gzip. */
export function summarize(dir, d) {
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  return `${dir}: ${d.files} text files, ${kb(d.raw)} → brotli ${kb(d.br)}, gzip ${kb(d.gzip)} (${d.written} twins written)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const dir of process.argv.slice(2)) console.log(summarize(dir, compressTree(dir)));
}
