import type { EmbedConfig } from '../types';
import type { ChunkSource } from './chunks';

/** What every element of the page shares: settings, code, the first catalog read, and who is alive. */
export interface LoaderContext {
  config(): EmbedConfig | undefined;
  /** Runs `then` once Teppan('init', …) supplies a key (at once if there is one). */
  whenConfigured(then: () => void): void;
  chunks: ChunkSource;
  /** The catalog, requested once per page as soon as any element starts loading. */
  catalog(config: EmbedConfig): Promise<Response> | undefined;
  elements: Set<HTMLElement>;
  mounted: Set<HTMLElement>;
}
