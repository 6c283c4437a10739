import type { ChatAction, ChatMessage, ChatStreamEvent } from '../../contract';
import { TeppanError } from '../../core';

/**
 * A visitor's message: `waiting` for the network (kept on this device),
 * `sending`, `sent` (the server has it), or `failed` (with "Try again").
 */
export type VisitorStatus = 'waiting' | 'sending' | 'sent' | 'failed';

/** A reply: arriving, complete, stopped by the visitor, or cut off by the network (what arrived is kept). */
export type ReplyState = 'streaming' | 'done' | 'stopped' | 'cut';

export type ChatEntry =
  | { kind: 'visitor'; id: string; text: string; status: VisitorStatus; error?: TeppanError; conversationId?: string | null }
  | { kind: 'reply'; id: string; forMessage: string; text: string; state: ReplyState; actions: ChatAction[]; confident: boolean; error?: TeppanError };

/** What a screen reader is told, before it is put in words: a reply's text, or what became of a message. */
export type Announcement = { kind: 'reply'; text: string } | { kind: 'cut'; error: TeppanError } | { kind: 'offline' } | { kind: 'failed'; error: TeppanError };

/** The conversation as the visitor sees it. */
export interface ChatModel {
  entries: ChatEntry[];
  /** The conversation so far is being read from the server. */
  restoring: boolean;
  /** Why the conversation so far could not be read (it is still on the server). */
  historyError: TeppanError | null;
  /** A message is on its way or its reply arriving: "Stop" is offered. */
  streaming: boolean;
  /** What a screen reader is told: a reply once it is complete, or what became of a message (worded by the panel). */
  announcement: Announcement | null;
  /** The messages waiting are being sent, oldest first: a second run waits for this one. */
  flushing: boolean;
}

export type ChatModelAction =
  /** The visitor wrote a message (kept on the device before anything is sent). */
  | { type: 'queued'; id: string; text: string }
  /** "Try again" on a message not delivered: back in the queue. */
  | { type: 'requeued'; id: string }
  | { type: 'flushing'; on: boolean }
  /** One message leaves, to the conversation it was first sent to (null: it starts one). */
  | { type: 'sending'; id: string; conversationId: string | null }
  /** The server has the message and its reply begins. */
  | { type: 'started'; id: string; replyId: string }
  /** The reply, event by event after its start. */
  | { type: 'streamed'; replyId: string; event: Exclude<ChatStreamEvent, { type: 'start' }> }
  /** The reply broke off: stopped by the visitor (no error), or cut off. */
  | { type: 'interrupted'; replyId: string; error: TeppanError | null }
  /** "Stop" before the reply began: the message was not sent. */
  | { type: 'stopped'; id: string }
  /** Not sent for want of a network: it waits, and goes when the network is back. */
  | { type: 'offline'; id: string }
  | { type: 'failed'; id: string; error: TeppanError }
  /** The delivery is over, however it ended. */
  | { type: 'delivered' }
  | { type: 'restoring' }
  /** The conversation so far; `waiting` are the ids still in this device's outbox (shown as waiting, not as sent). */
  | { type: 'restored'; messages: ChatMessage[]; waiting: string[] }
  /** The history could not be read (null: it is gone, and the next message starts a new conversation). */
  | { type: 'history-failed'; error: TeppanError | null };

/** The history as the server keeps it: each reply follows the message it answers. */
function entriesOf(messages: ChatMessage[]): ChatEntry[] {
  let lastVisitor = '';
  return messages.map((m): ChatEntry => {
    if (m.role === 'visitor') {
      lastVisitor = m.id;
      return { kind: 'visitor', id: m.id, text: m.text, status: 'sent' };
    }
    return { kind: 'reply', id: m.id, forMessage: lastVisitor, text: m.text, state: 'done', actions: m.actions ?? [], confident: m.confident ?? true };
  });
}

