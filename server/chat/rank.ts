import type { FaqConfig, FaqEntry } from './faq';
import { english, type Language } from './language';
import { editDistance, isCount, PLACE_TOKEN, tokens, words as wordsIn, ZIP_TOKEN } from './normalize';
import { classesFor, isPlaceName, markClasses, type WordClasses } from './word-classes';

/**
 * Below this score no FAQ answer is confident: the reply says so and offers a
 * person. Calibrated on rank.test.ts's table: real phrasings score 0.8 or more,
 * questions about other things 0.6 or less.
 */
export const CONFIDENCE_THRESHOLD = 0.7;

/** How much a score counts the question's words the topic explains, against the topic's words the question names. */
const QUESTION_SHARE = 0.8;

/**
 * How much a word the FAQ knows, but from another topic, counts against a
 * topic ("is lobster *available*", "what if it rains on the *day*"): a little.
 * Words the FAQ has never seen count in full: they are what off-topic
 * questions are made of ("Paris", "essay", "game").
 */
const OTHER_TOPIC_SHARE = 0.3;

/**
 * How much a word that is no topic's concept counts against a topic when it is
 * mostly an adjective, an adverb or a verb ("can I book *online*", "eat
 * *safely*", "kindly *confirm* the deposit", "*put* it on my amex", "*set* out
 * tables": "put" and "set" are known only inside "put down" and "set up"): it
 * says what something is like, how or what is done, while what an off-topic
 * question is about is a noun ("a *photographer*").
 */
const DESCRIBING_SHARE = 0.4;

/** How much each time a question names a concept again adds to it. */
const REPEAT = 0.5;

/** How much a concept only a headcount says counts, for and against a topic. */
const INFERRED_SHARE = 0.4;

/** How much a date or time counts, for and against a topic, after what the question asks about (see `WHEN_CLASSES`). */
const WHEN_SHARE = 0.6;

/** The word classes of dates and times: a tenant's synonym group that holds one names when. */
const WHEN_CLASSES = ['#date', '#time', '#daytime'];

/**
 * How much a concept counts, for and against a topic, when only the visitor's context names it, not their
 * question: "we're expecting around 75 for the reunion in *Fontana*. can one chef handle that?" asks about
 * party size, though the place is what a question naming it would be about.
 */
const CONTEXT_SHARE = 0.5;

/** How far apart, in words, the words of a phrase may be and still be read as it. */
const SPREAD_WINDOW = 4;

export interface RankOptions {
  /** Names of places (lowercase; the towns of the ZIP dataset): a question naming one is about travel. */
  places?: ReadonlySet<string>;
  /** What kind of thing a word the FAQ does not know names (the language's classes unless told). */
  classes?: WordClasses;
  /** The language of the question and of the FAQ it is ranked against (English unless told). */
  language?: Language;
  /**
   * The tenant's figures. Its party limits: a headcount below `fewest` reads as `#few` ("just 7 ppl"), above `most` as
   * `#many` ("150 ppl"), for the FAQ's synonym groups that hold them; and its food minimum and deposit, in
   * whole units of money: a figure equal to one reads as `#minimum` ("party of 5 still charged 600?") or
   * `#deposit` ("does the 100 bucks come off the final bill").
   */
  figures?: { fewest: number; most: number; minimumAmount?: number; depositAmount?: number };
  /**
   * What the visitor told just before the question, which the question points back to ("We're 75, for the
   * reunion in Fontana. Can one chef handle *that*?"): read with it, each concept only it names counting
   * `CONTEXT_SHARE`.
   */
  context?: string;
}

/** What a count says: "7", "seven", "7th" → 7. */
const countOf = (token: string, lang: Language) => lang.numberWords.get(token) ?? Number.parseInt(token, 10);

/**
 * The text without its counts (a count alone says nothing about the topic), and what its counts of
 * people say of the party when the tenant's limits make them say something: `#few`, `#many`; a figure
 * equal to the tenant's food minimum or deposit names it: `#minimum`, `#deposit`.
 */
