/**
 * The languages the widgets speak. Adding one is adding its code here and a catalog per widget: every widget's
 * list of catalogs is typed by this list, so a widget without the new language fails `tsc`.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the widgets speak and how they format: `language` picks the messages, `tag` (BCP 47) formats money and dates. */
export interface Locale {
  language: Language;
  tag: string;
}

/** What the page says about language, read where it is shown (no document or navigator on a server). */
export interface LocaleEnvironment {
  /** The host page's `<html lang>`. */
  pageLang?: string | undefined;
  /** The visitor's languages, most wanted first (`navigator.languages`). */
  browser?: readonly string[] | undefined;
}

export const ENGLISH: Locale = { language: 'en', tag: 'en' };

export function pageEnvironment(): LocaleEnvironment {
  return {
    pageLang: typeof document === 'undefined' ? undefined : document.documentElement.lang,
    browser: typeof navigator === 'undefined' ? undefined : navigator.languages,
  };
}

/** A BCP 47 tag we speak (`es-MX` is Spanish, formatted the Mexican way), or undefined for one we do not or a malformed one. */
export function supportedLocale(tag: string): Locale | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined; // not a language tag at all: "english", "es_MX"
  }
  const language = canonical?.split('-')[0] as Language;
  return canonical && LANGUAGES.includes(language) ? { language, tag: canonical } : undefined;
}

/**
 * The locale a widget speaks. `choices` are the settings from the nearest to the widget outwards (its `locale`
 * prop or attribute, then the provider's or the loader's `data-locale`); the first one set decides, else the
 * page's `<html lang>`, else English. `auto` is the visitor's browser: the first of its languages we speak, by
 * base language (`es-MX` → Spanish). A language we do not speak is English, never a blank or a key.
 */
export function resolveLocale(choices: readonly (string | null | undefined)[], env: LocaleEnvironment): Locale {
  const chosen = [...choices, env.pageLang].find((c) => c?.trim());
  if (!chosen) return ENGLISH;
  if (chosen.trim().toLowerCase() !== 'auto') return supportedLocale(chosen) ?? ENGLISH;
  for (const tag of env.browser ?? []) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return ENGLISH;
}
