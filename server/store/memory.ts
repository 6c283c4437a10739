import { decideSettle, holdsSeating, isUnfinished } from './settle';
import type { IdempotencyBegin, Store, StoredBooking, StoredConversation, StoredLead, StoredPayment, StoredQuote } from './types';

interface Claim {
  fingerprint: string;
  startedAt: number;
  response?: { status: number; body: string };
}

/** In-memory store, for the browser (MSW) and fast tests. Each call runs to completion in one turn. */
export function createMemoryStore(): Store {
  const quotes = new Map<string, StoredQuote>();
  const bookings = new Map<string, StoredBooking>();
  const claims = new Map<string, Claim>();
  const payments = new Map<string, StoredPayment>();
  const webhookEvents = new Set<string>();
  // Insertion order is the order lists are read in: oldest first, as in SQLite.
  const conversations = new Map<string, StoredConversation>();
  const leads: StoredLead[] = [];
  const own = <T extends { tenantId: string }>(record: T | undefined, tenantId: string) =>
    record?.tenantId === tenantId ? structuredClone(record) : undefined;
  const claimId = (scope: string, key: string) => `${scope}\u0000${key}`;

  return {
    saveQuote(q) {
      quotes.set(q.id, structuredClone(q));
    },
    getQuote(tenantId, id) {
      const q = quotes.get(id);
      return q && q.tenantId === tenantId ? structuredClone(q) : undefined;
    },
    createBookingIfFree(b, capacity, now) {
      let held = 0;
      for (const other of bookings.values()) if (other.tenantId === b.tenantId && other.slotId === b.slotId && holdsSeating(other, now)) held++;
      if (held >= capacity) return 'full';
      bookings.set(b.id, structuredClone(b));
      return 'created';
    },
    getBooking(tenantId, id) {
      const b = bookings.get(id);
      return b && b.tenantId === tenantId ? structuredClone(b) : undefined;
    },
    listBookings(tenantId) {
      return [...bookings.values()].filter((b) => b.tenantId === tenantId).map((b) => structuredClone(b));
    },
    heldCounts(tenantId, from, to, now) {
      const counts = new Map<string, number>();
      for (const b of bookings.values()) {
        const date = b.slotId.slice(0, 10);
        if (b.tenantId === tenantId && date >= from && date <= to && holdsSeating(b, now)) counts.set(b.slotId, (counts.get(b.slotId) ?? 0) + 1);
      }
      return counts;
    },
    createPayment(p) {
      payments.set(p.id, structuredClone(p));
    },
    getPayment: (tenantId, id) => own(payments.get(id), tenantId),
    paymentByProviderRef(provider, ref) {
      const found = [...payments.values()].find((p) => p.provider === provider && p.providerRef === ref);
      return found && structuredClone(found);
    },
    listPayments(tenantId) {
      return [...payments.values()].filter((p) => p.tenantId === tenantId).map((p) => structuredClone(p));
    },
    updateUnfinishedPayment(tenantId, id, change, now) {
      const p = payments.get(id);
      if (!p || p.tenantId !== tenantId) return undefined;
      if (isUnfinished(p)) payments.set(id, { ...p, ...change, updatedAt: now });
      return own(payments.get(id), tenantId);
    },
    markPaymentRefunded(tenantId, id, now) {
      const p = payments.get(id);
      if (!p || p.tenantId !== tenantId) return undefined;
      if (p.status === 'failed' && !p.refunded) payments.set(id, { ...p, refunded: true, updatedAt: now });
      return own(payments.get(id), tenantId);
    },
    settlePayment(tenantId, paymentId, card, now, late) {
      const payment = own(payments.get(paymentId), tenantId);
      const booking = payment ? own(bookings.get(payment.bookingId), tenantId) : undefined;
      const result = decideSettle({
        payment,
        booking,
        card,
        now,
        late,
        othersHolding: () =>
          [...bookings.values()].filter((b) => b.id !== booking?.id && b.slotId === booking?.slotId && b.tenantId === tenantId && holdsSeating(b, now)).length,
      });
      if (result.outcome === 'paid') {
        payments.set(result.payment.id, structuredClone(result.payment));
        bookings.set(result.booking.id, structuredClone(result.booking));
      }
      return result;
    },
    beginIdempotent(scope, key, fingerprint, now, staleAfterMs): IdempotencyBegin {
      const id = claimId(scope, key);
      const claim = claims.get(id);
      if (claim && claim.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (claim?.response) return { state: 'replay', ...claim.response };
      if (claim && now - claim.startedAt < staleAfterMs) return { state: 'in_flight' };
      claims.set(id, { fingerprint, startedAt: now });
      return { state: 'started' };
    },
    finishIdempotent(scope, key, status, body) {
      const claim = claims.get(claimId(scope, key));
      if (claim) claim.response = { status, body };
    },
    releaseIdempotent(scope, key) {
      claims.delete(claimId(scope, key));
    },
    addChatMessage(tenantId, conversationId, message, now) {
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
    getConversation: (tenantId, id) => own(conversations.get(id), tenantId),
    listConversations: (tenantId) => [...conversations.values()].filter((c) => c.tenantId === tenantId).map((c) => structuredClone(c)),
    createLead(lead) {
      leads.push(structuredClone(lead));
    },
    listLeads: (tenantId) => leads.filter((l) => l.tenantId === tenantId).map((l) => structuredClone(l)),
    webhookEventSeen: (provider, eventId) => webhookEvents.has(`${provider}\u0000${eventId}`),
    recordWebhookEvent(provider, eventId) {
      webhookEvents.add(`${provider}\u0000${eventId}`);
    },
    close() {},
  };
}