function counted(ts: string[], lang: Language, limits: RankOptions['figures']): { rest: string[]; said: string[] } {
  const said = ts.flatMap((t, i) => {
    if (!limits || !isCount(t, lang)) return [];
    const { before, after, beforeEnd } = lang.headcountFrames;
    const next = ts[i + 1];
    const framedBy = (frames: readonly (readonly string[])[]) => frames.some((frame) => frame.every((w, k) => ts[i - frame.length + k] === w));
    const ofPeople =
      lang.peopleWords.has(next ?? '') ||
      next === PERSON ||
      after.some((frame) => frame.every((w, k) => ts[i + 1 + k] === w)) ||
      framedBy(before) ||
      ((next === undefined || (lang.stopwords.has(next) && !after.some((frame) => frame[0] === next))) && framedBy(beforeEnd));
    const n = countOf(t, lang);
    if (Number.isNaN(n)) return [];
    if (!ofPeople) return n === limits.minimumAmount ? [MINIMUM] : n === limits.depositAmount ? [DEPOSIT] : [];
    return n < limits.fewest ? [FEW] : n > limits.most ? [MANY] : [];
  });
  return { rest: ts.filter((t) => !isCount(t, lang)), said };
}
const FEW = '#few';
const MINIMUM = '#minimum';
const DEPOSIT = '#deposit';
/** The tenant's own figures: a visitor who quotes one names it. */
const FIGURES = new Set([MINIMUM, DEPOSIT]);
const MANY = '#many';
const PERSON = '#person';

/** The concept of what the tenant's FAQ leaves to a person (its `handoff` list): a clause that names it has no answer here. */
export const HANDOFF = '#handoff';

export interface Ranked {
  entry: FaqEntry;
  score: number;
}

interface Topic {
  entry: FaqEntry;
  /** Every concept any of its phrasings uses. */
  concepts: Set<string>;
  asks: Set<string>[];
}

/** How a tenant's FAQ reads words. */
interface Lexicon {
  /** Phrases (stems joined by spaces) → the concept they mean. */
  phrases: Map<string, string>;
  /**
   * The same phrases written without spaces or hyphens, as one stem
   * ("grown up" → "grownup"), so "grown-ups", "grown ups" and "grownups" all
   * meet it, and "howmuch" meets "how much".
   */
  squashed: Map<string, string>;
  longestPhrase: number;
  /**
   * Phrases of two words or more, each word replaced by the concept it means alone ("minimum spend" for "min
   * spend"), with the stems of the phrases each stands for.
   */
  canonical: Map<string, { concept: string; phrases: string[][] }>;
  /**
   * Phrases whose words, each alone, mean something else ("advance payment": an advance, a payment),
   * as their stems without stopwords: met however the visitor orders and spaces them (`SPREAD_WINDOW`).
   */
  spread: { stems: string[]; concept: string }[];
  /** Raw words a typo may be corrected to, and how often each occurs. */
  vocabulary: Map<string, number>;
  knownStems: Set<string>;
  /** Stems of the words the tenant's typical questions use: with its phrases and neutral words, what a word alone means to it. */
  askStems: Set<string>;
  /** The tenant's words that name no topic, as stems. */
  neutral: Set<string>;
  /** The one-word members of the tenant's synonym groups, as typed. */
  members: Set<string>;
  lang: Language;
}

interface Index extends Lexicon {
  topics: Topic[];
  /** The concepts that name when (their synonym group holds a class of dates or times). */
  when: Set<string>;
  /** How telling each concept is: rarer across topics, more. */
  weights: Map<string, number>;
  /** The share of the topics whose phrasings name each concept. */
  shares: Map<string, number>;
  /** A concept no topic uses: as telling as the rarest, so it pulls every topic's score down. */
  unknownWeight: number;
}

const indexes = new WeakMap<FaqConfig, Index>();

/** Whether a stem of a phrase says something: no stopword, as typed or stemmed. */
const saysAStem = (s: string, lang: Language) => !lang.stemmedStopwords.has(s) && !lang.stopwords.has(s);

