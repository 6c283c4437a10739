import { isCommonWord, isModifier, isName, isVerb } from './common-words';
import { englishStem, spanishStem } from './stem';
import * as en from './words';
import * as es from './words.es';

/** The languages the chat answers in: the widgets' (src/core/i18n/locale.ts). */
export const CHAT_LANGUAGES = ['en', 'es'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

/**
 * How visitors type one language: everything the FAQ's reading of a message needs that is language, not
 * business (the business's words are in its FAQ, one set per language).
 */
export interface Language {
  code: ChatLanguage;
  stopwords: ReadonlySet<string>;
  /** The stopwords as stems, so "things" and "needs" go with "thing" and "need". */
  stemmedStopwords: ReadonlySet<string>;
  casualForms: Readonly<Record<string, string>>;
  /** The endings of contractions ("we're"), spelled out; none in Spanish. */
  contractions: Readonly<Record<string, string>>;
  idioms: readonly [RegExp, string][];
  /** Numbers in words, and what each counts. */
  numberWords: ReadonlyMap<string, number>;
  /** Words for people a count may be of: a count before one is a headcount. */
  peopleWords: ReadonlySet<string>;
  /** Words around a count that make it a headcount: before it ("party of 8"), after it ("8 of us"). */
  headcountFrames: {
    before: readonly (readonly string[])[];
    after: readonly (readonly string[])[];
    /** Before a count that ends its clause, or that only a stopword follows. */
    beforeEnd: readonly (readonly string[])[];
  };
  /** What `$` reads as: the language's word the FAQ's price synonyms hold. */
  money: string;
  stem(word: string): string;
  /** How many typos a word may carry and still be recognised; `short`: a three-letter word may be a longer one missing a letter. */
  typoAllowance(word: string): number;
  shortTypos: boolean;
  /** Whether a word is common in the language, so not a typo of one of the FAQ's; without a word list, none is. */
  isCommonWord(word: string): boolean;
  isName(word: string): boolean;
  isModifier(word: string): boolean;
  isVerb(word: string): boolean;
  prefixes: readonly string[];
  greetings: ReadonlySet<string>;
  greetingFillers: ReadonlySet<string>;
  thanks: ReadonlySet<string>;
  thanksFillers: ReadonlySet<string>;
  clauseJoiners: { words: readonly string[]; marks: readonly string[] };
  questionWords: ReadonlySet<string>;
  continuingWords: ReadonlySet<string>;
  /** Words by which a clause points back to the question before it. */
  backReferences: ReadonlySet<string>;
  /** Of those, the ones that as often point at nothing ("how long does *it* take"). */
  emptyReferences: ReadonlySet<string>;
  shorthands: readonly [RegExp, string][];
  leadingFillers: ReadonlySet<string>;
  /** Of those, the ones that add a question of its own ("*also* do you cover Irvine"), not one that follows up. */
  addingWords: ReadonlySet<string>;
  firstPerson: ReadonlySet<string>;
  questionOpeners: ReadonlySet<string>;
  /**
   * A question run on to what the visitor tells: an opener followed by one of `subjects` ("my daughter is vegan *can
   * you* cook for her"), unless one of `notAfter` comes before it ("hoping *to* do it").
   */
  runOn: { subjects: ReadonlySet<string>; notAfter: ReadonlySet<string> };
  abbreviations: ReadonlySet<string>;
  /** Words after which a place's name that reads as an ordinary word is a place ("to Orange"). */
  beforePlace: ReadonlySet<string>;
}

/** None in short words, where a slip makes another word. */
function englishTypos(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 8) return 1;
  return 2;
}

/**
 * Stricter than English's: with no list of common Spanish words to tell a word the FAQ does not know from a
 * typo of one it does, a short word is taken as typed ("mago" is a magician, not "mayo").
 */
function spanishTypos(word: string): number {
  if (word.length <= 5) return 0;
  if (word.length <= 9) return 1;
  return 2;
}

const stemmed = (words: ReadonlySet<string>, stem: (w: string) => string) => new Set([...words].map(stem));

