// The library's type declarations, written beside its bundle (dist/lib/types) by every build of dist/lib, which
// empties it first (npm run build, npm start, npm pack's prepack): a package without them types nothing in the host.
// tsc takes several times as long as the bundle itself, so what it wrote is kept under node_modules/.cache, keyed by
// all it reads: a build whose sources, settings and dependencies are unchanged (npm start after a build) copies it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT = join(ROOT, 'tsconfig.build.json');
const CACHE = join(ROOT, 'node_modules/.cache/teppan-declarations');
/** What tsc reads (the dependencies' types by way of the lockfile), and this file, which says how it runs. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/declarations.mjs'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function inputsKey() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(ROOT, input);
    // A checkout without a lockfile (npm install --no-package-lock) keys by the rest.
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
      : [path];
    for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** tsc's declarations for these inputs: from the cache, or written into it (its errors fail the build). */
function emitted() {
  const key = inputsKey();
  const dir = join(CACHE, key);
  if (existsSync(dir)) return dir;
  const writing = `${dir}.${process.pid}`;
  // Type errors are `npm run typecheck`'s to report: --noCheck emits the same files in half the time.
  const r = spawnSync(process.execPath, [tsc, '-p', PROJECT, '--noCheck', '--outDir', writing], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`declarations: tsc -p ${PROJECT} failed (exit ${r.status ?? r.signal})`);
  for (const old of readdirSync(CACHE)) if (old !== `${key}.${process.pid}`) rmSync(join(CACHE, old), { recursive: true, force: true });
  renameSync(writing, dir);
  return dir;
}

/** A Vite plugin: once the bundle is written, its declarations go into `types/` beside it. */
export function declarations() {
  let outDir = '';
  return {
    name: 'teppan-declarations',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir, 'types');
    },
    closeBundle() {
      rmSync(outDir, { recursive: true, force: true });
      cpSync(emitted(), outDir, { recursive: true });
    },
  };
}