/** A tenant's FAQ in one language, read once: its vocabulary, its phrases, its topics' concepts and how telling each is. */
function indexOf(faq: FaqConfig, lang: Language): Index {
  const cached = indexes.get(faq);
  if (cached?.lang === lang) return cached;
  const words = (text: string) => wordsIn(text, lang);
  const stem = lang.stem;
  const phrases = new Map<string, string>();
  const squashed = new Map<string, string>();
  const vocabulary = new Map<string, number>();
  const addWords = (text: string) => {
    for (const w of words(text)) if (w !== ZIP_TOKEN) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  };
  const members: [member: string[], concept: string][] = [];
  const when = new Set<string>();
  for (const group of faq.synonyms) {
    const head = words(group[0] ?? '')
      .map(stem)
      .join(' ');
    if (group.some((member) => WHEN_CLASSES.includes(member))) when.add(head);
    for (const member of group) {
      addWords(member);
      phrases.set(words(member).map(stem).join(' '), head);
      members.push([words(member), head]);
    }
  }
  for (const member of faq.handoff ?? []) {
    addWords(member);
    phrases.set(words(member).map(stem).join(' '), HANDOFF);
  }
  for (const entry of faq.entries) for (const ask of entry.asks) addWords(ask);
  for (const word of faq.neutral) addWords(word);
  for (const w of lang.stopwords) vocabulary.set(w, vocabulary.get(w) ?? 0);
  const knownStems = new Set([...vocabulary.keys()].map(stem));
  // A phrase's squashed form never takes the place of a word that means something else: "a head" is not "ahead".
  for (const [member, concept] of members) {
    const key = squash(member, lang);
    const taken = phrases.get(key) ?? squashed.get(key) ?? (knownStems.has(key) ? key : undefined);
    if (taken === undefined || taken === concept) squashed.set(key, concept);
  }
  const longestPhrase = Math.max(1, ...[...phrases.keys()].map((p) => p.split(' ').length));
  // Phrases with their words read as the synonyms they are, so "min spend" meets "minimum spend".
  const canonical: Lexicon['canonical'] = new Map();
  for (const [key, concept] of phrases) {
    const stems = key.split(' ');
    if (stems.length < 2) continue;
    const canon = stems.map((s) => phrases.get(s) ?? s).join(' ');
    if (phrases.has(canon)) continue;
    const known = canonical.get(canon) ?? { concept, phrases: [] };
    if (known.concept === concept) known.phrases.push(stems);
    canonical.set(canon, known);
  }
  const spread = [...phrases].flatMap(([key, concept]) => {
    const content = key.split(' ').filter((s) => saysAStem(s, lang));
    const alone = content.every((s) => phrases.get(s) === concept);
    return content.length >= 2 && !alone && concept !== HANDOFF ? [{ stems: content, concept }] : [];
  });
  const lexicon: Lexicon = {
    lang,
    spread,
    members: new Set(members.filter(([m]) => m.length === 1).map(([m]) => m[0] ?? '')),
    phrases,
    squashed,
    canonical,
    longestPhrase,
    vocabulary,
    knownStems,
    askStems: new Set(faq.entries.flatMap((e) => e.asks.flatMap(words)).map(stem)),
    neutral: new Set(faq.neutral.flatMap(words).map(stem)),
  };
  const topics = faq.entries.map((entry) => {
    const asks = entry.asks.map((a) => conceptsOf(a, lexicon).concepts);
    return { entry, asks, concepts: new Set(asks.flatMap((a) => [...a])) };
  });
  const n = topics.length;
  const weights = new Map<string, number>();
  const shares = new Map<string, number>();
  for (const concept of new Set(topics.flatMap((t) => [...t.concepts]))) {
    const df = topics.filter((t) => t.concepts.has(concept)).length;
    weights.set(concept, Math.log(1 + n / df));
    shares.set(concept, df / n);
  }
  const index = { ...lexicon, topics, weights, shares, when, unknownWeight: Math.log(1 + n) };
  indexes.set(faq, index);
  return index;
}

