import type { Language } from '../../core/i18n/locale';

/**
 * The loader's own sentences, around a widget's label (its spec's, article included), in every language: a few
 * words each, inline, since they show before any code could bring them. `retry` is also the page's `teppan:error`
 * message when the shared code did not load.
 */
export const LOADER_TEXTS: Readonly<Record<Language, Readonly<Record<'show' | 'retry', (label: string | undefined) => string>>>> = {
  en: { show: (label) => `Show ${label}`, retry: (label) => `Try again: ${label} didn’t load` },
  es: { show: (label) => `Mostrar ${label}`, retry: (label) => `Intentar de nuevo: ${label} no se cargó` },
};

/**
 * The language an element speaks, by the widgets' precedence (src/core/i18n/locale.ts, `resolveLocale`, which a
 * test holds this to): its `locale` attribute, the loader's `data-locale` (or init's), the page's `<html lang>`,
 * English; `auto` is the first of the browser's languages we speak. Only the language, by the tag's first subtag:
 * the loader formats nothing, and a copy of the core's tag checks would cost every page its bytes.
 */
export function languageOf(element: Element | null, configured: string | undefined): Language {
  const chosen = ([element?.getAttribute('locale'), configured, document.documentElement.lang].find((c) => c?.trim()) ?? '').trim().toLowerCase();
  // Browsers give their languages' first subtags in lower case already.
  return (chosen === 'auto' ? navigator.languages : [chosen]).map((tag) => tag.split('-')[0] as Language).find((l) => l in LOADER_TEXTS) ?? 'en';
}
