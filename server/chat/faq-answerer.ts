import type { ChatAction } from '../../src/contract';
import { usPlaceNames } from '../domain/geo';
import type { Tenant } from '../tenants';
import { ACTIONS_IN, type Answerer } from './answerer';
import { isGreeting, isThanks } from './clauses';
import { factsOf, list, render } from './facts';
import { type FaqConfig, faqIn } from './faq';
import { CHAT_LANGUAGES, type ChatLanguage, LANGUAGES, type Language } from './language';
import { withoutNoise } from './noise';
import { zipIn } from './normalize';
import { type AskedTopics, topicsAsked } from './topics';
import { zipTravelSentence } from './travel';

/** For a tenant without an FAQ: greetings answered, everything else offered to a person. */
const NO_FAQ: FaqConfig = {
  greeting: 'Hi! What would you like to know?',
  thanks: 'You’re welcome!',
  unsure: 'I’m not sure about that one. Someone from our team can answer: choose Talk to a person and leave your question.',
  unsurePart: 'As for {question}, I’m not sure. Someone from our team can answer: choose Talk to a person.',
  zipSentences: { free: '', charged: '', outside: '', unknown: '' },
  neutral: [],
  synonyms: [],
  entries: [],
};

export interface FaqReply {
  /** The FAQ entries answered, by id, in order; or `greeting`, `thanks`; `unsure` when a part (or all) is left to a person. */
  topics: string[];
  text: string;
  actions: ChatAction[];
  confident: boolean;
}

