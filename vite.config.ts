import { relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { BUDGETS, budgetProblems } from './scripts/budgets.mjs';
import { declarations } from './scripts/declarations.mjs';
import { loaderManifest } from './scripts/embed-manifest.mjs';
import { standIns } from './scripts/stand-ins.mjs';
import { widgetEntry } from './scripts/widget-entries.mjs';
import { loaderSpec } from './src/embed/loader/spec.ts';
import { WIDGET_SPECS } from './src/widgets/specs.ts';

/**
 * One config, several builds, chosen by mode (`vite build --mode lib|embed|embed-loader|embed-eager|embed-react|embed-react-loader|demo`).
 * Storybook and Vitest load this file too: they get only the React plugin,
 * never the visualizer, so they cannot overwrite the bundle reports.
 */

// Peers and dependencies stay imports in the library build: the host app's bundler dedupes them.
const LIB_EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^axios($|\/)/, /^axios-retry($|\/)/, /^zod($|\/)/];

/** Treemap of one build. With sourcemaps its sizes match the emitted files under Vite 8 (TOOLCHAIN.md). */
function report(name: string): Plugin {
  // After Vite's own generateBundle hooks, which drop the empty JS chunks of CSS-only entries (they have no source map).
  return { ...visualizer({ filename: `dist/reports/${name}.html`, template: 'treemap', sourcemap: true, title: `Teppan ${name} bundle` }), enforce: 'post' };
}

const root = (path: string) => resolve(import.meta.dirname, path);
const EMBED_DIR = root('dist/embed');
const EMBED_REACT_DIR = root('dist/embed-react');

/** A widget entry that brings the HTTP client along (`widgetWithHttp`). */
const WITH_HTTP = '\0teppan-with-http:';

/**
 * The embed's entries: the shared runtime, and one per widget, named for it (the manifest and the budgets go by
 * that name). Checked first: each widget's entry exists, and each has a size budget, and each budget a widget.
 */
function embedInput() {
  const problems = budgetProblems(
    BUDGETS,
    WIDGET_SPECS.map((spec) => spec.name),
  );
  if (problems.length) throw new Error(problems.join('\n'));
  return {
    runtime: root('src/embed/runtime.tsx'),
    ...Object.fromEntries(WIDGET_SPECS.map((spec) => [spec.name, spec.callsApiOnMount ? `${WITH_HTTP}${spec.name}` : widgetEntry(import.meta.dirname, spec)])),
  };
}

/**
 * The entry of a widget that calls the API in its first render (`callsApiOnMount`): the widget, and the HTTP
 * client's axios half re-exported, so its chunk imports the `http` chunk and the loader fetches both at once.
 * (Otherwise the embed imports it on demand, src/embed/axios-loader.ts. An export keeps the import, where a
 * bare `import` of a module without side effects would be dropped.)
 */
function widgetWithHttp(): Plugin {
  return {
    name: 'teppan-widget-with-http',
    resolveId: (id) => (id.startsWith(WITH_HTTP) ? id : undefined),
    load(id) {
      if (!id.startsWith(WITH_HTTP)) return undefined;
      const spec = WIDGET_SPECS.find((s) => s.name === id.slice(WITH_HTTP.length));
      if (!spec) return undefined;
      const widget = widgetEntry(import.meta.dirname, spec);
      return `export { default } from ${JSON.stringify(widget)};\nexport { createAxiosClient } from ${JSON.stringify(root('src/core/http/axios-client.ts'))};\n`;
    },
  };
}

/**
 * The embed renders the same React components on Preact's compat layer: about
 * 60 kB less gzip on every first load (README, "Bundle reports"). Only the embed
 * builds get this table; the library, the demo's React pages and Storybook stay React.
 */
const PREACT = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

/**
 * Which modules each emitted chunk holds, as `.vite/modules.json` beside Vite's manifest: the build
 * (scripts/size-report.mjs) fails when one module lands in two chunks, so no widget re-ships another's code.
 */
