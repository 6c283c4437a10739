import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory';
import { createSqliteStore } from './sqlite';
import type { Store, StoredChatMessage } from './types';

const message = (id: string, text: string, extra: Partial<StoredChatMessage> = {}): StoredChatMessage => ({
  id,
  role: 'visitor',
  text,
  createdAt: '2027-01-10T18:00:00.000Z',
  ...extra,
});

/** Conversations and leads: both stores keep the same things in the same order. */
describe.each<[string, () => Store]>([
  ['SQLite', () => createSqliteStore(':memory:')],
  ['memory', createMemoryStore],
])('conversations and leads (%s store)', (_, makeStore) => {
  it('starts a conversation with its first message and keeps messages oldest first, each id once', () => {
    const store = makeStore();
    expect(store.getConversation('demo', 'cv_1')).toBeUndefined();
    expect(store.addChatMessage('demo', 'cv_1', message('m1', 'hi'), 1000)).toBe('added');
    const reply = message('r1', 'Hello!', { role: 'assistant', replyTo: 'm1', confident: true, actions: [{ type: 'quote', label: 'Get a quote' }] });
    expect(store.addChatMessage('demo', 'cv_1', reply, 2000)).toBe('added');
    expect(store.addChatMessage('demo', 'cv_1', message('m1', 'hi again'), 3000)).toBe('exists');
    expect(store.getConversation('demo', 'cv_1')).toEqual({ id: 'cv_1', tenantId: 'demo', createdAt: 1000, messages: [message('m1', 'hi'), reply] });
  });

  it('keeps tenants apart', () => {
    const store = makeStore();
    store.addChatMessage('demo', 'cv_1', message('m1', 'hi'), 1000);
    expect(store.getConversation('other', 'cv_1')).toBeUndefined();
    expect(store.listConversations('other')).toEqual([]);
    expect(() => store.addChatMessage('other', 'cv_1', message('m2', 'hi'), 1000)).toThrow(/another tenant/);
    expect(store.getConversation('demo', 'cv_1')?.messages).toHaveLength(1);
  });

  it('lists conversations and leads in the order they began', () => {
    const store = makeStore();
    store.addChatMessage('demo', 'cv_b', message('m1', 'first'), 1000);
    store.addChatMessage('demo', 'cv_a', message('m1', 'second'), 2000);
    store.addChatMessage('demo', 'cv_b', message('m2', 'third'), 3000);
    expect(store.listConversations('demo').map((c) => [c.id, c.messages.map((m) => m.text)])).toEqual([
      ['cv_b', ['first', 'third']],
      ['cv_a', ['second']],
    ]);
    const lead = (id: string, tenantId = 'demo') => ({
      id,
      tenantId,
      name: 'Ann',
      email: 'ann@example.com',
      question: 'Vegan?',
      createdAt: '2027-01-10T18:00:00.000Z',
    });
    store.createLead(lead('ld_2'));
    store.createLead(lead('ld_1'));
    store.createLead(lead('ld_3', 'other'));
    expect(store.listLeads('demo')).toEqual([lead('ld_2'), lead('ld_1')]);
  });
});
