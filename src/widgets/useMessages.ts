import { use, useContext, useEffect, useMemo, useState } from 'react';
import {
  type Catalog,
  type Locale,
  loadedTranslation,
  loadTranslation,
  pageEnvironment,
  resolveLocale,
  type Translate,
  type Translation,
  type TranslationLoaders,
  translator,
} from '../core';
import { TeppanContext, useTeppan } from '../query';
import { type SharedMessages, sharedEn } from './sharedMessages';
import { sharedTranslations } from './sharedTranslations';

type Params = Readonly<Record<string, string | number>>;

/** Words for a key made at run time (a server's code, a field's path): undefined when the catalog has none. */
export type Word = (key: string, params?: Params) => string | undefined;

export interface Messages<C extends Catalog> {
  t: Translate<C>;
  /** `t` for a key that is not known until run time. */
  word: Word;
  /** What the widget speaks; `locale.tag` formats its money and dates. */
  locale: Locale;
}

/** What the shared wording helpers need of a widget's messages (./words.ts). */
export type Wording = Pick<Messages<Catalog>, 'word' | 'locale'>;

/** A catalog's messages for a locale, outside React (a test's expectations, say). */
export function messagesOf<C extends Catalog>(english: C, locale: Locale, translation: Translation<C> | undefined): Messages<C> {
  const t = translator(english, locale, translation);
  // A key in English's catalog is one of `t`'s (its params are the caller's, from the same code).
  const word: Word = (key, params = {}) => (key in english ? (t as unknown as (key: string, params: Params) => string)(key, params) : undefined);
  return { t, word, locale };
}

const useLocale = (localeProp: string | undefined, configured: string | undefined) =>
  useMemo(() => resolveLocale([localeProp, configured], pageEnvironment()), [localeProp, configured]);

/**
 * A widget's words in the visitor's language: its own `locale` prop (or element attribute), else the provider's
 * (or the loader's `data-locale`), else the page's `<html lang>`, else English (src/core/i18n/locale.ts).
 * English is inline; another language suspends the widget until its chunk is here (the lazy export started it
 * with the widget's code, so it usually is).
 */
export function useMessages<C extends Catalog>(english: C, translations: TranslationLoaders<C>, localeProp: string | undefined): Messages<C> {
  const locale = useLocale(localeProp, useTeppan().locale);
  const translation = locale.language === 'en' ? undefined : use(loadTranslation(translations, locale.language));
  return useMemo(() => messagesOf(english, locale, translation), [english, locale, translation]);
}

/**
 * The shared words (./sharedMessages.ts) for what cannot wait for them (a widget's error boundary): English until the
 * visitor's language has arrived, never suspending. Works outside a TeppanProvider too. (What shows before any
 * widget code, its placeholder and a chunk that did not load, is src/react/messages.ts, every language inline.)
 */
export function useSharedMessages(localeProp: string | undefined): Messages<SharedMessages> {
  const locale = useLocale(localeProp, useContext(TeppanContext)?.locale);
  const language = locale.language === 'en' ? undefined : locale.language;
  const [translation, setTranslation] = useState(() => language && loadedTranslation(sharedTranslations, language));
  useEffect(() => {
    if (!language) return setTranslation(undefined);
    let live = true;
    // A failure leaves English: a placeholder or a notice never waits on, or fails for, its words.
    loadTranslation(sharedTranslations, language).then(
      (t) => live && setTranslation(t),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [language]);
  return useMemo(() => messagesOf(sharedEn, locale, language ? translation : undefined), [locale, language, translation]);
}
