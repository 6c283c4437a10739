import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatAction, ChatMessage, ChatStreamEvent } from '../../contract';
import { asTeppanError, randomId, TeppanError } from '../../core';
import { useStableCallback } from '../../ui';
import type { ChatApi } from './api';
import { chatMemory, type OutboxMessage } from './store';

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

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

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

interface Options {
  api: ChatApi;
  scope: string;
  /** Told of failures the visitor was shown. */
  onError: (error: TeppanError) => void;
}

/**
 * The conversation: restored from the server on arrival, each message sent
 * exactly once (its id is its Idempotency-Key, and it stays in localStorage
 * until the server acknowledges it, so an offline spell or a reload loses
 * nothing), replies read as they stream, one at a time, in order.
 */
export function useChat({ api, scope, onError }: Options) {
  const memory = useMemo(() => chatMemory(scope), [scope]);
  const [entries, setEntries] = useState<ChatEntry[]>(() =>
    memory.load().outbox.map((m) => ({ kind: 'visitor', id: m.messageId, text: m.text, status: 'waiting' })),
  );
  const [restoring, setRestoring] = useState(() => memory.load().conversationId !== null);
  /** Why the conversation so far could not be read (it is still on the server). */
  const [historyError, setHistoryError] = useState<TeppanError | null>(null);
  const [streaming, setStreaming] = useState(false);
  /** What a screen reader is told: a reply once it is complete, or what became of a message. */
  const [announcement, setAnnouncement] = useState<{ text: string; reply: boolean } | null>(null);
  const current = useRef<AbortController | null>(null);
  const flushing = useRef(false);
  const failed = useStableCallback(onError);

  const update = useCallback((id: string, change: (e: ChatEntry) => ChatEntry) => setEntries((all) => all.map((e) => (e.id === id ? change(e) : e))), []);
  const setStatus = useCallback(
    (id: string, status: VisitorStatus, error?: TeppanError) => update(id, (e) => (e.kind === 'visitor' ? { ...e, status, error } : e)),
    [update],
  );

  const forget = useCallback(
    (messageId: string) => {
      const m = memory.load();
      memory.save({ ...m, outbox: m.outbox.filter((o) => o.messageId !== messageId) });
    },
    [memory],
  );

  /** One message to the server and its reply back, event by event. */
  const deliver = useCallback(
    async (message: OutboxMessage): Promise<'done' | 'stop'> => {
      const controller = new AbortController();
      current.current = controller;
      setStreaming(true);
      setStatus(message.messageId, 'sending');
      let replyId: string | undefined;
      let ended = false;
      const onEvent = (event: ChatStreamEvent) => {
        if (event.type === 'start') {
          replyId = event.replyId;
          memory.save({ ...memory.load(), conversationId: event.conversationId });
          forget(message.messageId);
          setStatus(message.messageId, 'sent');
          const reply: ChatEntry = {
            kind: 'reply',
            id: event.replyId,
            forMessage: message.messageId,
            text: '',
            state: 'streaming',
            actions: [],
            confident: true,
          };
          // A retry replays the reply from its start: the same entry, filled again.
          setEntries((all) => (all.some((e) => e.id === event.replyId) ? all.map((e) => (e.id === event.replyId ? reply : e)) : [...all, reply]));
        } else if (!replyId) {
          throw new TeppanError({ kind: 'bad_response' });
        } else if (event.type === 'delta') {
          update(replyId, (e) => (e.kind === 'reply' ? { ...e, text: e.text + event.text } : e));
        } else if (event.type === 'end') {
          const { text, actions = [], confident = true } = event.message;
          update(replyId, (e) => (e.kind === 'reply' ? { ...e, text, actions, confident, state: 'done', error: undefined } : e));
          setAnnouncement({ text, reply: true });
          ended = true;
        } else {
          const error = new TeppanError({ kind: 'server', problem: event.problem });
          update(replyId, (e) => (e.kind === 'reply' ? { ...e, state: 'cut', error } : e));
          ended = true;
        }
      };
      // The conversation this message goes to is fixed at its first attempt (see OutboxMessage).
      const sentTo = message.conversationId !== undefined ? message.conversationId : memory.load().conversationId;
      if (message.conversationId === undefined) {
        const m = memory.load();
        memory.save({ ...m, outbox: m.outbox.map((o) => (o.messageId === message.messageId ? { ...o, conversationId: sentTo } : o)) });
      }
      update(message.messageId, (e) => (e.kind === 'visitor' ? { ...e, conversationId: sentTo } : e));
      try {
        const conversationId = sentTo ?? undefined;
        const events = await api.send(
          { conversationId, messageId: message.messageId, text: message.text },
          { idempotencyKey: message.messageId, signal: controller.signal },
        );
        for await (const event of events) onEvent(event);
        // A body that simply stops before its last event was cut off too.
        if (!ended) throw new TeppanError({ kind: 'network', userMessage: 'The answer was cut off before it was complete.' });
        return 'done';
      } catch (e) {
        const error = asTeppanError(e);
        const stopped = controller.signal.aborted;
        if (replyId) {
          const id = replyId;
          update(id, (r) => (r.kind === 'reply' ? { ...r, state: stopped ? 'stopped' : 'cut', error: stopped ? undefined : error } : r));
          if (!stopped) {
            setAnnouncement({ text: `${error.userMessage} Try again to see all of it.`, reply: false });
            failed(error);
          }
          return 'done';
        }
        if (error.kind === 'not_found') {
          // The conversation is gone (expired, or a reset server): this message starts a new one (its key was never used).
          const m = memory.load();
          memory.save({ ...m, conversationId: null, outbox: m.outbox.map((o) => (o.messageId === message.messageId ? { ...o, conversationId: null } : o)) });
          return deliver({ ...message, conversationId: null });
        }
        if (stopped) {
          setStatus(message.messageId, 'failed', new TeppanError({ kind: 'aborted', userMessage: 'Not sent.' }));
          return 'stop';
        }
        if (offline()) {
          setStatus(message.messageId, 'waiting');
          setAnnouncement({ text: 'You’re offline. Your message will be sent when you’re back online.', reply: false });
          return 'stop';
        }
        setStatus(message.messageId, 'failed', error);
        setAnnouncement({ text: `Your message was not sent: ${error.userMessage}`, reply: false });
        failed(error);
        return 'stop';
      } finally {
        if (current.current === controller) current.current = null;
        setStreaming(false);
      }
    },
    [api, memory, forget, setStatus, update, failed],
  );

  /** Sends what waits in the outbox, oldest first, while the network lets it. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (let next = memory.load().outbox[0]; next && !offline(); next = memory.load().outbox[0]) {
        if ((await deliver(next)) === 'stop') break;
      }
    } finally {
      flushing.current = false;
    }
  }, [memory, deliver]);

  const send = useCallback(
    (text: string) => {
      const message: OutboxMessage = { messageId: randomId(), text, createdAt: new Date().toISOString() };
      const m = memory.load();
      // Kept before anything is sent: a reload or a lost network loses nothing typed.
      memory.save({ ...m, outbox: [...m.outbox, message] });
      setEntries((all) => [...all, { kind: 'visitor', id: message.messageId, text, status: 'waiting' }]);
      void flush();
    },
    [memory, flush],
  );

  /** "Try again": a message not delivered goes back in the queue; a cut reply is asked for again (the server replays it whole). */
  const retry = useCallback(
    (messageId: string) => {
      const entry = entries.find((e) => e.id === messageId);
      if (entry?.kind !== 'visitor') return;
      if (entry.status === 'sent') {
        void deliver({
          messageId,
          text: entry.text,
          createdAt: '',
          conversationId: entry.conversationId !== undefined ? entry.conversationId : memory.load().conversationId,
        });
        return;
      }
      const m = memory.load();
      if (!m.outbox.some((o) => o.messageId === messageId)) {
        memory.save({ ...m, outbox: [...m.outbox, { messageId, text: entry.text, createdAt: new Date().toISOString() }] });
      }
      setStatus(messageId, 'waiting');
      void flush();
    },
    [entries, memory, deliver, flush, setStatus],
  );

  const stop = useCallback(() => current.current?.abort(), []);

  // Arrival: the conversation so far from the server, then what was still waiting to go.
  const restore = useCallback(
    (live: () => boolean) => {
      const { conversationId, outbox } = memory.load();
      if (!conversationId) {
        void flush();
        return;
      }
      setRestoring(true);
      setHistoryError(null);
      api.conversation(conversationId).then(
        (c) => {
          if (!live()) return;
          // The history first, then whatever is on screen that it doesn't hold yet (waiting, or sent meanwhile).
          const history = entriesOf(c.messages).filter((e) => !outbox.some((o) => o.messageId === e.id));
          const known = new Set(history.map((e) => e.id));
          setEntries((current) => [...history, ...current.filter((e) => !known.has(e.id))]);
          setRestoring(false);
          void flush();
        },
        (e: unknown) => {
          if (!live()) return;
          const error = asTeppanError(e);
          if (error.kind === 'not_found') memory.save({ ...memory.load(), conversationId: null });
          else {
            // The conversation goes on meanwhile; the visitor is told its start is missing, and can ask for it again.
            setHistoryError(error);
            failed(error);
          }
          setRestoring(false);
          void flush();
        },
      );
    },
    [api, memory, flush, failed],
  );
  useEffect(() => {
    let live = true;
    restore(() => live);
    return () => {
      live = false;
    };
  }, [restore]);
  const reloadHistory = useCallback(() => restore(() => true), [restore]);

  // Back online: what waited goes now, exactly once (each message keeps its key).
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);

  // Going away: a reply still arriving is let go (the server finishes and keeps it).
  useEffect(() => () => current.current?.abort(), []);

  return {
    entries,
    restoring,
    historyError,
    reloadHistory,
    streaming,
    announcement,
    send,
    retry,
    stop,
    conversationId: () => memory.load().conversationId,
  };
}

export type Chat = ReturnType<typeof useChat>;
