import type { LogHook } from '../core';
import type { WidgetSpec } from '../widgets/specs';

/** The page's Teppan settings: from the script tag's data-key / data-api, or Teppan('init', …). */
export interface EmbedConfig {
  key: string;
  api: string;
  locale?: string;
  onLog?: LogHook;
}

/** One mounted widget, as the loader holds it. */
export interface MountedWidget {
  update(props: Record<string, unknown>): void;
  unmount(): void;
}

export interface MountOptions {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  spec: WidgetSpec;
  /** The widget chunk's default export. */
  widget: import('react').ComponentType<Record<string, unknown>>;
  props: Record<string, unknown>;
  config: EmbedConfig;
  /** The catalog response the loader requested in parallel with the code, if any. */
  catalog: Promise<Response> | undefined;
  /**
   * Another widget's code, for one widget shown inside another (the booking
   * form's deposit): through the loader's own chunks, preloads and retry.
   */
  loadWidget(spec: WidgetSpec): Promise<import('./loader/chunks').WidgetModule>;
}

/** What the runtime chunk exports to the loader. */
export interface EmbedRuntime {
  mount(options: MountOptions): MountedWidget;
}
