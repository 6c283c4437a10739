import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale';

const page = (pageLang?: string, browser?: string[]) => ({ pageLang, browser });

describe('resolveLocale', () => {
  it('takes the nearest setting: the widget’s, then the provider’s or loader’s, then the page’s, then English', () => {
    expect(resolveLocale(['es', 'en'], page('en'))).toEqual({ language: 'es', tag: 'es' });
    expect(resolveLocale([undefined, 'es-MX'], page('en'))).toEqual({ language: 'es', tag: 'es-MX' });
    expect(resolveLocale([undefined, ''], page('es'))).toEqual({ language: 'es', tag: 'es' });
    expect(resolveLocale([null, undefined], page(''))).toEqual({ language: 'en', tag: 'en' });
    expect(resolveLocale([], {})).toEqual({ language: 'en', tag: 'en' });
  });

  it('keeps the region for formatting and ignores case', () => {
    expect(resolveLocale(['ES-mx'], {})).toEqual({ language: 'es', tag: 'es-MX' });
    expect(resolveLocale([], page('en-GB'))).toEqual({ language: 'en', tag: 'en-GB' });
  });

  it('speaks English for a language it does not speak, or a tag that is not one, even when the page is Spanish', () => {
    expect(resolveLocale(['fr'], page('es'))).toEqual({ language: 'en', tag: 'en' });
    expect(resolveLocale(['español'], page('es'))).toEqual({ language: 'en', tag: 'en' });
    expect(resolveLocale(['es_MX'], {})).toEqual({ language: 'en', tag: 'en' });
  });

  it('auto is the first of the browser’s languages it speaks, by base language', () => {
    expect(resolveLocale(['auto'], page('en', ['es-MX', 'en-US']))).toEqual({ language: 'es', tag: 'es-MX' });
    expect(resolveLocale([undefined, 'AUTO'], page('en', ['fr-FR', 'es-419', 'en']))).toEqual({ language: 'es', tag: 'es-419' });
    expect(resolveLocale([], page('auto', ['en-US', 'es']))).toEqual({ language: 'en', tag: 'en-US' });
    expect(resolveLocale(['auto'], page('es', ['de-DE', 'fr']))).toEqual({ language: 'en', tag: 'en' });
    expect(resolveLocale(['auto'], {})).toEqual({ language: 'en', tag: 'en' });
  });
});
