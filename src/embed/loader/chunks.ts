import type { ComponentType } from 'react';
import type { Language } from '../../core/i18n/locale';
import type { EmbedRuntime } from '../types';

/** File lists written into the loader at build time: each entry first, then what it imports. */
export interface Manifest {
  runtime: string[];
  widgets: Record<string, string[]>;
  /** Each widget's messages in a language other than English (its own, then the words widgets share), which the widget imports itself. */
  messages: Record<string, Partial<Record<Language, string[]>>>;
}

export type WidgetModule = { default: ComponentType<Record<string, unknown>> };

/** How the loader gets code, by widget name: split chunks fetched on demand, or everything already in one bundle. */
export interface ChunkSource {
  runtime(): Promise<EmbedRuntime>;
  /** A widget's module; its files, the runtime's and its messages in `language`, all start downloading at once (see `preload`). */
  widget(name: string, language: Language): Promise<WidgetModule>;
  /**
   * Starts every file a widget needs downloading at once, so nothing waits on an import chain: its messages in
   * `language` too, which its code would only ask for once it runs.
   */
  preload(name: string, language: Language): void;
}

/**
 * Chunks next to the loader, preloaded with <link rel="modulepreload"> (carrying
 * the loader's nonce, for nonce-based CSPs) and imported with one retry; the
 * retry asks for a fresh URL, since a failed module fetch may be remembered.
 * `base` is the loader's folder with its slash (`https://host/embed/`); chunks are plain file names in it.
 */
export function splitChunks(manifest: Manifest, base: string, nonce: string): ChunkSource {
  const preloaded: Record<string, unknown> = {};
  // A widget not in this build has no files: its import fails, and the element says it did not load.
  const load = <T>(files: string[] = []): Promise<T> =>
    import(/* @vite-ignore */ base + files[0]).catch(
      () => new Promise((retry) => setTimeout(() => retry(import(/* @vite-ignore */ `${base + files[0]}?retry=${Date.now()}`)), 600)),
    );
  const preload = (name: string, language: Language) => {
    for (const file of [...manifest.runtime, ...(manifest.widgets[name] ?? []), ...(manifest.messages[name]?.[language] ?? [])])
      preloaded[file] ??= document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: base + file, nonce }));
    // A page's first use of Intl costs 50–100 ms of CPU (ICU loads its data; 4× that on a slow phone), and every widget
    // formats money or dates in its first render: pay it while the code downloads, when the main thread is idle
    // (once it is loaded, a call costs next to nothing). Measured: the whole wait beats starting as the first file
    // arrives, which leaves too little of the download to hide it in.
    (window.requestIdleCallback ?? setTimeout)(() => new Date().toLocaleString());
  };
  return {
    runtime: () => load(manifest.runtime),
    widget(name, language) {
      preload(name, language);
      return load(manifest.widgets[name]);
    },
    preload,
  };
}
