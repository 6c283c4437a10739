import { Hono } from 'hono';
import type { OutboxMessageSummary } from '../../src/contract';
import type { AppEnv } from '../http/env';
import { nextCursorOf, pageRequestOf } from '../http/page';
import type { OutboxMessage, Store } from '../store/types';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the admin list shows of a message: its delivery, not its body. */
const summaryOf = (m: OutboxMessage): OutboxMessageSummary => ({
  id: m.id,
  kind: m.kind,
  to: m.to,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  createdAt: iso(m.createdAt),
  sentAt: m.sentAt === undefined ? null : iso(m.sentAt),
  ...(m.lastError !== undefined ? { lastError: m.lastError } : {}),
  ...(m.note !== undefined ? { note: m.note } : {}),
});

/** The business's outbox, oldest first, a page at a time: what was sent, what waits, and why. */
export function mailAdminRoutes(store: Store) {
  return new Hono<AppEnv>().get('/messages', async (c) => {
    const page = await store.listMessages(c.get('tenant').id, pageRequestOf(c));
    return c.json({ messages: page.items.map(summaryOf), nextCursor: nextCursorOf(page) });
  });
}
