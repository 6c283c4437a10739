import type { Address, BookingPolicy, CardSummary, ChatMessage, Customer, DeclineCode, Lead, PaymentProvider, PaymentStatus, Quote } from '../../src/contract';
import type { Language } from '../../src/core/i18n';
import type { PolicyName, RateLimiter } from '../http/rate-limit';
import type { Limit } from '../http/token-buckets';
import type { CancelOutcome, RescheduleOutcome, RescheduleRules, RescheduleTo } from './manage';
import type { Page, PageRequest } from './page';

export interface StoredQuote extends Quote {
  tenantId: string;
}

export interface StoredBooking {
  id: string;
  tenantId: string;
  slotId: string;
  /** Epoch ms. */
  start: number;
  quoteId: string;
  guests: number;
  totalCents: number;
  depositCents: number;
  currency: string;
  customer: Customer;
  address: Address;
  notes: string;
  /** Stored state; an unpaid hold past `holdExpiresAt` reads as expired. */
  status: 'pending_deposit' | 'confirmed' | 'cancelled';
  holdExpiresAt: number;
  createdAt: number;
  /** The payment that paid the deposit, and when (epoch ms). */
  paymentId?: string;
  paidAt?: number;
  /** Who asked for the hold: a keyed hash of the visitor's network, never the address itself (see holds.ts). */
  holder?: string;
  /** Times the customer moved it by the manage link (a calendar file's SEQUENCE), and when last. */
  reschedules?: number;
  rescheduledAt?: number;
  /** When the customer cancelled it, and why if they said. */
  cancelledAt?: number;
  cancelReason?: string;
  /** The language the visitor booked in: every message the customer gets is in it (English when absent). */
  locale?: Language;
}

export interface StoredPayment {
  id: string;
  tenantId: string;
  bookingId: string;
  provider: PaymentProvider;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  declineCode?: DeclineCode;
  /** Brand and last 4: nothing else of a card is ever stored. */
  card?: CardSummary;
  /** The provider's own id (a Stripe PaymentIntent), and Stripe.js's client secret. */
  providerRef?: string;
  clientSecret?: string;
  /** A failed payment whose money the provider took and we gave back (see the contract's `refunded`). */
  refunded?: true;
  /**
   * A succeeded deposit given back because its booking was cancelled in the
   * refund window: `pending` from the cancellation's transaction until the
   * provider has done it, then `succeeded`.
   */
  refund?: { amountCents: number; status: 'pending' | 'succeeded' };
  createdAt: number;
  updatedAt: number;
}

/** How settling a payment as paid went: only `paid` confirmed the booking. */
export type SettleResult =
  | { outcome: 'paid'; payment: StoredPayment; booking: StoredBooking }
  /** This payment had already paid it (a repeated settle). */
  | { outcome: 'already-settled'; payment: StoredPayment; booking: StoredBooking }
  /** Another payment paid the booking first. */
  | { outcome: 'paid-by-another'; booking: StoredBooking }
  | { outcome: 'hold-expired'; booking: StoredBooking }
  | { outcome: 'not-payable'; reason: 'no-payment' | 'no-booking' | 'cancelled' | 'payment-finished' }
  /** The payment was no longer in `SettleOptions.from`: another request moved it first. */
  | { outcome: 'moved'; payment: StoredPayment };

export interface SettleOptions {
  /** Stripe: the money already moved, so an expired hold is confirmed while its seating has a free team among `capacity`. */
  late?: { capacity: number };
  /** Settles only a payment still in this status (the one its caller checked). */
  from?: PaymentStatus;
  /** The messages that announce the payment (see outbox below): queued in the settle's transaction, only when it pays. */
  messages?: (paid: { payment: StoredPayment; booking: StoredBooking }) => OutboxMessage[];
}

export interface RescheduleOptions {
  /** The messages that announce the move, from the booking before and after it: queued in its transaction, only when it moves. */
  messages?: (moved: { booking: StoredBooking; previous: StoredBooking }) => OutboxMessage[];
}

