// With its extension: vite.config.ts imports this file, and Vite's config loader wants them.
import { reserveCss, type WidgetSpec } from '../../widgets/specs.ts';

/**
 * What the loader carries of a widget: only what it reads before the runtime
 * arrives. The build writes these into `teppan.js` from the specs (attributes,
 * instance ids and props are the runtime's business), so no byte of the loader
 * holds a field it does not use. (A spec's `wakeOn` is the runtime's too: only
 * another widget raises it.)
 */
export interface LoaderSpec {
  name: string;
  /** For "Show the …". */
  label: string;
  /** The reserved size, as CSS (`reserveCss`). */
  css: string;
  launcher?: WidgetSpec['launcher'];
}

export const loaderSpec = (spec: WidgetSpec): LoaderSpec => ({
  name: spec.name,
  label: spec.label,
  css: reserveCss(spec),
  ...(spec.launcher ? { launcher: spec.launcher } : {}),
});
