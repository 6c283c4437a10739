import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a host app gets it: `npm pack`, every file package.json points at present in the tarball, then a
 * strict React app of its own (test/package/consumer) with the tarball installed: it type-checks a query of the host's
 * and Teppan's widgets with library checks on, and builds with each widget a lazy chunk of its own.
 */
const ROOT = resolve(import.meta.dirname, '..');
const CONSUMER = join(ROOT, 'test/package/consumer');
/** Where the host's package manager would put it; the peers resolve from the repository's node_modules above. */
const INSTALLED = join(CONSUMER, 'node_modules/teppan');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** The widgets DESIGN.md names as the React entry's lazy exports. */
const WIDGETS = ['BookingForm', 'ChatWidget', 'ManageBooking', 'PaymentForm', 'QuoteCalculator'];

// A user's shell rather than the test runner's: NODE_ENV=test would change what Vite builds.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Every file path package.json's `exports` (all conditions), `main`, `module` and `types` name. */
function pointedAt(pkg: Record<string, unknown>): string[] {
  const paths = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(paths) : [];
  return [...new Set([pkg.main, pkg.module, pkg.types, pkg.exports].flatMap(paths))];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

const scratch = mkdtempSync(join(tmpdir(), 'teppan-package-'));

beforeAll(() => {
  // As a user packs it: prepack builds dist/lib (its declarations from scripts/declarations.mjs's cache when unchanged).
  const packed = run('npm', ['pack', '--pack-destination', scratch], ROOT);
  expect(packed.ok, packed.output).toBe(true);
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  expect(tarball, packed.output).toBeDefined();
  rmSync(INSTALLED, { recursive: true, force: true });
  mkdirSync(INSTALLED, { recursive: true });
  const extracted = run('tar', ['xzf', join(scratch, tarball ?? ''), '-C', INSTALLED, '--strip-components=1'], ROOT);
  expect(extracted.ok, extracted.output).toBe(true);
}, 240_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(CONSUMER, 'node_modules'), { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds every file package.json points at, declarations included', () => {
    const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8'));
    expect(pkg.types).toMatch(/\.d\.ts$/);
    expect(pointedAt(pkg).filter((p) => !existsSync(join(INSTALLED, p)))).toEqual([]);
  });

  it('type-checks in a strict host app with library checks on, leaving its own queries typed as they were', () => {
    // --listFiles: proof that the declarations compiled are the installed package's, not the repository's source.
    const checked = run(bin('tsc'), ['-p', 'tsconfig.json', '--listFiles'], CONSUMER);
    const errors = checked.output
      .split('\n')
      .filter((line) => line && !line.startsWith('/'))
      .join('\n');
    expect(checked.ok, errors).toBe(true);
    expect(checked.output).toContain(join(INSTALLED, 'dist/lib/types/react/index.d.ts'));
  }, 180_000);

  it('builds in a host app with each widget a lazy chunk of its own', () => {
    const out = join(scratch, 'host');
    const built = run(bin('vite'), ['build', '--outDir', out, '--emptyOutDir'], CONSUMER);
    expect(built.ok, built.output).toBe(true);
    const manifest: Record<string, ManifestChunk> = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'));
    const [entry] = Object.values(manifest).filter((c) => c.isEntry);
    expect(entry).toBeDefined();
    // What the page loads before any widget mounts: the entry chunk and what it imports statically.
    const upFront = new Set<string>();
    const visit = (chunk: ManifestChunk | undefined) => {
      if (!chunk || upFront.has(chunk.file)) return;
      upFront.add(chunk.file);
      for (const key of chunk.imports ?? []) visit(manifest[key]);
    };
    visit(entry);

    // The library's own lazy imports: one per widget.
    const library = readFileSync(join(INSTALLED, 'dist/lib/teppan.js'), 'utf8');
    const lazy = [...library.matchAll(/import\(\s*["']\.\/([\w-]+\.js)["']\s*\)/g)].map((m) => m[1] ?? '');
    expect(lazy.map((file) => file.slice(0, file.indexOf('-')))).toEqual(expect.arrayContaining(WIDGETS));
    for (const file of lazy) {
      const chunk = manifest[`node_modules/teppan/dist/lib/${file}`];
      expect(chunk?.isDynamicEntry, `${file} is not a lazy chunk of the host's build`).toBe(true);
      expect(upFront.has(chunk?.file ?? ''), `${file} loads with the host's entry`).toBe(false);
    }
  }, 120_000);
});