/**
 * The closest word the FAQ knows within the typos a word this long may have,
 * ties to the commoner word. Only words with the same first letter: people
 * rarely miss that one, and "game" is not "same", nor "meaning" "seating".
 */
function corrected(word: string, vocabulary: Map<string, number>, lang: Language): string | undefined {
  // A three-letter word that is no word may be a longer one missing a letter ("kds", "bok") or with two
  // swapped ("teh"); another letter in its place makes too many other words to guess.
  const allowance = word.length === 3 && lang.shortTypos ? 1 : lang.typoAllowance(word);
  if (allowance === 0) return undefined;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary) {
    if (candidate.length < 3 || candidate[0] !== word[0]) continue;
    if (word.length === 3 && candidate.length !== 4 && [...candidate].sort().join('') !== [...word].sort().join('')) continue;
    const distance = editDistance(word, candidate, allowance);
    if (distance > allowance) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
  }
  return best?.word;
}

/** "kidsprice" → ["kids", "price"]: both halves known, one of them a word that names a topic. */
function runTogether(word: string, known: (w: string) => boolean, telling: (w: string) => boolean): string[] | undefined {
  if (word.length < 6) return undefined;
  for (let k = 3; k <= word.length - 3; k++) {
    const [a, b] = [word.slice(0, k), word.slice(k)];
    if (known(a) && known(b) && (telling(a) || telling(b))) return [a, b];
  }
  return undefined;
}

/**
 * "thunderstorm" → "storm": a word English knows that ends in a word of one of the tenant's
 * synonym groups, after another word English knows (a compound names a kind of its last word).
 */
function compoundOf(word: string, lexicon: Lexicon): string | undefined {
  // Both halves words of their own length: "suitable" is no kind of table.
  for (let k = 4; k <= word.length - 5; k++) {
    const [head, last] = [word.slice(0, k), word.slice(k)];
    if (lexicon.lang.isCommonWord(head) && lexicon.members.has(last)) return last;
  }
  return undefined;
}

/** Words run together, as one stem: "add", "ons" → "addon". */
const squash = (ws: string[], lang: Language) => lang.stem(ws.join(''));

/** "nonrefundable" → "refundable", when the FAQ knows the rest and not the whole (see `PREFIXES`). */
function unprefixed(word: string, known: (w: string) => boolean, lang: Language): string | undefined {
  const prefix = lang.prefixes.find((p) => word.startsWith(p) && word.length - p.length >= 3);
  return prefix && known(word.slice(prefix.length)) ? word.slice(prefix.length) : undefined;
}

/**
 * The concept of a run of stems read word by word as the concepts they mean alone ("min spend" → "minimum
 * spend"), when it keeps a word of the phrase as the phrase has it: "book the slot" is not "secure the date".
 */
function canonicalPhrase(run: string[], lexicon: Lexicon): string | undefined {
  const canon = run.map((s) => lexicon.phrases.get(s) ?? s).join(' ');
  const found = lexicon.canonical.get(canon);
  const keeps = (stems: string[]) => stems.some((s, k) => s === run[k] && saysAStem(s, lexicon.lang));
  return lexicon.phrases.get(canon) ?? (found?.phrases.some(keeps) ? found.concept : undefined);
}

/**
 * What a text is about: its words mended (typos, prefixes, words run together), stemmed, synonyms
 * and phrases read as one concept however they are spaced or hyphenated,
 * stopwords gone.
 */
interface Concepts {
  concepts: Set<string>;
  /** The concepts from words none of the FAQ's questions use that mostly modify (adjectives, adverbs) or are verbs. */
  describing: Set<string>;
  /** How many times the text names each concept ("an estimate of the total cost": price, three times). */
  times: Map<string, number>;
  /** Concepts the text does not name but its counts of people say ("7 ppl": fewer than the minimum). */
  inferred: Set<string>;
  /** Where in the text each concept is first named (a word's index; what a headcount says, after the last). */
  firstAt: Map<string, number>;
}