/** A visitor's clause, quoted back in a sentence: one line, not too long. */
function quoted(clause: string): string {
  const plain = clause.replace(/\s+/g, ' ').replace(/[\s.,;:!?]+$/, '');
  return `“${plain.length > QUOTE_CHARS ? `${plain.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : plain}”`;
}
const QUOTE_CHARS = 80;

/** Answers, one paragraph each (the chat keeps line breaks). */
const PARAGRAPH = '\n\n';

/**
 * The FAQ's answer to a message: one entry's answer, or several in the order
 * the message asks them (with what it could not answer said plainly, and a
 * person offered); figures from the catalog, a ZIP's travel from the rules;
 * or a plain "not sure" that offers a person. Markup, links and code around
 * the question are read past. In `language` when the tenant's FAQ is written
 * in it (read with that language's words), else in English.
 */
export function answerFromFaq(tenant: Tenant, question: string, language: ChatLanguage = 'en'): FaqReply {
  const written = tenant.faq && faqIn(tenant.faq, language);
  const speaks: ChatLanguage = written ? language : 'en';
  const faq = written?.faq ?? tenant.faq ?? NO_FAQ;
  const lang = LANGUAGES[speaks];
  const offers = ACTIONS_IN[speaks];
  const facts = factsOf(tenant.catalog, speaks);
  const text = withoutNoise(question);
  // A greeting or a thank-you in either language, or both at once ("hola good morning").
  const inAny = (test: (t: string, l: Language) => boolean) => CHAT_LANGUAGES.some((c) => test(text, LANGUAGES[c]));
  if (inAny(isGreeting)) return { topics: ['greeting'], text: render(faq.greeting, facts), actions: [], confident: true };
  if (inAny(isThanks)) return { topics: ['thanks'], text: render(faq.thanks, facts), actions: [], confident: true };
  const figures = {
    fewest: Number(facts.minimumAdults),
    most: tenant.catalog.guests.maxGuests,
    minimumAmount: tenant.catalog.minimumFoodCents / 100,
    depositAmount: tenant.catalog.depositCents / 100,
  };
  const asked = (inFaq: FaqConfig, language: Language) => topicsAsked(inFaq, text, { places: usPlaceNames(), language, figures });
  const { answers, unanswered } = withOtherLanguages(asked(faq, lang), tenant.faq, speaks, faq, asked);
  if (answers.length === 0) {
    return { topics: ['unsure'], text: render(faq.unsure, facts), actions: [offers.handoff], confident: false };
  }
  const zip = zipIn(text);
  // The ZIP's travel goes with the answer to the clause that names it, else with the first answer that can say it.
  const withZip = zip ? (answers.find((a) => a.entry.withZip && a.clauses.some((c) => zipIn(c))) ?? answers.find((a) => a.entry.withZip)) : undefined;
  const paragraphs = answers.map(({ entry }) =>
    zip && entry === withZip?.entry && entry.withZip
      ? render(entry.withZip, { ...facts, zipTravel: zipTravelSentence(tenant.catalog, faq.zipSentences, facts, zip) })
      : render(entry.answer, facts),
  );
  if (unanswered.length > 0) paragraphs.push(render(faq.unsurePart, { ...facts, question: list(unanswered.map(quoted), speaks) }));
  const actions = [...answers.flatMap(({ entry }) => entry.actions ?? []), ...(unanswered.length > 0 ? (['handoff'] as const) : [])];
  return {
    topics: [...answers.map(({ entry }) => entry.id), ...(unanswered.length > 0 ? ['unsure'] : [])],
    text: paragraphs.join(PARAGRAPH),
    actions: [...new Set(actions)].map((type) => offers[type]),
    confident: true,
  };
}

/**
 * A message nothing answers in its language may be written half in another ("langosta how much extra por
 * plato"): the tenant's FAQ in each other language it is written in reads it, and what that finds is
 * answered from the entries of the reply's own language (the same ids).
 */
function withOtherLanguages(
  found: AskedTopics,
  tenantFaq: FaqConfig | undefined,
  speaks: ChatLanguage,
  faq: FaqConfig,
  asked: (inFaq: FaqConfig, language: Language) => AskedTopics,
): AskedTopics {
  if (found.answers.length > 0 || found.forAPerson || !tenantFaq) return found;
  for (const other of CHAT_LANGUAGES) {
    const written = other === speaks ? undefined : faqIn(tenantFaq, other);
    if (!written) continue;
    const there = asked(written.faq, LANGUAGES[other]);
    const answers = there.answers.flatMap(({ entry, clauses }) => {
      const own = faq.entries.find((e) => e.id === entry.id);
      return own ? [{ entry: own, clauses }] : [];
    });
    if (answers.length > 0) return { answers, unanswered: there.unanswered };
  }
  return found;
}

export interface Pace {
  /** Words per streamed piece. */
  wordsPerDelta: number;
  /** The pause between pieces, at most. */
  delayMs: number;
  /** The pauses of one answer together, at most: a long answer streams faster. */
  budgetMs: number;
}

/** A few words every ~20 ms: the reply visibly streams, and a long one is whole in well under a second. */
export const DEFAULT_PACE: Pace = { wordsPerDelta: 3, delayMs: 20, budgetMs: 500 };

/** "a b c d e" → ["a b c ", "d e"]: each piece a few words with their spaces, so the pieces join to the text. */
export function piecesOf(text: string, wordsPerDelta: number): string[] {
  const tokens = text.match(/\s*\S+\s*/g) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerDelta) pieces.push(tokens.slice(i, i + wordsPerDelta).join(''));
  return pieces;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The built-in answerer: the tenant's FAQ, streamed a few words at a time. */
export function createFaqAnswerer(pace: Pace = DEFAULT_PACE): Answerer {
  return {
    async answer({ tenant, question, language }, emit) {
      const reply = answerFromFaq(tenant, question, language);
      const pieces = piecesOf(reply.text, pace.wordsPerDelta);
      const gap = Math.min(pace.delayMs, Math.floor(pace.budgetMs / Math.max(1, pieces.length)));
      for (const [i, piece] of pieces.entries()) {
        if (i > 0 && gap > 0) await sleep(gap);
        emit(piece);
      }
      return { actions: reply.actions, confident: reply.confident };
    },
  };
}
