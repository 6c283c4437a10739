// Dependency modules the embed replaces by stand-ins of ours (the table is in vite.config.ts, `STAND_INS`),
// checked so that an upgrade which moves, renames or stops importing one fails the build instead of
// quietly shipping the whole module again, or a stand-in that no longer fits:
// - before the build, every replaced path must exist in node_modules;
// - as each is replaced, its stand-in must export every name the real module does (an `import * as` of a
//   name the stand-in lacks would read undefined, no error);
// - after the build, every stand-in must have replaced something.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const WHERE = 'vite.config.ts, STAND_INS';

/** The package a path under node_modules belongs to: `axios`, `@tanstack/query-core`. */
export const packageOf = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

/** A resolved module's path under node_modules (`axios/lib/adapters/fetch.js`), or undefined outside it. */
export function nodeModulesPath(id) {
  const at = id.lastIndexOf('/node_modules/');
  return at < 0 ? undefined : id.slice(at + '/node_modules/'.length).replace(/\?.*$/, '');
}

/** One sentence per replaced path that does not exist: `versionOf` names the package's installed version, if any. */
export function missingModules(paths, exists, versionOf) {
  return paths
    .filter((path) => !exists(path))
    .map((path) => {
      const pkg = packageOf(path);
      const version = versionOf(pkg);
      const installed = version ? `${pkg} ${version} has no ${path.slice(pkg.length + 1)}` : `${pkg} is not installed`;
      return `Stand-in for ${path}: ${installed}. Find what replaced it and update or drop the stand-in (${WHERE}).`;
    });
}

/** One sentence per stand-in the build never loaded: its module is no longer imported, so it saves nothing. */
export function unusedStandIns(paths, loaded) {
  return paths
    .filter((path) => !loaded.has(path))
    .map(
      (path) => `Stand-in for ${path} replaced nothing: no module of this build imports it any more. Drop it or follow the code it stood in for (${WHERE}).`,
    );
}

/** The names an ES module exports (`default` for a default export), from its ESTree AST. */
export function exportNames(program) {
  const names = [];
  const name = (node) => (node.type === 'Identifier' ? node.name : String(node.value));
  for (const node of program.body) {
    if (node.type === 'ExportDefaultDeclaration') names.push('default');
    else if (node.type === 'ExportAllDeclaration') names.push(node.exported ? name(node.exported) : `* from ${node.source.value}`);
    else if (node.type === 'ExportNamedDeclaration') {
      for (const s of node.specifiers) names.push(name(s.exported));
      const d = node.declaration;
      if (d?.type === 'VariableDeclaration') for (const v of d.declarations) if (v.id.type === 'Identifier') names.push(v.id.name);
      if (d?.id) names.push(d.id.name);
    }
  }
  return names;
}

/** A sentence naming what the real module exports and its stand-in does not, or undefined when nothing is missing. */
export function missingExports(path, real, standIn) {
  const missing = real.filter((n) => !standIn.includes(n));
  if (missing.length === 0) return undefined;
  return `Stand-in for ${path} lacks ${missing.join(', ')}, which ${packageOf(path)} now exports: add ${missing.length > 1 ? 'them' : 'it'} (${WHERE}).`;
}

function installedVersion(root, pkg) {
  const manifest = join(root, 'node_modules', pkg, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/**
 * The plugin: loads each stand-in in place of its module. Throws at once when a replaced path is missing
 * from `root`'s node_modules, and fails the build on a stand-in short of an export or never used.
 */
export function standIns(table, root) {
  const paths = Object.keys(table);
  const missing = missingModules(
    paths,
    (path) => existsSync(join(root, 'node_modules', path)),
    (pkg) => installedVersion(root, pkg),
  );
  if (missing.length) throw new Error(missing.join('\n'));
  const loaded = new Set();
  return {
    name: 'teppan-stand-ins',
    buildStart() {
      loaded.clear();
    },
    load(id) {
      const path = nodeModulesPath(id);
      if (!path || !Object.hasOwn(table, path)) return null;
      const code = table[path];
      const gap = missingExports(path, exportNames(this.parse(readFileSync(id, 'utf8'))), exportNames(this.parse(code)));
      if (gap) this.error(gap);
      loaded.add(path);
      return code;
    },
    buildEnd(error) {
      if (error) return;
      const unused = unusedStandIns(paths, loaded);
      if (unused.length) this.error(unused.join('\n'));
    },
  };
}