function conceptsOf(text: string, lexicon: Lexicon, { places = new Set(), classes, figures }: RankOptions = {}): Concepts {
  const { lang } = lexicon;
  const stem = lang.stem;
  const known = (w: string) => lexicon.vocabulary.has(w) || lexicon.knownStems.has(stem(w)) || lexicon.squashed.has(stem(w));
  const telling = (w: string) => known(w) && !lang.stopwords.has(w) && !lexicon.neutral.has(stem(w));
  const raw = tokens(text, lang);
  const rawStems = raw.map(stem);
  // The tenant's own phrases and words win over a class that covers no more of the text ("orange
  // county" is the tenant's; "orange" alone, only part of that phrase, may be a town).
  const tenantAt = (at: number) => {
    for (let len = Math.min(lexicon.longestPhrase, raw.length - at); len >= 1; len--) {
      if (lexicon.phrases.has(rawStems.slice(at, at + len).join(' ')) || lexicon.squashed.has(squash(raw.slice(at, at + len), lang))) return len;
    }
    const s = rawStems[at] ?? '';
    return lang.stopwords.has(raw[at] ?? '') || lexicon.neutral.has(s) || lexicon.askStems.has(s) ? 1 : 0;
  };
  const wordClasses = classes ?? classesFor(lang);
  const { rest: marked, said } = counted(markClasses(raw, { classes: wordClasses, places, tenantAt, lang }), lang, figures);
  const mended = marked.flatMap((w) => {
    if (w.startsWith('#') || lang.stopwords.has(w) || known(w)) return [w];
    const rest = unprefixed(w, known, lang);
    if (rest) return [rest];
    // A word English knows is what the visitor meant, not a typo of one of ours; a compound ending in
    // one of ours is a kind of it ("thunderstorm": a storm).
    if (lang.isCommonWord(w)) return [compoundOf(w, lexicon) ?? w];
    const mended = corrected(w, lexicon.vocabulary, lang);
    return mended ? [mended] : (runTogether(w, known, telling) ?? [w]);
  });
  const stems = mended.map(stem);
  const placeNames = new Set<string>();
  const concepts = new Set<string>();
  const describing = new Set<string>();
  const used = new Set<number>();
  const times = new Map<string, number>();
  const firstAt = new Map<string, number>();
  const add = (c: string, at: number) => {
    if (!firstAt.has(c) || (firstAt.get(c) ?? 0) > at) firstAt.set(c, at);
    concepts.add(c);
    times.set(c, (times.get(c) ?? 0) + 1);
  };
  // Words run together only where one of them says something: "are a" is not "area".
  const saysSomething = (ws: string[]) => ws.length === 1 || ws.some((w) => !lang.stopwords.has(w));
  const phraseAt = (i: number, len: number) => {
    const run = stems.slice(i, i + len);
    const typed = mended.slice(i, i + len);
    return (
      lexicon.phrases.get(run.join(' ')) ??
      (saysSomething(typed) ? lexicon.squashed.get(squash(typed, lang)) : undefined) ??
      (len > 1 ? canonicalPhrase(run, lexicon) : undefined)
    );
  };
  // Phrases as typed, longest first from the left.
  for (let i = 0; i < stems.length; i++) {
    for (let len = Math.min(lexicon.longestPhrase, stems.length - i); len >= 2; len--) {
      const concept = phraseAt(i, len);
      if (concept === undefined) continue;
      add(concept, i);
      for (let k = i; k < i + len; k++) used.add(k);
      i += len - 1;
      break;
    }
  }
  // Phrases with words between or in another order ("pay everything in advance": an advance payment).
  for (const { stems: wanted, concept } of lexicon.spread) {
    const at = wanted.map((s) => stems.findIndex((t, k) => t === s && !used.has(k)));
    if (at.some((k) => k < 0) || Math.max(...at) - Math.min(...at) > SPREAD_WINDOW) continue;
    add(concept, Math.min(...at));
    for (const k of at) used.add(k);
  }
  for (let i = 0; i < stems.length; i++) {
    // A word that carries no topic never means one through its stem: "but" is not "butter", nor "even" "evening".
    if (used.has(i) || lang.stopwords.has(mended[i] ?? '')) continue;
    const concept = phraseAt(i, 1);
    if (concept !== undefined) {
      add(concept, i);
      continue;
    }
    const w = mended[i] ?? '';
    const s = stems[i] ?? w;
    if (!lang.stemmedStopwords.has(s) && !lexicon.neutral.has(s) && !lang.prefixes.includes(w)) {
      add(s, i);
      if (lang.isModifier(w) || lang.isVerb(w)) describing.add(s);
      if (isPlaceName(w, places, wordClasses)) placeNames.add(s);
    }
  }
  // What the party's size says counts beside what the visitor named, not as much ("vegan food for 3 guests").
  // A town's name that is also an English word ("Riverside", "Bakersfield") is the place asked about when the
  // question asks where the tenant goes ("trip charge riverside"); elsewhere it may be anything ("mount everest").
  const wherever = lexicon.phrases.get(PLACE_TOKEN);
  if (wherever !== undefined && concepts.has(wherever)) for (const s of placeNames) concepts.delete(s);
  // A count that says what the visitor also names says it again ("only six adults… the full minimum").
  // The tenant's own figure is named, not inferred: "still charged 600?" names the minimum.
  for (const c of said.filter((t) => FIGURES.has(t)).flatMap((t) => lexicon.phrases.get(t) ?? [])) add(c, stems.length);
  const fromCounts = new Set(said.filter((t) => !FIGURES.has(t)).flatMap((t) => lexicon.phrases.get(t) ?? []));
  for (const c of fromCounts) if (concepts.has(c)) times.set(c, (times.get(c) ?? 1) + 1);
  const inferred = new Set([...fromCounts].filter((c) => !concepts.has(c)));
  for (const c of inferred) concepts.add(c);
  for (const c of inferred) firstAt.set(c, stems.length);
  return { concepts, describing, times, inferred, firstAt };
}

