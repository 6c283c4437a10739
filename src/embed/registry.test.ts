import { describe, expect, it } from 'vitest';
import { reserveCss } from '../widgets/sizes';
import { camelCase, propsFromAttributes, WIDGETS } from './registry';

const element = (attrs: Record<string, string>) => ({ getAttribute: (name: string) => attrs[name] ?? null }) as unknown as Element;
const quote = WIDGETS.find((w) => w.name === 'quote');

describe('attributes → props', () => {
  it('are the kebab-case of the props, numbers parsed, junk left out', () => {
    if (!quote) throw new Error('no quote widget');
    expect(camelCase('default-event-date')).toBe('defaultEventDate');
    expect(propsFromAttributes(quote, element({ 'default-adults': '12', 'default-children': 'lots', 'booking-url': '/book', 'not-a-prop': 'x' }))).toEqual({
      defaultAdults: 12,
      bookingUrl: '/book',
    });
    expect(propsFromAttributes(quote, element({ 'default-adults': ' ' }))).toEqual({});
  });

  it('every widget has a distinct teppan- element', () => {
    const tags = WIDGETS.map((w) => w.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.every((t) => t.startsWith('teppan-'))).toBe(true);
  });
});

describe('reserved size', () => {
  it('steps up as the widget narrows, each step below the one before', () => {
    expect(reserveCss('quote').split('\n')).toEqual([
      '.teppan-slot { min-height: 44em; }',
      '@container (max-width: 48.99em) { .teppan-slot { min-height: 58em; } }',
      '@container (max-width: 35.99em) { .teppan-slot { min-height: 62em; } }',
      '@container (max-width: 24.99em) { .teppan-slot { min-height: 76em; } }',
    ]);
  });
});
