import { use, useMemo } from 'react';
import { type Catalog, type Locale, loadTranslation, pageEnvironment, resolveLocale, type Translate, type TranslationLoaders, translator } from '../core';
import { useTeppan } from '../query';

export interface Messages<C extends Catalog> {
  t: Translate<C>;
  /** What the widget speaks; `locale.tag` formats its money and dates. */
  locale: Locale;
}

/**
 * A widget's words in the visitor's language: its own `locale` prop (or element attribute), else the provider's
 * (or the loader's `data-locale`), else the page's `<html lang>`, else English (src/core/i18n/locale.ts).
 * English is inline; another language suspends the widget until its chunk is here (the lazy export started it
 * with the widget's code, so it usually is).
 */
export function useMessages<C extends Catalog>(english: C, translations: TranslationLoaders<C>, localeProp: string | undefined): Messages<C> {
  const { locale: configured } = useTeppan();
  const locale = useMemo(() => resolveLocale([localeProp, configured], pageEnvironment()), [localeProp, configured]);
  const translation = locale.language === 'en' ? undefined : use(loadTranslation(translations, locale.language));
  const t = useMemo(() => translator(english, locale, translation), [english, locale, translation]);
  return { t, locale };
}
