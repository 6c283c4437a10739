import { safeStorage } from '../../core';

/** A message the visitor wrote that the server has not yet acknowledged: kept until it has. */
export interface OutboxMessage {
  messageId: string;
  text: string;
  createdAt: string;
  /**
   * The conversation it was first sent to (null: it started one). Fixed at its
   * first attempt: every resend must be the same request, byte for byte, or its
   * Idempotency-Key is refused as reused.
   */
  conversationId?: string | null;
}

/**
 * What the chat keeps on this device: which conversation it is (the history
 * comes from the server) and the messages not yet delivered, so a reload or
 * an offline spell loses nothing typed.
 */
export interface ChatMemory {
  v: 1;
  conversationId: string | null;
  outbox: OutboxMessage[];
}

const isText = (v: unknown) => typeof v === 'string';

function isOutboxMessage(value: unknown): value is OutboxMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    isText(m.messageId) && isText(m.text) && isText(m.createdAt) && (m.conversationId === undefined || m.conversationId === null || isText(m.conversationId))
  );
}

function isMemory(value: unknown): value is ChatMemory {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === 1 && (m.conversationId === null || isText(m.conversationId)) && Array.isArray(m.outbox) && m.outbox.every(isOutboxMessage);
}

export function chatMemory(scope: string) {
  const key = `teppan:chat:${scope}`;
  return {
    load: (): ChatMemory => safeStorage.read(key, isMemory) ?? { v: 1, conversationId: null, outbox: [] },
    save: (memory: ChatMemory) => safeStorage.write(key, memory),
  };
}

export type ChatMemoryStore = ReturnType<typeof chatMemory>;
