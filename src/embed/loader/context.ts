import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';

/** A Teppan element, as the rest of the loader (and the runtime) sees it. */
export interface WidgetElement extends HTMLElement {
  /** Load now, whatever `loading` says: true when this started the load (it was waiting). */
  wake(): boolean;
  /** A launcher widget (the chat): load it if need be, and open it. */
  open(): void;
  /** Picks its first screen again (another element came or went). */
  _fit(): void;
}

/** What every element of the page shares: settings, code and the first catalog read. */
export interface LoaderContext {
  /**
   * The page's settings: one object for the page, which Teppan('init', …) updates in place. Complete (it has a
   * key) once `configured` has resolved.
   */
  config: EmbedConfig;
  /** Resolves once there is a key: from the script tag at once, else from the first Teppan('init', …) that gives one. */
  configured: Promise<unknown>;
  chunks: ChunkSource;
  /** The catalog, requested once per page (per key and API) as soon as any element starts loading. */
  catalog(): Promise<Response>;
  /** The page's connected elements, wherever they are (inside other shadow roots too). */
  elements: Set<WidgetElement>;
}
