import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PaymentStatus } from '../../src/contract';
import { decideHold, slotDate } from './holds';
import { decideCancel, decideReschedule, refundDone } from './manage';
import { attemptColumns, messageOfRow, OUTBOX_BOUND, type OutboxOptions, type OutboxRow, outboxContent, withinBound } from './outbox';
import { byCreatedAt, bySeq, keyset, oldestFirst, pageFrom } from './page';
import { migratePg } from './pg-migrate';
import { createPgRateLimiter } from './pg-rate-limits';
import { decideSettle, isUnfinished } from './settle';
import type {
  IdempotencyBegin,
  Lease,
  OutboxMessage,
  PaymentStart,
  SettleResult,
  Store,
  StoredBooking,
  StoredConversation,
  StoredLead,
  StoredPayment,
  StoredQuote,
} from './types';
import { isStoreUnavailable, StoreUnavailable } from './unavailable';

/** The pool's limits, each set on purpose; see `PG_POOL_DEFAULTS`. */
export interface PgPoolLimits {
  /** Connections this instance opens at most. */
  max: number;
  /** How long a query waits for a connection (from the pool, or a new one) before it fails. */
  connectionTimeoutMillis: number;
  /** How long PostgreSQL lets one statement run (lock waits included) before cancelling it. */
  statementTimeoutMillis: number;
  /** How long PostgreSQL keeps a transaction whose client went quiet, and its locks, before ending the session. */
  idleInTransactionMillis: number;
}

/**
 * Every query here is a point read or write, and a lock is held for one
 * short transaction: anything slower than these is a fault (the database
 * unreachable, or a stuck instance holding locks), better answered as an
 * error within the SDK's patience than waited on. Ten connections per
 * instance keep three instances well under PostgreSQL's default 100.
 */
export const PG_POOL_DEFAULTS: PgPoolLimits = { max: 10, connectionTimeoutMillis: 5_000, statementTimeoutMillis: 5_000, idleInTransactionMillis: 10_000 };

export interface PgStoreOptions extends Partial<PgPoolLimits>, OutboxOptions {
  /** The schema the tables live in (made when missing): tests give each store a fresh one. */
  schema?: string;
}

/** How often an instance that started while PostgreSQL was down tries it again (requests meanwhile try too). */
const RECONNECT_MS = 2_000;

/** How much longer than `statement_timeout` a query waits for any answer before its connection is given up. */
const QUERY_GRACE_MS = 2_000;

const INT8 = 20;
/** BIGINT columns hold epoch milliseconds and counts, well inside a double's exact integers. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/** A booking that holds its seating at `$n` (epoch ms): confirmed, or pending with an unexpired hold. */
const held = (now: string) => `(status = 'confirmed' OR (status = 'pending_deposit' AND hold_expires_at > ${now}))`;

/** Advisory lock keys: a seating's date for one tenant (capacity and the per-visitor rules), and a quote (its one live booking). */
const dateLock = (tenantId: string, date: string) => `teppan seating-date ${tenantId} ${date}`;
const quoteLock = (tenantId: string, quoteId: string) => `teppan quote ${tenantId} ${quoteId}`;
const LOCK = 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))';

type Db = pg.Pool | pg.PoolClient;
const one = async <T>(db: Db, sql: string, values: unknown[]) => (await db.query<{ data: T }>(sql, values)).rows[0]?.data;
const all = async <T>(db: Db, sql: string, values: unknown[]) => (await db.query<{ data: T }>(sql, values)).rows.map((r) => r.data);
const json = (value: unknown) => JSON.stringify(value);

const OUTBOX_COLUMNS = 'created_at, id, status, attempts, next_attempt_at, last_error, sent_at, lease_token, lease_until, note, sent_as, data';

/** A conversation with its messages, in one statement: read from one snapshot. */
const CONVERSATIONS = `
    SELECT c.seq, c.id, c.created_at,
      COALESCE((SELECT json_agg(m.data ORDER BY m.seq) FROM chat_messages m WHERE m.conversation_id = c.id), '[]'::json) AS messages
    FROM conversations c WHERE c.tenant_id = $1`;

/**
 * The admin lists' queries, each a keyset read served by an index (list-plans.test.ts
 * checks their plans): a page in order, then the rows that belong to that page.
 */
