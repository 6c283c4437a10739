import { type Catalog, LANGUAGES, type Language, loadTranslation, type Translation, type TranslationLoaders } from '../core';
import type { SharedMessages } from './sharedMessages';

/** The shared words in each language but English, its own chunk (./sharedMessages.ts says who reads them). */
export const sharedTranslations: TranslationLoaders<SharedMessages> = { es: () => import('./sharedMessages.es') };

/**
 * A widget's loaders for its whole catalog (the shared words spread into its own): each language's two chunks
 * imported at once, the shared one once per page whichever widget asks first.
 */
export function withShared<C extends Catalog>(own: TranslationLoaders<C>): TranslationLoaders<SharedMessages & C> {
  const load = (language: Exclude<Language, 'en'>) => () =>
    Promise.all([loadTranslation(sharedTranslations, language), own[language]()]).then(([shared, mine]) => ({
      default: { ...shared, ...mine.default } as Translation<SharedMessages & C>,
    }));
  return Object.fromEntries(LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en').map((l) => [l, load(l)])) as unknown as TranslationLoaders<
    SharedMessages & C
  >;
}
