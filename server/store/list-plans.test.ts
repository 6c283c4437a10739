import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freshSchema } from '../../test/support/pg-schema';
import { createPostgresStore, PG_LISTS } from './postgres';
import { createSqliteStore, SQLITE_LISTS } from './sqlite';

/**
 * Every admin list query is served by an index: the database walks the index
 * from the cursor and stops after a page, whatever the table holds. A page in
 * list order needs no sort; the rows of one page (its payments, its messages)
 * are looked up by index and sorted, being few.
 */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('admin list plans', () => {
  it('SQLite: each list query searches an index, and a page reads in index order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teppan-plans-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // The store makes the schema and its indexes; the plans are read on a second connection.
    void createSqliteStore(join(dir, 'db')).close();
    const db = new Database(join(dir, 'db'), { readonly: true });
    cleanups.push(() => db.close());
    const page = { tenant: 'demo', at: 0, id: '', limit: 101 };
    const plan = (sql: string, params: unknown) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((r) => (r as { detail: string }).detail);
    const plans = {
      bookings: plan(SQLITE_LISTS.bookings, page),
      conversations: plan(SQLITE_LISTS.conversations, page),
      leads: plan(SQLITE_LISTS.leads, page),
      messages: plan(SQLITE_LISTS.messages, page),
      paymentsOfBookings: plan(SQLITE_LISTS.paymentsOfBookings, ['demo', '["bk_1"]']),
      messagesOf: plan(SQLITE_LISTS.messagesOf, ['["cv_1"]']),
    };
    expect(plans.bookings).toEqual(['SEARCH bookings USING INDEX bookings_by_tenant (tenant_id=? AND (created_at,id)>(?,?))']);
    expect(plans.conversations).toEqual(['SEARCH conversations USING INDEX conversations_by_tenant (tenant_id=? AND rowid>?)']);
    expect(plans.leads).toEqual(['SEARCH leads USING INDEX leads_by_tenant (tenant_id=? AND rowid>?)']);
    expect(plans.messages).toEqual(['SEARCH outbox USING INDEX outbox_by_tenant (tenant_id=? AND (created_at,id)>(?,?))']);
    expect(plans.paymentsOfBookings[0]).toBe('SEARCH payments USING INDEX payments_by_booking (tenant_id=? AND booking_id=?)');
    expect(plans.messagesOf[0]).toMatch(/^SEARCH chat_messages USING INDEX \S+ \(conversation_id=\?\)$/);
  });

  it('PostgreSQL: with many tenants’ rows, each list query scans an index, and a page needs no sort', async () => {
    const url = inject('postgresUrl');
    const { schema, drop } = freshSchema(url);
    const store = await createPostgresStore(url, { schema });
    cleanups.push(drop, () => store.close());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    await client.query(`SET search_path = ${schema}`);
    // 40 tenants of 500 rows each, so a tenant's page is a small part of every table.
    await client.query(`
      INSERT INTO bookings (id, tenant_id, slot_id, slot_date, start_at, quote_id, status, hold_expires_at, created_at, data)
        SELECT 'bk_' || n, 't' || (n % 40), '2027-03-03T18:00', '2027-03-03', 0, 'qt_' || n, 'confirmed', 0, n, '{}' FROM generate_series(1, 20000) n;
      INSERT INTO payments (id, tenant_id, booking_id, status, provider, created_at, data)
        SELECT 'pay_' || n, 't' || (n % 40), 'bk_' || n, 'failed', 'test', n, '{}' FROM generate_series(1, 20000) n;
      INSERT INTO leads (id, tenant_id, data) SELECT 'ld_' || n, 't' || (n % 40), '{}' FROM generate_series(1, 20000) n;
      INSERT INTO outbox (id, tenant_id, status, attempts, next_attempt_at, created_at, lease_until, data)
        SELECT 'msg_' || n, 't' || (n % 40), 'sent', 1, n, n, 0, '{}' FROM generate_series(1, 20000) n;
      INSERT INTO conversations (id, tenant_id, created_at) SELECT 'cv_' || n, 't' || (n % 40), n FROM generate_series(1, 20000) n;
      INSERT INTO chat_messages (conversation_id, id, data) SELECT 'cv_' || n, 'm1', '{}' FROM generate_series(1, 20000) n;
      ANALYZE;
    `);
    const plan = async (sql: string, values: unknown[]) =>
      (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const plans = {
      bookings: await plan(PG_LISTS.bookings, ['t1', 100, 'bk_100', 101]),
      conversations: await plan(PG_LISTS.conversations, ['t1', 100, 101]),
      leads: await plan(PG_LISTS.leads, ['t1', 100, 101]),
      messages: await plan(PG_LISTS.messages, ['t1', 100, 'msg_100', 101]),
      paymentsOfBookings: await plan(PG_LISTS.paymentsOfBookings, ['t1', ['bk_1', 'bk_41']]),
    };
    expect(plans.bookings).toMatch(/Index Scan using bookings_by_tenant on bookings/);
    expect(plans.conversations).toMatch(/Index Scan using conversations_by_tenant on conversations c/);
    // Each conversation's messages by the (conversation_id, id) unique index.
    expect(plans.conversations).toMatch(/Index Scan using chat_messages_conversation_id_id_key on chat_messages m/);
    expect(plans.leads).toMatch(/Index Scan using leads_by_tenant on leads/);
    expect(plans.messages).toMatch(/Index Scan using outbox_by_tenant on outbox/);
    for (const p of [plans.bookings, plans.conversations, plans.leads, plans.messages]) expect(p).not.toMatch(/Seq Scan|Sort/);
    expect(plans.paymentsOfBookings).toMatch(/Index Scan using payments_by_booking on payments|Bitmap Index Scan on payments_by_booking/);
    expect(plans.paymentsOfBookings).not.toMatch(/Seq Scan/);
  });
});
