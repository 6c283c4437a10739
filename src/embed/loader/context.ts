import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';

/** A Teppan element, as the rest of the loader (and the runtime) sees it. */
export interface WidgetElement extends HTMLElement {
  /** Load now, whatever `loading` says: true when this started the load (it was waiting). */
  wake(): boolean;
  /** A launcher widget (the chat): load it if need be, and open it. */
  open(): void;
}

/** What every element of the page shares: settings, code and the first catalog read. */
export interface LoaderContext {
  config(): EmbedConfig | undefined;
  /** Runs `then` once Teppan('init', …) supplies a key (at once if there is one). */
  whenConfigured(then: () => void): void;
  chunks: ChunkSource;
  /** The catalog, requested once per page as soon as any element starts loading. */
  catalog(config: EmbedConfig): Promise<Response> | undefined;
}
