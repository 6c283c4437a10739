import { type ChatLanguage, english, type Language } from './language';
import { isCount, PLACE_TOKEN, tokens } from './normalize';
import englishClasses from './word-classes.en.json' with { type: 'json' };
import spanishClasses from './word-classes.es.json' with { type: 'json' };

/**
 * What kind of thing a word names, when a tenant's FAQ does not know the word:
 * food, a place to cook, a time of day, a place name, a service the business
 * does not offer (see word-classes.en.json, word-classes.es.json). The tenant's FAQ says what each
 * class means for it, so "edamame" can count for the menu and "DJ" send the
 * question to a person, without either word in its data.
 */
export interface WordClasses {
  /** Phrases, as stems joined by spaces, → their class token ("#food"). */
  phrases: Map<string, string>;
  /**
   * Words matched as typed (and with or without a plural s), not by their stem: one whose stem is another common word
   * it does not merely inflect ("waiter" stems to "wait", "wine" to "win", "career" to "car").
   */
  words: Map<string, string>;
  longest: number;
  /** Names of places, as tokens joined by spaces: read as `#place` where a place is meant. */
  placeNames: ReadonlySet<string>;
}

/**
 * A token's stem, a count as `#n` and a day of the month as `#nth`, so a class may hold
 * "#n hours" (a duration) or "the #nth" (a date) whatever the number.
 */
function countless(token: string, lang: Language): string {
  const day = /^(\d{1,2})(st|nd|rd|th)$/.exec(token);
  if (day) return Number(day[1]) <= 31 ? '#nth' : '#n';
  return isCount(token, lang) ? '#n' : lang.stem(token);
}

const phraseKey = (text: string, lang: Language) =>
  tokens(text, lang)
    .map((t) => countless(t, lang))
    .join(' ');

/** Endings that inflect a word ("tips", "tipping"): its stem is still that word. */
const INFLECTION = /^(?:s|es|ing|ed|d|ies|ied)$/;

/** Whether a one-word member's stem is another common word, which the stem would make it match ("waiter" → "wait"). */
function stemsToAnother(member: string, key: string, lang: Language): boolean {
  if (member.includes(' ') || key === member || !lang.isCommonWord(key)) return false;
  // The plural of such a word is one too: "wines" is "wine" + s, not "win" + es.
  const singular = member.replace(/s$/, '');
  if (singular !== member && singular !== key && lang.isCommonWord(singular)) return true;
  return !(member.startsWith(key) && INFLECTION.test(member.slice(key.length)));
}

function classesOf(source: { classes: Record<string, string[]>; placeNames: string[] }, lang: Language): WordClasses {
  const phrases = new Map<string, string>();
  const words = new Map<string, string>();
  for (const [token, members] of Object.entries(source.classes)) {
    for (const member of members) {
      const key = phraseKey(member, lang);
      if (stemsToAnother(member, key, lang)) {
        for (const form of [member, `${member}s`, member.replace(/s$/, '')]) words.set(form, token);
        continue;
      }
      // A stopword alone would match everywhere.
      if (key === '' || lang.stemmedStopwords.has(key)) throw new Error(`Word class ${token}: "${member}" names nothing.`);
      phrases.set(key, token);
    }
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length));
  return { phrases, words, longest, placeNames: new Set(source.placeNames.map((n) => tokens(n, lang).join(' '))) };
}

const SOURCES: Record<ChatLanguage, { classes: Record<string, string[]>; placeNames: string[] }> = { en: englishClasses, es: spanishClasses };
const read = new Map<Language, WordClasses>();

/** The classes of a language's words, read once. */
export function classesFor(lang: Language): WordClasses {
  let classes = read.get(lang);
  if (!classes) {
    classes = classesOf(SOURCES[lang.code], lang);
    read.set(lang, classes);
  }
  return classes;
}

/** The classes of English words. */
export const ENGLISH = (): WordClasses => classesFor(english);

export interface Marking {
  classes: WordClasses;
  /** More place names (the US towns of the ZIP dataset), as tokens joined by spaces. */
  places: ReadonlySet<string>;
  /** How many tokens from `at` the tenant's own words and phrases cover (0: none): they win over a class of the same length or shorter. */
  tenantAt: (at: number) => number;
  lang?: Language;
}

/** Whether tokens joined by spaces name a place: a town of the ZIP dataset or one of the language's place names. */
export const isPlaceName = (name: string, places: ReadonlySet<string>, classes: WordClasses): boolean => places.has(name) || classes.placeNames.has(name);

/**
 * The tokens with each run a class covers replaced by the class's token
 * ("fried rice" → "#food", "Thousand Oaks" → "#place"); counts are kept for
 * names that hold one, and dropped afterwards by the caller.
 */
export function markClasses(ts: string[], { classes, places, tenantAt, lang = english }: Marking): string[] {
  const stems = ts.map((t) => countless(t, lang));
  const out: string[] = [];
  for (let i = 0; i < ts.length; ) {
    const tenant = tenantAt(i);
    let token: string | undefined;
    let length = 0;
    for (let n = Math.min(Math.max(classes.longest, 3), ts.length - i); n > tenant && !token; n--) {
      const run = ts.slice(i, i + n);
      if (run.every((w) => isCount(w, lang))) continue;
      token = (n === 1 ? classes.words.get(run[0] ?? '') : undefined) ?? classes.phrases.get(stems.slice(i, i + n).join(' '));
      const plain = n === 1 ? lang.isCommonWord(run[0] ?? '') : run.every((w) => isCount(w, lang) || (lang.isCommonWord(w) && !lang.isName(w)));
      if (!token && isPlaceName(run.join(' '), places, classes) && (!plain || lang.beforePlace.has(ts[i - 1] ?? '') || out.at(-1) === PLACE_TOKEN))
        token = PLACE_TOKEN;
      if (token) length = n;
    }
    if (token) {
      out.push(token);
      i += length;
    } else {
      // The tenant's phrase whole: no class takes a word from inside it ("Inland *Empire*" is not the town of Empire).
      const own = Math.max(1, tenant);
      out.push(...ts.slice(i, i + own));
      i += own;
    }
  }
  return out;
}
