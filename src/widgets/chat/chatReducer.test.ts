import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../contract';
import { TeppanError } from '../../core';
import { type ChatModel, type ChatModelAction, chatReducer, initialChat } from './chatReducer';

const run = (model: ChatModel, ...actions: ChatModelAction[]) => actions.reduce(chatReducer, model);
const empty = initialChat([], null);
const asked = run(empty, { type: 'queued', id: 'm1', text: 'How much per adult?' }, { type: 'sending', id: 'm1', conversationId: null });
const started = run(asked, { type: 'started', id: 'm1', replyId: 'r1' });
const message = (role: 'visitor' | 'assistant', id: string, text: string): ChatMessage => ({ id, role, text, createdAt: '2030-01-01T00:00:00.000Z' });

describe('chatReducer', () => {
  it('shows what waited on this device at once, and says the history is on its way when there is a conversation', () => {
    const model = initialChat([{ messageId: 'm0', text: 'Still there?' }], 'conv_1234');
    expect(model.entries).toEqual([{ kind: 'visitor', id: 'm0', text: 'Still there?', status: 'waiting' }]);
    expect(model.restoring).toBe(true);
    expect(initialChat([], null).restoring).toBe(false);
  });

  it('a message goes from waiting to sending to sent, and its reply streams in and is announced once complete', () => {
    expect(asked.streaming).toBe(true);
    expect(asked.entries[0]).toMatchObject({ status: 'sending', conversationId: null });
    expect(started.entries).toEqual([
      { kind: 'visitor', id: 'm1', text: 'How much per adult?', status: 'sent', conversationId: null, error: undefined },
      { kind: 'reply', id: 'r1', forMessage: 'm1', text: '', state: 'streaming', actions: [], confident: true },
    ]);
    const streamed = run(
      started,
      { type: 'streamed', replyId: 'r1', event: { type: 'delta', text: '$60 ' } },
      { type: 'streamed', replyId: 'r1', event: { type: 'delta', text: 'per adult' } },
    );
    expect(streamed.entries[1]).toMatchObject({ text: '$60 per adult', state: 'streaming' });
    expect(streamed.announcement).toBeNull();
    const ended = run(
      streamed,
      {
        type: 'streamed',
        replyId: 'r1',
        event: { type: 'end', message: { ...message('assistant', 'r1', '$60 per adult.'), actions: [{ type: 'quote', label: 'Get a quote' }] } },
      },
      { type: 'delivered' },
    );
    expect(ended.entries[1]).toMatchObject({ text: '$60 per adult.', state: 'done', actions: [{ type: 'quote', label: 'Get a quote' }], confident: true });
    expect(ended.announcement).toEqual({ kind: 'reply', text: '$60 per adult.' });
    expect(ended.streaming).toBe(false);
  });

  it('a replayed reply fills its own entry again rather than adding a second one', () => {
    const cut = run(
      started,
      { type: 'streamed', replyId: 'r1', event: { type: 'delta', text: '$60' } },
      { type: 'interrupted', replyId: 'r1', error: new TeppanError({ kind: 'network' }) },
    );
    const again = run(cut, { type: 'sending', id: 'm1', conversationId: 'conv_1234' }, { type: 'started', id: 'm1', replyId: 'r1' });
    expect(again.entries.map((e) => e.id)).toEqual(['m1', 'r1']);
    expect(again.entries[1]).toMatchObject({ text: '', state: 'streaming' });
  });

  it('keeps what arrived of a reply that broke off: stopped quietly, or cut off with a word and "Try again"', () => {
    const partial = run(started, { type: 'streamed', replyId: 'r1', event: { type: 'delta', text: '$60' } });
    const stopped = run(partial, { type: 'interrupted', replyId: 'r1', error: null });
    expect(stopped.entries[1]).toMatchObject({ text: '$60', state: 'stopped', error: undefined });
    expect(stopped.announcement).toBeNull();
    const error = new TeppanError({ kind: 'network' });
    const cut = run(partial, { type: 'interrupted', replyId: 'r1', error });
    expect(cut.entries[1]).toMatchObject({ text: '$60', state: 'cut', error });
    expect(cut.announcement).toEqual({ kind: 'cut', error });
    const failed = run(partial, {
      type: 'streamed',
      replyId: 'r1',
      event: { type: 'error', problem: { type: 'about:blank', title: 'Failed', status: 500 } },
    });
    expect(failed.entries[1]).toMatchObject({ text: '$60', state: 'cut', error: { kind: 'server' } });
  });

  it('a message not sent says why: stopped, offline (it waits), or failed (with the reason)', () => {
    const stopped = run(asked, { type: 'stopped', id: 'm1' });
    expect(stopped.entries[0]).toMatchObject({ status: 'failed', error: { kind: 'aborted' } });
    const offline = run(asked, { type: 'offline', id: 'm1' });
    expect(offline.entries[0]).toMatchObject({ status: 'waiting', error: undefined });
    expect(offline.announcement).toEqual({ kind: 'offline' });
    const error = new TeppanError({ kind: 'busy' });
    const failed = run(asked, { type: 'failed', id: 'm1', error });
    expect(failed.entries[0]).toMatchObject({ status: 'failed', error });
    expect(failed.announcement).toEqual({ kind: 'failed', error });
    // "Try again" puts it back in the queue, its last error gone.
    expect(run(failed, { type: 'requeued', id: 'm1' }).entries[0]).toMatchObject({ status: 'waiting', error: undefined });
  });

  it('puts the history first, then what is on screen that it does not hold; messages still waiting stay waiting', () => {
    const model = run(
      initialChat([{ messageId: 'm2', text: 'And children?' }], 'conv_1234'),
      { type: 'queued', id: 'm3', text: 'Thanks' },
      {
        type: 'restored',
        messages: [message('visitor', 'm1', 'How much?'), message('assistant', 'r1', '$60 per adult.'), message('visitor', 'm2', 'And children?')],
        waiting: ['m2'],
      },
    );
    expect(model.restoring).toBe(false);
    expect(model.entries.map((e) => [e.id, e.kind === 'visitor' ? e.status : e.forMessage])).toEqual([
      ['m1', 'sent'],
      ['r1', 'm1'],
      ['m2', 'waiting'],
      ['m3', 'waiting'],
    ]);
  });

  it('a history that could not be read says so (and can be asked for again); one that is gone says nothing', () => {
    const error = new TeppanError({ kind: 'network' });
    const failed = run(initialChat([], 'conv_1234'), { type: 'history-failed', error });
    expect(failed).toMatchObject({ restoring: false, historyError: error });
    expect(run(failed, { type: 'restoring' })).toMatchObject({ restoring: true, historyError: null });
    expect(run(initialChat([], 'conv_1234'), { type: 'history-failed', error: null })).toMatchObject({ restoring: false, historyError: null });
  });
});
