import { describe, expect, it } from 'vitest';
import type { Translation } from './translate';
import { translator } from './translate';

const en = {
  guests: { one: '{count} adult', other: '{count} adults' },
  hello: 'Hello, {name}.',
  plain: 'Book this quote',
} as const;

const es = {
  guests: { one: '{count} adulto', other: '{count} adultos' },
  hello: 'Hola, {name}.',
  plain: 'Reservar este presupuesto',
} satisfies Translation<typeof en>;

describe('translator', () => {
  it('picks the plural form by the language’s rules', () => {
    const t = translator(en, { language: 'es', tag: 'es' }, es);
    expect([0, 1, 2, 21].map((count) => t('guests', { count }))).toEqual(['0 adultos', '1 adulto', '2 adultos', '21 adultos']);
    const english = translator(en);
    expect([0, 1, 2].map((count) => english('guests', { count }))).toEqual(['0 adults', '1 adult', '2 adults']);
  });

  it('fills placeholders, and leaves text without any as it is', () => {
    const t = translator(en, { language: 'es', tag: 'es-MX' }, es);
    expect(t('hello', { name: 'Ana' })).toBe('Hola, Ana.');
    expect(t('plain')).toBe('Reservar este presupuesto');
  });

  it('falls back to English for a key the translation lacks (a stale chunk), never to the key', () => {
    const stale = { guests: es.guests } as unknown as Translation<typeof en>;
    const t = translator(en, { language: 'es', tag: 'es' }, stale);
    expect(t('plain')).toBe('Book this quote');
    expect(t('guests', { count: 1 })).toBe('1 adulto');
  });

  it('uses a plural’s `other` form when the language’s category is not given', () => {
    const t = translator({ n: { other: '{count} things' } } as const, { language: 'en', tag: 'en' });
    expect(t('n', { count: 1 })).toBe('1 things');
  });
});

// Catalogs that do not match English fail to compile: the build is the check.
// @ts-expect-error a missing key
({ guests: es.guests, hello: es.hello }) satisfies Translation<typeof en>;
// @ts-expect-error an extra key
({ ...es, extra: 'x' }) satisfies Translation<typeof en>;
// @ts-expect-error a plain string where English has a plural
({ ...es, guests: 'adultos' }) satisfies Translation<typeof en>;
// @ts-expect-error a placeholder's value is required
translator(en)('hello');
