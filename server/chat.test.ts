import { describe, expect, it, vi } from 'vitest';
import { adminConversationList, adminLeadList, type ChatStreamEvent, chatStreamEvent, conversation, lead } from '../src/contract';
import { createApp } from './app';
import type { Answerer } from './chat/answerer';
import { createFaqAnswerer } from './chat/faq-answerer';
import { createMemoryStore } from './store/memory';
import { createSqliteStore } from './store/sqlite';
import type { Store } from './store/types';

const lines = (text: string): ChatStreamEvent[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => chatStreamEvent.parse(JSON.parse(l)));

/** The chat in-process, on both stores: they must behave the same. */
describe.each<[string, () => Store]>([
  ['SQLite', () => createSqliteStore(':memory:')],
  ['memory', createMemoryStore],
])('chat and leads (%s store)', (_, makeStore) => {
  function setup(answerer?: Answerer) {
    const app = createApp({ store: makeStore(), ...(answerer ? { answerer } : {}) });
    const post = (path: string, body: unknown, key: string, auth = 'pk_test_demo') =>
      app.request(`/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const get = (path: string, auth = 'pk_test_demo') => app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${auth}` } });
    return { post, get };
  }

  it('streams a reply, stores both messages, replays the same key without a second answer', async () => {
    const { post, get } = setup();
    const body = { messageId: 'first-message', text: 'whats the deposit' };
    const first = lines(await (await post('/chat/messages', body, 'key-00000001')).text());
    expect(first.map((e) => e.type)).toEqual(['start', ...first.slice(1, -1).map(() => 'delta'), 'end']);
    const replay = await post('/chat/messages', body, 'key-00000001');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(lines(await replay.text())).toEqual(first);
    const start = first[0]?.type === 'start' ? first[0] : expect.fail('a start event first');
    const stored = conversation.parse(await (await get(`/chat/conversations/${start.conversationId}`)).json());
    expect(stored.messages.map((m) => m.role)).toEqual(['visitor', 'assistant']);
    const { conversations } = adminConversationList.parse(await (await get('/admin/conversations', 'sk_test_demo')).json());
    expect(conversations).toEqual([stored]);
  });

  it('finishes and stores the reply when its reader goes away after the first line', async () => {
    const { post, get } = setup();
    const body = { messageId: 'going-away', text: 'what if it rains' };
    const res = await post('/chat/messages', body, 'key-00000002');
    const reader = res.body?.getReader() ?? expect.fail('a body');
    const start = chatStreamEvent.parse(JSON.parse(new TextDecoder().decode((await reader.read()).value)));
    await reader.cancel();
    if (start.type !== 'start') expect.fail('a start event first');
    await expect
      .poll(async () => conversation.parse(await (await get(`/chat/conversations/${start.conversationId}`)).json()).messages.length, { timeout: 2000 })
      .toBe(2);
    const replay = lines(await (await post('/chat/messages', body, 'key-00000002')).text());
    expect(replay.at(-1)).toMatchObject({ type: 'end', message: { id: start.replyId, text: expect.stringMatching(/covered patio/) } });
  });

  it('ends a reply that fails mid-way with an error event and frees the key: the retry answers, the message is stored once', async () => {
    let calls = 0;
    const faq = createFaqAnswerer();
    const flaky: Answerer = {
      async answer(request, emit) {
        calls++;
        if (calls > 1) return faq.answer(request, emit);
        emit('Half an ');
        throw new Error('the answerer fell over');
      },
    };
    const { post, get } = setup(flaky);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = { messageId: 'flaky-message', text: 'cancel policy' };
    const failed = lines(await (await post('/chat/messages', body, 'key-00000003')).text());
    // Why it failed, never what the visitor wrote.
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/chat reply failed .*the answerer fell over/));
    expect(JSON.stringify(logged.mock.calls)).not.toContain('cancel policy');
    logged.mockRestore();
    expect(failed.map((e) => e.type)).toEqual(['start', 'delta', 'error']);
    expect(failed[2]).toMatchObject({ type: 'error', problem: { status: 500, code: 'reply-failed' } });
    const retried = lines(await (await post('/chat/messages', body, 'key-00000003')).text());
    expect(retried.at(-1)).toMatchObject({ type: 'end', message: { confident: true } });
    const start = retried[0]?.type === 'start' ? retried[0] : expect.fail('a start event first');
    const stored = conversation.parse(await (await get(`/chat/conversations/${start.conversationId}`)).json());
    expect(stored.messages.map((m) => [m.role, m.id])).toEqual([
      ['visitor', 'flaky-message'],
      ['assistant', start.replyId],
    ]);
  });

  it('keeps leads, one per key', async () => {
    const { post, get } = setup();
    const body = { name: 'Ann', phone: '213 555 0142', question: '<b>Kosher?</b>' };
    const first = await post('/leads', body, 'lead-key-0001');
    expect(first.status).toBe(201);
    const again = await post('/leads', body, 'lead-key-0001');
    expect(lead.parse(await again.json())).toEqual(lead.parse(await first.json()));
    const { leads } = adminLeadList.parse(await (await get('/admin/leads', 'sk_test_demo')).json());
    expect(leads.map((l) => l.question)).toEqual(['<b>Kosher?</b>']);
  });
});