/**
 * FAQ topics by how well they answer a question, best first. A score is
 * mostly the share of the question's meaning (its concepts, weighted by how
 * telling each is) that the topic's phrasings cover, so words the FAQ has
 * never seen ("Paris", "essay") pull it down, and words of other topics a
 * little (`OTHER_TOPIC_SHARE`); partly how much of the topic's closest
 * phrasing the question names.
 */
export function rank(faq: FaqConfig, question: string, options: RankOptions = {}): Ranked[] {
  return readClause(faq, question, options).ranked;
}

/** How a question reads to a tenant's FAQ: its topics ranked, and what it names on its own. */
export interface ClauseReading {
  ranked: Ranked[];
  /** The concepts the question names, without its context. */
  named: string[];
  /** Read with its context, it names something. */
  namesAnything: boolean;
  /** Of what the FAQ knows, it names only when (a date, a time, a day): beside a question, it tells when, not what. */
  namesOnlyWhen: boolean;
  /** Read with its context, it asks what only a person answers ("…wants proof of liability insurance. Can you send *that*?"). */
  forAPerson: boolean;
  /**
   * It names only what many topics share (`VAGUE_SHARE`): a cost, a payment, guests ("how much is *it*", "is there a
   * fee for that"). Alone it asks the FAQ's commonest thing; after another question it asks about that one.
   */
  vague: boolean;
  /** It names a thing the FAQ does not know: a noun no topic's phrasings use ("a *tasting*", "the *turf*"). */
  namesUnknown: boolean;
}

/** The share of the FAQ's topics a concept must be named by to say nothing of a topic on its own. */
const VAGUE_SHARE = 0.25;

