/**
 * The same loader with everything bundled in one file, no chunks: only the
 * baseline the first-load benchmark compares the split build against.
 */
import { WIDGET_SPECS } from '../widgets/specs';
import type { WidgetModule } from './loader/chunks';
import { setupTeppan } from './loader/setup';
import { loaderSpec } from './loader/spec';
import * as runtime from './runtime';

// Every component module of every widget's folder, bundled in (tests and stories left out); each spec names its entry.
const modules = import.meta.glob<WidgetModule>(['../widgets/*/*.tsx', '!../widgets/**/*.test.tsx', '!../widgets/**/*.stories.tsx'], { eager: true });

setupTeppan(document.currentScript as HTMLScriptElement | null, WIDGET_SPECS.map(loaderSpec), () => ({
  runtime: async () => runtime,
  widget: async (name) => {
    const spec = WIDGET_SPECS.find((s) => s.name === name);
    const widget = spec && modules[`../widgets/${name}/${spec.entry.slice(2)}`];
    if (!widget) throw new Error('Teppan: this widget is not in this build.');
    return widget;
  },
  preload: () => {},
}));
