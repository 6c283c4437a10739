import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetProblems } from '../../scripts/budgets.mjs';
import { widgetEntry } from '../../scripts/widget-entries.mjs';
import { bookingSpec } from './booking/spec';
import { quoteSpec } from './quote/spec';
import { screenMinHeight } from './screens';
import { tagOf, WIDGET_SPECS } from './specs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('widget registry', () => {
  it('holds the five public elements (DESIGN.md), each name distinct and valid in a custom element’s name', () => {
    const names = WIDGET_SPECS.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(WIDGET_SPECS.map(tagOf)).toEqual(expect.arrayContaining(['teppan-quote', 'teppan-booking', 'teppan-payment', 'teppan-chat', 'teppan-manage']));
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*$/);
  });

  // Imports every component: its first transform is slow on a busy machine.
  it('each widget’s entry, in its folder, default-exports its component', { timeout: 30_000 }, async () => {
    for (const spec of WIDGET_SPECS) {
      const module: { default?: unknown } = await import(widgetEntry(ROOT, spec));
      expect(typeof module.default, `${spec.name}: ${spec.entry}`).toBe('function');
    }
  });

  it('a spec naming a missing entry stops the build, naming the widget', () => {
    expect(() => widgetEntry(ROOT, { ...quoteSpec, entry: './Gone.tsx' })).toThrow('Widget quote: its entry ./Gone.tsx is not in src/widgets/quote/');
  });

  it('each widget has a first-load budget, and each budget a widget', () => {
    expect(
      budgetProblems(
        BUDGETS,
        WIDGET_SPECS.map((w) => w.name),
      ),
    ).toEqual([]);
    expect(budgetProblems({ firstLoad: { quote: 1, manage: 1 } }, ['quote', 'booking'])).toEqual([
      'Widget booking has no first-load budget: add "booking" to firstLoad in size-budgets.json.',
      'size-budgets.json budgets a first load for "manage", which is no widget: remove or rename it.',
    ]);
  });

  it('an instance attribute is one of the element’s attributes', () => {
    for (const spec of WIDGET_SPECS) if (spec.instanceAttribute) expect(Object.keys(spec.attributes)).toContain(spec.instanceAttribute);
  });
});

describe('reserved size', () => {
  it('at full width is the widest step', () => {
    expect([screenMinHeight(quoteSpec, ''), screenMinHeight(bookingSpec, '')]).toEqual(['44em', '46.5em']);
  });
});
