// The embed's file lists, from the runtime build's Vite manifest: each entry's
// file first, then everything it imports statically (what the loader preloads).
import { existsSync, readFileSync } from 'node:fs';

export const EMBED_ENTRIES = {
  runtime: 'src/embed/runtime.tsx',
  quote: 'src/widgets/quote/QuoteCalculator.tsx',
  booking: 'src/widgets/booking/BookingForm.tsx',
};

export function embedManifest(dir = 'dist/embed') {
  const path = `${dir}/.vite/manifest.json`;
  if (!existsSync(path)) throw new Error('Build the embed runtime first: vite build --mode embed');
  const chunks = JSON.parse(readFileSync(path, 'utf8'));
  const closure = (key) => {
    const files = [];
    const visit = (k) => {
      const chunk = chunks[k];
      if (!chunk || files.includes(chunk.file)) return;
      files.push(chunk.file);
      for (const i of chunk.imports ?? []) visit(i);
    };
    visit(key);
    return files;
  };
  const { runtime, ...widgets } = EMBED_ENTRIES;
  return {
    runtime: closure(runtime),
    widgets: Object.fromEntries(Object.entries(widgets).map(([name, src]) => [name, closure(src)])),
  };
}
