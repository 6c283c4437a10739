import data from './common-words.json' with { type: 'json' };

/** Front-coded as scripts/common-words.mjs writes it: a prefix length ('0'–'9', 'A'–'Z'), then the rest of the word. */
function decoded(frontCoded: string): Set<string> {
  const words = new Set<string>();
  let previous = '';
  for (const [, code = '', rest = ''] of frontCoded.matchAll(/([0-9A-Z])([a-z]*)/g)) {
    const shared = code <= '9' ? Number(code) : code.charCodeAt(0) - 55;
    previous = previous.slice(0, shared) + rest;
    words.add(previous);
  }
  return words;
}

let words: Set<string> | undefined;

/**
 * Whether a word is common English: in spoken English (SUBTLEX-US, film
 * subtitles) often enough that "merch" is a word and "wats" a typo (see
 * scripts/common-words.mjs). A word the FAQ does not know but English does
 * ("talk", "better", "merch") is not a typo of an FAQ word ("tank",
 * "butter", "march"): it is what the visitor means, and often what makes a
 * question one for a person.
 */
export function isCommonWord(word: string): boolean {
  words ??= decoded(data.frontCoded);
  return words.has(word);
}
