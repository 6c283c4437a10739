import { type CardSummary, type Catalog, type FieldError, makeFieldError, type Payment, type TestCard } from '../../src/contract';
import { CARD_MESSAGES, type CardIssue, cardBrand, cardNumberIssue, cvcLength, expiryIssue } from '../../src/core/cards';
import { formatTime } from '../../src/core/schedule';
import { Problem, validationProblem } from '../http/problem';
import { paidBookingMessages } from '../mail/messages';
import { isUnfinished } from '../store/settle';
import type { SettleOptions, Store, StoredBooking, StoredPayment } from '../store/types';
import type { Tenant } from '../tenants';
import { newResourceId } from './ids';
import type { ManageLinks } from './manage';
import { TEST_CARDS } from './test-cards';

/**
 * A payment provider's side of a deposit, where it has one (Stripe). The test
 * provider has none: the reference server is the provider.
 */
export interface PaymentGateway {
  /** Opens the provider's payment for a new one of ours (a Stripe PaymentIntent), under our idempotency key. */
  open(payment: StoredPayment, idempotencyKey: string): Promise<Pick<StoredPayment, 'providerRef' | 'clientSecret'>>;
  /** Asks the provider how an unfinished payment stands and records the answer; the payment as it is now. */
  refresh(payment: StoredPayment): Promise<StoredPayment>;
  /** Gives back a succeeded payment's `refund.amountCents` (a cancellation's), safe to repeat: the provider refunds once. */
  refund(payment: StoredPayment): Promise<void>;
}

