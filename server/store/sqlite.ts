import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BookingPolicy, PaymentStatus } from '../../src/contract';
import { decideHold, slotDate } from './holds';
import { decideCancel, decideReschedule, type RescheduleRules, type RescheduleTo, refundDone } from './manage';
import { attemptColumns, messageOfRow, OUTBOX_BOUND, type OutboxOptions, type OutboxRow, outboxContent, withinBound } from './outbox';
import { byCreatedAt, bySeq, keyset, oldestFirst, type PageRequest, pageFrom } from './page';
import { decideSettle, isUnfinished } from './settle';
import type {
  CancelOptions,
  HoldRules,
  IdempotencyBegin,
  Lease,
  OutboxMessage,
  PaymentStart,
  RescheduleOptions,
  SettleOptions,
  Store,
  StoredBooking,
  StoredChatMessage,
  StoredConversation,
  StoredLead,
  StoredPayment,
  StoredQuote,
  SweepRules,
} from './types';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS bookings (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    slot_id TEXT NOT NULL,
    status TEXT NOT NULL,
    hold_expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS bookings_by_slot ON bookings (tenant_id, slot_id);
  CREATE TABLE IF NOT EXISTS payments (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    booking_id TEXT NOT NULL,
    status TEXT NOT NULL,
    provider TEXT NOT NULL,
    provider_ref TEXT,
    created_at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS payments_by_tenant ON payments (tenant_id, created_at);
  CREATE INDEX IF NOT EXISTS payments_by_ref ON payments (provider, provider_ref);
  -- The last line of defence for "never two charges": one succeeded payment per booking.
  CREATE UNIQUE INDEX IF NOT EXISTS one_success_per_booking ON payments (booking_id) WHERE status = 'succeeded';
  CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    status INTEGER,
    body TEXT,
    PRIMARY KEY (scope, key)
  );
  -- Providers redeliver webhook events; each is handled once.
  CREATE TABLE IF NOT EXISTS webhook_events (
    provider TEXT NOT NULL,
    id TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (provider, id)
  );
  -- Lists read in insertion order (rowid), like the memory store's.
  CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS conversations_by_tenant ON conversations (tenant_id);
  CREATE TABLE IF NOT EXISTS chat_messages (
    seq INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    -- A message sent twice is stored once.
    UNIQUE (conversation_id, id)
  );
  CREATE TABLE IF NOT EXISTS leads (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS leads_by_tenant ON leads (tenant_id);
  -- The outbox (server/mail): what a message says in data, its delivery in columns.
  -- lease_until is 0 when no sender holds it.
  CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    lease_token TEXT,
    lease_until INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS outbox_by_tenant ON outbox (tenant_id, created_at, id);
  -- What a sender looks for: only queued messages, soonest due first.
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
  -- Reminders queued, one per booking, reminder (hours before) and start: never two, and a new start is reminded again.
  CREATE TABLE IF NOT EXISTS reminders (
    booking_id TEXT NOT NULL,
    hours INTEGER NOT NULL,
    start_at INTEGER NOT NULL,
    tenant_id TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (booking_id, hours, start_at)
  );
  CREATE TABLE IF NOT EXISTS meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

/**
 * Columns added after the first release, each with how existing rows get it:
 * a file made by an older server opens and keeps working.
 */
const ADDED_COLUMNS = [
  { table: 'quotes', column: 'expires_at', type: 'INTEGER', fill: `CAST(strftime('%s', json_extract(data, '$.expiresAt')) AS INTEGER) * 1000` },
  { table: 'bookings', column: 'quote_id', type: 'TEXT', fill: `json_extract(data, '$.quoteId')` },
  { table: 'bookings', column: 'holder', type: 'TEXT', fill: `json_extract(data, '$.holder')` },
  { table: 'idempotency', column: 'location', type: 'TEXT', fill: 'NULL' },
  // Leases: a claim made before them may be taken over once five minutes old, as it could then.
  { table: 'idempotency', column: 'token', type: 'TEXT', fill: `''` },
  { table: 'idempotency', column: 'lease_until', type: 'INTEGER', fill: 'started_at + 300000' },
  // The outbox's operator notes (why a message is held, the digest it went in) and a digest's Message-ID.
  { table: 'outbox', column: 'note', type: 'TEXT', fill: 'NULL' },
  { table: 'outbox', column: 'sent_as', type: 'TEXT', fill: 'NULL' },
  // The booking's start, apart from its data: the reminder scheduler's window reads it.
  { table: 'bookings', column: 'start_at', type: 'INTEGER', fill: `json_extract(data, '$.start')` },
];

const INDEXES = `
  CREATE INDEX IF NOT EXISTS quotes_by_expiry ON quotes (expires_at);
  CREATE INDEX IF NOT EXISTS bookings_by_quote ON bookings (tenant_id, quote_id);
  CREATE INDEX IF NOT EXISTS bookings_by_holder ON bookings (tenant_id, holder, slot_id);
  CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (started_at);
  -- The admin lists: a page of bookings in order, and the payments of those bookings.
  CREATE INDEX IF NOT EXISTS bookings_by_tenant ON bookings (tenant_id, created_at, id);
  CREATE INDEX IF NOT EXISTS payments_by_booking ON payments (tenant_id, booking_id);
  -- Cancellation refunds left pending (a crash, the provider down), to be tried again.
  CREATE INDEX IF NOT EXISTS bookings_confirmed_by_start ON bookings (tenant_id, start_at) WHERE status = 'confirmed';
  CREATE INDEX IF NOT EXISTS payments_refund_pending ON payments (created_at) WHERE json_extract(data, '$.refund.status') = 'pending';
  -- A tenant's unsent messages: counted against the outbox's bound, released oldest first, folded into digests.
  CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (tenant_id, created_at, id) WHERE status IN ('queued', 'held');
  -- Customer mail goes only to an address on a paid booking.
  CREATE INDEX IF NOT EXISTS bookings_by_email ON bookings (tenant_id, json_extract(data, '$.customer.email'));
`;

function migrate(db: Database.Database) {
  db.transaction(() => {
    for (const { table, column, type, fill } of ADDED_COLUMNS) {
      const has = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .some((c) => c.name === column);
      if (has) continue;
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      db.exec(`UPDATE ${table} SET ${column} = ${fill}`);
    }
    db.exec(INDEXES);
    // The first process to open the file makes the secret; every later one reads the same.
    db.prepare('INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)').run('secret', randomBytes(32).toString('hex'));
  }).immediate();
}

const OUTBOX_COLUMNS = 'created_at, id, status, attempts, next_attempt_at, last_error, sent_at, lease_token, lease_until, note, sent_as, data';

type PageParams = { tenant: string; at: number; id: string; limit: number };
/** A keyset query's named parameters (see `keyset`). */
const pageParams = (tenant: string, page: PageRequest): PageParams => ({ tenant, ...keyset(page) });

/**
 * The admin lists' queries, each a keyset read served by an index (list-plans.test.ts
 * checks their plans): a page in order, then the rows that belong to that page.
 */
export const SQLITE_LISTS = {
  bookings: 'SELECT created_at, id, data FROM bookings WHERE tenant_id = @tenant AND (created_at, id) > (@at, @id) ORDER BY created_at, id LIMIT @limit',
  // Sorted by the caller: an ORDER BY here makes SQLite pick the tenant's whole payments index, to spare a sort of a few rows.
  paymentsOfBookings: 'SELECT data FROM payments WHERE tenant_id = ? AND booking_id IN (SELECT value FROM json_each(?))',
  // Conversations and leads are listed in insertion order: rowid, which their tenant index holds.
  conversations: 'SELECT rowid AS seq, id, created_at FROM conversations WHERE tenant_id = @tenant AND rowid > @at ORDER BY rowid LIMIT @limit',
  messagesOf: 'SELECT conversation_id, data FROM chat_messages WHERE conversation_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
  leads: 'SELECT rowid AS seq, id, data FROM leads WHERE tenant_id = @tenant AND rowid > @at ORDER BY rowid LIMIT @limit',
  messages: `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = @tenant AND (created_at, id) > (@at, @id) ORDER BY created_at, id LIMIT @limit`,
};

const HELD = `(status = 'confirmed' OR (status = 'pending_deposit' AND hold_expires_at > @now))`;

/** SQLite through better-sqlite3. `file` may be `:memory:`. */
export function createSqliteStore(file: string, { outboxBound = OUTBOX_BOUND }: OutboxOptions = {}): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);
  const secret = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE name = 'secret'").get()?.value ?? '';

  const q = {
    insertQuote: db.prepare('INSERT INTO quotes (id, tenant_id, expires_at, data) VALUES (?, ?, ?, ?)'),
    quote: db.prepare<[string, string], { data: string }>('SELECT data FROM quotes WHERE tenant_id = ? AND id = ?'),
    // `except`: a booking left out of the count (the one being moved); '' for none.
    heldInSlot: db.prepare<{ tenant: string; slot: string; now: number; except: string }, { n: number }>(
      `SELECT COUNT(*) AS n FROM bookings WHERE tenant_id = @tenant AND slot_id = @slot AND id <> @except AND ${HELD}`,
    ),
    heldInRange: db.prepare<{ tenant: string; from: string; to: string; now: number }, { slot_id: string; n: number }>(
      `SELECT slot_id, COUNT(*) AS n FROM bookings WHERE tenant_id = @tenant AND slot_id >= @from AND slot_id < @to AND ${HELD} GROUP BY slot_id`,
    ),
    insertBooking: db.prepare(
      'INSERT INTO bookings (id, tenant_id, slot_id, start_at, quote_id, holder, status, hold_expires_at, created_at, data) VALUES (@id, @tenantId, @slotId, @start, @quoteId, @holder, @status, @holdExpiresAt, @createdAt, @data)',
    ),
    ofQuote: db.prepare<[string, string], { data: string }>('SELECT data FROM bookings WHERE tenant_id = ? AND quote_id = ?'),
    visitorHolds: db.prepare<{ tenant: string; holder: string; from: string; to: string; now: number; since: number }, { live: number; recent: number }>(
      `SELECT COALESCE(SUM(hold_expires_at > @now), 0) AS live, COALESCE(SUM(created_at > @since), 0) AS recent FROM bookings
       WHERE tenant_id = @tenant AND holder = @holder AND slot_id >= @from AND slot_id < @to AND status = 'pending_deposit'`,
    ),
    booking: db.prepare<[string, string], { data: string }>('SELECT data FROM bookings WHERE tenant_id = ? AND id = ?'),
    bookings: db.prepare<PageParams, { created_at: number; id: string; data: string }>(SQLITE_LISTS.bookings),
    updateBooking: db.prepare('UPDATE bookings SET status = @status, data = @data WHERE id = @id'),
    insertPayment: db.prepare(
      'INSERT INTO payments (id, tenant_id, booking_id, status, provider, provider_ref, created_at, data) VALUES (@id, @tenantId, @bookingId, @status, @provider, @providerRef, @createdAt, @data)',
    ),
    updatePayment: db.prepare('UPDATE payments SET status = @status, data = @data WHERE id = @id'),
    payment: db.prepare<[string, string], { data: string }>('SELECT data FROM payments WHERE tenant_id = ? AND id = ?'),
    paymentByRef: db.prepare<[string, string], { data: string }>('SELECT data FROM payments WHERE provider = ? AND provider_ref = ?'),
    paymentsOfBookings: db.prepare<[string, string], { data: string }>(SQLITE_LISTS.paymentsOfBookings),
    claim: db.prepare<[string, string], { fingerprint: string; lease_until: number; status: number | null; body: string | null; location: string | null }>(
      'SELECT fingerprint, lease_until, status, body, location FROM idempotency WHERE scope = ? AND key = ?',
    ),
    upsertClaim: db.prepare(
      'INSERT INTO idempotency (scope, key, fingerprint, started_at, token, lease_until) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, started_at = excluded.started_at, token = excluded.token, lease_until = excluded.lease_until, status = NULL, body = NULL, location = NULL',
    ),
    // Each only while the claim is unfinished and still the caller's.
    renewClaim: db.prepare('UPDATE idempotency SET lease_until = ? WHERE scope = ? AND key = ? AND token = ? AND status IS NULL'),
    finishClaim: db.prepare('UPDATE idempotency SET status = ?, body = ?, location = ? WHERE scope = ? AND key = ? AND token = ? AND status IS NULL'),
    sweepQuotes: db.prepare('DELETE FROM quotes WHERE expires_at <= ?'),
    sweepClaims: db.prepare('DELETE FROM idempotency WHERE started_at <= ?'),
    deleteClaim: db.prepare('DELETE FROM idempotency WHERE scope = ? AND key = ? AND token = ? AND status IS NULL'),
    ping: db.prepare('SELECT 1'),
    webhookEvent: db.prepare<[string, string], { id: string }>('SELECT id FROM webhook_events WHERE provider = ? AND id = ?'),
    insertWebhookEvent: db.prepare('INSERT OR IGNORE INTO webhook_events (provider, id, received_at) VALUES (?, ?, ?)'),
    conversationOwner: db.prepare<[string], { tenant_id: string }>('SELECT tenant_id FROM conversations WHERE id = ?'),
    conversation: db.prepare<[string, string], { id: string; created_at: number }>('SELECT id, created_at FROM conversations WHERE tenant_id = ? AND id = ?'),
    conversations: db.prepare<PageParams, { seq: number; id: string; created_at: number }>(SQLITE_LISTS.conversations),
    insertConversation: db.prepare('INSERT INTO conversations (id, tenant_id, created_at) VALUES (?, ?, ?)'),
    insertMessage: db.prepare('INSERT INTO chat_messages (conversation_id, id, data) VALUES (?, ?, ?) ON CONFLICT (conversation_id, id) DO NOTHING'),
    messages: db.prepare<[string], { data: string }>('SELECT data FROM chat_messages WHERE conversation_id = ? ORDER BY seq'),
    messagesOf: db.prepare<[string], { conversation_id: string; data: string }>(SQLITE_LISTS.messagesOf),
    insertLead: db.prepare('INSERT INTO leads (id, tenant_id, data) VALUES (?, ?, ?)'),
    leads: db.prepare<PageParams, { seq: number; id: string; data: string }>(SQLITE_LISTS.leads),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (id, tenant_id, status, attempts, next_attempt_at, last_error, created_at, sent_at, lease_token, lease_until, note, data)
       VALUES (@id, @tenantId, @status, @attempts, @nextAttemptAt, NULL, @createdAt, NULL, NULL, 0, @note, @data)`,
    ),
    outboxMessages: db.prepare<PageParams, OutboxRow & { created_at: number; id: string }>(SQLITE_LISTS.messages),
    outboxMessage: db.prepare<[string, string], OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = ? AND id = ?`),
    // One statement: the rows it picks are leased before any other sender can read them.
    claimMessages: db.prepare<{ now: number; token: string; until: number; limit: number }, OutboxRow>(
      `UPDATE outbox SET lease_token = @token, lease_until = @until WHERE id IN (
         SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= @now AND lease_until <= @now ORDER BY next_attempt_at LIMIT @limit
       ) RETURNING ${OUTBOX_COLUMNS}`,
    ),
    finishMessage: db.prepare(
      `UPDATE outbox SET attempts = attempts + ?, status = ?, last_error = COALESCE(?, last_error), next_attempt_at = COALESCE(?, next_attempt_at),
       sent_at = COALESCE(?, sent_at), sent_as = COALESCE(?, sent_as), note = COALESCE(?, note), lease_token = NULL, lease_until = 0
       WHERE id = ? AND lease_token = ? AND status = 'queued'`,
    ),
    unsent: db.prepare<[string, number], { n: number }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM outbox WHERE tenant_id = ? AND status IN ('queued', 'held') LIMIT ?)`,
    ),
    claimTeamGroup: db.prepare<{ tenant: string; to: string; now: number; token: string; until: number; limit: number }, OutboxRow>(
      `UPDATE outbox SET lease_token = @token, lease_until = @until WHERE id IN (
         SELECT id FROM outbox WHERE tenant_id = @tenant AND status = 'queued' AND (lease_until <= @now OR lease_token = @token)
           AND json_extract(data, '$.kind') LIKE 'team-%' AND json_extract(data, '$.to') = @to
         ORDER BY created_at, id LIMIT @limit
       ) RETURNING ${OUTBOX_COLUMNS}`,
    ),
    // Per tenant with held messages: its oldest held, as many as it has room for below the bound.
    releaseHeld: db.prepare<{ bound: number }>(
      `UPDATE outbox SET status = 'queued', note = NULL WHERE id IN (
         SELECT id FROM (
           SELECT h.id, row_number() OVER (PARTITION BY h.tenant_id ORDER BY h.created_at, h.id) AS n,
             @bound - (SELECT count(*) FROM outbox q WHERE q.tenant_id = h.tenant_id AND q.status = 'queued') AS room
           FROM outbox h WHERE h.status = 'held'
         ) WHERE n <= room
       )`,
    ),
    paidCustomerAddress: db.prepare<[string, string], { one: number }>(
      `SELECT 1 AS one FROM bookings WHERE tenant_id = ? AND json_extract(data, '$.customer.email') = ? AND json_extract(data, '$.paymentId') IS NOT NULL LIMIT 1`,
    ),
    // Managing a booking (issue 20).
    moveBooking: db.prepare('UPDATE bookings SET slot_id = @slotId, start_at = @start, status = @status, data = @data WHERE id = @id'),
    // Reminders.
    dueReminders: db.prepare<{ tenant: string; hours: number; from: number; to: number; limit: number }, { data: string }>(
      `SELECT data FROM bookings b WHERE tenant_id = @tenant AND status = 'confirmed' AND start_at > @from AND start_at <= @to
       AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.booking_id = b.id AND r.hours = @hours AND r.start_at = b.start_at)
       ORDER BY start_at, id LIMIT @limit`,
    ),
    claimReminder: db.prepare(
      'INSERT INTO reminders (booking_id, hours, start_at, tenant_id, queued_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (booking_id, hours, start_at) DO NOTHING',
    ),
    pendingRefunds: db.prepare<[number, number], { data: string }>(
      `SELECT data FROM payments WHERE json_extract(data, '$.refund.status') = 'pending' AND json_extract(data, '$.updatedAt') <= ? ORDER BY created_at, id LIMIT ?`,
    ),
  };
  const queueMessages = (messages: readonly OutboxMessage[] = []) => {
    for (const tenantId of new Set(messages.map((m) => m.tenantId))) {
      const unsent = q.unsent.get(tenantId, outboxBound)?.n ?? 0;
      const mine = messages.filter((m) => m.tenantId === tenantId);
      for (const m of withinBound(mine, unsent, outboxBound)) q.insertOutbox.run({ ...m, note: m.note ?? null, data: outboxContent(m) });
    }
  };

  const hold = db.transaction((b: StoredBooking, rules: HoldRules, now: number) => {
    const date = slotDate(b.slotId);
    const result = decideHold(b, rules, now, {
      heldInSlot: q.heldInSlot.get({ tenant: b.tenantId, slot: b.slotId, now, except: '' })?.n ?? 0,
      ofQuote: q.ofQuote.all(b.tenantId, b.quoteId).map((r) => JSON.parse(r.data) as StoredBooking),
      visitorHolds: (b.holder !== undefined &&
        q.visitorHolds.get({ tenant: b.tenantId, holder: b.holder, from: date, to: `${date}~`, now, since: now - rules.renewalWindowMs })) || {
        live: 0,
        recent: 0,
      },
    });
    if (result.outcome === 'created') q.insertBooking.run({ ...b, holder: b.holder ?? null, data: JSON.stringify(b) });
    return result;
  });

  const row = <T>(r: { data: string } | undefined) => (r ? (JSON.parse(r.data) as T) : undefined);
  const writePayment = (p: StoredPayment) => q.updatePayment.run({ id: p.id, status: p.status, data: JSON.stringify(p) });

  const updateUnfinished = db.transaction((tenantId: string, id: string, change: Partial<StoredPayment>, now: number, from?: PaymentStatus) => {
    const p = row<StoredPayment>(q.payment.get(tenantId, id));
    if (from && p?.status !== from) return undefined;
    if (!p || !isUnfinished(p)) return p;
    const next = { ...p, ...change, updatedAt: now };
    writePayment(next);
    return next;
  });

  const markRefunded = db.transaction((tenantId: string, id: string, now: number) => {
    const p = row<StoredPayment>(q.payment.get(tenantId, id));
    if (p?.status !== 'failed' || p.refunded) return p;
    const next: StoredPayment = { ...p, refunded: true, updatedAt: now };
    writePayment(next);
    return next;
  });

  const startPayment = db.transaction((p: StoredPayment, now: number): PaymentStart => {
    const booking = row<StoredBooking>(q.booking.get(p.tenantId, p.bookingId));
    if (booking?.status !== 'pending_deposit' || booking.holdExpiresAt <= now) return { outcome: 'not-payable', booking };
    q.insertPayment.run({ ...p, providerRef: p.providerRef ?? null, data: JSON.stringify(p) });
    return { outcome: 'created' };
  });

  const settle = db.transaction((tenantId: string, paymentId: string, card: StoredPayment['card'], now: number, options?: SettleOptions) => {
    const payment = row<StoredPayment>(q.payment.get(tenantId, paymentId));
    const booking = payment ? row<StoredBooking>(q.booking.get(tenantId, payment.bookingId)) : undefined;
    const result = decideSettle({
      payment,
      booking,
      card,
      now,
      ...options,
      othersHolding: () =>
        booking ? (q.heldInSlot.get({ tenant: tenantId, slot: booking.slotId, now, except: '' })?.n ?? 0) - (booking.holdExpiresAt > now ? 1 : 0) : 0,
    });
    if (result.outcome === 'paid') {
      writePayment(result.payment);
      q.updateBooking.run({ id: result.booking.id, status: result.booking.status, data: JSON.stringify(result.booking) });
      queueMessages(options?.messages?.(result));
    }
    return result;
  });

  const begin = db.transaction((scope: string, key: string, fingerprint: string, now: number, lease: Lease): IdempotencyBegin => {
    const claim = q.claim.get(scope, key);
    if (claim && claim.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (claim && claim.status !== null && claim.body !== null) {
      return { state: 'replay', status: claim.status, body: claim.body, ...(claim.location ? { location: claim.location } : {}) };
    }
    if (claim && now < claim.lease_until) return { state: 'in_flight' };
    q.upsertClaim.run(scope, key, fingerprint, now, lease.token, lease.until);
    return claim ? { state: 'started', inherited: true } : { state: 'started' };
  });

  const addMessage = db.transaction((tenantId: string, conversationId: string, message: StoredChatMessage, now: number) => {
    const owner = q.conversationOwner.get(conversationId)?.tenant_id;
    if (owner !== undefined && owner !== tenantId) throw new Error('That conversation belongs to another tenant.');
    if (owner === undefined) q.insertConversation.run(conversationId, tenantId, now);
    return q.insertMessage.run(conversationId, message.id, JSON.stringify(message)).changes === 1 ? ('added' as const) : ('exists' as const);
  });
  // Deferred: a read transaction, so a conversation and its messages are read from one snapshot.
  const readConversation = db.transaction((tenantId: string, id: string) => {
    const found = q.conversation.get(tenantId, id);
    return (
      found &&
      conversationOf(
        tenantId,
        found,
        q.messages.all(id).map((r) => JSON.parse(r.data) as StoredChatMessage),
      )
    );
  });
  const readConversations = db.transaction((tenantId: string, page: PageRequest) => {
    const rows = q.conversations.all(pageParams(tenantId, page));
    const messages = new Map<string, StoredChatMessage[]>();
    for (const r of q.messagesOf.all(JSON.stringify(rows.map((c) => c.id)))) {
      messages.set(r.conversation_id, [...(messages.get(r.conversation_id) ?? []), JSON.parse(r.data)]);
    }
    return pageFrom(rows, page.limit, bySeq, (r) => conversationOf(tenantId, r, messages.get(r.id) ?? []));
  });
  const createLead = db.transaction((lead: StoredLead, messages?: readonly OutboxMessage[]) => {
    q.insertLead.run(lead.id, lead.tenantId, JSON.stringify(lead));
    queueMessages(messages);
  });
  const sweep = db.transaction((now: number, rules: SweepRules) => ({
    quotes: q.sweepQuotes.run(now - rules.expiredQuoteTtlMs).changes,
    idempotency: q.sweepClaims.run(now - rules.idempotencyTtlMs).changes,
  }));
  const reschedule = db.transaction((tenantId: string, id: string, to: RescheduleTo, rules: RescheduleRules, now: number, options?: RescheduleOptions) => {
    const heldInTarget = q.heldInSlot.get({ tenant: tenantId, slot: to.slotId, now, except: id })?.n ?? 0;
    const previous = row<StoredBooking>(q.booking.get(tenantId, id));
    const result = decideReschedule(previous, to, rules, now, heldInTarget);
    if (result.outcome === 'rescheduled' && previous) {
      q.moveBooking.run({
        id,
        slotId: result.booking.slotId,
        start: result.booking.start,
        status: result.booking.status,
        data: JSON.stringify(result.booking),
      });
      queueMessages(options?.messages?.({ booking: result.booking, previous }));
    }
    return result;
  });
  const cancel = db.transaction((tenantId: string, id: string, policy: BookingPolicy, now: number, reason?: string, options?: CancelOptions) => {
    const booking = row<StoredBooking>(q.booking.get(tenantId, id));
    const payment = booking?.paymentId ? row<StoredPayment>(q.payment.get(tenantId, booking.paymentId)) : undefined;
    const result = decideCancel(booking, payment, policy, now, reason);
    if (result.outcome === 'cancelled') {
      q.updateBooking.run({ id, status: result.booking.status, data: JSON.stringify(result.booking) });
      if (result.payment) writePayment(result.payment);
      queueMessages(options?.messages?.(result));
    }
    return result;
  });
  const claimReminder = db.transaction(
    (tenantId: string, bookingId: string, hours: number, start: number, messages: readonly OutboxMessage[], now: number): boolean => {
      const b = row<StoredBooking>(q.booking.get(tenantId, bookingId));
      if (b?.status !== 'confirmed' || b.start !== start) return false;
      if (q.claimReminder.run(bookingId, hours, start, tenantId, now).changes !== 1) return false;
      queueMessages(messages);
      return true;
    },
  );
  const finishRefund = db.transaction((tenantId: string, paymentId: string, now: number) => {
    const p = row<StoredPayment>(q.payment.get(tenantId, paymentId));
    const done = p && refundDone(p, now);
    if (done) writePayment(done);
    return done ?? p;
  });

  function conversationOf(tenantId: string, r: { id: string; created_at: number }, messages: StoredChatMessage[]): StoredConversation {
    return { id: r.id, tenantId, createdAt: r.created_at, messages };
  }

  /*
   * Each method runs its statements synchronously (better-sqlite3 is
   * synchronous) and hands back a settled Promise: a check and its write sit in
   * one transaction, and nothing of another request runs in between. IMMEDIATE
   * takes the write lock before reading, so processes sharing the file
   * serialise too.
   */
  const run = async <T>(work: () => T): Promise<T> => work();
  return {
    secret,
    saveQuote: (quote: StoredQuote) => run(() => void q.insertQuote.run(quote.id, quote.tenantId, Date.parse(quote.expiresAt), JSON.stringify(quote))),
    getQuote: (tenantId, id) => run(() => row<StoredQuote>(q.quote.get(tenantId, id))),
    holdSeating: (b, rules, now) => run(() => hold.immediate(b, rules, now)),
    getBooking: (tenantId, id) => run(() => row<StoredBooking>(q.booking.get(tenantId, id))),
    listBookings: (tenantId, page) =>
      run(() => pageFrom(q.bookings.all(pageParams(tenantId, page)), page.limit, byCreatedAt, (r) => JSON.parse(r.data) as StoredBooking)),
    heldCounts: (tenantId, from, to, now) =>
      run(() => {
        const counts = new Map<string, number>();
        // Slot ids start with their date, so a date range is a string range.
        for (const r of q.heldInRange.all({ tenant: tenantId, from, to: `${to}~`, now })) counts.set(r.slot_id, r.n);
        return counts;
      }),
    startPayment: (p, now) => run(() => startPayment.immediate(p, now)),
    getPayment: (tenantId, id) => run(() => row<StoredPayment>(q.payment.get(tenantId, id))),
    paymentByProviderRef: (provider, ref) => run(() => row<StoredPayment>(q.paymentByRef.get(provider, ref))),
    paymentsOfBookings: (tenantId, bookingIds) =>
      run(() =>
        q.paymentsOfBookings
          .all(tenantId, JSON.stringify(bookingIds))
          .map((r) => JSON.parse(r.data) as StoredPayment)
          .sort(oldestFirst),
      ),
    updateUnfinishedPayment: (tenantId, id, change, now, from) => run(() => updateUnfinished.immediate(tenantId, id, change, now, from)),
    markPaymentRefunded: (tenantId, id, now) => run(() => markRefunded.immediate(tenantId, id, now)),
    settlePayment: (tenantId, paymentId, card, now, options) => run(() => settle.immediate(tenantId, paymentId, card, now, options)),
    beginIdempotent: (scope, key, fingerprint, now, lease) => run(() => begin.immediate(scope, key, fingerprint, now, lease)),
    renewIdempotent: (scope, key, { token, until }) => run(() => q.renewClaim.run(until, scope, key, token).changes === 1),
    finishIdempotent: (scope, key, token, { status, body, location }) =>
      run(() => q.finishClaim.run(status, body, location ?? null, scope, key, token).changes === 1),
    releaseIdempotent: (scope, key, token) => run(() => q.deleteClaim.run(scope, key, token).changes === 1),
    addChatMessage: (tenantId, conversationId, message, now) => run(() => addMessage.immediate(tenantId, conversationId, message, now)),
    getConversation: (tenantId, id) => run(() => readConversation(tenantId, id)),
    listConversations: (tenantId, page) => run(() => readConversations(tenantId, page)),
    createLead: (lead, messages) => run(() => createLead.immediate(lead, messages)),
    listLeads: (tenantId, page) => run(() => pageFrom(q.leads.all(pageParams(tenantId, page)), page.limit, bySeq, (r) => JSON.parse(r.data) as StoredLead)),
    webhookEventSeen: (provider, eventId) => run(() => q.webhookEvent.get(provider, eventId) !== undefined),
    recordWebhookEvent: (provider, eventId, now) => run(() => void q.insertWebhookEvent.run(provider, eventId, now)),
    sweep: (now, rules) => run(() => sweep.immediate(now, rules)),
    ping: () => run(() => void q.ping.get()),
    close: () => run(() => void db.close()),

    // --- The outbox.
    listMessages: (tenantId, page) => run(() => pageFrom(q.outboxMessages.all(pageParams(tenantId, page)), page.limit, byCreatedAt, messageOfRow)),
    getMessage: (tenantId, id) =>
      run(() => {
        const r = q.outboxMessage.get(tenantId, id);
        return r && messageOfRow(r);
      }),
    claimMessages: (now, { token, until }, limit) =>
      run(() =>
        q.claimMessages
          .all({ now, token, until, limit })
          .map(messageOfRow)
          .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt),
      ),
    finishMessageAttempt: (id, token, attempt) => run(() => q.finishMessage.run(...attemptColumns(attempt), id, token).changes === 1),
    claimTeamGroup: (tenantId, to, now, { token, until }, limit) =>
      run(() => q.claimTeamGroup.all({ tenant: tenantId, to, now, token, until, limit }).map(messageOfRow).sort(oldestFirst)),
    releaseHeld: () => run(() => q.releaseHeld.run({ bound: outboxBound }).changes),
    paidCustomerAddress: (tenantId, email) => run(() => q.paidCustomerAddress.get(tenantId, email) !== undefined),
    rescheduleBooking: (tenantId, id, to, rules, now, options) => run(() => reschedule.immediate(tenantId, id, to, rules, now, options)),
    cancelBooking: (tenantId, id, policy, now, reason, options) => run(() => cancel.immediate(tenantId, id, policy, now, reason, options)),
    finishRefund: (tenantId, paymentId, now) => run(() => finishRefund.immediate(tenantId, paymentId, now)),
    pendingRefunds: (before, limit) => run(() => q.pendingRefunds.all(before, limit).map((r) => JSON.parse(r.data) as StoredPayment)),
    dueReminders: (tenantId, hours, from, to, limit) =>
      run(() => q.dueReminders.all({ tenant: tenantId, hours, from, to, limit }).map((r) => JSON.parse(r.data) as StoredBooking)),
    claimReminder: (tenantId, bookingId, hours, start, messages, now) => run(() => claimReminder.immediate(tenantId, bookingId, hours, start, messages, now)),
  };
}
