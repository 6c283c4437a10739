// Stemmers, one per language the chat reads: each only needs to give every form of a word one stem.

/**
 * A light English stemmer: enough that "kids", "raining", "cancelled" and
 * "smallest" meet "kid", "rain", "cancel" and "small". Its stems need not be words, only the same for
 * every form of one.
 */
export function englishStem(word: string): string {
  if (word.length <= 3 || word.startsWith('#')) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ches|shes|xes|sses)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "smallest" and "small", "bigger" and "big", "earliest" and "early".
  else if (w.endsWith('iest') && w.length > 6) w = `${w.slice(0, -4)}y`;
  else if (w.endsWith('est') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ier') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  // "cancell" (cancelled) and "cancel", "grill" and "gril".
  if (w.length > 3 && /([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "veggie" and "veggies" ("veggy"), "party" and "parti": one stem.
  if (/[^aeiou]y$/.test(w) && w.length > 3) w = `${w.slice(0, -1)}i`;
  return w;
}

/**
 * A light Spanish stemmer, over words already without accents: enough that "niños", "niña" and "nino" meet
 * "nin", "precios" and "precio" meet "preci", "cobran", "cobrar" and "cobra" meet "cobr". Plurals, then an
 * infinitive's ending, a verb's plural ending or the gender vowel; longer endings (participles, "-ción") are left to the FAQ's synonyms, since
 * cutting them merges nouns that mean other things ("comida", "salida").
 */
export function spanishStem(word: string): string {
  if (word.length <= 3 || word.startsWith('#')) return word;
  let w = word;
  if (w.endsWith('ces') && w.length > 5) w = `${w.slice(0, -3)}z`;
  else if (/[^aeiou]es$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (/(ar|er|ir)$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (/[^aeiou](an|en)$/.test(w) && w.length > 4) w = w.slice(0, -2);
  else if (/[aeo]$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}
