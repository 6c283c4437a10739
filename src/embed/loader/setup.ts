import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';
import type { LoaderContext, WidgetElement } from './context';
import { elementClass } from './element';
import { type Command, createQueue } from './queue';
import type { LoaderSpec } from './spec';

declare global {
  interface Window {
    Teppan?: ((...command: Command) => void) & { q?: ArrayLike<unknown>[] };
  }
}

export interface LoaderOptions {
  /** The loader's own <script>, for data-key, data-api and the base URL of its chunks. */
  script: HTMLScriptElement | null;
  specs: LoaderSpec[];
  chunks: (base: string, nonce: string) => ChunkSource;
}

/** Reads the script tag, replays the queue, and defines the elements. */
export function setupTeppan({ script, specs, chunks }: LoaderOptions): void {
  if ((window.Teppan as { version?: string } | undefined)?.version) return; // loaded twice: the first one serves
  const src = script?.src ?? document.baseURI;
  const origin = new URL(src).origin;
  const data = script?.dataset ?? {};
  let config: EmbedConfig | undefined = data.key ? { key: data.key, api: data.api ?? origin, locale: data.locale } : undefined;
  const waiting: (() => void)[] = [];
  let catalog: Promise<Response> | undefined;
  let catalogFor = '';
  const ctx: LoaderContext = {
    config: () => config,
    whenConfigured: (then) => (config ? then() : waiting.push(then)),
    chunks: chunks(new URL('.', src).href, script?.nonce ?? ''),
    catalog(c) {
      const url = `${c.api.replace(/\/+$/, '')}/api/v1/catalog?key=${encodeURIComponent(c.key)}`;
      // A simple CORS GET (key as a parameter), in parallel with the code; the runtime validates it.
      if (catalogFor !== url) {
        catalogFor = url;
        catalog = fetch(url, { credentials: 'omit' }).catch(() => Response.error());
      }
      return catalog;
    },
  };
  const tagged = (name: string) => specs.find((spec) => name === spec.name || name === `teppan-${spec.name}`);

  createQueue({
    init(c) {
      const key = c.key ?? config?.key;
      if (!key) return console.error('Teppan: init needs a key');
      config = { ...config, ...c, key, api: c.api ?? config?.api ?? origin };
      for (const then of waiting.splice(0)) then();
    },
    preload(name) {
      const spec = tagged(name);
      if (spec) ctx.chunks.preload(spec.name);
    },
    open(name) {
      const spec = tagged(name);
      if (!spec?.launcher) return console.warn('Teppan: only the chat opens');
      // Once the elements exist (a queued call replays before they are defined): the page's, or one of our own.
      const tag = `teppan-${spec.name}`;
      customElements
        .whenDefined(tag)
        .then(() => ((document.querySelector(tag) ?? document.body.appendChild(document.createElement(tag))) as WidgetElement).open());
    },
  });

  for (const spec of specs) if (!customElements.get(`teppan-${spec.name}`)) customElements.define(`teppan-${spec.name}`, elementClass(spec, ctx));
}
