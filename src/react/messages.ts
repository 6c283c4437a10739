import { type Locale, type Translation, translator } from '../core';
import { TRY_AGAIN } from '../widgets/failureMessages';

/**
 * What a widget's shell says before (or instead of) the widget's own code: its placeholder and a chunk that did
 * not load. Every language inline: a handful of words, needed before any language chunk could arrive.
 */
const en = {
  loading: 'Loading {label}',
  chunkFailed: 'This part of the page didn’t load. Check your connection and try again.',
  tryAgain: TRY_AGAIN.en,
} as const;

const translations: { readonly [L in Exclude<Locale['language'], 'en'>]: Translation<typeof en> } = {
  es: {
    loading: 'Cargando {label}',
    chunkFailed: 'Esta parte de la página no se cargó. Revisa tu conexión e inténtalo de nuevo.',
    tryAgain: TRY_AGAIN.es,
  },
};

/** The shell's words in `locale`'s language. */
export const shellMessages = (locale: Locale) => translator(en, locale, locale.language === 'en' ? undefined : translations[locale.language]);
