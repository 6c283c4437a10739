import { ENGLISH, type Language, type Locale } from './locale';

/** A message whose words depend on a count: one form per plural category of the language (`Intl.PluralRules`). */
export type PluralMessage = { readonly other: string } & { readonly [C in Intl.LDMLPluralRule]?: string };
export type Message = string | PluralMessage;

/** A catalog: message keys to messages, with `{name}` placeholders. English is the source of the keys. */
export type Catalog = { readonly [key: string]: Message };

/**
 * Another language's catalog for the English one `C`: the same keys, no more (checked with `satisfies`, a
 * missing or an extra key fails `tsc`), a plural wherever English has one (the forms are the language's own).
 */
export type Translation<C extends Catalog> = { readonly [K in keyof C]: C[K] extends string ? string : PluralMessage };

/** Where each language other than English is loaded from: one lazily imported chunk per language. */
export type TranslationLoaders<C extends Catalog> = { readonly [L in Exclude<Language, 'en'>]: () => Promise<{ default: Translation<C> }> };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamsOf<M> = M extends string ? Placeholders<M> : Placeholders<M[keyof M] & string> | 'count';
/** A key's parameters: its placeholders (and `count` for a plural), named; nothing when it has none. */
export type ParamsFor<M> = [ParamsOf<M>] extends [never] ? [] : [params: { readonly [P in ParamsOf<M>]: string | number }];

export type Translate<C extends Catalog> = <K extends keyof C & string>(key: K, ...params: ParamsFor<C[K]>) => string;

/**
 * `t(key, params)` for a locale: the translation's message (English's where it lacks one, so a stale chunk
 * shows English, never a key), its plural form picked by `count`, its `{name}` placeholders filled in.
 */
export function translator<C extends Catalog>(english: C, locale: Locale = ENGLISH, translation?: Translation<C>): Translate<C> {
  const plurals = new Intl.PluralRules(locale.tag);
  return (key, ...[params]) => {
    // `key` is one of English's by its type (an index signature's read is typed as possibly missing).
    const message = (translation?.[key] ?? english[key]) as Message;
    const values: Readonly<Record<string, string | number>> = params ?? {};
    const text = typeof message === 'string' ? message : (message[plurals.select(Number(values.count))] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));
  };
}

const loaded = new Map<() => Promise<unknown>, Promise<unknown>>();
const arrived = new Map<() => Promise<unknown>, unknown>();

/**
 * A language's translation, imported once per page whoever asks first (the lazy export, as it fetches the
 * widget's code, or the widget itself); a failed import is tried again by the next ask.
 */
export function loadTranslation<C extends Catalog>(loaders: TranslationLoaders<C>, language: Exclude<Language, 'en'>): Promise<Translation<C>> {
  const load = loaders[language];
  let pending = loaded.get(load) as Promise<Translation<C>> | undefined;
  if (!pending) {
    pending = load().then(
      (m) => {
        arrived.set(load, m.default);
        return m.default;
      },
      (error: unknown) => {
        loaded.delete(load);
        throw error;
      },
    );
    loaded.set(load, pending);
  }
  return pending;
}

/** A language's translation if it has arrived already (for what cannot wait for it: a loading placeholder, an error notice). */
export function loadedTranslation<C extends Catalog>(loaders: TranslationLoaders<C>, language: Exclude<Language, 'en'>): Translation<C> | undefined {
  return arrived.get(loaders[language]) as Translation<C> | undefined;
}
