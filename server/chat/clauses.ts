import { words } from './normalize';
import {
  ABBREVIATIONS,
  CLAUSE_JOINERS,
  CONTINUING_WORDS,
  FIRST_PERSON,
  GREETING_FILLERS,
  GREETINGS,
  LEADING_FILLERS,
  QUESTION_OPENERS,
  QUESTION_WORDS,
  SHORTHANDS,
  THANKS,
  THANKS_FILLERS,
} from './words';

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
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const JOINER = new RegExp(`\\s*(?:${CLAUSE_JOINERS.marks.map(escaped).join('|')})\\s*|\\s+(?:${CLAUSE_JOINERS.words.map(escaped).join('|')})\\s+`, 'giu');
/** Sentence ends (a full stop before a letter too: "rains.can you"; not after an abbreviation), and list markers: "1)", "2.". */
const SENTENCE_END = /[?!;\n]+|\.(?=\s|$|\p{L})|(?:^|\s)\(?\d{1,2}[).](?=\s)/gu;

/** Only these words, at least one of them a core one ("hi there", "good morning"). */
const only = (text: string, core: Set<string>, fillers: Set<string>) => {
  const ws = words(text);
  return ws.some((w) => core.has(w)) && ws.every((w) => core.has(w) || fillers.has(w));
};
export const isGreeting = (text: string) => only(text, GREETINGS, GREETING_FILLERS);
export const isThanks = (text: string) => only(text, THANKS, THANKS_FILLERS);

/** "and do you bring a DJ" → "do you bring a DJ": after ", and" the comma has cut the clause, not the "and". */
function withoutLeadingFillers(part: string): string {
  let text = part.trim();
  for (let word = /^(\p{L}+)\s+/u.exec(text); word && LEADING_FILLERS.has(word[1]?.toLowerCase() ?? ''); word = /^(\p{L}+)\s+/u.exec(text)) {
    text = text.slice(word[0].length);
  }
  return text;
}

/** Whether a clause asks on its own: it starts like a question, or has a question word in it. */
function asksItself(text: string): boolean {
  const ws = words(text);
  const first = ws.find((w) => !LEADING_FILLERS.has(w));
  return (first !== undefined && QUESTION_OPENERS.has(first)) || ws.some((w) => QUESTION_WORDS.has(w));
}

/** Whether a clause starts by telling of the visitor ("my guest list…", "we're at 70 now"). */
const tellsOfVisitor = (text: string) => FIRST_PERSON.has(words(text).find((w) => !LEADING_FILLERS.has(w)) ?? '');

/**
 * A message cut where one question may end and another begin: at sentence
 * ends, and at the words and marks that join two questions in one sentence
 * ("…deposit *and* is it refundable", "deposit amount *&* refund policy").
 * Cutting too often is safe: clauses that name no topic are read past, and one
 * answer that covers several clauses is given once (see topics.ts).
 */
export function clausesOf(message: string): Clause[] {
  // An aside in brackets ("(ages 3 and 7)", "(sent from my phone)") is detail, not a question.
  const text = SHORTHANDS.reduce((t, [shorthand, meaning]) => t.replace(shorthand, meaning), message).replace(/\([^()]*\)/g, ' ');
  const clauses: Clause[] = [];
  let at = 0;
  const sentences: { text: string; question: boolean }[] = [];
  for (const end of text.matchAll(SENTENCE_END)) {
    if (end[0] === '.' && ABBREVIATIONS.has(/(\p{L}+)$/u.exec(text.slice(0, end.index))?.[1]?.toLowerCase() ?? '')) continue;
    sentences.push({ text: text.slice(at, end.index), question: end[0].includes('?') });
    at = end.index + end[0].length;
  }
  sentences.push({ text: text.slice(at), question: false });
  for (const [n, sentence] of sentences.entries()) {
    const pieces: string[] = [];
    for (const piece of sentence.text.split(JOINER).map(withoutLeadingFillers).filter(Boolean)) {
      const previous = pieces.at(-1);
      if (previous !== undefined && CONTINUING_WORDS.has(/^\p{L}+/u.exec(piece)?.[0]?.toLowerCase() ?? '')) pieces[pieces.length - 1] = `${previous} ${piece}`;
      else pieces.push(piece);
    }
    // A greeting or a thank-you asks nothing, however its words read ("good *afternoon*").
    const parts = pieces.filter((p) => !isGreeting(p) && !isThanks(p)).map((text) => ({ text, itself: asksItself(text), tells: tellsOfVisitor(text) }));
    // A question mark asks with every part of a list of topics ("deposit amount & refund policy?"), but
    // not with what only goes on with a question before it ("how much for 15 adults and 5 kids?"),
    // nor with what the visitor tells of themselves ("my guest list keeps growing, too many?").
    const asking = parts.some((p) => p.itself);
    const listOfTopics = sentence.question && !asking;
    for (const { text, itself, tells } of parts) {
      const role = itself || (listOfTopics && !tells) ? 'question' : asking || listOfTopics ? 'aside' : 'statement';
      clauses.push({ text, role, sentence: n });
    }
  }
  return clauses;
}
