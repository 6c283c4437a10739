import type { ChatAction, ChatMessage } from '../../src/contract';
import type { Tenant } from '../tenants';

/** The visitor-facing names of what a reply offers (DESIGN.md's "Talk to a person"). */
export const ACTIONS: Record<ChatAction['type'], ChatAction> = {
  quote: { type: 'quote', label: 'Get a quote' },
  handoff: { type: 'handoff', label: 'Talk to a person' },
};

export interface AnswerRequest {
  tenant: Tenant;
  /** The visitor's message as typed. Text to answer, never to log. */
  question: string;
  /** The conversation before this message, oldest first. */
  history: readonly ChatMessage[];
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
