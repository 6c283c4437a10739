import { english, type Language } from './language';
import { words } from './normalize';

export interface Clause {
  /** The clause as typed (noise already gone). */
  text: string;
  /**
   * `question`: it asks something (it starts like a question, has a question
   * word in it, or is one of a list of topics asked with a question mark).
   * `aside`: it goes on with a question in its sentence ("how much for 15
   * adults *and 5 kids*"). `statement`: its sentence asks nothing ("We need
   * vegan food.", "Sent from my iPhone").
   */
  role: 'question' | 'aside' | 'statement';
  /** Which sentence of the message it is in, from 0. */
  sentence: number;
  /** It starts by telling of the visitor ("my guest list…", "we're at 70 now"). */
  tells: boolean;
  /** It starts by adding a question of its own ("*also* do you cover Irvine"). */
  adds?: boolean;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const joiners = new WeakMap<Language, RegExp>();
/**
 * Where a language's sentences may hold two questions: its joining marks, its joining words between spaces.
 * A mark between two numbers joins them ("8/23", "5+3", "1,500"): it is a date or a figure, not two questions.
 * One group captures the joiner, so a split keeps it (at odd places) and shows what each piece starts with.
 */
function joinerOf(lang: Language): RegExp {
  let joiner = joiners.get(lang);
  if (!joiner) {
    const { marks, words } = lang.clauseJoiners;
    const mark = marks.map(escaped).join('|');
    joiner = new RegExp(`((?<!\\d\\s*)\\s*(?:${mark})\\s*|(?<=\\d\\s*)\\s*(?:${mark})(?!\\s*\\d)\\s*|\\s+(?:${words.map(escaped).join('|')})\\s+)`, 'giu');
    joiners.set(lang, joiner);
  }
  return joiner;
}
/**
 * Sentence ends (a full stop before a letter too: "rains.can you"; not after an abbreviation; a double dash between
 * spaces: "Booking confirmation -- can I move my date"), and list markers: "1)", "2.".
 */
const SENTENCE_END_NO_LIST = /[?!;\n]+|\.(?=\s|$|\p{L})|\s-{2,}(?=\s|$)/gu;
const LIST_MARKER = /(?:^|\s)\(?\d{1,2}[).](?=\s)/gu;
const SENTENCE_END = new RegExp(`${SENTENCE_END_NO_LIST.source}|${LIST_MARKER.source}`, 'gu');

const ONLY_A_NUMBER = /^[$€£]?\d[\d.,]*\s*\p{L}{0,2}$/u;

/** Only these words, at least one of them a core one ("hi there", "good morning"). */
const only = (text: string, lang: Language, core: ReadonlySet<string>, fillers: ReadonlySet<string>) => {
  const ws = words(text, lang);
  return ws.some((w) => core.has(w)) && ws.every((w) => core.has(w) || fillers.has(w));
};
export const isGreeting = (text: string, lang: Language = english) => only(text, lang, lang.greetings, lang.greetingFillers);
export const isThanks = (text: string, lang: Language = english) => only(text, lang, lang.thanks, lang.thanksFillers);

/** "and do you bring a DJ" → "do you bring a DJ": after ", and" the comma has cut the clause, not the "and". */
function withoutLeadingFillers(part: string, lang: Language): string {
  let text = part.trim();
  for (let word = /^(\p{L}+)\s+/u.exec(text); word && lang.leadingFillers.has(word[1]?.toLowerCase() ?? ''); word = /^(\p{L}+)\s+/u.exec(text)) {
    text = text.slice(word[0].length);
  }
  return text;
}

/** Whether a clause asks on its own: it starts like a question, or has a question word in it. */
function asksItself(text: string, lang: Language): boolean {
  const ws = words(text, lang);
  const first = ws.find((w) => !lang.leadingFillers.has(w));
  return (first !== undefined && lang.questionOpeners.has(first)) || ws.some((w) => lang.questionWords.has(w));
}

/**
 * Whether what the visitor tells has a question run on to it: "my daughter is vegan *can you* cook for her", "we have
 * a canopy *is that* ok". It asks, though it starts by telling; two words at least before the question.
 */
function hasRunOnQuestion(piece: string, lang: Language): boolean {
  const ws = words(piece, lang);
  return ws.some(
    (opener, i) => i >= 2 && lang.questionOpeners.has(opener) && lang.runOn.subjects.has(ws[i + 1] ?? '') && !lang.runOn.notAfter.has(ws[i - 1] ?? ''),
  );
}

/** Whether a clause starts by telling of the visitor ("my guest list…", "we're at 70 now"). */
const tellsOfVisitor = (text: string, lang: Language) => lang.firstPerson.has(words(text, lang).find((w) => !lang.leadingFillers.has(w)) ?? '');

/**
 * A message cut where one question may end and another begin: at sentence
 * ends, and at the words and marks that join two questions in one sentence
 * ("…deposit *and* is it refundable", "deposit amount *&* refund policy").
 * Cutting too often is safe: clauses that name no topic are read past, and one
 * answer that covers several clauses is given once (see topics.ts).
 */
export function clausesOf(message: string, lang: Language = english): Clause[] {
  // An aside in brackets ("(ages 3 and 7)", "(sent from my phone)") is detail, not a question.
  const text = lang.shorthands.reduce((t, [shorthand, meaning]) => t.replace(shorthand, meaning), message).replace(/\([^()]*\)/g, ' ');
  const clauses: Clause[] = [];
  let at = 0;
  const sentences: { text: string; question: boolean; exclaims?: boolean }[] = [];
  // A list has two items at least: one "10." alone is a number that ends a sentence ("ages 4, 7 and 10. Do they pay?").
  const ends = (text.match(LIST_MARKER)?.length ?? 0) >= 2 ? SENTENCE_END : SENTENCE_END_NO_LIST;
  for (const end of text.matchAll(ends)) {
    if (end[0] === '.' && lang.abbreviations.has(/(\p{L}+)$/u.exec(text.slice(0, end.index))?.[1]?.toLowerCase() ?? '')) continue;
    sentences.push({ text: text.slice(at, end.index), question: end[0].includes('?'), exclaims: end[0].includes('!') && !end[0].includes('?') });
    at = end.index + end[0].length;
  }
  sentences.push({ text: text.slice(at), question: false });
  for (const [n, sentence] of sentences.entries()) {
    const pieces: string[] = [];
    // The pieces that start by adding a question of their own: "also do you cover Irvine".
    const adding = new Set<string>();
    const split = sentence.text.split(joinerOf(lang));
    for (const piece of split
      .flatMap((p, i) => {
        if (i % 2 === 1) return [];
        const rest = withoutLeadingFillers(p, lang);
        const before = `${split[i - 1] ?? ''} ${p.slice(0, p.length - rest.length)}`;
        if (words(before, lang).some((w) => lang.addingWords.has(w))) adding.add(rest);
        return [rest];
      })
      .filter(Boolean)) {
      const previous = pieces.at(-1);
      // A piece that is only a number goes on with the one before: "kids ages 4, 7 and 10", "$1,500".
      if (previous !== undefined && (lang.continuingWords.has(/^\p{L}+/u.exec(piece)?.[0]?.toLowerCase() ?? '') || ONLY_A_NUMBER.test(piece)))
        pieces[pieces.length - 1] = `${previous} ${piece}`;
      else pieces.push(piece);
    }
    // A greeting or a thank-you asks nothing, however its words read ("good *afternoon*").
    const parts = pieces
      .filter((p) => !isGreeting(p, lang) && !isThanks(p, lang))
      .map((text) => {
        const tells = tellsOfVisitor(text, lang);
        // An exclamation asks nothing, though it starts like a question ("can't wait for the party!"), unless it has a question word.
        const exclaims = sentence.exclaims && !words(text, lang).some((w) => lang.questionWords.has(w));
        return { text, tells, itself: !exclaims && (asksItself(text, lang) || (tells && hasRunOnQuestion(text, lang))) };
      });
    // A question mark asks with every part of a list of topics ("deposit amount & refund policy?"), but
    // not with what only goes on with a question before it ("how much for 15 adults and 5 kids?"),
    // nor with what the visitor tells of themselves ("my guest list keeps growing, too many?").
    const asking = parts.some((p) => p.itself);
    const listOfTopics = sentence.question && !asking;
    for (const { text, itself, tells } of parts) {
      const role = itself || (listOfTopics && !tells) ? 'question' : asking || listOfTopics ? 'aside' : 'statement';
      clauses.push({ text, role, sentence: n, tells, ...(adding.has(text) && { adds: true }) });
    }
  }
  return clauses;
}
