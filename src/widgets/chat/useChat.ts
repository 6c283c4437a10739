import { useCallback, useEffect, useMemo, useRef } from 'react';
import { asTeppanError, randomId, TeppanError } from '../../core';
import { useMachine, useStableCallback } from '../../ui';
import type { ChatApi } from './api';
import { chatReducer, initialChat } from './chatReducer';
import { REPLY_CUT } from './failure';
import { chatMemory, type OutboxMessage } from './store';

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface Options {
  api: ChatApi;
  scope: string;
  /** The language the widget speaks (a BCP 47 tag), sent with each message: the reply's language when the text leaves it open. */
  locale: string;
  /** Told of failures the visitor was shown. */
  onError: (error: TeppanError) => void;
}

/**
 * The conversation: restored from the server on arrival, each message sent
 * exactly once (its id is its Idempotency-Key, and it stays in localStorage
 * until the server acknowledges it, so an offline spell or a reload loses
 * nothing), replies read as they stream, one at a time, in order. What the
 * visitor sees is decided by `chatReducer`; this hook does the calls and the
 * storage, and tells it what happened.
 */
export function useChat({ api, scope, locale, onError }: Options) {
  const memory = useMemo(() => chatMemory(scope), [scope]);
  const [model, { get, dispatch }] = useMachine(chatReducer, () => {
    const { outbox, conversationId } = memory.load();
    return initialChat(outbox, conversationId);
  });
  /** The message on its way and its reply: what "Stop", and leaving, abort. */
  const current = useRef<AbortController | null>(null);
  const failed = useStableCallback(onError);

  /** Changes what this device keeps: the messages not yet delivered, and which conversation it is. */
  const keep = useCallback(
    (change: (outbox: OutboxMessage[]) => OutboxMessage[], conversationId?: string | null) => {
      const m = memory.load();
      memory.save({ ...m, outbox: change(m.outbox), ...(conversationId !== undefined && { conversationId }) });
    },
    [memory],
  );

  /** One message to the server and its reply back, event by event. */
  const deliver = useCallback(
    async (message: OutboxMessage): Promise<'done' | 'stop'> => {
      const id = message.messageId;
      const controller = new AbortController();
      current.current = controller;
      // The conversation this message goes to is fixed at its first attempt (see OutboxMessage).
      const sentTo = message.conversationId !== undefined ? message.conversationId : memory.load().conversationId;
      if (message.conversationId === undefined) keep((o) => o.map((m) => (m.messageId === id ? { ...m, conversationId: sentTo } : m)));
      dispatch({ type: 'sending', id, conversationId: sentTo });
      let replyId: string | undefined;
      try {
        const events = await api.send(
          { conversationId: sentTo ?? undefined, messageId: id, text: message.text, locale },
          { idempotencyKey: id, signal: controller.signal },
        );
        let ended = false;
        for await (const event of events) {
          if (event.type === 'start') {
            replyId = event.replyId;
            // Acknowledged: the conversation is remembered, the message no longer kept.
            keep((o) => o.filter((m) => m.messageId !== id), event.conversationId);
            dispatch({ type: 'started', id, replyId });
          } else if (!replyId) {
            throw new TeppanError({ kind: 'bad_response' });
          } else {
            dispatch({ type: 'streamed', replyId, event });
            ended = event.type !== 'delta';
          }
        }
        // A body that simply stops before its last event was cut off too.
        if (!ended) throw new TeppanError({ kind: 'network', cause: REPLY_CUT });
        return 'done';
      } catch (e) {
        const error = asTeppanError(e);
        const stopped = controller.signal.aborted;
        if (replyId) {
          dispatch({ type: 'interrupted', replyId, error: stopped ? null : error });
          if (!stopped) failed(error);
          return 'done';
        }
        if (error.kind === 'not_found') {
          // The conversation is gone (expired, or a reset server): this message starts a new one (its key was never used).
          keep((o) => o.map((m) => (m.messageId === id ? { ...m, conversationId: null } : m)), null);
          return deliver({ ...message, conversationId: null });
        }
        if (stopped) dispatch({ type: 'stopped', id });
        else if (offline()) dispatch({ type: 'offline', id });
        else {
          dispatch({ type: 'failed', id, error });
          failed(error);
        }
        return 'stop';
      } finally {
        if (current.current === controller) current.current = null;
        dispatch({ type: 'delivered' });
      }
    },
    [api, memory, keep, dispatch, failed, locale],
  );

  /** Sends what waits in the outbox, oldest first, while the network lets it. */
  const flush = useCallback(async () => {
    if (get().flushing) return;
    dispatch({ type: 'flushing', on: true });
    try {
      for (let next = memory.load().outbox[0]; next && !offline(); next = memory.load().outbox[0]) {
        if ((await deliver(next)) === 'stop') break;
      }
    } finally {
      dispatch({ type: 'flushing', on: false });
    }
  }, [memory, get, dispatch, deliver]);

  const send = useCallback(
    (text: string) => {
      const message: OutboxMessage = { messageId: randomId(), text, createdAt: new Date().toISOString() };
      // Kept before anything is sent: a reload or a lost network loses nothing typed.
      keep((o) => [...o, message]);
      dispatch({ type: 'queued', id: message.messageId, text });
      void flush();
    },
    [keep, dispatch, flush],
  );

  /** "Try again": a message not delivered goes back in the queue; a cut reply is asked for again (the server replays it whole). */
  const retry = useCallback(
    (messageId: string) => {
      const entry = get().entries.find((e) => e.id === messageId);
      if (entry?.kind !== 'visitor') return;
      if (entry.status === 'sent') {
        const conversationId = entry.conversationId !== undefined ? entry.conversationId : memory.load().conversationId;
        void deliver({ messageId, text: entry.text, createdAt: '', conversationId });
        return;
      }
      keep((o) => (o.some((m) => m.messageId === messageId) ? o : [...o, { messageId, text: entry.text, createdAt: new Date().toISOString() }]));
      dispatch({ type: 'requeued', id: messageId });
      void flush();
    },
    [memory, get, keep, dispatch, deliver, flush],
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
      dispatch({ type: 'restoring' });
      api.conversation(conversationId).then(
        (c) => {
          if (!live()) return;
          dispatch({ type: 'restored', messages: c.messages, waiting: outbox.map((o) => o.messageId) });
          void flush();
        },
        (e: unknown) => {
          if (!live()) return;
          const error = asTeppanError(e);
          if (error.kind === 'not_found') {
            memory.save({ ...memory.load(), conversationId: null });
            dispatch({ type: 'history-failed', error: null });
          } else {
            // The conversation goes on meanwhile; the visitor is told its start is missing, and can ask for it again.
            dispatch({ type: 'history-failed', error });
            failed(error);
          }
          void flush();
        },
      );
    },
    [api, memory, dispatch, flush, failed],
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

  const { entries, restoring, historyError, streaming, announcement } = model;
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
