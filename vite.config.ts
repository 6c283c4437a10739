import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type UserConfig } from 'vite';
import { loaderManifest } from './scripts/embed-manifest.mjs';
import { widgetEntry } from './scripts/widget-entries.mjs';
import { WIDGET_SPECS } from './src/widgets/specs';

/**
 * One config, several builds, chosen by mode (`vite build --mode lib|embed|embed-loader|embed-eager|demo`).
 * Storybook and Vitest load this file too: they get only the React plugin,
 * never the visualizer, so they cannot overwrite the bundle reports.
 */

// Peers and dependencies stay imports in the library build: the host app's bundler dedupes them.
const LIB_EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^axios($|\/)/, /^axios-retry($|\/)/, /^zod($|\/)/];

/** Treemap of one build. With sourcemaps its sizes match the emitted files under Vite 8 (TOOLCHAIN.md). */
function report(name: string) {
  return visualizer({ filename: `dist/reports/${name}.html`, template: 'treemap', sourcemap: true, title: `Teppan ${name} bundle` });
}

const root = (path: string) => resolve(import.meta.dirname, path);
const EMBED_DIR = root('dist/embed');

/** The embed's entries: the shared runtime, and one per widget, named for it (the manifest and the budgets go by that name). */
const EMBED_INPUT = {
  runtime: root('src/embed/runtime.tsx'),
  ...Object.fromEntries(WIDGET_SPECS.map((spec) => [spec.name, widgetEntry(import.meta.dirname, spec.name)])),
};

const builds: Record<string, UserConfig> = {
  lib: {
    publicDir: false,
    build: {
      outDir: 'dist/lib',
      sourcemap: true,
      lib: { entry: resolve(import.meta.dirname, 'src/react/index.ts'), formats: ['es'], fileName: 'teppan' },
      rolldownOptions: { external: LIB_EXTERNAL },
    },
    plugins: [report('lib')],
  },
  // The embed's shared runtime and one chunk per widget, hashed. Old files stay (emptyOutDir off):
  // a page still running the previous loader keeps finding its chunks; scripts/build.mjs prunes older ones.
  embed: {
    publicDir: false,
    build: {
      outDir: EMBED_DIR,
      emptyOutDir: false,
      sourcemap: true,
      manifest: true,
      modulePreload: false,
      rolldownOptions: {
        input: EMBED_INPUT,
        preserveEntrySignatures: 'exports-only',
        output: {
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: '[name]-[hash].js',
          // Named groups, so the reports read "vendor" and "shared" rather than whichever module came first.
          codeSplitting: {
            groups: [
              // Stripe.js's loader stays its own chunk, fetched only when a Stripe tenant's payment form mounts.
              { name: 'vendor', test: /node_modules\/(?!@stripe\/)/ },
              { name: 'shared', test: /\/src\//, minShareCount: 2 },
            ],
          },
        },
      },
    },
    plugins: [report('embed')],
  },
  // The loader: one classic script at a stable URL, with the runtime's file names written in.
  'embed-loader': {
    publicDir: false,
    build: {
      outDir: EMBED_DIR,
      emptyOutDir: false,
      sourcemap: true,
      lib: { entry: root('src/embed/loader.ts'), formats: ['iife'], name: 'TeppanLoader', fileName: () => 'teppan.js' },
      minify: true,
    },
    plugins: [report('embed-loader')],
  },
  // Everything in one file: the baseline of the first-load benchmark, not something to ship.
  'embed-eager': {
    publicDir: false,
    build: {
      outDir: root('dist/embed-eager'),
      emptyOutDir: true,
      lib: { entry: root('src/embed/eager.ts'), formats: ['iife'], name: 'TeppanEager', fileName: () => 'teppan.js' },
      minify: true,
    },
    // Library mode leaves process.env.NODE_ENV alone; a page bundle must get React's production build.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  },
  demo: {
    root: resolve(import.meta.dirname, 'server/demo'),
    base: '/',
    publicDir: false,
    build: {
      outDir: resolve(import.meta.dirname, 'dist/demo'),
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        input: Object.fromEntries(
          ['index', 'quote', 'book', 'pay', 'elements', 'react/index', 'react/quote', 'react/book', 'react/pay'].map((page) => [
            page,
            root(`server/demo/${page}.html`),
          ]),
        ),
      },
    },
    plugins: [report('demo')],
  },
};

export default defineConfig(({ command, mode }) => {
  const build = command === 'build' ? builds[mode] : undefined;
  return {
    ...build,
    // The loader needs the runtime's file names; it is built after the runtime.
    define: {
      ...build?.define,
      ...(mode === 'embed-loader' && command === 'build' ? { __TEPPAN_MANIFEST__: JSON.stringify(loaderManifest(EMBED_DIR)) } : {}),
    },
    plugins: [react(), ...(build?.plugins ?? [])],
  };
});
