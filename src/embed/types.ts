import type { LogHook } from '../core';
import type { ChunkSource } from './loader/chunks';

/** The page's Teppan settings: from the script tag's data-key / data-api, or Teppan('init', …). */
export interface EmbedConfig {
  key: string;
  api: string;
  locale?: string | undefined;
  onLog?: LogHook;
}

/** One mounted widget, as the loader holds it. */
export interface MountedWidget {
  unmount(): void;
}

export interface MountOptions {
  /** The element: its attributes are the widget's props, watched by the runtime. */
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  /** The widget's spec name. */
  name: string;
  /** The widget's chunk, or undefined when it did not load (the runtime then says so, and offers a retry). */
  widget: import('./loader/chunks').WidgetModule | undefined;
  config: EmbedConfig;
  /** The catalog response the loader requested in parallel with the code, if any. */
  catalog: Promise<Response> | undefined;
  /**
   * The loader's code source, for one widget shown inside another (the booking
   * form's deposit): its chunks, preloads and retry.
   */
  chunks: ChunkSource;
}

/** What the runtime chunk exports to the loader. */
export interface EmbedRuntime {
  /** Undefined when nothing was mounted (a launcher widget whose chunk did not load): the element loads afresh when next asked. */
  mount(options: MountOptions): MountedWidget | undefined;
}
