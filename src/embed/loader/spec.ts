// With its extension: vite.config.ts imports this file, and Vite's config loader wants them.
import type { ScreenSpec } from '../../widgets/screens.ts';
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
  /** For "Show …" and "Try again: …", in each language; a launcher widget has none (it waits behind its button). */
  label?: WidgetSpec['label'];
  /**
   * The reserved size, as CSS the build writes (`reserveCss`): measured, it gzips smaller than the spec's numbers
   * and the code that would turn them into rules. A launcher widget takes no place. Each of its `screens` has rules
   * of its own, for the slot whose `data-screen` names it.
   */
  reserve?: string;
  /** Its other first screens, without their reserves (those are in `reserve`): the loader picks one (src/widgets/screens.ts). */
  screens?: Pick<ScreenSpec, 'name' | 'when'>[];
  launcher?: WidgetSpec['launcher'];
}

export function loaderSpec(spec: WidgetSpec): LoaderSpec {
  if (spec.launcher) return { name: spec.name, launcher: spec.launcher };
  const screens = spec.screens ?? [];
  // The default screen's rules first: a screen's, as specific and later, win over them at every width.
  const reserve = reserveCss(spec.reserve) + screens.map((s) => reserveCss(s.reserve, `[data-screen=${s.name}]`)).join('');
  return { name: spec.name, label: spec.label, reserve, ...(screens.length && { screens: screens.map(({ name, when }) => ({ name, when })) }) };
}
