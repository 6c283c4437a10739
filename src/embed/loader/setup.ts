import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';
import type { LoaderContext, WidgetElement } from './context';
import { elementClass } from './element';
import { type Command, createQueue } from './queue';
import type { LoaderSpec } from './spec';
import { languageOf } from './texts';

declare global {
  interface Window {
    /** Before the loader: the snippet's stub, its calls' `arguments` queued in `q`. */
    Teppan?: ((...command: Command) => void) & { q?: ArrayLike<unknown>[] };
  }
}

/**
 * Reads the script tag, defines the elements, and replays the queue. `script` is the loader's own <script>, for
 * data-key, data-api and the folder its chunks are in; `chunks` makes the code source from that folder's URL
 * (with its slash) and the script's nonce. (Positional: the loader's one call spells out no names.)
 */
export function setupTeppan(script: HTMLScriptElement | null, specs: LoaderSpec[], chunks: (base: string, nonce: string) => ChunkSource): void {
  if ((window.Teppan as { version?: string } | undefined)?.version) return; // loaded twice: the first one serves
  const src = script?.src ?? document.baseURI;
  // The script tag's data-key, data-api and data-locale; the API defaults to the loader's own origin.
  const api = new URL(src).origin;
  const config = { api, ...script?.dataset } as EmbedConfig;
  let configure!: () => void;
  const catalogs: Record<string, Promise<Response>> = {};
  const ctx: LoaderContext = {
    config,
    configured: new Promise<void>((resolve) => {
      configure = resolve;
    }),
    chunks: chunks(new URL('.', src).href, script?.nonce ?? ''), // the loader's folder: its chunks are file names in it
    catalog() {
      const url = `${config.api.replace(/\/+$/, '')}/api/v1/catalog?key=${encodeURIComponent(config.key)}`;
      // A simple CORS GET (key as a parameter), in parallel with the code; the runtime validates it. Credentials as the
      // runtime's own calls have them (fetch's default: cookies only to the page's own origin).
      // biome-ignore lint/suspicious/noAssignInExpressions: one expression is 7 B less of the loader than two statements
      return (catalogs[url] ??= fetch(url).catch(Response.error));
    },
    elements: new Set(),
  };
  if (config.key) configure();
  const named = (name: string) => specs.find((spec) => name === spec.name || name === `teppan-${spec.name}`);

  // Defined before the queue replays, so a queued Teppan('open') finds the page's elements upgraded.
  for (const spec of specs) customElements.define(`teppan-${spec.name}`, elementClass(spec, ctx));

  createQueue({
    init(c) {
      // Its fields replace the script tag's; an API left empty (`api: process.env.X` unset) is the default again.
      Object.assign(config, c);
      config.api ||= api;
      if (!config.key) return console.error('Teppan: init needs a key');
      configure();
    },
    preload(name) {
      const spec = named(name);
      if (spec) ctx.chunks.preload(spec.name, languageOf(null, config.locale));
    },
    open(name) {
      const spec = named(name);
      if (!spec?.launcher) return console.warn('Teppan: only the chat opens');
      // The page's element (in the document or any shadow root), or one of our own.
      const tag = `teppan-${spec.name}`;
      ([...ctx.elements].find((el) => el.localName === tag) ?? (document.body.appendChild(document.createElement(tag)) as WidgetElement)).open();
    },
  });
}