export interface CancelOptions {
  /** The messages that announce the cancellation: queued in its transaction, only by the one that cancels. */
  messages?: (cancelled: { booking: StoredBooking; refundCents: number }) => OutboxMessage[];
}

/** A chat message as stored: a reply also names the visitor's message it answers. */
export interface StoredChatMessage extends ChatMessage {
  replyTo?: string;
}

export interface StoredConversation {
  id: string;
  tenantId: string;
  /** Epoch ms. */
  createdAt: number;
  /** Oldest first, in the order they were added. */
  messages: StoredChatMessage[];
}

export interface StoredLead extends Lead {
  tenantId: string;
}

/** What a finished idempotent request answered: replayed to every repeat of its key. */
export interface StoredResponse {
  status: number;
  body: string;
  /** The `Location` of the resource it made, if any. */
  location?: string;
}

/** `inherited`: the key had an unfinished claim whose lease ran out (its request died, perhaps after it made something). */
export type IdempotencyBegin = { state: 'started'; inherited?: true } | { state: 'in_flight' } | { state: 'mismatch' } | ({ state: 'replay' } & StoredResponse);

/**
 * Whose a claim on an idempotency key is, and until when: the running request
 * moves `until` on (a heartbeat) while it lives. A claim whose lease ran out
 * unfinished belonged to a request that died with its instance, and the next
 * request with the key takes it over. Times are on the wall clock every
 * instance shares, never the business clock (chaos moves that one per instance).
 */
export interface Lease {
  /** Random, per request: only the holder may renew, finish or release its claim. */
  token: string;
  /** Epoch ms the claim may be taken over from, unless renewed. */
  until: number;
}

/** What limits a new hold on a seating. */
export interface HoldRules {
  /** Chef teams per seating: holds at once on one seating. */
  capacity: number;
  /** Holds one quote may ever make: the first, and new ones after a hold expired unpaid. */
  holdsPerQuote: number;
  /** Unpaid holds one visitor (`StoredBooking.holder`) may have at once on one date. */
  holdsPerVisitorPerDate: number;
  /** Unpaid holds (live or expired) one visitor may start on one date within `renewalWindowMs`. */
  unpaidHoldsPerVisitorPerDate: number;
  renewalWindowMs: number;
}

/** How asking for a hold went; only `created` stored the booking. */
export type HoldOutcome =
  | { outcome: 'created' }
  | { outcome: 'full' }
  /** The quote already has a live booking (held or confirmed): this one. */
  | { outcome: 'quote-booked'; booking: StoredBooking }
  /** The quote has made `holdsPerQuote` holds, every one left to expire. */
  | { outcome: 'quote-spent' }
  /** This visitor already holds `holdsPerVisitorPerDate` unpaid seatings on that date. */
  | { outcome: 'visitor-limit' }
  /** This visitor let `unpaidHoldsPerVisitorPerDate` holds on that date go unpaid within the window: no renewing forever. */
  | { outcome: 'visitor-renewals' };

/** Records older than these are deleted by `sweep`. */
export interface SweepRules {
  /** Idempotency records, from when their request began. */
  idempotencyTtlMs: number;
  /** Quotes, from when they expired (a grace period, so a late visitor hears "expired", not "not found"). */
  expiredQuoteTtlMs: number;
}

/** How starting a payment went: only `created` stored it. */
export type PaymentStart =
  | { outcome: 'created' }
  /** The booking is gone, paid, cancelled or past its hold: as read inside the transaction. */
  | { outcome: 'not-payable'; booking: StoredBooking | undefined };

/**
 * Persistence behind the reference API. Every method returns a Promise, so a
 * store may sit across a network (PostgreSQL). What keeps capacity from ever
 * being exceeded, and every other check-then-write, is that each method is
 * one transaction: its reads and its write happen together, with nothing
 * another request does in between (a SQLite transaction, a database
 * transaction, or no await between the check and the write in memory). A
 * caller never splits a decision across two calls where a concurrent request
 * could change what it decided on.
 */
