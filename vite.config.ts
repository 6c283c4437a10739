import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';
import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, several builds, chosen by mode (`vite build --mode lib|demo`).
 * Storybook and Vitest load this file too: they get only the React plugin,
 * never the visualizer, so they cannot overwrite the bundle reports.
 */

// Peers and dependencies stay imports in the library build: the host app's bundler dedupes them.
const LIB_EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^axios($|\/)/, /^axios-retry($|\/)/, /^zod($|\/)/];

/** Treemap of one build. With sourcemaps its sizes match the emitted files under Vite 8 (TOOLCHAIN.md). */
function report(name: string) {
  return visualizer({ filename: `dist/reports/${name}.html`, template: 'treemap', sourcemap: true, title: `Teppan ${name} bundle` });
}

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
  demo: {
    root: resolve(import.meta.dirname, 'server/demo'),
    base: '/',
    publicDir: false,
    build: {
      outDir: resolve(import.meta.dirname, 'dist/demo'),
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        input: Object.fromEntries(['index', 'quote', 'book'].map((page) => [page, resolve(import.meta.dirname, `server/demo/${page}.html`)])),
      },
    },
    plugins: [report('demo')],
  },
};

export default defineConfig(({ command, mode }) => {
  const build = command === 'build' ? builds[mode] : undefined;
  return {
    ...build,
    plugins: [react(), ...(build?.plugins ?? [])],
  };
});