function chunkModules(): Plugin {
  return {
    name: 'teppan-chunk-modules',
    generateBundle(_, bundle) {
      const modules = Object.fromEntries(
        Object.values(bundle).flatMap((chunk) =>
          chunk.type === 'chunk' ? [[chunk.fileName, chunk.moduleIds.map((id) => relative(import.meta.dirname, id))]] : [],
        ),
      );
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(modules, null, 1) });
    },
  };
}

/**
 * Dependency modules the embed never runs, replaced by stand-ins. axios hangs every helper on
 * its default export, so tree-shaking keeps them all:
 * - its fetch adapter: JSON calls go through XHR (axios's first choice in a browser), the
 *   chat's streamed reply through our own (src/core/http/stream-adapter.ts);
 * - `axios.HttpStatusCode`, `axios.formToJSON` (and FormData bodies) and `axios.CancelToken`:
 *   we send JSON, cancel with AbortSignals, and read statuses as numbers;
 * - its progress events (with their speedometer and throttle): no call asks for upload or
 *   download progress;
 * - TanStack Query's infinite-query paging, which every query carries though only infinite
 *   queries run it: we have none.
 * Only the embed's page-private copies lose them; the npm library imports its dependencies whole.
 * The build fails when a replaced path is gone from node_modules, when a stand-in lacks a name its module
 * exports, or when one replaced nothing (scripts/stand-ins.mjs): an upgrade cannot undo them quietly.
 */
const LEFT_OUT = (what: string) => `throw new Error('${what} left out of the Teppan embed (vite.config.ts)')`;
const STAND_INS: Record<string, string> = {
  'axios/lib/adapters/fetch.js': 'export const getFetch = () => false;\nexport default false;',
  'axios/lib/helpers/HttpStatusCode.js': 'export default {};',
  'axios/lib/helpers/formDataToJSON.js': `export default () => { ${LEFT_OUT('FormData to JSON is')}; };`,
  'axios/lib/cancel/CancelToken.js': `export default class CancelToken { constructor() { ${LEFT_OUT('CancelToken is')}; } }`,
  'axios/lib/helpers/progressEventReducer.js': [
    `export const progressEventReducer = () => { ${LEFT_OUT('Progress events are')}; };`,
    'export const progressEventDecorator = progressEventReducer;',
    'export const asyncDecorator = progressEventReducer;',
  ].join('\n'),
  '@tanstack/query-core/build/modern/infiniteQueryBehavior.js': [
    `export function infiniteQueryBehavior() { ${LEFT_OUT('Infinite queries are')}; }`,
    'export const hasNextPage = () => false;',
    'export const hasPreviousPage = () => false;',
  ].join('\n'),
};

/**
 * V8's explicit compile hint, first line of the embed's chunks (not the loader: 30 B over its budget, and a
 * script that small is compiled on the main thread anyway): most of their functions run on a widget's first
 * render, so Chromium (136+) compiles them all while they stream in, off the main thread, not one by one on first
 * call, on it. A rolldown `postBanner`, added after minification, which would drop it; other engines see a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The `http` chunk: the HTTP client's axios half and what only it imports. */
/** Catalogs of languages other than English: `messages/es.ts`, `failureMessages.es.ts`. */
const TRANSLATIONS = /(\/messages\/|\.)(?!en\b)[a-z]{2}\.ts$/;
const HTTP_MODULES = /node_modules\/(axios|axios-retry|is-retry-allowed)\/|\/src\/core\/http\/(axios-client|stream-adapter)\.ts$/;

/** The seating picker's modules (src/widgets/SeatingPicker.tsx). */
const SEATING_MODULES = /\/src\/widgets\/(SeatingPicker\.tsx|Calendar\.tsx|seatingMessages\.ts|seatings\.css)/;

/** The embed imports the HTTP client's axios half when first wanted (src/embed/axios-loader.ts); the library, with the rest. */
const AXIOS_ON_DEMAND = { find: /^\.\/axios-loader$/, replacement: root('src/embed/axios-loader.ts') };

