import { type Language, type Translate, type Translation, translator } from '../../../src/core/i18n';
import { en, type MailWords } from './en';
import { es } from './es';

/** Every language's catalog: a language added to `LANGUAGES` without one here fails `tsc`. */
const CATALOGS: { readonly [L in Language]: Translation<MailWords> } = { en, es };

/**
 * How each language formats money and dates in mail. The language alone is
 * stored with a booking; the region is the one the tenants serve (US dollars
 * as "$1,234.50" in Spanish too, not "1234,50 US$").
 */
const FORMAT_TAGS: { readonly [L in Language]: string } = { en: 'en-US', es: 'es-US' };

/** The customer's mail in `language`: its words, and the tag its money and dates are formatted with. */
export function mailWords(language: Language = 'en'): { t: Translate<MailWords>; tag: string; language: Language } {
  const tag = FORMAT_TAGS[language];
  return { t: translator(en, { language, tag }, CATALOGS[language]), tag, language };
}

export type MailLanguage = ReturnType<typeof mailWords>;
