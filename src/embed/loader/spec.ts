// With its extension: vite.config.ts imports this file, and Vite's config loader wants them.
import type { WidgetSpec } from '../../widgets/specs.ts';
import { reserveCss } from './reserve.ts';

/**
 * What the loader carries of a widget: only what it reads before the runtime
 * arrives. The build writes these into `teppan.js` from the specs (attributes,
 * instance ids and props are the runtime's business), so no byte of the loader
 * holds a field it does not use. (A spec's `wakeOn` is the runtime's too: only
 * another widget raises it.)
 */
export interface LoaderSpec {
  name: string;
  /** For "Show the …"; a launcher widget has none (it waits behind its button). */
  label?: string;
  /**
   * The reserved size, as CSS the build writes (`reserveCss`): measured, it gzips smaller than the spec's numbers
   * and the code that would turn them into rules. A launcher widget takes no place.
   */
  reserve?: string;
  launcher?: WidgetSpec['launcher'];
}

export const loaderSpec = (spec: WidgetSpec): LoaderSpec =>
  spec.launcher ? { name: spec.name, launcher: spec.launcher } : { name: spec.name, label: spec.label, reserve: reserveCss(spec.reserve) };
