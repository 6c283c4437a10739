import type { ComponentType } from 'react';
import type { WidgetSpec } from '../../widgets/specs';
import type { EmbedRuntime } from '../types';

/** File lists written into the loader at build time: each entry first, then what it imports. */
export interface Manifest {
  runtime: string[];
  widgets: Record<string, string[]>;
}

export type WidgetModule = { default: ComponentType<Record<string, unknown>> };

/** How the loader gets code: split chunks fetched on demand, or everything already in one bundle. */
export interface ChunkSource {
  runtime(): Promise<EmbedRuntime>;
  widget(spec: WidgetSpec): Promise<WidgetModule>;
  /** Starts every file a widget needs downloading at once, so nothing waits on an import chain. */
  preload(spec: WidgetSpec): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Chunks next to the loader, preloaded with <link rel="modulepreload"> (carrying
 * the loader's nonce, for nonce-based CSPs) and imported with one retry; the
 * retry asks for a fresh URL, since a failed module fetch may be remembered.
 */
export function splitChunks(manifest: Manifest, base: string, nonce: string): ChunkSource {
  const preloaded = new Set<string>();
  const url = (file: string) => new URL(file, base).href;
  const load = async <T>(file: string): Promise<T> => {
    try {
      return (await import(/* @vite-ignore */ url(file))) as T;
    } catch {
      await sleep(600);
      return (await import(/* @vite-ignore */ `${url(file)}?retry=${Date.now()}`)) as T;
    }
  };
  const entry = (files: string[] | undefined) => {
    const first = files?.[0];
    if (!first) throw new Error('Teppan: no such widget here.');
    return first;
  };
  return {
    runtime: () => load<EmbedRuntime>(entry(manifest.runtime)),
    widget: (spec) => load<WidgetModule>(entry(manifest.widgets[spec.name])),
    preload(spec) {
      for (const file of [...manifest.runtime, ...(manifest.widgets[spec.name] ?? [])]) {
        if (preloaded.has(file)) continue;
        preloaded.add(file);
        const link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = url(file);
        if (nonce) link.nonce = nonce;
        document.head.append(link);
      }
    },
  };
}
