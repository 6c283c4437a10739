import { type LeadRequest, leadRequest } from '../../contract';
import { newIdempotencyKey, safeStorage } from '../../core';

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

/** What the visitor typed into "Talk to a person". */
export interface LeadValues {
  name: string;
  email: string;
  phone: string;
  question: string;
}

/**
 * The "Talk to a person" form, kept on this device from the first keystroke
 * until the team has the lead (then nothing of it is kept): a reload or an
 * offline spell loses nothing typed, and a lead whose answer never came is
 * sent again, byte for byte with its key, so the server answers with the lead
 * it may already hold.
 */
export interface LeadDraft {
  v: 1;
  /** The form is showing: it comes back with the chat after a reload. */
  open: boolean;
  values: LeadValues;
  /** Made once per lead: every attempt and re-send of it carries this key. */
  key: string;
  /** The request last sent whose outcome is unknown: sent again before anything else. */
  pending: LeadRequest | null;
}

const isValues = (v: unknown): v is LeadValues =>
  typeof v === 'object' && v !== null && ['name', 'email', 'phone', 'question'].every((k) => isText((v as Record<string, unknown>)[k]));

function isLeadDraft(value: unknown): value is LeadDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return d.v === 1 && typeof d.open === 'boolean' && isValues(d.values) && isText(d.key) && (d.pending === null || leadRequest.safeParse(d.pending).success);
}

export const newLeadDraft = (): LeadDraft => ({
  v: 1,
  open: false,
  values: { name: '', email: '', phone: '', question: '' },
  key: newIdempotencyKey(),
  pending: null,
});

export function leadMemory(scope: string) {
  const key = `teppan:chat-lead:${scope}`;
  return {
    load: (): LeadDraft => safeStorage.read(key, isLeadDraft) ?? newLeadDraft(),
    save: (draft: LeadDraft) => safeStorage.write(key, draft),
  };
}