/** A widget's messages in one language (src/widgets/<widget>/messages/<language>.ts): its own chunk. */
const MESSAGES = /\/src\/widgets\/([\w-]+)\/messages\/(\w+)\.ts$/;

/** The words widgets share, in one language (src/widgets/sharedMessages.<language>.ts): its own chunk too. */
const SHARED_MESSAGES = /\/src\/widgets\/sharedMessages\.(\w+)\.ts$/;

/** The embed's shared runtime and one chunk per widget, hashed, into `outDir`. */
function embedBuild(outDir: string, name: string, alias: typeof PREACT = []): UserConfig {
  return {
    publicDir: false,
    resolve: { alias: [...alias, AXIOS_ON_DEMAND] },
    build: {
      outDir,
      // Old files stay: a page still running the previous loader keeps finding its chunks; scripts/build.mjs prunes older ones.
      emptyOutDir: false,
      sourcemap: true,
      manifest: true,
      modulePreload: false,
      rolldownOptions: {
        input: embedInput(),
        preserveEntrySignatures: 'exports-only',
        output: {
          entryFileNames: '[name]-[hash].js',
          // A language's messages are named for their widget too (`quote-es-…`), the shared words' `shared-es-…`.
          chunkFileNames: (chunk) => {
            const id = chunk.facadeModuleId ?? '';
            const [, widget, language] = id.match(MESSAGES) ?? [];
            if (widget) return `${widget}-${language}-[hash].js`;
            const [, shared] = id.match(SHARED_MESSAGES) ?? [];
            return shared ? `shared-${shared}-[hash].js` : '[name]-[hash].js';
          },
          postBanner: COMPILE_HINT,
          // Named groups, so the reports read "vendor" and "shared" rather than whichever module came first.
          codeSplitting: {
            groups: [
              // Stripe.js's loader stays its own chunk, fetched only when a Stripe tenant's payment form mounts; axios
              // is the `http` chunk's. Vite's dynamic-import helper goes with the rest: no request of its own.
              { name: 'vendor', test: (id) => /node_modules\/(?!@stripe\/)|rolldown\/runtime|vite\/preload-helper/.test(id) && !HTTP_MODULES.test(id) },
              // Words of a language other than English shared by widgets (src/widgets/failureMessages.es.ts) stay with that language's
              // chunks, never in the runtime every visitor loads.
              {
                name: 'shared',
                test: (id) => id.includes('/src/') && !HTTP_MODULES.test(id) && !TRANSLATIONS.test(id) && !SEATING_MODULES.test(id),
                minShareCount: 2,
              },
              // The seating picker, which the booking form and the manage link share and no other widget loads: a chunk of its
              // own, not part of `shared`, which every widget loads. After `shared` (groups go in order), so what it imports stays there.
              { name: 'seating', test: SEATING_MODULES },
              // The HTTP client's axios half, imported on demand or by a widget that calls the API as it mounts. Rolldown's
              // interop helpers come with it: nothing else needs them (axios-retry's is-retry-allowed is CommonJS).
              { name: 'http', test: HTTP_MODULES },
            ],
          },
        },
      },
    },
    plugins: [widgetWithHttp(), standIns(STAND_INS, import.meta.dirname), chunkModules(), report(name)],
  };
}

/** The loader: one classic script at a stable URL, with the file names of the embed in `dir` written in. */
function loaderBuild(dir: string, name: string): UserConfig {
  return {
    publicDir: false,
    build: {
      outDir: dir,
      emptyOutDir: false,
      // For the treemap only: no sourceMappingURL line in the file every page fetches.
      sourcemap: 'hidden',
      lib: { entry: root('src/embed/loader.ts'), formats: ['iife'], name: 'TeppanLoader', fileName: () => 'teppan.js' },
      // Terser, not the default minifier, for the file every page pays first: it mangles the element's
      // `_`-prefixed fields and squeezes harder (bytes saved in the commit that chose it).
      minify: 'terser',
      // `pure_getters`: the loader reads no property for its side effect. (On the runtime's chunks terser saved
      // ~100 B of 73 kB against the default minifier: not worth a second minifier there.)
      // Mangled too: the fields of the specs and manifest the build writes in (and of the page facts a screen's
      // condition names), which only the loader reads; never a field of `LoaderContext`, which the runtime reads
      // too, nor a DOM name the loader uses (`builtins` lets the listed ones through: not `languages`, which
      // navigator has, hence the manifest's `messages`).
      terserOptions: {
        ecma: 2020,
        toplevel: true,
        compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
        mangle: { properties: { builtins: true, regex: /^(_.*|launcher|label|reserve|screens|when|attribute|param|beside|text|widgets|name|messages)$/ } },
      },
    },
    define: { __TEPPAN_MANIFEST__: JSON.stringify(loaderManifest(dir)), __TEPPAN_SPECS__: JSON.stringify(WIDGET_SPECS.map(loaderSpec)) },
    plugins: [report(name)],
  };
}