export interface Store {
  /**
   * A random secret made when the store was created and kept with its data
   * (so every process sharing a SQLite file has the same): keys the hashes of
   * visitors' addresses and of idempotent requests.
   */
  readonly secret: string;

  saveQuote(quote: StoredQuote): Promise<void>;
  getQuote(tenantId: string, id: string): Promise<StoredQuote | undefined>;

  /**
   * Inserts the booking, in one transaction, only if its seating has a free
   * chef team at `now` (fewer than `capacity` bookings confirmed or pending with
   * an unexpired hold) and neither its quote nor its visitor is over the
   * rules (see `decideHold`).
   */
  holdSeating(booking: StoredBooking, rules: HoldRules, now: number): Promise<HoldOutcome>;
  getBooking(tenantId: string, id: string): Promise<StoredBooking | undefined>;
  /** Oldest first (`createdAt`, then `id`): one page, read as a keyset query. */
  listBookings(tenantId: string, page: PageRequest): Promise<Page<StoredBooking>>;
  /** Seatings held at `now`, counted per slot id, for slots on dates `from`…`to` (inclusive). */
  heldCounts(tenantId: string, from: string, to: string, now: number): Promise<Map<string, number>>;

  /**
   * Inserts the payment, in one transaction, only if its booking is still
   * held unpaid at `now` (pending, its hold unexpired): a booking paid or
   * expired meanwhile gets no new payment.
   */
  startPayment(payment: StoredPayment, now: number): Promise<PaymentStart>;
  getPayment(tenantId: string, id: string): Promise<StoredPayment | undefined>;
  /** By the provider's own id (Stripe webhooks name the PaymentIntent). */
  paymentByProviderRef(provider: StoredPayment['provider'], ref: string): Promise<StoredPayment | undefined>;
  /** Every payment of these bookings (a page of them), oldest first. */
  paymentsOfBookings(tenantId: string, bookingIds: readonly string[]): Promise<StoredPayment[]>;
  /**
   * Moves an unfinished payment to a state short of paid (requires_action,
   * processing, failed). Returns the payment as it is after the call; a
   * payment already succeeded or failed is left alone. With `from`, only a
   * payment still in that status moves, and one that is not is undefined:
   * the caller's check of its status then still holds when it is written.
   */
  updateUnfinishedPayment(
    tenantId: string,
    id: string,
    change: Partial<Pick<StoredPayment, 'status' | 'declineCode' | 'card'>>,
    now: number,
    from?: PaymentStatus,
  ): Promise<StoredPayment | undefined>;
  /**
   * Records that the provider gave a failed payment's money back. Only a failed
   * payment is marked: a succeeded one paid its booking and is never refunded here.
   */
  markPaymentRefunded(tenantId: string, id: string, now: number): Promise<StoredPayment | undefined>;
  /**
   * In one transaction: marks the payment succeeded and its booking confirmed,
   * if the booking is still held by its unexpired hold and no other payment
   * paid it. At most one succeeded payment per booking, under any concurrency.
   * `late` (Stripe: the money already moved) also confirms an expired hold
   * whose seating still has a free team among `capacity`; `from`, only a
   * payment still in that status.
   */
  settlePayment(tenantId: string, paymentId: string, card: CardSummary | undefined, now: number, options?: SettleOptions): Promise<SettleResult>;

  /**
   * Claims an idempotency key for a request with this fingerprint under
   * `lease`, in one transaction. An unfinished claim whose lease ran out by
   * `now` (its request died) is taken over; one still leased is in flight.
   */
  beginIdempotent(scope: string, key: string, fingerprint: string, now: number, lease: Lease): Promise<IdempotencyBegin>;
  /** Moves a claim's lease on to `lease.until`; false when the claim is no longer this lease's (taken over, released). */
  renewIdempotent(scope: string, key: string, lease: Lease): Promise<boolean>;
  /** Keeps the response of the claim held by `token`; false when it is no longer that request's (nothing is written). */
  finishIdempotent(scope: string, key: string, token: string, response: StoredResponse): Promise<boolean>;
  /** Forgets the claim held by `token` (its request created nothing), so the key can be used again; false when it was not its. */
  releaseIdempotent(scope: string, key: string, token: string): Promise<boolean>;

