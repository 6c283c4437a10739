import { describe, expect, it } from 'vitest';
import { camelCase, type WidgetSpec } from '../widgets/specs';
import { propsFromAttributes } from './attributes';

const element = (attrs: Record<string, string>) => ({ getAttribute: (name: string) => attrs[name] ?? null }) as unknown as Element;

const spec: WidgetSpec = {
  name: 'test',
  entry: './Test.tsx',
  label: { en: 'the test', es: 'la prueba' },
  attributes: { 'default-adults': 'number', 'default-children': 'number', 'booking-url': 'string', compact: 'boolean' },
  reserve: [[0, 10]],
};

describe('attributes → props', () => {
  it('are the kebab-case of the props, numbers parsed, junk left out', () => {
    expect(camelCase('default-event-date')).toBe('defaultEventDate');
    expect(propsFromAttributes(spec, element({ 'default-adults': '12', 'default-children': 'lots', 'booking-url': '/book', 'not-a-prop': 'x' }))).toEqual({
      defaultAdults: 12,
      bookingUrl: '/book',
    });
    expect(propsFromAttributes(spec, element({ 'default-adults': ' ' }))).toEqual({});
  });

  it('a boolean is true when present, false only when it says "false"', () => {
    expect(propsFromAttributes(spec, element({ compact: '' }))).toEqual({ compact: true });
    expect(propsFromAttributes(spec, element({ compact: 'compact' }))).toEqual({ compact: true });
    expect(propsFromAttributes(spec, element({ compact: 'false' }))).toEqual({ compact: false });
    expect(propsFromAttributes(spec, element({}))).toEqual({});
  });
});
