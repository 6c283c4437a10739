import type { ChatMessage, ChatStreamEvent } from '../../src/contract';
import { newResourceId } from '../domain/ids';
import type { IdempotencySettlement } from '../http/idempotency';
import { problemBody } from '../http/problem';
import type { Store, StoredChatMessage } from '../store/types';
import type { Tenant } from '../tenants';
import type { Answerer } from './answerer';
import { createEventLines, NDJSON, ndjsonLine } from './event-lines';
import type { ChatLanguage } from './language';

/** What a visitor may read of a stored message. */
export function publicMessage({ replyTo: _, ...message }: StoredChatMessage): ChatMessage {
  return message;
}

export const streamHeaders = {
  'Content-Type': NDJSON,
  'Cache-Control': 'no-store',
  // Proxies that buffer (nginx) would hold the pieces back until the end.
  'X-Accel-Buffering': 'no',
};

export interface ReplyJob {
  store: Store;
  tenant: Tenant;
  conversationId: string;
  /** The visitor's message, already stored. */
  visitor: StoredChatMessage;
  /** The conversation before it, oldest first. */
  history: ChatMessage[];
  /** What to answer in (./language.ts `answerLanguage`). */
  language: ChatLanguage;
  answerer: Answerer;
  now: () => number;
  /** The Idempotency-Key's claim, settled when the reply is complete. */
  settlement: IdempotencySettlement;
  requestId: string;
}

/**
 * Answers a visitor's message as a stream of events. The answer is produced
 * and stored by a job of its own, not by the response's reader, so a visitor
 * whose connection drops mid-answer still gets the whole reply stored, and a
 * retry with the same key replays it. A failure mid-way ends the stream with
 * an `error` event and frees the key, so a retry answers again.
 */
export function streamReply(job: ReplyJob): Response {
  const { store, tenant, conversationId, visitor, history, language, answerer, now, settlement, requestId } = job;
  const lines = createEventLines();
  const replyId = newResourceId('msg');
  lines.write({ type: 'start', conversationId, messageId: visitor.id, replyId });

  const run = async () => {
    let text = '';
    try {
      const outcome = await answerer.answer({ tenant, question: visitor.text, history, language }, (piece) => {
        if (!piece) return;
        text += piece;
        lines.write({ type: 'delta', text: piece });
      });
      if (!text) throw new Error('The answerer gave no text.');
      const reply: StoredChatMessage = {
        id: replyId,
        role: 'assistant',
        text,
        createdAt: new Date(now()).toISOString(),
        actions: outcome.actions,
        confident: outcome.confident,
        replyTo: visitor.id,
      };
      await store.addChatMessage(tenant.id, conversationId, reply, now());
      lines.write({ type: 'end', message: publicMessage(reply) });
      lines.close();
      await settlement.finish({ status: 200, body: lines.text() });
    } catch (error) {
      // The error's message, never the visitor's words.
      console.error(`[teppan] chat reply failed (request ${requestId}): ${error instanceof Error ? error.message : 'unknown error'}`);
      lines.write({
        type: 'error',
        problem: problemBody({
          status: 500,
          code: 'reply-failed',
          title: 'Reply failed',
          detail: `Sorry, the answer broke off. Send your message again. Request id ${requestId}.`,
        }),
      });
      lines.close();
      await settlement.release().catch((e: unknown) => console.error(`[teppan] chat reply ${requestId}: could not free its key: ${String(e)}`));
    }
  };
  void run();
  return new Response(lines.body, { status: 200, headers: streamHeaders });
}

/** A reply already stored, as the events that first streamed it, all at once. */
export function storedReplyBody(conversationId: string, visitor: StoredChatMessage, reply: StoredChatMessage): string {
  const events: ChatStreamEvent[] = [
    { type: 'start', conversationId, messageId: visitor.id, replyId: reply.id },
    { type: 'delta', text: reply.text },
    { type: 'end', message: publicMessage(reply) },
  ];
  return events.map(ndjsonLine).join('');
}
