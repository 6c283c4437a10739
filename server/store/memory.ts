import { decideHold, slotDate, visitorHolds } from './holds';
import { decideCancel, decideReschedule, refundDone } from './manage';
import { afterAttempt, isTeamKind, OUTBOX_BOUND, type OutboxOptions, withinBound } from './outbox';
import { isAfter, oldestFirst, type PageRequest, pageFrom } from './page';
import { decideSettle, holdsSeating, isUnfinished } from './settle';
import type {
  IdempotencyBegin,
  Lease,
  OutboxMessage,
  Store,
  StoredBooking,
  StoredConversation,
  StoredLead,
  StoredPayment,
  StoredQuote,
  StoredResponse,
} from './types';

interface Claim {
  fingerprint: string;
  startedAt: number;
  lease: Lease;
  response?: StoredResponse;
}

/** One page of rows given in list order, each with its position (see page.ts): the same keyset walk the databases do. */
function pageOf<T extends { id: string }>(rows: { at: number; row: T }[], { limit, after }: PageRequest) {
  const from = rows.filter((r) => isAfter({ at: r.at, id: r.row.id }, after)).slice(0, limit + 1);
  return pageFrom(
    from,
    limit,
    (r) => ({ at: r.at, id: r.row.id }),
    (r) => structuredClone(r.row),
  );
}

const randomSecret = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * In-memory store, for the browser (MSW) and fast tests. Every method is
 * `async` but awaits nothing: its checks and its writes run in one turn of
 * the event loop, which is this store's transaction.
 */