const builds: Record<string, () => UserConfig> = {
  lib: () => ({
    publicDir: false,
    build: {
      outDir: 'dist/lib',
      sourcemap: true,
      lib: { entry: resolve(import.meta.dirname, 'src/react/index.ts'), formats: ['es'], fileName: 'teppan' },
      rolldownOptions: { external: LIB_EXTERNAL },
    },
    // Declarations with every build of dist/lib, which empties it first: a package is never left without them.
    plugins: [report('lib'), declarations()],
  }),
  embed: () => embedBuild(EMBED_DIR, 'embed', PREACT),
  'embed-loader': () => loaderBuild(EMBED_DIR, 'embed-loader'),
  // Everything in one file: the baseline of the first-load benchmark, not something to ship.
  'embed-eager': () => ({
    publicDir: false,
    resolve: { alias: PREACT },
    build: {
      outDir: root('dist/embed-eager'),
      emptyOutDir: true,
      lib: { entry: root('src/embed/eager.ts'), formats: ['iife'], name: 'TeppanEager', fileName: () => 'teppan.js' },
      minify: true,
      rolldownOptions: { output: { postBanner: COMPILE_HINT } },
    },
    // Library mode leaves process.env.NODE_ENV alone; a page bundle must get production builds.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // The same code as the split embed, so the benchmark compares only how it is delivered.
    plugins: [standIns(STAND_INS, import.meta.dirname)],
  }),
  // The same embed on React's own runtime, for measurement only (`npm run bench` prints both): never shipped.
  'embed-react': () => embedBuild(EMBED_REACT_DIR, 'embed-react'),
  'embed-react-loader': () => loaderBuild(EMBED_REACT_DIR, 'embed-react-loader'),
  demo: () => ({
    root: resolve(import.meta.dirname, 'server/demo'),
    base: '/',
    publicDir: false,
    build: {
      outDir: resolve(import.meta.dirname, 'dist/demo'),
      emptyOutDir: true,
      sourcemap: true,
      // Every browser Teppan supports has <link rel="modulepreload">: no polyfill (nor its source-map-less chunk).
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input: Object.fromEntries(
          ['index', 'es/index', 'es/manage', 'quote', 'book', 'pay', 'manage', 'elements', 'react/index', 'react/quote', 'react/book', 'react/pay'].map(
            (page) => [page, root(`server/demo/${page}.html`)],
          ),
        ),
      },
    },
    plugins: [report('demo')],
  }),
};

export default defineConfig(({ command, mode }) => {
  // A function per build: the loader's reads the runtime's manifest, which exists only once the runtime is built.
  const build = command === 'build' ? builds[mode]?.() : undefined;
  return {
    ...build,
    // The loader's `Teppan.version`, from package.json rather than written by hand.
    define: { __TEPPAN_VERSION__: JSON.stringify(pkg.version), ...build?.define },
    build: build && {
      ...build.build,
      // Rolldown's "slow plugin" notice names the treemaps' source-map reading, every build: known, and the price of exact sizes.
      rolldownOptions: { ...build.build?.rolldownOptions, checks: { bundlerTimings: false } },
    },
    plugins: [react(), ...(build?.plugins ?? [])],
  };
});
