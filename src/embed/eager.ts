/**
 * The same loader with everything bundled in one file, no chunks: only the
 * baseline the first-load benchmark compares the split build against.
 */
import { WIDGET_SPECS } from '../widgets/specs';
import type { WidgetModule } from './loader/chunks';
import { setupTeppan } from './loader/setup';
import { loaderSpec } from './loader/spec';
import * as runtime from './runtime';

// Every widget's component, bundled in: in each widget's folder, the one module with a default export (tests left out).
const widgets = import.meta.glob<WidgetModule>(['../widgets/*/*.tsx', '!../widgets/**/*.test.tsx'], { eager: true });

setupTeppan(document.currentScript as HTMLScriptElement | null, WIDGET_SPECS.map(loaderSpec), () => ({
  runtime: async () => runtime,
  widget: async (name) => {
    const widget = Object.entries(widgets).find(([path, m]) => path.startsWith(`../widgets/${name}/`) && m.default)?.[1];
    if (!widget) throw new Error('Teppan: this widget is not in this build.');
    return widget;
  },
  preload: () => {},
}));