  /**
   * Adds a message to a conversation, starting the conversation when it is new.
   * A message id the conversation already holds is left as it was ('exists'),
   * so a message sent twice is stored once.
   */
  addChatMessage(tenantId: string, conversationId: string, message: StoredChatMessage, now: number): Promise<'added' | 'exists'>;
  getConversation(tenantId: string, id: string): Promise<StoredConversation | undefined>;
  /** Oldest first (in the order they were started): one page, read as a keyset query. */
  listConversations(tenantId: string, page: PageRequest): Promise<Page<StoredConversation>>;

  /** Stores the lead and queues `messages` (the team's notice) in one transaction. */
  createLead(lead: StoredLead, messages?: OutboxMessage[]): Promise<void>;
  /** Oldest first (in the order they were made): one page, read as a keyset query. */
  listLeads(tenantId: string, page: PageRequest): Promise<Page<StoredLead>>;

  /** Whether a provider's webhook event (by its id) was already handled: providers redeliver. */
  webhookEventSeen(provider: StoredPayment['provider'], eventId: string): Promise<boolean>;
  /** Remembers a handled webhook event; recording one twice is harmless. */
  recordWebhookEvent(provider: StoredPayment['provider'], eventId: string, now: number): Promise<void>;

  /** Deletes expired quotes and old idempotency records; returns how many of each. */
  sweep(now: number, rules: SweepRules): Promise<{ quotes: number; idempotency: number }>;

  /** Resolves when the store's database answers; rejects (see unavailable.ts) when it cannot be reached. For `/health`. */
  ping(): Promise<void>;

  /**
   * Rate limits whose buckets this store keeps, shared by every instance on
   * it (PostgreSQL). Absent where one process serves the API (memory, SQLite):
   * its buckets stay in that process's memory. `limits`: each policy's (LIMITS by default).
   */
  rateLimiter?(limits?: Record<PolicyName, Limit>): RateLimiter;

  close(): Promise<void>;

  // --- The outbox (server/mail): messages queued with the change they announce, sent by whichever instance claims them.

  /** Oldest first (`createdAt`, then `id`): one page, read as a keyset query. */
  listMessages(tenantId: string, page: PageRequest): Promise<Page<OutboxMessage>>;
  getMessage(tenantId: string, id: string): Promise<OutboxMessage | undefined>;
  /**
   * Leases up to `limit` queued messages due at `now` (wall clock) whose lease
   * is free or ran out, soonest due first: a message is claimed by one sender
   * at a time, on any instance. Returns them with their new lease.
   */
  claimMessages(now: number, lease: Lease, limit: number): Promise<OutboxMessage[]>;
  /**
   * Records one attempt at sending a message leased by `token`: sent, due again
   * at `nextAttemptAt`, or failed for good. Frees the lease; false (nothing
   * written) when the lease is no longer the caller's.
   */
  finishMessageAttempt(id: string, token: string, attempt: MessageAttempt): Promise<boolean>;
  /**
   * Leases, besides what the caller holds under `lease.token` already, up to
   * `limit` queued team messages (kind `team-…`) of this tenant to `to` that no
   * other sender holds, due or not (oldest first): the notices one digest
   * folds together. Returns them all, those the caller held included.
   */
  claimTeamGroup(tenantId: string, to: string, now: number, lease: Lease, limit: number): Promise<OutboxMessage[]>;
  /**
   * Moves messages held past the outbox's bound (status `held`) back to
   * `queued`, oldest first, while their tenant has fewer than the bound
   * queued; returns how many.
   */
  releaseHeld(): Promise<number>;
  /** Whether `email` is the customer's address on one of the tenant's bookings whose deposit was paid (`paymentId`). */
  paidCustomerAddress(tenantId: string, email: string): Promise<boolean>;
  // Managing a booking by the customer's link (issue 20); see manage.ts.
  /**
   * Moves a confirmed booking to another seating in one transaction (same id,
   * same payment): the old seating's team freed and the new one's taken, only
   * if the new seating has a free team among `rules.capacity` at `now` and the
   * policy's window is still open (see `decideReschedule`).
   */
  rescheduleBooking(
    tenantId: string,
    id: string,
    to: RescheduleTo,
    rules: RescheduleRules,
    now: number,
    options?: RescheduleOptions,
  ): Promise<RescheduleOutcome>;
  /**
   * Cancels a confirmed booking in one transaction, freeing its seating and
   * recording the refund the policy gives as pending on its payment (see
   * `decideCancel`): under any concurrency, one cancellation and one refund.
   */
  cancelBooking(tenantId: string, id: string, policy: BookingPolicy, now: number, reason?: string, options?: CancelOptions): Promise<CancelOutcome>;
  /** Marks a cancellation's pending refund done (the provider gave the money back); the payment as it is after the call. */
  finishRefund(tenantId: string, paymentId: string, now: number): Promise<StoredPayment | undefined>;
  /** Payments of every tenant whose cancellation refund is still pending, unchanged since `before` (epoch ms): at most `limit`, oldest first. */
  pendingRefunds(before: number, limit: number): Promise<StoredPayment[]>;