export function createMemoryStore({ outboxBound = OUTBOX_BOUND }: OutboxOptions = {}): Store {
  const quotes = new Map<string, StoredQuote>();
  const bookings = new Map<string, StoredBooking>();
  const claims = new Map<string, Claim>();
  const payments = new Map<string, StoredPayment>();
  const webhookEvents = new Set<string>();
  // Insertion order is the order lists are read in: oldest first, as in SQLite.
  const conversations = new Map<string, StoredConversation>();
  const leads: StoredLead[] = [];
  const outbox = new Map<string, OutboxMessage>();
  const unsentOf = (tenantId: string, statuses: readonly OutboxMessage['status'][]) =>
    [...outbox.values()].filter((m) => m.tenantId === tenantId && statuses.includes(m.status));
  /** Reminders claimed: booking, hours and start. */
  const reminders = new Set<string>();
  const reminderKey = (bookingId: string, hours: number, start: number) => `${bookingId}\u0000${hours}\u0000${start}`;
  const queue = (messages: readonly OutboxMessage[] = []) => {
    for (const tenantId of new Set(messages.map((m) => m.tenantId))) {
      const unsent = unsentOf(tenantId, ['queued', 'held']).length;
      for (const m of withinBound(
        messages.filter((m) => m.tenantId === tenantId),
        unsent,
        outboxBound,
      ))
        outbox.set(m.id, structuredClone(m));
    }
  };
  const own = <T extends { tenantId: string }>(record: T | undefined, tenantId: string) =>
    record?.tenantId === tenantId ? structuredClone(record) : undefined;
  const claimId = (scope: string, key: string) => `${scope}\u0000${key}`;
  /** The unfinished claim on a key, if `token` holds it. */
  const heldBy = (scope: string, key: string, token: string) => {
    const claim = claims.get(claimId(scope, key));
    return claim && !claim.response && claim.lease.token === token ? claim : undefined;
  };

  return {
    secret: randomSecret(),
    async saveQuote(q) {
      quotes.set(q.id, structuredClone(q));
    },
    async getQuote(tenantId, id) {
      const q = quotes.get(id);
      return q && q.tenantId === tenantId ? structuredClone(q) : undefined;
    },
    async holdSeating(b, rules, now) {
      const mine = [...bookings.values()].filter((other) => other.tenantId === b.tenantId);
      const date = slotDate(b.slotId);
      const result = decideHold(b, rules, now, {
        heldInSlot: mine.filter((other) => other.slotId === b.slotId && holdsSeating(other, now)).length,
        ofQuote: mine.filter((other) => other.quoteId === b.quoteId).map((other) => structuredClone(other)),
        visitorHolds: visitorHolds(
          mine.filter((other) => other.holder === b.holder && other.status === 'pending_deposit' && slotDate(other.slotId) === date),
          now,
          now - rules.renewalWindowMs,
        ),
      });
      if (result.outcome === 'created') bookings.set(b.id, structuredClone(b));
      return result;
    },
    async getBooking(tenantId, id) {
      const b = bookings.get(id);
      return b && b.tenantId === tenantId ? structuredClone(b) : undefined;
    },
    async listBookings(tenantId, page) {
      const mine = [...bookings.values()].filter((b) => b.tenantId === tenantId).sort(oldestFirst);
      return pageOf(
        mine.map((b) => ({ at: b.createdAt, row: b })),
        page,
      );
    },
    async heldCounts(tenantId, from, to, now) {
      const counts = new Map<string, number>();
      for (const b of bookings.values()) {
        const date = b.slotId.slice(0, 10);
        if (b.tenantId === tenantId && date >= from && date <= to && holdsSeating(b, now)) counts.set(b.slotId, (counts.get(b.slotId) ?? 0) + 1);
      }
      return counts;
    },
    async startPayment(p, now) {
      const booking = own(bookings.get(p.bookingId), p.tenantId);
      if (booking?.status !== 'pending_deposit' || booking.holdExpiresAt <= now) return { outcome: 'not-payable', booking };
      payments.set(p.id, structuredClone(p));
      return { outcome: 'created' };
    },
    getPayment: async (tenantId, id) => own(payments.get(id), tenantId),
    async paymentByProviderRef(provider, ref) {
      const found = [...payments.values()].find((p) => p.provider === provider && p.providerRef === ref);
      return found && structuredClone(found);
    },
    async paymentsOfBookings(tenantId, bookingIds) {
      const wanted = new Set(bookingIds);
      return [...payments.values()]
        .filter((p) => p.tenantId === tenantId && wanted.has(p.bookingId))
        .sort(oldestFirst)
        .map((p) => structuredClone(p));
    },
    async updateUnfinishedPayment(tenantId, id, change, now, from) {
      const p = payments.get(id);
      if (!p || p.tenantId !== tenantId || (from && p.status !== from)) return undefined;
      if (isUnfinished(p)) payments.set(id, { ...p, ...change, updatedAt: now });
      return own(payments.get(id), tenantId);
    },
    async markPaymentRefunded(tenantId, id, now) {
      const p = payments.get(id);
      if (!p || p.tenantId !== tenantId) return undefined;
      if (p.status === 'failed' && !p.refunded) payments.set(id, { ...p, refunded: true, updatedAt: now });
      return own(payments.get(id), tenantId);
    },
    async settlePayment(tenantId, paymentId, card, now, options) {
      const payment = own(payments.get(paymentId), tenantId);
      const booking = payment ? own(bookings.get(payment.bookingId), tenantId) : undefined;
      const result = decideSettle({
        payment,
        booking,
        card,
        now,
        ...options,
        othersHolding: () =>
          [...bookings.values()].filter((b) => b.id !== booking?.id && b.slotId === booking?.slotId && b.tenantId === tenantId && holdsSeating(b, now)).length,
      });
      if (result.outcome === 'paid') {
        // Built before anything is written: a builder that throws leaves the settle undone, as a rolled-back transaction would.
        const messages = options?.messages?.(result);
        payments.set(result.payment.id, structuredClone(result.payment));
        bookings.set(result.booking.id, structuredClone(result.booking));
        queue(messages);
      }
      return result;
    },
    async beginIdempotent(scope, key, fingerprint, now, lease): Promise<IdempotencyBegin> {
      const id = claimId(scope, key);
      const claim = claims.get(id);
      if (claim && claim.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (claim?.response) return { state: 'replay', ...claim.response };
      if (claim && now < claim.lease.until) return { state: 'in_flight' };
      claims.set(id, { fingerprint, startedAt: now, lease: { ...lease } });
      return claim ? { state: 'started', inherited: true } : { state: 'started' };
    },
    async renewIdempotent(scope, key, lease) {
      const claim = heldBy(scope, key, lease.token);
      if (claim) claim.lease = { ...lease };
      return claim !== undefined;
    },
    async finishIdempotent(scope, key, token, response) {
      const claim = heldBy(scope, key, token);
      if (claim) claim.response = { ...response };
      return claim !== undefined;
    },
    async releaseIdempotent(scope, key, token) {
      return heldBy(scope, key, token) !== undefined && claims.delete(claimId(scope, key));
    },
    async addChatMessage(tenantId, conversationId, message, now) {
      let conversation = conversations.get(conversationId);
      if (conversation && conversation.tenantId !== tenantId) throw new Error('That conversation belongs to another tenant.');
      if (!conversation) {
        conversation = { id: conversationId, tenantId, createdAt: now, messages: [] };
        conversations.set(conversationId, conversation);
      }
      if (conversation.messages.some((m) => m.id === message.id)) return 'exists';
      conversation.messages.push(structuredClone(message));
      return 'added';
    },
    getConversation: async (tenantId, id) => own(conversations.get(id), tenantId),
    listConversations: async (tenantId, page) =>
      pageOf(
        [...conversations.values()].map((row, at) => ({ at, row })).filter((r) => r.row.tenantId === tenantId),
        page,
      ),
    async createLead(lead, messages) {
      leads.push(structuredClone(lead));
      queue(messages);
    },
    listLeads: async (tenantId, page) =>
      pageOf(
        leads.map((row, at) => ({ at, row })).filter((r) => r.row.tenantId === tenantId),
        page,
      ),
    webhookEventSeen: async (provider, eventId) => webhookEvents.has(`${provider}\u0000${eventId}`),
    async recordWebhookEvent(provider, eventId) {
      webhookEvents.add(`${provider}\u0000${eventId}`);
    },
    async sweep(now, rules) {
      const before = { quotes: quotes.size, idempotency: claims.size };
      for (const [id, q] of quotes) if (Date.parse(q.expiresAt) + rules.expiredQuoteTtlMs <= now) quotes.delete(id);
      for (const [id, claim] of claims) if (claim.startedAt + rules.idempotencyTtlMs <= now) claims.delete(id);
      return { quotes: before.quotes - quotes.size, idempotency: before.idempotency - claims.size };
    },
    async ping() {},
    async close() {},

    // --- The outbox.
    listMessages: async (tenantId, page) =>
      pageOf(
        [...outbox.values()]
          .filter((m) => m.tenantId === tenantId)
          .sort(oldestFirst)
          .map((m) => ({ at: m.createdAt, row: m })),
        page,
      ),
    getMessage: async (tenantId, id) => own(outbox.get(id), tenantId),
    async claimMessages(now, lease, limit) {
      const due = [...outbox.values()]
        .filter((m) => m.status === 'queued' && m.nextAttemptAt <= now && (!m.lease || m.lease.until <= now))
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
        .slice(0, limit);
      for (const m of due) m.lease = { ...lease };
      return due.map((m) => structuredClone(m));
    },
    async finishMessageAttempt(id, token, attempt) {
      const m = outbox.get(id);
      if (m?.status !== 'queued' || m.lease?.token !== token) return false;
      outbox.set(id, afterAttempt(m, attempt));
      return true;
    },
    async claimTeamGroup(tenantId, to, now, lease, limit) {
      const group = unsentOf(tenantId, ['queued'])
        .filter((m) => isTeamKind(m.kind) && m.to === to && (!m.lease || m.lease.until <= now || m.lease.token === lease.token))
        .sort(oldestFirst)
        .slice(0, limit);
      for (const m of group) m.lease = { ...lease };
      return group.map((m) => structuredClone(m));
    },
    async releaseHeld() {
      let released = 0;
      for (const tenantId of new Set([...outbox.values()].filter((m) => m.status === 'held').map((m) => m.tenantId))) {
        const room = outboxBound - unsentOf(tenantId, ['queued']).length;
        for (const m of unsentOf(tenantId, ['held']).sort(oldestFirst).slice(0, Math.max(0, room))) {
          const { note: _, ...rest } = m;
          outbox.set(m.id, { ...rest, status: 'queued' });
          released += 1;
        }
      }
      return released;
    },
    paidCustomerAddress: async (tenantId, email) =>
      [...bookings.values()].some((b) => b.tenantId === tenantId && b.paymentId !== undefined && b.customer.email === email),
    async rescheduleBooking(tenantId, id, to, rules, now, options) {
      const target = [...bookings.values()].filter((b) => b.tenantId === tenantId && b.slotId === to.slotId && b.id !== id && holdsSeating(b, now));
      const previous = own(bookings.get(id), tenantId);
      const result = decideReschedule(previous, to, rules, now, target.length);
      if (result.outcome === 'rescheduled' && previous) {
        // Built before anything is written, as in settlePayment.
        const messages = options?.messages?.({ booking: result.booking, previous });
        bookings.set(id, structuredClone(result.booking));
        queue(messages);
      }
      return result;
    },
    async cancelBooking(tenantId, id, policy, now, reason, options) {
      const booking = own(bookings.get(id), tenantId);
      const result = decideCancel(booking, booking?.paymentId ? own(payments.get(booking.paymentId), tenantId) : undefined, policy, now, reason);
      if (result.outcome === 'cancelled') {
        const messages = options?.messages?.(result);
        bookings.set(id, structuredClone(result.booking));
        if (result.payment) payments.set(result.payment.id, structuredClone(result.payment));
        queue(messages);
      }
      return result;
    },
    async finishRefund(tenantId, paymentId, now) {
      const p = own(payments.get(paymentId), tenantId);
      const done = p && refundDone(p, now);
      if (done) payments.set(paymentId, structuredClone(done));
      return done ?? p;
    },
    async dueReminders(tenantId, hours, from, to, limit) {
      return [...bookings.values()]
        .filter(
          (b) => b.tenantId === tenantId && b.status === 'confirmed' && b.start > from && b.start <= to && !reminders.has(reminderKey(b.id, hours, b.start)),
        )
        .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1))
        .slice(0, limit)
        .map((b) => structuredClone(b));
    },
    async claimReminder(tenantId, bookingId, hours, start, messages) {
      const b = own(bookings.get(bookingId), tenantId);
      const key = reminderKey(bookingId, hours, start);
      if (b?.status !== 'confirmed' || b.start !== start || reminders.has(key)) return false;
      reminders.add(key);
      queue(messages);
      return true;
    },
    async pendingRefunds(before, limit) {
      return [...payments.values()]
        .filter((p) => p.refund?.status === 'pending' && p.updatedAt <= before)
        .sort(oldestFirst)
        .slice(0, limit)
        .map((p) => structuredClone(p));
    },
  };
}
