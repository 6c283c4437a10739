import { english, type Language } from './language';

/** Stands for any five-digit ZIP code in a question, so "do you come to 92660" reads like "do you come to <zip>". */
export const ZIP_TOKEN = '#zip';

/** Stands for a time of day ("7pm", "6:30 pm"): a tenant's synonyms may name it. */
export const TIME_TOKEN = '#time';

/** Stands for the name of a place (a city, a town) the question mentions. */
export const PLACE_TOKEN = '#place';

/** The first five-digit ZIP code in a text, if any. */
export function zipIn(text: string): string | undefined {
  return /(?<!\d)(\d{5})(?!\d)/.exec(text)?.[1];
}

/** "we're", "you'll", "I'd": endings that, with the apostrophe dropped, would make other words ("were", "youll"). */
const CONTRACTION = /(?<=\p{L})['’](re|ll|ve|d|m)\b/gu;

/** Stands for a count ("20", "twenty", "3rd") in `tokens`: `words` drops it, since a count says nothing about the topic. */
const COUNT = /^\d+(st|nd|rd|th|ish)?$/;
export const isCount = (token: string, lang: Language = english) => COUNT.test(token) || lang.numberWords.has(token);

/**
 * Lowercase words, accents and apostrophes gone, contractions, casual
 * forms and idioms spelled out, ZIP codes as `#zip`, times of day as `#time`; counts
 * kept, in figures or words (a place may be named by one: "Thousand Oaks").
 */
export function tokens(text: string, lang: Language = english): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(CONTRACTION, (all, ending: string) => (ending in lang.contractions ? ` ${lang.contractions[ending]}` : all))
    .replace(/[’'`]/g, '')
    // "sooo", "pleaseeee", "hiiii": a letter held down says how, not what.
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\$/g, ` ${lang.money} `);
  const out: string[] = [];
  let previous = '';
  for (const raw of plain.split(/[^\p{L}\p{N}#]+/u)) {
    if (!raw) continue;
    if (/^\d{5}$/.test(raw)) out.push(ZIP_TOKEN);
    // "7pm", "6:30 pm": a time of day, whatever the hour.
    else if (/^\d{1,4}[ap]m$/.test(raw) || (/^[ap]m$/.test(raw) && /^\d{1,4}$/.test(previous))) out.push(TIME_TOKEN);
    else if (raw.length === 1 && !lang.casualForms[raw] && !lang.stopwords.has(raw) && !/\d/.test(raw)) {
      // A letter alone ("quick q", "option b") names nothing.
    } else out.push(...(lang.casualForms[raw] ?? raw).split(' '));
    previous = raw;
  }
  const said = lang.idioms.reduce((text, [idiom, meaning]) => text.replace(idiom, meaning), out.join(' '));
  return said === out.join(' ') ? out : said.split(' ').filter(Boolean);
}

/** `tokens` without the counts: "20 people", "one chef" are about people, about chefs. */
export const words = (text: string, lang: Language = english): string[] => tokens(text, lang).filter((t) => !isCount(t, lang));

/** A word's stem in its language (./stem.ts). */
export const stem = (word: string, lang: Language = english): string => lang.stem(word);

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  const first = rows[0];
  if (first) for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    const prev = rows[i - 1] ?? [];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}