/** A question read once: ranked (with its `context`, when told), and what it names alone. */
export function readClause(faq: FaqConfig, question: string, options: RankOptions = {}): ClauseReading {
  const index = indexOf(faq, options.language ?? english);
  const own = conceptsOf(question, index, options);
  const read = options.context ? conceptsOf(`${options.context} ${question}`, index, options) : own;
  const known = [...own.concepts].filter((c) => index.weights.has(c));
  return {
    ranked: scored(index, read, own.concepts),
    named: [...own.concepts],
    namesAnything: read.concepts.size > 0,
    namesOnlyWhen: known.length > 0 && known.every((c) => index.when.has(c)),
    forAPerson: read.concepts.has(HANDOFF),
    namesUnknown: [...own.concepts].some((c) => !index.weights.has(c) && !own.describing.has(c) && !index.when.has(c) && c !== HANDOFF),
    vague: own.concepts.size > 0 && [...own.concepts].every((c) => (index.shares.get(c) ?? 0) > VAGUE_SHARE),
  };
}

/** The topics ranked by how well they answer what a text names (`own`: what its question names, apart from its context). */
function scored(index: Index, { concepts, describing, times, inferred, firstAt }: Concepts, own: ReadonlySet<string>): Ranked[] {
  const asked = [...concepts];
  const weight = (c: string) => index.weights.get(c) ?? index.unknownWeight;
  // A date or time named after what the question asks about says when, not what ("a deposit for *weekend* bookings").
  const at = (c: string) => firstAt.get(c) ?? Number.POSITIVE_INFINITY;
  const whenAt = Math.min(...asked.filter((c) => index.when.has(c)).map(at));
  const askedFirst = asked.some((c) => index.weights.has(c) && !index.when.has(c) && at(c) < whenAt);
  const named = (c: string) =>
    weight(c) *
    (inferred.has(c) ? INFERRED_SHARE : 1 + REPEAT * ((times.get(c) ?? 1) - 1)) *
    (askedFirst && index.when.has(c) ? WHEN_SHARE : 1) *
    (own.has(c) ? 1 : CONTEXT_SHARE);
  // What only the context names and the FAQ does not know counts for nothing: it tells of the visitor, not what they ask.
  const against = (c: string) => (index.weights.has(c) ? OTHER_TOPIC_SHARE : !own.has(c) ? 0 : describing.has(c) ? DESCRIBING_SHARE : 1);
  // Nothing asked, or something only a person answers: no topic answers it.
  if (asked.length === 0 || asked.includes(HANDOFF)) return index.topics.map((t) => ({ entry: t.entry, score: 0 }));
  const sum = (cs: Iterable<string>) => [...cs].reduce((total, c) => total + weight(c), 0);
  const ranked = index.topics.map((topic) => {
    const covered = asked.filter((c) => topic.concepts.has(c)).reduce((total, c) => total + named(c), 0);
    const other = asked.filter((c) => !topic.concepts.has(c)).reduce((total, c) => total + against(c) * named(c), 0);
    let closest = 0;
    let likest = 0;
    for (const ask of topic.asks) {
      const shared = sum(asked.filter((c) => ask.has(c)));
      const size = sum(ask);
      closest = Math.max(closest, size === 0 ? 0 : shared / size);
      likest = Math.max(likest, shared / (size + sum(asked.filter((c) => !ask.has(c)))));
    }
    return { entry: topic.entry, score: QUESTION_SHARE * (covered / (covered + other)) + (1 - QUESTION_SHARE) * closest, likest };
  });
  // On a tie, the topic with the phrasing most like the question wins ("kids price": the children's
  // "how much for toddlers", not the prices' "how much does it cost"); then the topic listed first.
  return ranked.sort((a, b) => b.score - a.score || b.likest - a.likest).map(({ entry, score }) => ({ entry, score }));
}

/** The concepts a question comes down to, for tests and for tuning a tenant's synonyms. */
export function explain(faq: FaqConfig, question: string, options: RankOptions = {}): string[] {
  return [...conceptsOf(question, indexOf(faq, options.language ?? english), options).concepts];
}
