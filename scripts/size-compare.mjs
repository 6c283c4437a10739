// Two builds' sizes.json side by side: per embed chunk (by name, never by hashed
// file name) and per widget first load, the change in bytes, gzip with brotli beside.

/** `vendor-Bx1f_9aZ.js` → `vendor`: the name Vite gave the chunk (vite.config.ts names them `[name]-[hash].js`). */
export const chunkName = (file) => file.replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '');

/**
 * The current build's embed chunks, `{ name: { file, raw, gzip, brotli } }`, the loader as `loader`.
 * A report that says so itself (`chunks`) is taken at its word; an older one is read from its first
 * loads, whose file lists hold only the current build's files (dist/embed keeps the previous release's too).
 */
export function currentChunks(report) {
  if (report.chunks) return report.chunks;
  const embed = report.files?.embed ?? {};
  const current = new Set(Object.values(report.firstLoad ?? {}).flatMap((l) => l.files));
  const chunks = {};
  for (const file of current) {
    const size = embed[file];
    if (!size) continue;
    chunks[file === 'teppan.js' ? 'loader' : chunkName(file)] = { file, ...size };
  }
  return chunks;
}

const pick = ({ raw, gzip, brotli }) => ({ raw, gzip, brotli });

/** Rows of one kind: every name in either build, with its old and new sizes (undefined where absent). */
function rows(before, after) {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.map((name) => ({
    name,
    before: before[name] ? pick(before[name]) : undefined,
    after: after[name] ? pick(after[name]) : undefined,
  }));
}

/** The comparison as data: first loads per widget and chunks per name, each with old and new sizes. */
export function compareSizes(before, after) {
  return {
    firstLoad: rows(before.firstLoad ?? {}, after.firstLoad ?? {}),
    chunks: rows(currentChunks(before), currentChunks(after)),
  };
}

const number = (n) => n.toLocaleString('en-US');
const signed = (n) => (n > 0 ? `+${number(n)}` : n < 0 ? `−${number(-n)}` : '0');
const percent = (from, to) => (from ? ` (${signed(Math.round(((to - from) / from) * 1000) / 10)}%)` : '');

function line({ name, before, after }) {
  if (!before) return [name, '—', number(after.gzip), 'new', '—', number(after.brotli), 'new'];
  if (!after) return [name, number(before.gzip), '—', 'removed', number(before.brotli), '—', 'removed'];
  return [
    name,
    number(before.gzip),
    number(after.gzip),
    `${signed(after.gzip - before.gzip)}${percent(before.gzip, after.gzip)}`,
    number(before.brotli),
    number(after.brotli),
    signed(after.brotli - before.brotli),
  ];
}

function table(title, list) {
  const head = [title, 'gzip before', 'gzip after', 'gzip change', 'brotli before', 'brotli after', 'brotli change'];
  const cells = [head, ...list.map(line)];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  return cells.map((c) =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

/** The comparison as text for a terminal: two tables, then the chunks that appeared or went. */
export function formatComparison(comparison, { from = 'before', to = 'after' } = {}) {
  const out = [`Bundle sizes, ${from} → ${to} (bytes)`, '', ...table('first load', comparison.firstLoad), '', ...table('chunk', comparison.chunks)];
  const added = comparison.chunks.filter((r) => !r.before).map((r) => r.name);
  const removed = comparison.chunks.filter((r) => !r.after).map((r) => r.name);
  if (added.length) out.push('', `new chunks: ${added.join(', ')}`);
  if (removed.length) out.push('', `removed chunks: ${removed.join(', ')}`);
  if (!added.length && !removed.length) out.push('', 'no chunk added or removed');
  return out.join('\n');
}

/**
 * The current build's chunks from the embed's Vite manifest (every chunk it lists is this build's,
 * dynamically imported ones included), each with its measured size from `files`.
 */
export function embedChunks(manifestChunks, files) {
  const chunks = { loader: { file: 'teppan.js', ...files['teppan.js'] } };
  for (const chunk of Object.values(manifestChunks)) {
    const size = files[chunk.file];
    // A widget's messages in one language are named for the widget (`quote-es`): every widget's Spanish is an `es` chunk to Vite.
    const name = /\/messages\/\w+\.ts$/.test(chunk.src ?? '') ? chunkName(chunk.file) : (chunk.name ?? chunkName(chunk.file));
    if (size) chunks[name] = { file: chunk.file, ...size };
  }
  return chunks;
}
