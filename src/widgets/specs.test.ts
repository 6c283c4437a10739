import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookingSpec } from './booking/spec';
import { quoteSpec } from './quote/spec';
import { minHeight, reserveCss, WIDGET_SPECS, widgetEntry } from './specs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('widget specs', () => {
  it('every widget has a distinct name and teppan- element', () => {
    const tags = WIDGET_SPECS.map((w) => w.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(new Set(WIDGET_SPECS.map((w) => w.name)).size).toBe(tags.length);
    expect(tags.every((t) => t.startsWith('teppan-'))).toBe(true);
  });

  it('each build entry is the widget’s component, default-exported, in its own folder', () => {
    for (const spec of WIDGET_SPECS) {
      const file = resolve(ROOT, widgetEntry(spec));
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`export default function ${spec.component}(`);
    }
  });

  it('an instance attribute is one of the element’s attributes', () => {
    for (const spec of WIDGET_SPECS) if (spec.instanceAttribute) expect(Object.keys(spec.attributes)).toContain(spec.instanceAttribute);
  });
});

describe('reserved size', () => {
  it('steps up as the widget narrows, each step below the one before', () => {
    expect(reserveCss(quoteSpec).split('\n')).toEqual([
      '.teppan-slot { min-height: 44em; }',
      '@container (max-width: 48.99em) { .teppan-slot { min-height: 58em; } }',
      '@container (max-width: 35.99em) { .teppan-slot { min-height: 62em; } }',
      '@container (max-width: 24.99em) { .teppan-slot { min-height: 76em; } }',
    ]);
  });

  it('at full width is the widest step', () => {
    expect([minHeight(quoteSpec), minHeight(bookingSpec)]).toEqual(['44em', '46em']);
  });
});
