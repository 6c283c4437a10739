// Hashed embed files are kept for one release after they stop being current:
// a page that loaded the previous teppan.js (cached for minutes) still finds its
// chunks. Older ones are deleted.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEEP = 2;

export function pruneReleases(dir) {
  const log = join(dir, '.vite/releases.json');
  // Every chunk of this build, those only ever imported dynamically (Stripe.js's loader) included.
  const chunks = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
  const current = [...new Set(Object.values(chunks).map((c) => c.file))].sort();
  const releases = existsSync(log) ? JSON.parse(readFileSync(log, 'utf8')) : [];
  if (JSON.stringify(releases.at(-1)) !== JSON.stringify(current)) releases.push(current);
  const kept = releases.slice(-KEEP);
  const live = new Set(kept.flat().flatMap((f) => [f, `${f}.map`]));
  for (const file of readdirSync(dir)) {
    if (/-[\w-]{8}\.js(\.map)?$/.test(file) && !live.has(file)) rmSync(join(dir, file));
  }
  writeFileSync(log, JSON.stringify(kept));
}