  // --- Reminders (server/mail/reminders.ts): each queued once per booking, reminder and start, whichever instance runs.

  /**
   * A tenant's confirmed bookings starting after `from` and at or before `to` (epoch ms) that have no
   * `hours` reminder claimed for their start: at most `limit`, soonest first.
   */
  dueReminders(tenantId: string, hours: number, from: number, to: number, limit: number): Promise<StoredBooking[]>;
  /**
   * In one transaction: claims the `hours` reminder of the booking for its start `start` and queues
   * `messages`, only while the booking is still confirmed and still starts then, and only once (the claim
   * is unique: a second call, on any instance, queues nothing). Returns whether this call queued it.
   */
  claimReminder(tenantId: string, bookingId: string, hours: number, start: number, messages: OutboxMessage[], now: number): Promise<boolean>;
}

/** A file sent with a message, as text (an iCalendar event). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One email in the outbox: what it says is fixed when it is queued; its delivery is what changes. */
export interface OutboxMessage {
  id: string;
  tenantId: string;
  /** What it announces: `booking-confirmed`, `team-new-booking`, `team-lead`… */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** `<id@…>`, made when queued: a message sent twice (a crash before it was marked sent) carries the same one. */
  messageId: string;
  /** `held`: written past the tenant's bound on unsent messages (see outbox.ts, `OUTBOX_BOUND`), queued once the backlog drains. */
  status: 'queued' | 'held' | 'sent' | 'failed';
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms (wall clock) it may be tried from. */
  nextAttemptAt: number;
  lastError?: string;
  /** Epoch ms, the business clock of the change it announces. */
  createdAt: number;
  /** Epoch ms (wall clock) the mail server accepted it. */
  sentAt?: number;
  /** The sender trying it now, if any: a lease that runs out when its instance dies. */
  lease?: Lease;
  /** What an operator should know of it: why it is held, or the digest it went out in. */
  note?: string;
  /** The Message-ID it went out under when not its own: the digest's that listed it. */
  sentAs?: string;
}

export type MessageAttempt =
  /** Accepted by the mail server; `as` and `note` when it went as part of a digest. */
  | { status: 'sent'; at: number; as?: string; note?: string }
  | { status: 'queued'; error: string; nextAttemptAt: number }
  | { status: 'failed'; error: string }
  /** Not tried: kept back until `nextAttemptAt` (a team notice waiting for others to fold with). Not an attempt. */
  | { status: 'deferred'; nextAttemptAt: number };
