import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, parseAst } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { exportNames, missingExports, missingModules, nodeModulesPath, packageOf, standIns, unusedStandIns } from '../scripts/stand-ins.mjs';

/**
 * The embed's stand-ins (vite.config.ts, STAND_INS) replace dependency modules by path: the checks that make
 * an upgrade which moves or changes one fail the build, rather than ship the module again or a stand-in that
 * no longer fits.
 */
describe('stand-in checks', () => {
  it('name a replaced path that is not installed, with the version that lacks it', () => {
    const installed = new Set(['axios/lib/adapters/fetch.js']);
    const versions: Record<string, string> = { axios: '1.21.1' };
    const problems = missingModules(
      ['axios/lib/adapters/fetch.js', 'axios/lib/helpers/HttpStatusCode.js', '@tanstack/query-core/build/modern/infiniteQueryBehavior.js'],
      (path) => installed.has(path),
      (pkg) => versions[pkg],
    );
    expect(problems).toEqual([
      'Stand-in for axios/lib/helpers/HttpStatusCode.js: axios 1.21.1 has no lib/helpers/HttpStatusCode.js. Find what replaced it and update or drop the stand-in (vite.config.ts, STAND_INS).',
      'Stand-in for @tanstack/query-core/build/modern/infiniteQueryBehavior.js: @tanstack/query-core is not installed. Find what replaced it and update or drop the stand-in (vite.config.ts, STAND_INS).',
    ]);
  });

  it('name a stand-in that replaced nothing', () => {
    expect(unusedStandIns(['a/x.js', 'b/y.js'], new Set(['a/x.js']))).toEqual([
      'Stand-in for b/y.js replaced nothing: no module of this build imports it any more. Drop it or follow the code it stood in for (vite.config.ts, STAND_INS).',
    ]);
  });

  it('name what a stand-in fails to export of its module, every kind of export counted', () => {
    const real = exportNames(
      parseAst(
        'export const a = 1, b = 2; export function c() {} export class D {} const e = 0; export { e, e as f }; export default 3; export * as g from "./g.js";',
      ),
    );
    expect(real).toEqual(['a', 'b', 'c', 'D', 'e', 'f', 'default', 'g']);
    expect(missingExports('pkg/m.js', real, exportNames(parseAst('export const a = 0, b = 0, c = 0, D = 0, e = 0, f = 0, g = 0; export default 0;')))).toBe(
      undefined,
    );
    expect(missingExports('pkg/m.js', real, exportNames(parseAst('export default 0; export const a = 0;')))).toBe(
      'Stand-in for pkg/m.js lacks b, c, D, e, f, g, which pkg now exports: add them (vite.config.ts, STAND_INS).',
    );
  });

  it('find a module’s path under the innermost node_modules, and its package', () => {
    expect(nodeModulesPath('/app/node_modules/a/node_modules/@s/p/lib/x.js?v=1')).toBe('@s/p/lib/x.js');
    expect(nodeModulesPath('/app/src/x.ts')).toBeUndefined();
    expect([packageOf('@s/p/lib/x.js'), packageOf('axios/lib/x.js')]).toEqual(['@s/p', 'axios']);
  });
});

describe('the stand-ins plugin, in a real build', () => {
  const root = mkdtempSync(join(tmpdir(), 'teppan-stand-ins-'));
  const dep = join(root, 'node_modules/dep');
  mkdirSync(dep, { recursive: true });
  writeFileSync(join(dep, 'package.json'), JSON.stringify({ name: 'dep', version: '2.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(join(dep, 'index.js'), 'export { heavy, extra } from "./heavy.js";\n');
  writeFileSync(join(dep, 'heavy.js'), 'export const heavy = () => "the real thing";\nexport const extra = 1;\n');
  writeFileSync(join(dep, 'unused.js'), 'export default 0;\n');
  writeFileSync(join(root, 'entry.js'), 'import { heavy, extra } from "dep";\nconsole.log(heavy(), extra);\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const bundle = (table: Record<string, string>) =>
    build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [standIns(table, root)],
      build: { write: false, minify: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'out' } },
    });
  const code = async (table: Record<string, string>) => {
    const out = await bundle(table);
    const result = Array.isArray(out) ? out[0] : out;
    if (!result || !('output' in result)) throw new Error('expected one bundle');
    return result.output[0].code;
  };

  it('replaces the module when the stand-in fits', async () => {
    const js = await code({ 'dep/heavy.js': 'export const heavy = () => "stand-in";\nexport const extra = 2;' });
    expect(js).toContain('stand-in');
    expect(js).not.toContain('the real thing');
  });

  it('fails the build on a stand-in that lacks an export, or that replaced nothing', async () => {
    await expect(bundle({ 'dep/heavy.js': 'export const heavy = () => "stand-in";' })).rejects.toThrow(
      'Stand-in for dep/heavy.js lacks extra, which dep now exports',
    );
    await expect(bundle({ 'dep/heavy.js': 'export const heavy = 0, extra = 0;', 'dep/unused.js': 'export default 1;' })).rejects.toThrow(
      'Stand-in for dep/unused.js replaced nothing',
    );
  });

  it('refuses a path that is not installed before anything is built', () => {
    expect(() => standIns({ 'dep/moved.js': 'export default 0;' }, root)).toThrow('Stand-in for dep/moved.js: dep 2.0.0 has no moved.js.');
  });
});
