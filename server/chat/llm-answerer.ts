import { ACTIONS_IN, type Answerer, type AnswerOutcome } from './answerer';
import { answerFromFaq } from './faq-answerer';
import type { ChatLanguage } from './language';
import type { LlmConfig } from './llm-config';
import { completionMessages } from './llm-prompt';
import { completionPieces, LlmFailure } from './llm-stream';

export interface LlmOptions {
  /** No first piece of text by then: the FAQ answers instead. */
  firstTokenMs?: number;
  /** No further piece for this long, once the answer has begun: it is cut off there. */
  stallMs?: number;
  /** Where a failure is reported (its reason only, never the visitor's words). */
  warn?: (message: string) => void;
}

/** Said when the model breaks off after the visitor has seen part of its answer: what was sent stands, and a person is offered. */
export const CUT_OFF_IN: Record<ChatLanguage, string> = {
  en: ' … Sorry, I was cut off there. Ask me again, or talk to a person.',
  es: ' … Perdón, se me cortó la respuesta. Pregúntame de nuevo, o habla con una persona.',
};

/**
 * Answers with a language model behind any OpenAI-compatible chat-completions
 * endpoint, streamed as the model writes, grounded on the tenant's FAQ and
 * catalog figures (see llm-prompt.ts). Falls back to `fallback` (the FAQ) when
 * the model fails or is slow before its first piece of text, so the visitor
 * always gets an answer. What a reply offers follows the FAQ's own ranking of
 * the question: a quote for pricing, a person when the FAQ is not sure.
 */
export function createLlmAnswerer(config: LlmConfig, fallback: Answerer, options: LlmOptions = {}): Answerer {
  const { firstTokenMs = 3000, stallMs = 10_000, warn = (m: string) => console.warn(`[teppan] ${m}`) } = options;

  return {
    async answer(request, emit) {
      const { tenant, question, history, language = 'en' } = request;
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = (ms: number, why: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(new LlmFailure(why)), ms);
      };
      let sent = 0;
      deadline(firstTokenMs, `no answer within ${firstTokenMs} ms`);
      try {
        let res: Response;
        try {
          res = await fetch(config.url, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Accept: 'text/event-stream',
              ...(config.key ? { Authorization: `Bearer ${config.key}` } : {}),
            },
            body: JSON.stringify({
              model: config.model,
              stream: true,
              temperature: 0.2,
              max_tokens: 400,
              messages: completionMessages(tenant, question, history, language),
            }),
            signal: controller.signal,
          });
        } catch (error) {
          throw controller.signal.aborted
            ? controller.signal.reason
            : new LlmFailure(`cannot reach the model (${error instanceof Error ? error.message : 'network error'})`);
        }
        if (!res.ok || !res.body) throw new LlmFailure(`the model answered ${res.status}`);
        for await (const piece of completionPieces(res.body)) {
          if (controller.signal.aborted) throw controller.signal.reason;
          deadline(stallMs, `the answer stalled for ${stallMs} ms`);
          emit(piece);
          sent++;
        }
        if (controller.signal.aborted) throw controller.signal.reason;
        if (sent === 0) throw new LlmFailure('the model gave no text');
        return outcomeOf(answerFromFaq(tenant, question, language));
      } catch (error) {
        // An abort surfaces as the reason the deadline gave it.
        const reason = controller.signal.aborted && controller.signal.reason instanceof LlmFailure ? controller.signal.reason : error;
        const why = reason instanceof LlmFailure ? reason.message : 'unexpected failure';
        if (sent === 0) {
          warn(`language model unavailable (${why}); answered from the FAQ`);
          return fallback.answer(request, emit);
        }
        warn(`language model broke off mid-answer (${why})`);
        emit(CUT_OFF_IN[language]);
        return { actions: [ACTIONS_IN[language].handoff], confident: false };
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  };
}

const outcomeOf = (faq: AnswerOutcome): AnswerOutcome => ({ actions: faq.actions, confident: faq.confident });