/** On arrival: what still waits to go is shown at once; the history follows when a conversation is on the server. */
export const initialChat = (outbox: { messageId: string; text: string }[], conversationId: string | null): ChatModel => ({
  entries: outbox.map((m) => ({ kind: 'visitor', id: m.messageId, text: m.text, status: 'waiting' })),
  restoring: conversationId !== null,
  historyError: null,
  streaming: false,
  announcement: null,
  flushing: false,
});

type Visitor = Extract<ChatEntry, { kind: 'visitor' }>;
type Reply = Extract<ChatEntry, { kind: 'reply' }>;

const visitor = (entries: ChatEntry[], id: string, change: Partial<Visitor>) =>
  entries.map((e) => (e.id === id && e.kind === 'visitor' ? { ...e, ...change } : e));
const reply = (entries: ChatEntry[], id: string, change: (e: Reply) => Partial<Reply>) =>
  entries.map((e) => (e.id === id && e.kind === 'reply' ? { ...e, ...change(e) } : e));

export function chatReducer(model: ChatModel, action: ChatModelAction): ChatModel {
  const { entries } = model;
  switch (action.type) {
    case 'queued':
      return { ...model, entries: [...entries, { kind: 'visitor', id: action.id, text: action.text, status: 'waiting' }] };
    case 'requeued':
      return { ...model, entries: visitor(entries, action.id, { status: 'waiting', error: undefined }) };
    case 'flushing':
      return { ...model, flushing: action.on };
    case 'sending':
      return {
        ...model,
        streaming: true,
        entries: visitor(entries, action.id, { status: 'sending', error: undefined, conversationId: action.conversationId }),
      };
    case 'started': {
      const started: ChatEntry = { kind: 'reply', id: action.replyId, forMessage: action.id, text: '', state: 'streaming', actions: [], confident: true };
      const sent = visitor(entries, action.id, { status: 'sent', error: undefined });
      // A retry replays the reply from its start: the same entry, filled again.
      const replayed = sent.some((e) => e.id === action.replyId);
      return { ...model, entries: replayed ? sent.map((e) => (e.id === action.replyId ? started : e)) : [...sent, started] };
    }
    case 'streamed': {
      const { event, replyId } = action;
      if (event.type === 'delta') return { ...model, entries: reply(entries, replyId, (e) => ({ text: e.text + event.text })) };
      if (event.type === 'error') {
        return { ...model, entries: reply(entries, replyId, () => ({ state: 'cut', error: new TeppanError({ kind: 'server', problem: event.problem }) })) };
      }
      const { text, actions = [], confident = true } = event.message;
      return {
        ...model,
        entries: reply(entries, replyId, () => ({ text, actions, confident, state: 'done', error: undefined })),
        announcement: { kind: 'reply', text },
      };
    }
    case 'interrupted': {
      const { error } = action;
      const cut = reply(entries, action.replyId, () => (error ? { state: 'cut', error } : { state: 'stopped', error: undefined }));
      return error ? { ...model, entries: cut, announcement: { kind: 'cut', error } } : { ...model, entries: cut };
    }
    case 'stopped':
      return { ...model, entries: visitor(entries, action.id, { status: 'failed', error: new TeppanError({ kind: 'aborted' }) }) };
    case 'offline':
      return {
        ...model,
        entries: visitor(entries, action.id, { status: 'waiting', error: undefined }),
        announcement: { kind: 'offline' },
      };
    case 'failed':
      return {
        ...model,
        entries: visitor(entries, action.id, { status: 'failed', error: action.error }),
        announcement: { kind: 'failed', error: action.error },
      };
    case 'delivered':
      return { ...model, streaming: false };
    case 'restoring':
      return { ...model, restoring: true, historyError: null };
    case 'restored': {
      // The history first, then whatever is on screen that it doesn't hold yet (waiting, or sent meanwhile).
      const history = entriesOf(action.messages).filter((e) => !action.waiting.includes(e.id));
      const known = new Set(history.map((e) => e.id));
      return { ...model, restoring: false, entries: [...history, ...entries.filter((e) => !known.has(e.id))] };
    }
    case 'history-failed':
      return { ...model, restoring: false, historyError: action.error };
  }
}
