import { isCommonWord, isName } from './common-words';
import { isCount, PLACE_TOKEN, STEMMED_STOPWORDS, stem, tokens } from './normalize';
import english from './word-classes.en.json' with { type: 'json' };

/**
 * What kind of thing a word names, when a tenant's FAQ does not know the word:
 * food, a place to cook, a time of day, a place name, a service the business
 * does not offer (see word-classes.en.json). The tenant's FAQ says what each
 * class means for it, so "edamame" can count for the menu and "DJ" send the
 * question to a person, without either word in its data.
 */
export interface WordClasses {
  /** Phrases, as stems joined by spaces, → their class token ("#food"). */
  phrases: Map<string, string>;
  longest: number;
  /** Names of places, as tokens joined by spaces: read as `#place` where a place is meant. */
  placeNames: ReadonlySet<string>;
}

/**
 * A token's stem, a count as `#n` and a day of the month as `#nth`, so a class may hold
 * "#n hours" (a duration) or "the #nth" (a date) whatever the number.
 */
function countless(token: string): string {
  const day = /^(\d{1,2})(st|nd|rd|th)$/.exec(token);
  if (day) return Number(day[1]) <= 31 ? '#nth' : '#n';
  return isCount(token) ? '#n' : stem(token);
}

const phraseKey = (text: string) => tokens(text).map(countless).join(' ');

function classesOf(source: { classes: Record<string, string[]>; placeNames: string[] }): WordClasses {
  const phrases = new Map<string, string>();
  for (const [token, members] of Object.entries(source.classes)) {
    for (const member of members) {
      const key = phraseKey(member);
      // A stopword alone would match everywhere.
      if (key === '' || STEMMED_STOPWORDS.has(key)) throw new Error(`Word class ${token}: "${member}" names nothing.`);
      phrases.set(key, token);
    }
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length));
  return { phrases, longest, placeNames: new Set(source.placeNames.map((n) => tokens(n).join(' '))) };
}

let englishClasses: WordClasses | undefined;
/** The classes of English words, read once. */
export const ENGLISH = (): WordClasses => {
  englishClasses ??= classesOf(english);
  return englishClasses;
};

/**
 * A place's name that reads as ordinary words ("Orange", "Cash", "Thousand Oaks", one
 * word that English knows, even a name: "Madison", "Japan") counts only after one of
 * these, or after another place ("Tokyo, Japan"); names like "San Diego" or "Oxnard"
 * count anywhere.
 */
const BEFORE_PLACE = new Set(['to', 'in', 'near', 'around', 'from', 'at', 'into', 'cover', 'service', 'reach', 'visit']);

export interface Marking {
  classes: WordClasses;
  /** More place names (the US towns of the ZIP dataset), as tokens joined by spaces. */
  places: ReadonlySet<string>;
  /** How many tokens from `at` the tenant's own words and phrases cover (0: none): they win over a class of the same length or shorter. */
  tenantAt: (at: number) => number;
}

/**
 * The tokens with each run a class covers replaced by the class's token
 * ("fried rice" → "#food", "Thousand Oaks" → "#place"); counts are kept for
 * names that hold one, and dropped afterwards by the caller.
 */
export function markClasses(ts: string[], { classes, places, tenantAt }: Marking): string[] {
  const stems = ts.map(countless);
  const out: string[] = [];
  const isPlace = (name: string) => places.has(name) || classes.placeNames.has(name);
  for (let i = 0; i < ts.length; ) {
    const tenant = tenantAt(i);
    let token: string | undefined;
    let length = 0;
    for (let n = Math.min(Math.max(classes.longest, 3), ts.length - i); n > tenant && !token; n--) {
      const run = ts.slice(i, i + n);
      if (run.every(isCount)) continue;
      token = classes.phrases.get(stems.slice(i, i + n).join(' '));
      const plain = n === 1 ? isCommonWord(run[0] ?? '') : run.every((w) => isCount(w) || (isCommonWord(w) && !isName(w)));
      if (!token && isPlace(run.join(' ')) && (!plain || BEFORE_PLACE.has(ts[i - 1] ?? '') || out.at(-1) === PLACE_TOKEN)) token = PLACE_TOKEN;
      if (token) length = n;
    }
    out.push(token ?? ts[i] ?? '');
    i += length || 1;
  }
  return out;
}
