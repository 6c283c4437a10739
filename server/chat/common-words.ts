import data from './common-words.json' with { type: 'json' };

interface Words {
  all: Set<string>;
  names: Set<string>;
  modifiers: Set<string>;
  verbs: Set<string>;
}

/** Front-coded as scripts/common-words.mjs writes it: a prefix length ('0'–'9', 'A'–'Z'), the rest of the word, '!' for a name, '~' for an adjective or an adverb, '^' for a verb. */
function decoded(frontCoded: string): Words {
  const words: Words = { all: new Set(), names: new Set(), modifiers: new Set(), verbs: new Set() };
  let previous = '';
  for (const [, code = '', rest = '', name, modifier, verb] of frontCoded.matchAll(/([0-9A-Z])([a-z]*)(!?)(~?)(\^?)/g)) {
    const shared = code <= '9' ? Number(code) : code.charCodeAt(0) - 55;
    previous = previous.slice(0, shared) + rest;
    words.all.add(previous);
    if (name) words.names.add(previous);
    if (modifier) words.modifiers.add(previous);
    if (verb) words.verbs.add(previous);
  }
  return words;
}

let words: Words | undefined;
const english = () => {
  words ??= decoded(data.frontCoded);
  return words;
};

/**
 * Whether a word is common English: in spoken English (SUBTLEX-US, film
 * subtitles) often enough that "merch" is a word and "wats" a typo (see
 * scripts/common-words.mjs). A word the FAQ does not know but English does
 * ("talk", "better", "merch") is not a typo of an FAQ word ("tank",
 * "butter", "march"): it is what the visitor means, and often what makes a
 * question one for a person.
 */
export const isCommonWord = (word: string): boolean => english().all.has(word);

/** Whether a common word is mostly written capitalised, as names are ("Diego", "Vegas"), not "new" or "beach". */
export const isName = (word: string): boolean => english().names.has(word);

/**
 * Whether a common word mostly modifies: an adjective ("online", "fancy", "cold") says what something is
 * like, an adverb ("safely", "barely", "simultaneously") how it is done; either rarely says what a question
 * is about (that is a noun: "a *photographer*", "my *essay*").
 */
export const isModifier = (word: string): boolean => english().modifiers.has(word);

/**
 * Whether a common word is mostly a verb ("send", "choose", "confirm"): it says what is done, and what a
 * question is about is still its nouns ("can you *recommend* a *florist*").
 */
export const isVerb = (word: string): boolean => english().verbs.has(word);
