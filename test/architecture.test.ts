import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's layering, enforced: imports point down only, widgets do not
 * import each other, core and contract know nothing of React, and the
 * reference server reaches into the SDK only for the contract and pure core.
 */
const ROOT = resolve(import.meta.dirname, '..');
const LAYERS = ['embed', 'react', 'widgets', 'ui', 'query', 'core', 'contract'] as const;
const FRAMEWORK_FREE = new Set(['core', 'contract']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|browser\.test|stories)\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

/** `src/widgets/quote/x.ts` → `{ layer: 'widgets', widget: 'quote' }`; outside src → its top folder. */
function placeOf(path: string): { top: string; layer?: string; widget?: string } {
  const parts = path.split('/');
  if (parts[0] !== 'src') return { top: parts[0] ?? '' };
  // Files directly in widgets/ (not in a widget's folder) are shared by the layer.
  return { top: 'src', layer: parts[1], widget: parts[1] === 'widgets' && parts.length > 3 ? parts[2] : undefined };
}

function violations(files: string[], check: (from: ReturnType<typeof placeOf>, to: ReturnType<typeof placeOf>, spec: string) => string | undefined) {
  const found: string[] = [];
  for (const file of files) {
    for (const spec of importsOf(file)) {
      const to = spec.startsWith('.') ? placeOf(relative(ROOT, resolve(ROOT, dirname(file), spec))) : { top: `package:${spec}` };
      const problem = check(placeOf(file), to, spec);
      if (problem) found.push(`${file} imports ${spec}: ${problem}`);
    }
  }
  return found;
}

describe('layering', () => {
  it('src imports point down the layers only, and widgets do not import each other', () => {
    const found = violations(sources('src'), (from, to) => {
      if (to.top === 'package:') return undefined;
      if (to.top !== 'src' && !to.top.startsWith('package:')) return `src must not import ${to.top}/`;
      if (!to.layer || !from.layer) return undefined;
      const a = LAYERS.indexOf(from.layer as never);
      const b = LAYERS.indexOf(to.layer as never);
      if (b < a) return `${from.layer}/ is below ${to.layer}/`;
      if (from.widget && to.widget && from.widget !== to.widget) return 'widgets do not import each other';
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it('core and contract are framework-free', () => {
    const files = sources('src').filter((f) => FRAMEWORK_FREE.has(placeOf(f).layer ?? ''));
    const found = violations(files, (_, to, spec) =>
      /^(react|react-dom|@tanstack)/.test(spec) && to.top.startsWith('package:') ? 'no React here' : undefined,
    );
    expect(found).toEqual([]);
  });

  it('the reference server uses only the contract and pure core of the SDK', () => {
    // The demo site under server/demo is a customer of the SDK, not part of the server.
    const server = sources('server').filter((f) => !f.startsWith('server/demo/'));
    const found = violations(server, (_, to) =>
      to.top === 'src' && to.layer !== 'contract' && to.layer !== 'core' ? `server may import src/contract and src/core only, not src/${to.layer}` : undefined,
    );
    expect(found).toEqual([]);
  });

  it('finds the layers it checks (a guard against checking nothing)', () => {
    expect(sources('src').length).toBeGreaterThan(10);
    expect(importsOf('src/query/hooks.ts')).toContain('@tanstack/react-query');
  });
});
