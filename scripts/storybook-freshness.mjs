// Whether dist/storybook must be built again: it is missing, or something it is
// built from changed since its last complete build (scripts/build-storybook.mjs
// writes the marker only once the build and its compressed twins are done).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STORYBOOK_DIR = 'dist/storybook';
export const BUILT_MARKER = join(STORYBOOK_DIR, '.built');
const SOURCES = ['.storybook', 'stories', 'src', 'public', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function storybookIsStale() {
  if (!existsSync(BUILT_MARKER)) return true;
  return Math.max(...SOURCES.map(newest)) > statSync(BUILT_MARKER).mtimeMs;
}
