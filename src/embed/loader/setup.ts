import { tagOf, WIDGET_SPECS } from '../../widgets/specs';
import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';
import type { LoaderContext, WidgetElement } from './context';
import { elementClass } from './element';
import { type Command, createQueue } from './queue';

declare global {
  interface Window {
    Teppan?: ((...command: Command) => void) & { q?: ArrayLike<unknown>[] };
  }
}

export interface LoaderOptions {
  /** The loader's own <script>, for data-key, data-api and the base URL of its chunks. */
  script: HTMLScriptElement | null;
  chunks: (base: string, nonce: string) => ChunkSource;
}

const specNamed = (name: string) => WIDGET_SPECS.find((w) => w.name === name || tagOf(w) === name);

/** Reads the script tag, replays the queue, and defines the elements. */
export function setupTeppan({ script, chunks }: LoaderOptions): void {
  if ((window.Teppan as { version?: string } | undefined)?.version) return; // loaded twice: the first one serves
  const src = script?.src ?? document.baseURI;
  const base = new URL('.', src).href;
  let config: EmbedConfig | undefined;
  const fromTag = script?.dataset.key;
  if (fromTag) config = { key: fromTag, api: script?.dataset.api ?? new URL(src).origin, ...(script?.dataset.locale ? { locale: script.dataset.locale } : {}) };

  const waiting: (() => void)[] = [];
  let catalog: Promise<Response> | undefined;
  let catalogFor = '';
  const ctx: LoaderContext = {
    config: () => config,
    whenConfigured(then) {
      if (config) then();
      else waiting.push(then);
    },
    chunks: chunks(base, script?.nonce ?? ''),
    catalog(c) {
      const id = `${c.api}|${c.key}`;
      if (catalogFor !== id) {
        catalogFor = id;
        // A simple CORS GET (key as a parameter), in parallel with the code; the runtime validates it.
        catalog = fetch(`${c.api.replace(/\/+$/, '')}/api/v1/catalog?key=${encodeURIComponent(c.key)}`, { credentials: 'omit' }).catch(() => Response.error());
      }
      return catalog;
    },
    elements: new Set(),
  };

  createQueue({
    init: (c) => {
      const key = c.key ?? config?.key;
      if (!key) return console.error("Teppan('init') needs a key.");
      config = { ...config, ...c, key, api: c.api ?? config?.api ?? new URL(src).origin };
      for (const then of waiting.splice(0)) then();
    },
    preload: (name) => {
      const spec = specNamed(name);
      if (spec) ctx.chunks.preload(spec);
    },
    open: (name) => {
      const spec = specNamed(name);
      if (!spec?.launcher) return console.warn(`Teppan('open'): only 'chat' opens.`);
      // Once the elements exist (a queued call replays before they are defined): the page's, or one of our own.
      const tag = tagOf(spec);
      void customElements.whenDefined(tag).then(() => {
        let el = [...ctx.elements].find((e) => e.localName === tag);
        if (!el) {
          el = document.createElement(tag) as WidgetElement;
          document.body.append(el);
        }
        el.open();
      });
    },
  });

  for (const spec of WIDGET_SPECS) {
    const tag = tagOf(spec);
    if (!customElements.get(tag)) customElements.define(tag, elementClass(spec, ctx));
    const wakeOn = spec.wakeOn;
    if (wakeOn) {
      document.addEventListener(wakeOn.event, () => {
        for (const el of ctx.elements) {
          const pinned = wakeOn.unlessAttribute !== undefined && el.hasAttribute(wakeOn.unlessAttribute);
          if (el.localName === tag && !pinned) el.wake();
        }
      });
    }
  }
}
