import type { LogHook } from '../core';
import type { WidgetModule } from './loader/chunks';
import type { LoaderContext } from './loader/context';

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

/** What the runtime chunk exports to the loader. */
export interface EmbedRuntime {
  /**
   * Renders the widget into `host`'s shadow root (its `[part=slot]`); the host's tag names the widget and its
   * attributes are the props, which the runtime watches. `widget` is the widget's chunk, or why it did not load
   * (the runtime then says so and offers a retry). The loader passes itself: the settings, the catalog it
   * requested in parallel with the code, and its code source (for a widget shown inside another: the booking
   * form's deposit). Positional, not an options object: the loader spells out every name it passes, on every page.
   * Undefined when nothing was mounted (a launcher widget whose chunk did not load): the element loads afresh when next asked.
   */
  mount(host: HTMLElement, widget: WidgetModule | string, loader: LoaderContext): MountedWidget | undefined;
}
