import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/store/sqlite';
import { adminMessageList, problemDetails } from '../../src/contract';
import { SK } from '../support/fixtures';
import { startServer, type TestServer } from '../support/server';
import { booking, CAPACITY_ONLY, lead, MINUTE, message, outboxMessage, payment, T0 } from '../support/store-records';

/** More rows than the largest page: the lists are read from a database filled beforehand, as a busy business's would be. */
const BOOKINGS = 520;
const LEADS = 230;
const CONVERSATIONS = 120;

let server: TestServer;
let dir: string;
/** Booking ids in the list's order (createdAt, then id), and which booking has a payment. */
let bookingOrder: string[];
let paidBooking: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'teppan-lists-'));
  const file = join(dir, 'db');
  const store = createSqliteStore(file);
  // Two bookings share each createdAt: the id orders them.
  const made = Array.from({ length: BOOKINGS }, (_, i) => booking({ createdAt: T0 + Math.floor(i / 2) * MINUTE, holdExpiresAt: T0 + 10_000 * MINUTE }));
  for (const b of made) await store.holdSeating(b, { ...CAPACITY_ONLY, capacity: BOOKINGS }, T0);
  bookingOrder = [...made].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)).map((b) => b.id);
  // On the second page of the default size: its payment is read with its page.
  const paid = made.find((b) => b.id === bookingOrder[150]);
  if (!paid) throw new Error('no booking 150');
  paidBooking = paid.id;
  await store.startPayment(payment(paid), T0);
  // Each lead with the team's notice, two notices to a minute.
  for (let i = 0; i < LEADS; i++) {
    await store.createLead(lead(`ld_${String(i).padStart(4, '0')}`), [outboxMessage({ kind: 'team-lead', createdAt: T0 + Math.floor(i / 2) * MINUTE })]);
  }
  for (let i = 0; i < CONVERSATIONS; i++) await store.addChatMessage('demo', `cv_${String(i).padStart(4, '0')}`, message('m1', `hi ${i}`), T0 + i);
  await store.close();
  server = await startServer({ TEPPAN_DB: file });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const list = (path: string) => fetch(`${server.url}/api/v1/admin${path}`, { headers: { authorization: `Bearer ${SK}` } });
type PageBody = Record<string, { id: string }[]> & { nextCursor: string | null };

/** Every page of a list, in order, at `limit` rows a page (the API's default without one). */
async function walk(name: string, limit?: number) {
  const pages: PageBody[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...(limit ? { limit: String(limit) } : {}), ...(cursor ? { cursor } : {}) });
    const res = await list(`/${name}?${query}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as PageBody;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('admin lists, a page at a time', () => {
  it('answer 100 bookings by default, oldest first, and walk to the end with nextCursor, each booking once', async () => {
    const pages = await walk('bookings');
    expect(pages.map((p) => p.bookings?.length)).toEqual([100, 100, 100, 100, 100, 20]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(pages.flatMap((p) => p.bookings ?? []).map((b) => b.id)).toEqual(bookingOrder);
    // A booking's payments come with it, whichever page it is on.
    const paid = pages[1]?.bookings?.find((b) => b.id === paidBooking) as { payments?: unknown[] } | undefined;
    expect(paid?.payments).toHaveLength(1);
  });

  it('answer at most 500 a page, and the same rows whatever the page size', async () => {
    const pages = await walk('bookings', 500);
    expect(pages.map((p) => p.bookings?.length)).toEqual([500, 20]);
    expect(pages.flatMap((p) => p.bookings ?? []).map((b) => b.id)).toEqual(bookingOrder);
    const leads = await walk('leads', 7);
    expect(leads).toHaveLength(Math.ceil(LEADS / 7));
    expect(leads.flatMap((p) => p.leads ?? []).map((l) => l.id)).toEqual(Array.from({ length: LEADS }, (_, i) => `ld_${String(i).padStart(4, '0')}`));
  });

  it('page leads and conversations the same way, conversations with their messages', async () => {
    const leads = await walk('leads');
    expect(leads.map((p) => p.leads?.length)).toEqual([100, 100, 30]);
    const conversations = await walk('conversations');
    expect(conversations.map((p) => p.conversations?.length)).toEqual([100, 20]);
    expect(conversations[1]?.conversations?.[19]).toMatchObject({ id: 'cv_0119', messages: [{ text: 'hi 119' }] });
    // A list that fits one page says so.
    const one = (await (await list('/conversations?limit=120')).json()) as PageBody;
    expect(one.conversations).toHaveLength(120);
    expect(one.nextCursor).toBeNull();
  });

  it('page the outbox the same way: each message once, its delivery and no body', async () => {
    const pages = await walk('messages');
    expect(pages.map((p) => p.messages?.length)).toEqual([100, 100, 30]);
    const messages = pages.flatMap((p) => adminMessageList.parse(p).messages);
    expect(new Set(messages.map((m) => m.id)).size).toBe(LEADS);
    expect(messages[0]).toEqual({
      id: messages[0]?.id,
      kind: 'team-lead',
      to: 'aiko@example.com',
      subject: 'Your hibachi party is booked',
      status: 'queued',
      attempts: 0,
      createdAt: new Date(T0).toISOString(),
      sentAt: null,
    });
    expect(messages.map((m) => m.createdAt)).toEqual([...messages.map((m) => m.createdAt)].sort());
    expect((await fetch(`${server.url}/api/v1/admin/messages`, { headers: { authorization: 'Bearer pk_test_demo' } })).status).toBe(403);
  });

  it('are documented so in the OpenAPI document: limit and cursor, nextCursor beside the array', async () => {
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    for (const [name, schema] of [
      ['bookings', 'AdminBookingList'],
      ['leads', 'AdminLeadList'],
      ['conversations', 'AdminConversationList'],
      ['messages', 'AdminMessageList'],
    ] as const) {
      expect(doc.paths[`/api/v1/admin/${name}`]?.get.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor']);
      expect(doc.components.schemas[schema]?.required).toEqual([name, 'nextCursor']);
    }
  });

  it.each([
    ['limit', '?limit=501'],
    ['limit', '?limit=0'],
    ['limit', '?limit=ten'],
    ['limit', '?limit=2.5'],
    ['cursor', '?cursor=not-a-cursor'],
    ['cursor', `?cursor=${Buffer.from('[1.5,"x"]').toString('base64url')}`],
    ['cursor', `?cursor=${Buffer.from('{"at":1}').toString('base64url')}`],
    ['cursor', '?cursor='],
  ])('refuses a bad %s (%s) with a 422 naming it, on every list', async (field, query) => {
    for (const name of ['bookings', 'leads', 'conversations', 'messages']) {
      const res = await list(`/${name}${query}`);
      expect(res.status).toBe(422);
      expect(problemDetails.parse(await res.json()).errors?.map((e) => e.field)).toEqual([field]);
    }
  });
});
