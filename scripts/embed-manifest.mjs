// The embed's file lists, from the runtime build's Vite manifest: each entry's
// file first, then everything it imports statically (what the loader preloads).
// The entries are named in vite.config.ts: `runtime`, and one per widget spec.
import { existsSync, readFileSync } from 'node:fs';

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
  const entries = Object.entries(chunks).filter(([, chunk]) => chunk.isEntry);
  const runtime = entries.find(([, chunk]) => chunk.name === 'runtime');
  if (!runtime) throw new Error(`No runtime entry in ${path}: rebuild the embed (vite build --mode embed).`);
  const widgets = Object.fromEntries(entries.filter(([key]) => key !== runtime[0]).map(([key, chunk]) => [chunk.name, closure(key)]));
  // Each widget's messages in a language other than English (src/widgets/<widget>/messages/<language>.ts), with the
  // words the widgets share in that language (src/widgets/sharedMessages.<language>.ts): the files the widget imports as it
  // renders, which the loader starts beside the widget's code.
  const shared = {};
  for (const chunk of Object.values(chunks)) {
    const [, language] = chunk.src?.match(/^src\/widgets\/sharedMessages\.(\w+)\.ts$/) ?? [];
    if (language) shared[language] = chunk.file;
  }
  const languages = {};
  for (const chunk of Object.values(chunks)) {
    const [, widget, language] = chunk.src?.match(/^src\/widgets\/([\w-]+)\/messages\/(\w+)\.ts$/) ?? [];
    if (widget && widget in widgets) languages[widget] = { ...languages[widget], [language]: [chunk.file, ...(shared[language] ? [shared[language]] : [])] };
  }
  return { runtime: closure(runtime[0]), widgets, languages };
}

/** What the loader carries: each widget's files less the runtime's, which it fetches anyway (every byte of the loader counts). */
export function loaderManifest(dir = 'dist/embed') {
  const { runtime, widgets, languages } = embedManifest(dir);
  return {
    runtime,
    widgets: Object.fromEntries(Object.entries(widgets).map(([name, files]) => [name, files.filter((f) => !runtime.includes(f))])),
    messages: languages,
  };
}
