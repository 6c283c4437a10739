import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { widgetEntry } from '../../scripts/widget-entries.mjs';
import { bookingSpec } from './booking/spec';
import { quoteSpec } from './quote/spec';
import { minHeight, tagOf, WIDGET_SPECS } from './specs';

const ROOT = resolve(import.meta.dirname, '../..');

describe('widget specs', () => {
  it('every widget has a distinct name, and so a distinct element, valid as a custom element name', () => {
    const names = WIDGET_SPECS.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    expect(WIDGET_SPECS.map(tagOf)).toEqual(['teppan-quote', 'teppan-booking', 'teppan-payment', 'teppan-chat']);
    expect(WIDGET_SPECS.every((w) => /^[a-z][a-z0-9]*$/.test(w.name))).toBe(true);
  });

  it('each widget’s folder has exactly one default-exported component: its build entry', () => {
    for (const spec of WIDGET_SPECS) {
      const file = widgetEntry(ROOT, spec.name);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/^export default function [A-Z]\w*\(/m);
    }
  });

  it('an instance attribute is one of the element’s attributes', () => {
    for (const spec of WIDGET_SPECS) if (spec.instanceAttribute) expect(Object.keys(spec.attributes)).toContain(spec.instanceAttribute);
  });
});

describe('reserved size', () => {
  it('at full width is the widest step', () => {
    expect([minHeight(quoteSpec), minHeight(bookingSpec)]).toEqual(['44em', '46.5em']);
  });
});
