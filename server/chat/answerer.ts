import type { ChatAction, ChatMessage } from '../../src/contract';
import type { Tenant } from '../tenants';
import type { ChatLanguage } from './language';

/**
 * The visitor-facing names of what a reply offers, by language (DESIGN.md's "Talk to a person"; the widget's
 * own catalogs say the same, and a client may word an action by its type).
 */
export const ACTIONS_IN: Record<ChatLanguage, Record<ChatAction['type'], ChatAction>> = {
  en: { quote: { type: 'quote', label: 'Get a quote' }, handoff: { type: 'handoff', label: 'Talk to a person' } },
  es: { quote: { type: 'quote', label: 'Cotizar' }, handoff: { type: 'handoff', label: 'Hablar con una persona' } },
};

export interface AnswerRequest {
  tenant: Tenant;
  /** The visitor's message as typed. Text to answer, never to log. */
  question: string;
  /** The conversation before this message, oldest first. */
  history: readonly ChatMessage[];
  /** The language to answer in (./language.ts `answerLanguage`): English unless told. */
  language?: ChatLanguage;
}

/** What a reply offers besides its words. */
export interface AnswerOutcome {
  actions: ChatAction[];
  /** False when no answer was sure enough and a person is offered instead. */
  confident: boolean;
}

/**
 * Where the chat's answers come from (the tenant's FAQ, or a language model
 * grounded on it). An answer is streamed: `emit` gets its text piece by piece,
 * and the reply's text is exactly those pieces joined.
 */
export interface Answerer {
  answer(request: AnswerRequest, emit: (text: string) => void): Promise<AnswerOutcome>;
}