export const english: Language = {
  code: 'en',
  stopwords: en.STOPWORDS,
  stemmedStopwords: stemmed(en.STOPWORDS, englishStem),
  casualForms: en.CASUAL_FORMS,
  contractions: en.CONTRACTIONS,
  idioms: en.IDIOMS,
  numberWords: en.NUMBER_WORDS,
  peopleWords: en.PEOPLE_WORDS,
  headcountFrames: en.HEADCOUNT_FRAMES,
  money: 'price',
  stem: englishStem,
  typoAllowance: englishTypos,
  shortTypos: true,
  isCommonWord,
  isName,
  isModifier,
  isVerb,
  prefixes: en.PREFIXES,
  greetings: en.GREETINGS,
  greetingFillers: en.GREETING_FILLERS,
  thanks: en.THANKS,
  thanksFillers: en.THANKS_FILLERS,
  clauseJoiners: en.CLAUSE_JOINERS,
  questionWords: en.QUESTION_WORDS,
  continuingWords: en.CONTINUING_WORDS,
  backReferences: en.BACK_REFERENCES,
  emptyReferences: en.EMPTY_REFERENCES,
  shorthands: en.SHORTHANDS,
  leadingFillers: en.LEADING_FILLERS,
  addingWords: new Set(['also', 'plus', 'btw', 'additionally', 'besides']),
  firstPerson: en.FIRST_PERSON,
  questionOpeners: en.QUESTION_OPENERS,
  runOn: en.RUN_ON,
  abbreviations: en.ABBREVIATIONS,
  beforePlace: en.BEFORE_PLACE,
};

const none = () => false;

export const spanish: Language = {
  code: 'es',
  stopwords: es.STOPWORDS_ES,
  stemmedStopwords: stemmed(es.STOPWORDS_ES, spanishStem),
  casualForms: es.CASUAL_FORMS_ES,
  contractions: {},
  idioms: es.IDIOMS_ES,
  numberWords: es.NUMBER_WORDS_ES,
  peopleWords: es.PEOPLE_WORDS_ES,
  headcountFrames: es.HEADCOUNT_FRAMES_ES,
  money: 'precio',
  stem: spanishStem,
  typoAllowance: spanishTypos,
  shortTypos: false,
  isCommonWord: none,
  isName: none,
  isModifier: none,
  isVerb: none,
  prefixes: es.PREFIXES_ES,
  greetings: es.GREETINGS_ES,
  greetingFillers: es.GREETING_FILLERS_ES,
  thanks: es.THANKS_ES,
  thanksFillers: es.THANKS_FILLERS_ES,
  clauseJoiners: es.CLAUSE_JOINERS_ES,
  questionWords: es.QUESTION_WORDS_ES,
  continuingWords: es.CONTINUING_WORDS_ES,
  backReferences: es.BACK_REFERENCES_ES,
  emptyReferences: es.EMPTY_REFERENCES_ES,
  shorthands: es.SHORTHANDS_ES,
  leadingFillers: es.LEADING_FILLERS_ES,
  addingWords: new Set(['tambien', 'ademas', 'aparte']),
  firstPerson: es.FIRST_PERSON_ES,
  questionOpeners: es.QUESTION_OPENERS_ES,
  runOn: { subjects: new Set(), notAfter: new Set() },
  abbreviations: es.ABBREVIATIONS_ES,
  beforePlace: es.BEFORE_PLACE_ES,
};

export const LANGUAGES: Record<ChatLanguage, Language> = { en: english, es: spanish };

/** The words of a text for telling its language: lowercase, accents gone. */
const plainWords = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/**
 * The language a message is written in, when it says: Spanish when it has more words only Spanish uses than
 * words only English uses (an opening ¿ or ¡ counts as two, an accent or a ñ as one), English when the
 * reverse; undefined when it has neither or as many of each ("$60?", "90210", "ok").
 */
export function languageOfText(text: string): ChatLanguage | undefined {
  const ws = plainWords(text);
  const marks = (/[¿¡]/.test(text) ? 2 : 0) + (/[áéíóúñ]/i.test(text) ? 1 : 0);
  const spanishWords = ws.filter((w) => es.SPANISH_MARKERS.has(w)).length + marks;
  const englishWords = ws.filter((w) => es.ENGLISH_MARKERS.has(w)).length;
  if (spanishWords > englishWords) return 'es';
  if (englishWords > spanishWords) return 'en';
  return undefined;
}

/**
 * The language to answer a message in. What the visitor writes wins over the page's language: a visitor who
 * writes Spanish on an English page reads Spanish, and one who writes English on a Spanish page, English. The
 * page's (the widget's `locale`) decides only what the text leaves open, then English.
 */
export function answerLanguage(text: string, locale: string | undefined): ChatLanguage {
  const written = languageOfText(text);
  if (written) return written;
  const asked = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return CHAT_LANGUAGES.find((l) => l === asked) ?? 'en';
}
