import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The label of a question the FAQ does not cover, or of the part of one it does not: a person should answer it. */
export const OFF_TOPIC = 'off-topic';

export type Half = 'tuning' | 'held-out';

export interface EvalQuestion {
  /** The question exactly as a visitor typed it. */
  text: string;
  /** The acceptable answers: each a set of topic ids (`off-topic` for a part a person should answer). */
  expected: string[][];
  half: Half;
  /** Who wrote it: the section's `# source: …` line above it (`team` before any). */
  source: string;
  /** Its line in the file, for reports. */
  line: number;
}

/**
 * Which half a question belongs to, fixed by a hash of its text (case and
 * spacing aside, so "HI" and "hi" fall together): tuning when the SHA-256's
 * first byte is even. Never depends on the file's order or size, so adding
 * questions never moves the old ones.
 */
export function halfOf(text: string): Half {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const first = createHash('sha256').update(normalised).digest()[0] ?? 0;
  return first % 2 === 0 ? 'tuning' : 'held-out';
}

/** The evaluation file: `expected question` a line (see its header), `#` comments, `# source: name` before the questions a writer added. */
export function parseEvalSet(file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  let source = 'team';
  for (const [i, raw] of file.split('\n').entries()) {
    const line = raw.trim();
    const named = /^#\s*source:\s*(\S+)/.exec(line);
    if (named?.[1]) source = named[1];
    if (!line || line.startsWith('#')) continue;
    const space = line.search(/\s/);
    if (space < 0) throw new Error(`Line ${i + 1}: expected a label, a space and a question.`);
    const text = line.slice(space).trim();
    const expected = line
      .slice(0, space)
      .split('|')
      .map((alternative) => alternative.split('+'));
    questions.push({ text, expected, half: halfOf(text), source, line: i + 1 });
  }
  return questions;
}

export const EVAL_SET_PATH = new URL('./questions.txt', import.meta.url);
/** The Spanish set: the same labels and split, questions as visitors write them in Spanish. */
export const EVAL_SET_ES_PATH = new URL('./questions.es.txt', import.meta.url);

export const loadEvalSet = (path: URL = EVAL_SET_PATH): EvalQuestion[] => parseEvalSet(readFileSync(path, 'utf8'));

/** What a reply gave, as the bench reads it. */
export interface Answered {
  /** The FAQ topics answered, in order; `unsure` when a part (or all) was left to a person. */
  topics: string[];
  /** Whether the reply offers a person. */
  handoff: boolean;
}

const UNSURE = 'unsure';

/** Whether an answer is one of the acceptable ones: the same topics, and a person offered exactly when a part is off-topic. */
export function isRight(question: EvalQuestion, got: Answered): boolean {
  const answered = new Set(got.topics.filter((t) => t !== UNSURE));
  const leftToPerson = got.topics.includes(UNSURE);
  return question.expected.some((alternative) => {
    const topics = alternative.filter((t) => t !== OFF_TOPIC);
    const offTopic = alternative.includes(OFF_TOPIC);
    return topics.length === answered.size && topics.every((t) => answered.has(t)) && leftToPerson === offTopic && (!offTopic || got.handoff);
  });
}

/** Wholly off-topic: no acceptable answer gives any topic. */
export const isOffTopic = (q: EvalQuestion) => q.expected.every((alternative) => alternative.every((t) => t === OFF_TOPIC));

/** Asks about two or more of the FAQ's topics: every acceptable answer has at least two. */
export const isMultiTopic = (q: EvalQuestion) => q.expected.every((alternative) => alternative.filter((t) => t !== OFF_TOPIC).length >= 2);
