import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, resolveLocale } from '../../core/i18n/locale';
import { LOADER_TEXTS, languageOf } from './texts';

afterEach(() => vi.unstubAllGlobals());

/** A page and an element as the loader sees them. */
function situation(attribute: string | null, configured: string | undefined, pageLang: string, browser: string[]) {
  vi.stubGlobal('document', { documentElement: { lang: pageLang } });
  vi.stubGlobal('navigator', { languages: browser });
  const element = { getAttribute: () => attribute } as unknown as Element;
  return { loader: languageOf(element, configured), widget: resolveLocale([attribute, configured], { pageLang, browser }).language };
}

describe('the loader’s language', () => {
  it('is the one the widget will speak, setting by setting (the loader keeps a smaller copy of the precedence)', () => {
    const cases: [string | null, string | undefined, string, string[]][] = [
      ['es', undefined, 'en', []],
      [null, 'es-MX', 'en', []],
      ['', undefined, 'es', []],
      [null, ' ', 'ES', []],
      ['en', 'es', 'es', []],
      ['fr', undefined, 'es', ['es']],
      ['es_MX', undefined, 'en', []],
      ['español', undefined, 'en', []],
      ['auto', 'en', 'en', ['es-MX', 'en-US']],
      [null, 'AUTO', 'en', ['fr-FR', 'es-419', 'en']],
      [null, undefined, 'auto', ['en-US', 'es']],
      ['auto', undefined, 'es', ['de-DE', 'fr']],
      [null, undefined, '', []],
    ];
    for (const [attribute, configured, pageLang, browser] of cases) {
      const { loader, widget } = situation(attribute, configured, pageLang, browser);
      expect({ attribute, configured, pageLang, browser, language: loader }).toEqual({ attribute, configured, pageLang, browser, language: widget });
    }
    // And the table reaches both languages through each setting.
    expect(situation(null, undefined, 'es-US', []).loader).toBe('es');
    expect(situation('auto', undefined, 'en', ['es-MX']).loader).toBe('es');
  });

  it('has its sentences in every language, with the widget’s label in them', () => {
    expect(Object.keys(LOADER_TEXTS).sort()).toEqual([...LANGUAGES].sort());
    expect(LOADER_TEXTS.en.show('the quote calculator')).toBe('Show the quote calculator');
    expect(LOADER_TEXTS.es.retry('el cotizador')).toBe('Intentar de nuevo: el cotizador no se cargó');
  });
});