export interface PaymentContext {
  store: Store;
  tenant: Tenant;
  now: number;
  /** Gateways by provider; a tenant whose provider has none cannot take payments here. */
  gateways: Partial<Record<StoredPayment['provider'], PaymentGateway>>;
  /** The customer's manage link, for the mail a change queues. */
  links: ManageLinks;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The public resource: what the visitor's browser may know of a payment. */
export function paymentView(p: StoredPayment): Payment {
  return {
    id: p.id,
    bookingId: p.bookingId,
    provider: p.provider,
    status: p.status,
    amountCents: p.amountCents,
    currency: p.currency,
    ...(p.declineCode ? { declineCode: p.declineCode } : {}),
    ...(p.card ? { card: p.card } : {}),
    ...(p.refunded ? { refunded: true as const } : {}),
    ...(p.refund ? { refund: { ...p.refund } } : {}),
    ...(p.status === 'requires_action' && p.provider === 'test' ? { nextAction: { type: 'authenticate' as const } } : {}),
    // Only while it can still be used: a finished payment's secret is nobody's business.
    ...(p.clientSecret && isUnfinished(p) ? { clientSecret: p.clientSecret } : {}),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export const paymentNotFound = () => new Problem({ status: 404, code: 'payment-not-found', title: 'Payment not found', detail: 'No payment has that id.' });

const alreadyPaid = () =>
  new Problem({
    status: 409,
    code: 'booking-already-paid',
    title: 'Deposit already paid',
    detail: 'This booking’s deposit is already paid. Nothing more was charged.',
  });

function holdExpired(booking: StoredBooking, catalog: Catalog) {
  const at = formatTime(booking.holdExpiresAt, catalog.timeZone, 'en-US');
  return new Problem({
    status: 410,
    code: 'hold-expired',
    title: 'Hold expired',
    detail: `Your hold on this seating ended at ${at} and the seating was released, so nothing was charged. Book again to choose a seating.`,
  });
}

/** Why a booking cannot take a payment now: unknown (404), paid (409), cancelled (409), expired (410). */
function refusal(booking: StoredBooking | undefined, catalog: Catalog, now: number): Problem | undefined {
  if (!booking) return new Problem({ status: 404, code: 'booking-not-found', title: 'Booking not found', detail: 'No booking has that id.' });
  if (booking.status === 'confirmed') return alreadyPaid();
  if (booking.status === 'cancelled') {
    return new Problem({ status: 409, code: 'booking-cancelled', title: 'Booking cancelled', detail: 'This booking was cancelled, so it cannot be paid.' });
  }
  if (booking.holdExpiresAt <= now) return holdExpired(booking, catalog);
  return undefined;
}

/** Starts the deposit payment of a held booking. The amount is the booking's, never the caller's. */
export async function startPayment(ctx: PaymentContext, bookingId: string, idempotencyKey: string): Promise<StoredPayment> {
  const { store, tenant, now } = ctx;
  const booking = await store.getBooking(tenant.id, bookingId);
  const problem = refusal(booking, tenant.catalog, now);
  if (problem || !booking) throw problem;
  const provider = tenant.catalog.payments.provider;
  const payment: StoredPayment = {
    id: newResourceId('pay'),
    tenantId: tenant.id,
    bookingId: booking.id,
    provider,
    status: 'requires_confirmation',
    amountCents: booking.depositCents,
    currency: booking.currency,
    createdAt: now,
    updatedAt: now,
  };
  if (provider !== 'test') {
    const gateway = ctx.gateways[provider];
    if (!gateway) {
      throw new Problem({
        status: 503,
        code: 'payments-unavailable',
        title: 'Payments unavailable',
        detail: `This server has no ${provider} credentials, so it cannot take payments for this tenant.`,
      });
    }
    Object.assign(payment, await gateway.open(payment, idempotencyKey));
  }
  // The booking is checked again as the payment is stored: another payment may have paid it, or its hold ended, meanwhile.
  const started = await store.startPayment(payment, now);
  if (started.outcome === 'not-payable') throw refusal(started.booking, tenant.catalog, now) ?? alreadyPaid();
  return payment;
}

/** The payment as it stands, asking its provider first while it is unfinished. */
export async function currentPayment(ctx: PaymentContext, paymentId: string): Promise<StoredPayment> {
  const payment = await ctx.store.getPayment(ctx.tenant.id, paymentId);
  if (!payment) throw paymentNotFound();
  const gateway = ctx.gateways[payment.provider];
  return gateway && isUnfinished(payment) ? gateway.refresh(payment) : payment;
}

/** Why the test provider may not act on this payment as one in `status`: not ours to confirm here, paid, or in another state. */
function testPaymentRefusal(payment: StoredPayment | undefined, status: StoredPayment['status']): Problem | undefined {
  if (!payment) return paymentNotFound();
  if (payment.provider !== 'test') {
    return new Problem({
      status: 409,
      code: 'wrong-provider',
      title: 'Wrong provider',
      detail: 'This payment is confirmed through its provider (Stripe.js), not here.',
    });
  }
  if (payment.status === 'succeeded') return alreadyPaid();
  if (payment.status !== status) {
    return new Problem({
      status: 409,
      code: payment.status === 'failed' ? 'payment-finished' : 'payment-not-ready',
      title: 'Payment not in that state',
      detail:
        payment.status === 'failed'
          ? 'This payment attempt has ended. Start a new one to try again.'
          : `This payment is ${payment.status.replaceAll('_', ' ')}.`,
    });
  }
  return undefined;
}

/**
 * A payment the test provider may act on: ours, of the test provider, in `status`, for a booking still payable;
 * with that booking, whose language its manage link follows.
 */
async function testPaymentIn(
  ctx: PaymentContext,
  paymentId: string,
  status: StoredPayment['status'],
): Promise<{ payment: StoredPayment; booking: StoredBooking }> {
  const payment = await ctx.store.getPayment(ctx.tenant.id, paymentId);
  const problem = testPaymentRefusal(payment, status);
  if (problem || !payment) throw problem;
  const booking = await ctx.store.getBooking(ctx.tenant.id, payment.bookingId);
  const refused = refusal(booking, ctx.tenant.catalog, ctx.now);
  if (refused || !booking) throw refused;
  return { payment, booking };
}

/**
 * Moves a test payment on from `from`, the status it was checked in. Another
 * request that moved it first is answered as if this one came after it.
 */
async function moveTestPayment(ctx: PaymentContext, payment: StoredPayment, from: StoredPayment['status'], change: PaymentChange): Promise<StoredPayment> {
  const moved = await ctx.store.updateUnfinishedPayment(ctx.tenant.id, payment.id, change, ctx.now, from);
  if (moved) return moved;
  throw testPaymentRefusal(await ctx.store.getPayment(ctx.tenant.id, payment.id), from) ?? notPayable();
}

type PaymentChange = Parameters<Store['updateUnfinishedPayment']>[2];

const notPayable = () =>
  new Problem({ status: 409, code: 'payment-finished', title: 'Payment not payable', detail: 'This payment can no longer be completed.' });

/**
 * Marks a payment paid and its booking confirmed, atomically; refusals as
 * problems. `from`: only a payment still in the status its caller checked.
 * `booking`, as its caller read it, gives the manage link its page.
 */
async function settleAsPaid(
  ctx: PaymentContext,
  { payment, booking }: { payment: StoredPayment; booking: StoredBooking },
  card: CardSummary | undefined,
  options?: SettleOptions,
): Promise<StoredPayment> {
  // The link is made before the transaction: nothing slow or asynchronous runs inside it.
  const manageUrl = await ctx.links(ctx.tenant, booking);
  const messages = paidBookingMessages(ctx.tenant, ctx.now, { manageUrl });
  const result = await ctx.store.settlePayment(ctx.tenant.id, payment.id, card, ctx.now, { ...options, messages });
  switch (result.outcome) {
    case 'paid':
    case 'already-settled':
      return result.payment;
    case 'moved':
      throw testPaymentRefusal(result.payment, options?.from ?? result.payment.status) ?? notPayable();
    case 'paid-by-another':
      throw alreadyPaid();
    case 'hold-expired':
      throw holdExpired(result.booking, ctx.tenant.catalog);
    default:
      throw notPayable();
  }
}

/** A card's field error: its English words and its code (core's CardIssue), which the widgets word in the visitor's language. */
const cardError = (field: string, issue: CardIssue) => makeFieldError(field, CARD_MESSAGES[issue], issue);

function cardErrors(card: TestCard, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const numberIssue = cardNumberIssue(card.number) ?? (TEST_CARDS[card.number] ? undefined : 'number-test-only');
  if (numberIssue) errors.push(cardError('card.number', numberIssue));
  const expiry = expiryIssue(card.expMonth, card.expYear, now);
  if (expiry) errors.push(cardError('card.expYear', expiry));
  if (card.cvc.length !== cvcLength(card.number)) errors.push(cardError('card.cvc', 'cvc-incomplete'));
  return errors;
}

/** The test provider's confirm: succeed, decline or ask for authentication, as the test number says. */
export async function confirmTestPayment(ctx: PaymentContext, paymentId: string, card: TestCard): Promise<StoredPayment> {
  const checked = await testPaymentIn(ctx, paymentId, 'requires_confirmation');
  const { payment } = checked;
  const errors = cardErrors(card, ctx.now);
  const behaviour = TEST_CARDS[card.number];
  if (errors.length > 0 || !behaviour) throw validationProblem(errors);
  const summary: CardSummary = { brand: cardBrand(card.number), last4: card.number.slice(-4) };
  const update = (change: PaymentChange) => moveTestPayment(ctx, payment, 'requires_confirmation', change);
  switch (behaviour.result) {
    case 'succeed':
      return settleAsPaid(ctx, checked, summary, { from: 'requires_confirmation' });
    case 'decline':
      return update({ status: 'failed', declineCode: behaviour.code, card: summary });
    case 'authenticate':
      return update({ status: 'requires_action', card: summary });
  }
}

/** The visitor's answer to the authentication step: approved pays, cancelled fails the attempt. */
export async function authenticateTestPayment(ctx: PaymentContext, paymentId: string, outcome: 'approve' | 'cancel'): Promise<StoredPayment> {
  const checked = await testPaymentIn(ctx, paymentId, 'requires_action');
  const { payment } = checked;
  if (outcome === 'approve') return settleAsPaid(ctx, checked, payment.card, { from: 'requires_action' });
  return moveTestPayment(ctx, payment, 'requires_action', { status: 'failed', declineCode: 'authentication_failed' });
}