export const PG_LISTS = {
  bookings: 'SELECT created_at, id, data FROM bookings WHERE tenant_id = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4',
  paymentsOfBookings: 'SELECT data FROM payments WHERE tenant_id = $1 AND booking_id = ANY($2) ORDER BY created_at, id',
  conversations: `${CONVERSATIONS} AND c.seq > $2 ORDER BY c.seq LIMIT $3`,
  leads: 'SELECT seq, id, data FROM leads WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
  messages: `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = $1 AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4`,
};

/**
 * PostgreSQL through node-postgres: the store for several API instances over
 * one database. Each method is one transaction (READ COMMITTED); a
 * check-then-write is made safe by a lock taken before its check: row locks
 * (`FOR UPDATE`) on the payment and booking it decides on, and advisory locks
 * on what no row stands for yet (a seating's date, a quote), so concurrent
 * requests on other instances wait their turn rather than decide on the same
 * reading. Resolves once the schema is migrated (see pg-migrate.ts).
 */
export async function createPostgresStore(url: string, options: PgStoreOptions = {}): Promise<Store> {
  const limits = { ...PG_POOL_DEFAULTS, ...options };
  const schema = options.schema ?? 'public';
  // It goes into the connection's startup options, where only a plain name is safe.
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Schema name "${schema}": use lower-case letters, digits and _.`);
  const pool = new pg.Pool({
    connectionString: url,
    max: limits.max,
    connectionTimeoutMillis: limits.connectionTimeoutMillis,
    statement_timeout: limits.statementTimeoutMillis,
    idle_in_transaction_session_timeout: limits.idleInTransactionMillis,
    // The server cancels a slow statement itself; this is for a server that vanished mid-query (no answer, no reset),
    // which would otherwise be waited on until TCP gives up.
    query_timeout: limits.statementTimeoutMillis + QUERY_GRACE_MS,
    options: `-c search_path=${schema}`,
    application_name: 'teppan',
    // A peer that vanished (a dropped network path) is noticed rather than waited on for ever.
    keepAlive: true,
    types,
  });
  // An idle connection the server closed (a restart, a network cut): the pool drops it and opens another when needed.
  pool.on('error', (error) => console.error(`[teppan] PostgreSQL: an idle connection failed and was dropped: ${error.message}`));

  async function tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    let broken: Error | undefined;
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (error) {
      await c.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is not given to the next request.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      c.release(broken);
    }
  }

  /** Migrates, and reads the secret the first instance made: the store's work before its first query. */
  async function prepare(): Promise<string> {
    await migratePg(pool, schema);
    await pool.query(`INSERT INTO meta (name, value) VALUES ('secret', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
    return (await pool.query<{ value: string }>(`SELECT value FROM meta WHERE name = 'secret'`)).rows[0]?.value ?? '';
  }
  let secret: string | undefined;
  let preparing: Promise<unknown> | undefined;
  /** Undefined once prepared; until then the one preparation under way (a failed one is tried afresh by the next call). */
  const ready = () => {
    if (secret !== undefined) return undefined;
    preparing ??= prepare().then(
      (s) => {
        secret = s;
      },
      (error: unknown) => {
        preparing = undefined;
        throw error;
      },
    );
    return preparing;
  };

  let retry: NodeJS.Timeout | undefined;
  try {
    await ready();
  } catch (error) {
    // A database not reachable yet is waited for while the instance serves 503s; anything else (a failed migration) stops the start.
    if (!isStoreUnavailable(error)) {
      await pool.end();
      throw error;
    }
    console.warn(`[teppan] PostgreSQL is unreachable (${String(error)}): answering 503 until it is, trying again every ${RECONNECT_MS / 1000} s.`);
    retry = setInterval(() => {
      if (secret !== undefined) clearInterval(retry);
      else ready()?.catch(() => {});
    }, RECONNECT_MS);
    retry.unref();
  }

  const heldIn = (c: Db, tenantId: string, slotId: string, now: number, except = '') =>
    c
      .query<{ n: number }>(`SELECT COUNT(*) AS n FROM bookings WHERE tenant_id = $1 AND slot_date = $2 AND slot_id = $3 AND id <> $4 AND ${held('$5')}`, [
        tenantId,
        slotDate(slotId),
        slotId,
        except,
        now,
      ])
      .then((r) => r.rows[0]?.n ?? 0);
  const paymentFor = (c: Db, tenantId: string, id: string, lock = '') =>
    one<StoredPayment>(c, `SELECT data FROM payments WHERE tenant_id = $1 AND id = $2 ${lock}`, [tenantId, id]);
  const bookingFor = (c: Db, tenantId: string, id: string, lock = '') =>
    one<StoredBooking>(c, `SELECT data FROM bookings WHERE tenant_id = $1 AND id = $2 ${lock}`, [tenantId, id]);
  const outboxBound = options.outboxBound ?? OUTBOX_BOUND;
  const queueMessages = async (c: Db, messages: readonly OutboxMessage[] = []) => {
    for (const tenantId of new Set(messages.map((m) => m.tenantId))) {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM outbox WHERE tenant_id = $1 AND status IN ('queued', 'held') LIMIT $2) unsent`,
        [tenantId, outboxBound],
      );
      const mine = messages.filter((m) => m.tenantId === tenantId);
      for (const m of withinBound(mine, rows[0]?.n ?? 0, outboxBound)) {
        await c.query(
          `INSERT INTO outbox (id, tenant_id, status, attempts, next_attempt_at, created_at, lease_until, note, data) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)`,
          [m.id, m.tenantId, m.status, m.attempts, m.nextAttemptAt, m.createdAt, m.note ?? null, outboxContent(m)],
        );
      }
    }
  };
  const writePayment = (c: Db, p: StoredPayment) => c.query('UPDATE payments SET status = $2, data = $3 WHERE id = $1', [p.id, p.status, json(p)]);

  type ConversationRow = { seq: number; id: string; created_at: number; messages: StoredConversation['messages'] };
  const conversationOf = (tenantId: string, r: ConversationRow): StoredConversation => ({ id: r.id, tenantId, createdAt: r.created_at, messages: r.messages });

  const methods: Omit<Store, 'secret'> = {
    async saveQuote(quote) {
      await pool.query('INSERT INTO quotes (id, tenant_id, expires_at, data) VALUES ($1, $2, $3, $4)', [
        quote.id,
        quote.tenantId,
        Date.parse(quote.expiresAt),
        json(quote),
      ]);
    },
    getQuote: (tenantId, id) => one<StoredQuote>(pool, 'SELECT data FROM quotes WHERE tenant_id = $1 AND id = $2', [tenantId, id]),

    holdSeating: (b, rules, now) =>
      tx(async (c) => {
        const date = slotDate(b.slotId);
        // Always the quote first, then the date: every transaction takes them in one order, so none waits on another in a cycle.
        await c.query(LOCK, [quoteLock(b.tenantId, b.quoteId)]);
        await c.query(LOCK, [dateLock(b.tenantId, date)]);
        const visitor =
          b.holder === undefined
            ? { live: 0, recent: 0 }
            : ((
                await c.query<{ live: number; recent: number }>(
                  `SELECT COUNT(*) FILTER (WHERE hold_expires_at > $4) AS live, COUNT(*) FILTER (WHERE created_at > $5) AS recent FROM bookings
                   WHERE tenant_id = $1 AND holder = $2 AND slot_date = $3 AND status = 'pending_deposit'`,
                  [b.tenantId, b.holder, date, now, now - rules.renewalWindowMs],
                )
              ).rows[0] ?? { live: 0, recent: 0 });
        const result = decideHold(b, rules, now, {
          heldInSlot: await heldIn(c, b.tenantId, b.slotId, now),
          ofQuote: await all<StoredBooking>(c, 'SELECT data FROM bookings WHERE tenant_id = $1 AND quote_id = $2', [b.tenantId, b.quoteId]),
          visitorHolds: visitor,
        });
        if (result.outcome === 'created') {
          await c.query(
            `INSERT INTO bookings (id, tenant_id, slot_id, slot_date, start_at, quote_id, holder, status, hold_expires_at, created_at, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [b.id, b.tenantId, b.slotId, date, b.start, b.quoteId, b.holder ?? null, b.status, b.holdExpiresAt, b.createdAt, json(b)],
          );
        }
        return result;
      }),
    getBooking: (tenantId, id) => bookingFor(pool, tenantId, id),
    async listBookings(tenantId, page) {
      const { at, id, limit } = keyset(page);
      const { rows } = await pool.query<{ created_at: number; id: string; data: StoredBooking }>(PG_LISTS.bookings, [tenantId, at, id, limit]);
      return pageFrom(rows, page.limit, byCreatedAt, (r) => r.data);
    },
    async heldCounts(tenantId, from, to, now) {
      const { rows } = await pool.query<{ slot_id: string; n: number }>(
        `SELECT slot_id, COUNT(*) AS n FROM bookings WHERE tenant_id = $1 AND slot_date BETWEEN $2::date AND $3::date AND ${held('$4')} GROUP BY slot_id`,
        [tenantId, from, to, now],
      );
      return new Map(rows.map((r) => [r.slot_id, r.n]));
    },

    startPayment: (p, now) =>
      tx(async (c): Promise<PaymentStart> => {
        // Locked: a settle of another payment of this booking waits, or is seen.
        const booking = await bookingFor(c, p.tenantId, p.bookingId, 'FOR UPDATE');
        if (booking?.status !== 'pending_deposit' || booking.holdExpiresAt <= now) return { outcome: 'not-payable', booking };
        await c.query(
          'INSERT INTO payments (id, tenant_id, booking_id, status, provider, provider_ref, created_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [p.id, p.tenantId, p.bookingId, p.status, p.provider, p.providerRef ?? null, p.createdAt, json(p)],
        );
        return { outcome: 'created' };
      }),
    getPayment: (tenantId, id) => paymentFor(pool, tenantId, id),
    paymentByProviderRef: (provider, ref) => one<StoredPayment>(pool, 'SELECT data FROM payments WHERE provider = $1 AND provider_ref = $2', [provider, ref]),
    paymentsOfBookings: (tenantId, bookingIds) => all<StoredPayment>(pool, PG_LISTS.paymentsOfBookings, [tenantId, bookingIds]),
    updateUnfinishedPayment: (tenantId, id, change, now, from?: PaymentStatus) =>
      tx(async (c) => {
        const p = await paymentFor(c, tenantId, id, 'FOR UPDATE');
        if (from && p?.status !== from) return undefined;
        if (!p || !isUnfinished(p)) return p;
        const next = { ...p, ...change, updatedAt: now };
        await writePayment(c, next);
        return next;
      }),
    markPaymentRefunded: (tenantId, id, now) =>
      tx(async (c) => {
        const p = await paymentFor(c, tenantId, id, 'FOR UPDATE');
        if (p?.status !== 'failed' || p.refunded) return p;
        const next: StoredPayment = { ...p, refunded: true, updatedAt: now };
        await writePayment(c, next);
        return next;
      }),
    settlePayment: (tenantId, paymentId, card, now, options) =>
      tx(async (c): Promise<SettleResult> => {
        // The payment, then its booking: one order for every transaction that locks both.
        const payment = await paymentFor(c, tenantId, paymentId, 'FOR UPDATE');
        const booking = payment ? await bookingFor(c, tenantId, payment.bookingId, 'FOR UPDATE') : undefined;
        let others = 0;
        if (options?.late && booking) {
          // A late settle takes a team like a new hold does: under the same lock.
          await c.query(LOCK, [dateLock(tenantId, slotDate(booking.slotId))]);
          others = await heldIn(c, tenantId, booking.slotId, now, booking.id);
        }
        const result = decideSettle({ payment, booking, card, now, ...options, othersHolding: () => others });
        if (result.outcome === 'paid') {
          await writePayment(c, result.payment);
          await c.query('UPDATE bookings SET status = $2, data = $3 WHERE id = $1', [result.booking.id, result.booking.status, json(result.booking)]);
          await queueMessages(c, options?.messages?.(result));
        }
        return result;
      }),

    beginIdempotent: (scope, key, fingerprint, now, lease: Lease) =>
      tx(async (c): Promise<IdempotencyBegin> => {
        // The key's row is the claim: inserting it wins; otherwise it is read locked and judged.
        for (let attempt = 1; ; attempt++) {
          const inserted = await c.query(
            'INSERT INTO idempotency (scope, key, fingerprint, started_at, token, lease_until) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING',
            [scope, key, fingerprint, now, lease.token, lease.until],
          );
          if (inserted.rowCount === 1) return { state: 'started' };
          const claim = (
            await c.query<{ fingerprint: string; lease_until: number; status: number | null; body: string | null; location: string | null }>(
              'SELECT fingerprint, lease_until, status, body, location FROM idempotency WHERE scope = $1 AND key = $2 FOR UPDATE',
              [scope, key],
            )
          ).rows[0];
          // Released between the two statements: claim it afresh (a key released again and again is a fault, not a reason to spin).
          if (!claim && attempt < 3) continue;
          if (!claim) throw new Error(`Idempotency key ${key} kept being released while it was claimed.`);
          if (claim.fingerprint !== fingerprint) return { state: 'mismatch' };
          if (claim.status !== null && claim.body !== null) {
            return { state: 'replay', status: claim.status, body: claim.body, ...(claim.location ? { location: claim.location } : {}) };
          }
          if (now < claim.lease_until) return { state: 'in_flight' };
          await c.query('UPDATE idempotency SET fingerprint = $3, started_at = $4, token = $5, lease_until = $6 WHERE scope = $1 AND key = $2', [
            scope,
            key,
            fingerprint,
            now,
            lease.token,
            lease.until,
          ]);
          return { state: 'started', inherited: true };
        }
      }),
    // Each only while the claim is unfinished and still the caller's: a request taken over writes nothing.
    async renewIdempotent(scope, key, { token, until }) {
      const { rowCount } = await pool.query('UPDATE idempotency SET lease_until = $4 WHERE scope = $1 AND key = $2 AND token = $3 AND status IS NULL', [
        scope,
        key,
        token,
        until,
      ]);
      return rowCount === 1;
    },
    async finishIdempotent(scope, key, token, { status, body, location }) {
      const { rowCount } = await pool.query(
        'UPDATE idempotency SET status = $4, body = $5, location = $6 WHERE scope = $1 AND key = $2 AND token = $3 AND status IS NULL',
        [scope, key, token, status, body, location ?? null],
      );
      return rowCount === 1;
    },
    async releaseIdempotent(scope, key, token) {
      const { rowCount } = await pool.query('DELETE FROM idempotency WHERE scope = $1 AND key = $2 AND token = $3 AND status IS NULL', [scope, key, token]);
      return rowCount === 1;
    },

    addChatMessage: (tenantId, conversationId, message, now) =>
      tx(async (c) => {
        await c.query('INSERT INTO conversations (id, tenant_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [conversationId, tenantId, now]);
        const owner = (await c.query<{ tenant_id: string }>('SELECT tenant_id FROM conversations WHERE id = $1', [conversationId])).rows[0]?.tenant_id;
        if (owner !== tenantId) throw new Error('That conversation belongs to another tenant.');
        const added = await c.query('INSERT INTO chat_messages (conversation_id, id, data) VALUES ($1, $2, $3) ON CONFLICT (conversation_id, id) DO NOTHING', [
          conversationId,
          message.id,
          json(message),
        ]);
        return added.rowCount === 1 ? 'added' : 'exists';
      }),
    // One statement each: a conversation and its messages are read from one snapshot.
    async getConversation(tenantId, id) {
      const r = (await pool.query<ConversationRow>(`${CONVERSATIONS} AND c.id = $2`, [tenantId, id])).rows[0];
      return r && conversationOf(tenantId, r);
    },
    async listConversations(tenantId, page) {
      const { at, limit } = keyset(page);
      const { rows } = await pool.query<ConversationRow>(PG_LISTS.conversations, [tenantId, at, limit]);
      return pageFrom(rows, page.limit, bySeq, (r) => conversationOf(tenantId, r));
    },

    createLead: (lead, messages) =>
      tx(async (c) => {
        await c.query('INSERT INTO leads (id, tenant_id, data) VALUES ($1, $2, $3)', [lead.id, lead.tenantId, json(lead)]);
        await queueMessages(c, messages);
      }),
    async listLeads(tenantId, page) {
      const { at, limit } = keyset(page);
      const { rows } = await pool.query<{ seq: number; id: string; data: StoredLead }>(PG_LISTS.leads, [tenantId, at, limit]);
      return pageFrom(rows, page.limit, bySeq, (r) => r.data);
    },

    async webhookEventSeen(provider, eventId) {
      return (await pool.query('SELECT 1 FROM webhook_events WHERE provider = $1 AND id = $2', [provider, eventId])).rowCount === 1;
    },
    async recordWebhookEvent(provider, eventId, now) {
      await pool.query('INSERT INTO webhook_events (provider, id, received_at) VALUES ($1, $2, $3) ON CONFLICT (provider, id) DO NOTHING', [
        provider,
        eventId,
        now,
      ]);
    },

    sweep: (now, rules) =>
      tx(async (c) => ({
        quotes: (await c.query('DELETE FROM quotes WHERE expires_at <= $1', [now - rules.expiredQuoteTtlMs])).rowCount ?? 0,
        idempotency: (await c.query('DELETE FROM idempotency WHERE started_at <= $1', [now - rules.idempotencyTtlMs])).rowCount ?? 0,
      })),

    async ping() {
      await pool.query('SELECT 1');
    },
    // Its functions come with migration 0004: each call waits for the schema, as the store's methods do.
    rateLimiter: (limits) => afterReady(createPgRateLimiter(pool, limits ? { limits } : {}), ready),

    close: () => {
      clearInterval(retry);
      return pool.end();
    },

    // --- The outbox.
    async listMessages(tenantId, page) {
      const { at, id, limit } = keyset(page);
      const { rows } = await pool.query<OutboxRow & { created_at: number; id: string }>(PG_LISTS.messages, [tenantId, at, id, limit]);
      return pageFrom(rows, page.limit, byCreatedAt, messageOfRow);
    },
    async getMessage(tenantId, id) {
      const r = (await pool.query<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE tenant_id = $1 AND id = $2`, [tenantId, id])).rows[0];
      return r && messageOfRow(r);
    },
    // SKIP LOCKED: senders on several instances claiming at once each take other rows, none waits on another's.
    async claimMessages(now, { token, until }, limit) {
      const { rows } = await pool.query<OutboxRow>(
        `UPDATE outbox SET lease_token = $2, lease_until = $3 WHERE id IN (
           SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= $1 AND lease_until <= $1 ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED
         ) RETURNING ${OUTBOX_COLUMNS}`,
        [now, token, until, limit],
      );
      return rows.map(messageOfRow).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    },
    async finishMessageAttempt(id, token, attempt) {
      const { rowCount } = await pool.query(
        `UPDATE outbox SET attempts = attempts + $1, status = $2, last_error = COALESCE($3, last_error), next_attempt_at = COALESCE($4, next_attempt_at),
         sent_at = COALESCE($5, sent_at), sent_as = COALESCE($6, sent_as), note = COALESCE($7, note), lease_token = NULL, lease_until = 0
         WHERE id = $8 AND lease_token = $9 AND status = 'queued'`,
        [...attemptColumns(attempt), id, token],
      );
      return rowCount === 1;
    },
    async claimTeamGroup(tenantId, to, now, { token, until }, limit) {
      const { rows } = await pool.query<OutboxRow>(
        `UPDATE outbox SET lease_token = $4, lease_until = $5 WHERE id IN (
           SELECT id FROM outbox WHERE tenant_id = $1 AND status = 'queued' AND (lease_until <= $3 OR lease_token = $4)
             AND (data ->> 'kind') LIKE 'team-%' AND (data ->> 'to') = $2
           ORDER BY created_at, id LIMIT $6 FOR UPDATE SKIP LOCKED
         ) RETURNING ${OUTBOX_COLUMNS}`,
        [tenantId, to, now, token, until, limit],
      );
      return rows.map(messageOfRow).sort(oldestFirst);
    },
    // One release at a time across instances (the lock), so two never both fill the same room.
    releaseHeld: () =>
      tx(async (c) => {
        await c.query(LOCK, ['outbox release held']);
        const { rowCount } = await c.query(
          `UPDATE outbox SET status = 'queued', note = NULL WHERE id IN (
             SELECT id FROM (
               SELECT h.id, row_number() OVER (PARTITION BY h.tenant_id ORDER BY h.created_at, h.id) AS n,
                 $1 - (SELECT count(*) FROM outbox q WHERE q.tenant_id = h.tenant_id AND q.status = 'queued') AS room
               FROM outbox h WHERE h.status = 'held'
             ) ranked WHERE n <= room
           )`,
          [outboxBound],
        );
        return rowCount ?? 0;
      }),
    async paidCustomerAddress(tenantId, email) {
      const { rows } = await pool.query(
        `SELECT 1 FROM bookings WHERE tenant_id = $1 AND (data -> 'customer' ->> 'email') = $2 AND (data ->> 'paymentId') IS NOT NULL LIMIT 1`,
        [tenantId, email],
      );
      return rows.length > 0;
    },
    rescheduleBooking: (tenantId, id, to, rules, now, options) =>
      tx(async (c) => {
        // The booking first, then both dates' locks in date order: a settle locks its booking before its date too,
        // and two reschedules between the same dates take them in one order, so none waits on another in a cycle.
        const current = await bookingFor(c, tenantId, id, 'FOR UPDATE');
        const dates = [...new Set([slotDate(to.slotId), ...(current ? [slotDate(current.slotId)] : [])])].sort();
        for (const date of dates) await c.query(LOCK, [dateLock(tenantId, date)]);
        const result = decideReschedule(current, to, rules, now, await heldIn(c, tenantId, to.slotId, now, id));
        if (result.outcome === 'rescheduled') {
          const b = result.booking;
          await c.query('UPDATE bookings SET slot_id = $2, slot_date = $3, start_at = $4, status = $5, data = $6 WHERE id = $1', [
            b.id,
            b.slotId,
            slotDate(b.slotId),
            b.start,
            b.status,
            json(b),
          ]);
          if (current) await queueMessages(c, options?.messages?.({ booking: b, previous: current }));
        }
        return result;
      }),
    cancelBooking: (tenantId, id, policy, now, reason, options) =>
      tx(async (c) => {
        // The payment, then its booking, as settlePayment locks them; a payment that settled meanwhile is read after.
        const seen = await bookingFor(c, tenantId, id);
        let payment = seen?.paymentId ? await paymentFor(c, tenantId, seen.paymentId, 'FOR UPDATE') : undefined;
        const booking = await bookingFor(c, tenantId, id, 'FOR UPDATE');
        if (booking?.paymentId && booking.paymentId !== payment?.id) payment = await paymentFor(c, tenantId, booking.paymentId, 'FOR UPDATE');
        const result = decideCancel(booking, payment, policy, now, reason);
        if (result.outcome === 'cancelled') {
          await c.query('UPDATE bookings SET status = $2, data = $3 WHERE id = $1', [id, result.booking.status, json(result.booking)]);
          if (result.payment) await writePayment(c, result.payment);
          await queueMessages(c, options?.messages?.(result));
        }
        return result;
      }),
    finishRefund: (tenantId, paymentId, now) =>
      tx(async (c) => {
        const p = await paymentFor(c, tenantId, paymentId, 'FOR UPDATE');
        const done = p && refundDone(p, now);
        if (done) await writePayment(c, done);
        return done ?? p;
      }),
    // Migration 0007's partial index serves it.
    dueReminders: (tenantId, hours, from, to, limit) =>
      all<StoredBooking>(
        pool,
        `SELECT data FROM bookings b WHERE tenant_id = $1 AND status = 'confirmed' AND start_at > $3 AND start_at <= $4
         AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.booking_id = b.id AND r.hours = $2 AND r.start_at = b.start_at)
         ORDER BY start_at, id LIMIT $5`,
        [tenantId, hours, from, to, limit],
      ),
    claimReminder: (tenantId, bookingId, hours, start, messages, now) =>
      tx(async (c) => {
        // Locked: a reschedule or a cancellation of this booking waits for the claim, or is seen by it.
        const b = await bookingFor(c, tenantId, bookingId, 'FOR UPDATE');
        if (b?.status !== 'confirmed' || b.start !== start) return false;
        // The primary key is the claim: a second instance's insert does nothing, and it queues nothing.
        const claimed = await c.query(
          'INSERT INTO reminders (booking_id, hours, start_at, tenant_id, queued_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (booking_id, hours, start_at) DO NOTHING',
          [bookingId, hours, start, tenantId, now],
        );
        if (claimed.rowCount !== 1) return false;
        await queueMessages(c, messages);
        return true;
      }),
    // Migration 0006's partial index serves it.
    pendingRefunds: (before, limit) =>
      all<StoredPayment>(
        pool,
        `SELECT data FROM payments WHERE (data -> 'refund' ->> 'status') = 'pending' AND (data ->> 'updatedAt')::bigint <= $1 ORDER BY created_at, id LIMIT $2`,
        [before, limit],
      ),
  };
  return {
    get secret() {
      if (secret === undefined) throw new StoreUnavailable('PostgreSQL has not been reached since this instance started.');
      return secret;
    },
    ...afterReady(methods, ready),
  };
}

/**
 * `target` with each of its methods first waiting for the schema and the secret (at once, once they are
 * there; `close` and `rateLimiter` as they are), so a store opened while its database was down works once it is back.
 */
function afterReady<T extends object>(target: T, ready: () => Promise<unknown> | undefined): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    wrapped[name] =
      typeof value !== 'function' || name === 'close' || name === 'rateLimiter'
        ? value
        : async (...args: unknown[]) => {
            await ready();
            return value(...args);
          };
  }
  return wrapped as T;
}
