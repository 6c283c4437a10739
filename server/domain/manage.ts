import type { ManageView, QuoteInput } from '../../src/contract';
import type { Language } from '../../src/core/i18n';
import { parseSlotId, toZonedIso, zonedInstant } from '../../src/core/schedule';
import { Problem, validationProblem } from '../http/problem';
import { cancelledMessages, rescheduledMessages } from '../mail/messages';
import type { RescheduleTo } from '../store/manage';
import type { Store, StoredBooking, StoredPayment } from '../store/types';
import type { Tenant } from '../tenants';
import { holdRules, publicBooking, seatingError, seatingFull } from './bookings';
import { eventEnd } from './calendar';
import { bookingIdOf, manageToken } from './manage-token';
import type { PaymentContext } from './payments';
import { canCancel, canReschedule, policyOf, refundCentsIfCancelled, refundDeadline, rescheduleDeadline } from './policy';
import { makeQuote } from './quotes';

export type ManageContext = PaymentContext;

/** One answer for every token that opens nothing: wrong, tampered, another tenant's, expired, or a booking never paid. */
export const manageLinkInvalid = () =>
  new Problem({
    status: 404,
    code: 'manage-link-invalid',
    title: 'Link not valid',
    detail: 'This link is not valid, or has expired. Use the link in your latest email from us, or contact us.',
  });

/**
 * The demo site's manage page in each language, as `/es/` is to `/`: the
 * page's `<html lang>` sets the widget's language, so the link alone decides.
 */
const MANAGE_PAGES: { readonly [L in Language]: string } = { en: '/manage.html', es: '/es/manage.html' };

/**
 * The manage link a message carries: the tenant's own manage page when it
 * has one, else the demo site's page on `siteOrigin` in the booking's
 * language (`locale`, English when absent), with a token.
 *
 * A tenant's own `manageUrl` is kept for every language: Teppan knows no
 * Spanish twin of that page, and its widget follows that page's own
 * `<html lang>` (or `locale="auto"`, the customer's browser), as any host's does.
 */
export async function manageLink(secret: string, tenant: Tenant, bookingId: string, siteOrigin: string, locale?: Language): Promise<string> {
  const url = new URL(tenant.manageUrl ?? MANAGE_PAGES[locale ?? 'en'], siteOrigin);
  url.searchParams.set('token', await manageToken(secret, tenant.id, bookingId));
  return url.toString();
}

/** Makes a booking's manage link, for the messages that carry one: the page is chosen by the booking's language. */
export type ManageLinks = (tenant: Tenant, booking: Pick<StoredBooking, 'id' | 'locale'>) => Promise<string>;

/** Manage links on `siteOrigin()` (read when a link is made: a server learns its own port once it listens). */
export const manageLinks =
  (store: Store, siteOrigin: () => string): ManageLinks =>
  (tenant, booking) =>
    manageLink(store.secret, tenant, booking.id, siteOrigin(), booking.locale);

/**
 * The manage link for the booking a payment pays, in that booking's language:
 * read before the settling transaction, which runs nothing asynchronous.
 */
export async function manageLinkOfPayment(store: Store, links: ManageLinks, tenant: Tenant, payment: Pick<StoredPayment, 'bookingId'>): Promise<string> {
  const booking = await store.getBooking(tenant.id, payment.bookingId);
  return links(tenant, booking ?? { id: payment.bookingId });
}

/** The booking a manage token opens at `now`, or the one 404 `manage-link-invalid`. */
export async function bookingOfToken(store: Store, tenant: Tenant, token: string, now: number): Promise<StoredBooking> {
  const id = await bookingIdOf(store.secret, tenant.id, token);
  const booking = id === undefined ? undefined : await store.getBooking(tenant.id, id);
  // Only a booking whose deposit was paid had a link sent; a cancelled one still shows as cancelled. A link stops working when its event ends.
  if (!booking || booking.status === 'pending_deposit' || now >= eventEnd(booking, tenant.catalog)) throw manageLinkInvalid();
  return booking;
}

const paymentOf = async (store: Store, b: StoredBooking): Promise<StoredPayment[]> => {
  const p = b.paymentId ? await store.getPayment(b.tenantId, b.paymentId) : undefined;
  return p ? [p] : [];
};

/** What the link shows. Reads only: opening a link (a mail scanner does) changes nothing. */
export async function manageView({ store, tenant, now }: ManageContext, b: StoredBooking): Promise<ManageView> {
  const { catalog } = tenant;
  const policy = policyOf(catalog);
  return {
    booking: publicBooking(b, catalog, now),
    address: b.address,
    canReschedule: canReschedule(b, policy, now),
    canCancel: canCancel(b, now),
    refundCentsIfCancelled: refundCentsIfCancelled(b, await paymentOf(store, b), policy, now),
    policy: {
      ...policy,
      rescheduleUntil: toZonedIso(rescheduleDeadline(b, policy), catalog.timeZone),
      refundUntil: toZonedIso(refundDeadline(b, policy), catalog.timeZone),
    },
  };
}

const cancelled = () =>
  new Problem({ status: 409, code: 'booking-cancelled', title: 'Booking cancelled', detail: 'This booking was cancelled, so it can no longer be changed.' });

const tooLateToReschedule = (days: number) =>
  new Problem({
    status: 409,
    code: 'too-late-to-reschedule',
    title: 'Too late to change the date',
    detail: `Bookings can be moved up to ${days} days before the event. To change it now, contact us.`,
  });

/**
 * The price for the new date: the booking's quote re-priced for it. Only a
 * different total makes a new quote; a quote swept since, or one that no
 * longer prices (the catalog changed), keeps the booking's price.
 */
async function requote({ store, tenant, now }: ManageContext, b: StoredBooking, date: string): Promise<Pick<RescheduleTo, 'quoteId' | 'totalCents'>> {
  const kept = { quoteId: b.quoteId, totalCents: b.totalCents };
  const quote = await store.getQuote(tenant.id, b.quoteId);
  if (!quote || quote.eventDate === date) return kept;
  const input: QuoteInput = { adults: quote.adults, children: quote.children, upgrades: quote.upgrades, addOns: quote.addOns, eventDate: date, zip: quote.zip };
  const result = makeQuote(tenant.catalog, input, now);
  if (!result.ok || result.quote.totalCents === b.totalCents) return kept;
  await store.saveQuote({ ...result.quote, tenantId: tenant.id });
  return { quoteId: result.quote.id, totalCents: result.quote.totalCents };
}

/** Moves the booking to `slotId`: same id, same payment, the deposit goes with it. */
export async function rescheduleBooking(ctx: ManageContext, b: StoredBooking, slotId: string): Promise<StoredBooking> {
  const { store, tenant, now } = ctx;
  const { catalog } = tenant;
  const policy = policyOf(catalog);
  if (b.status === 'cancelled') throw cancelled();
  if (!canReschedule(b, policy, now)) throw tooLateToReschedule(policy.rescheduleUntilDays);
  const slot = parseSlotId(slotId);
  const unbookable = seatingError(catalog, slot, now);
  if (unbookable || !slot) throw validationProblem(unbookable ? [unbookable] : []);
  const to: RescheduleTo = { slotId, start: zonedInstant(slot.date, slot.time, catalog.timeZone), ...(await requote(ctx, b, slot.date)) };
  const messages = rescheduledMessages(tenant, now, { manageUrl: await ctx.links(tenant, b) });
  const result = await store.rescheduleBooking(tenant.id, b.id, to, { capacity: holdRules(catalog).capacity, policy }, now, { messages });
  switch (result.outcome) {
    case 'rescheduled':
      return result.booking;
    case 'unchanged':
      return result.booking;
    case 'not-managed':
      if (result.booking?.status === 'cancelled') throw cancelled();
      throw manageLinkInvalid();
    case 'too-late':
      throw tooLateToReschedule(policy.rescheduleUntilDays);
    case 'full':
      throw seatingFull();
  }
}

/** Cancels the booking and gives back what the policy refunds, once, through the payment's provider. */
export async function cancelBooking(ctx: ManageContext, b: StoredBooking, reason?: string): Promise<{ booking: StoredBooking; refundCents: number }> {
  const { store, tenant, now } = ctx;
  const result = await store.cancelBooking(tenant.id, b.id, policyOf(tenant.catalog), now, reason, { messages: cancelledMessages(tenant, now) });
  switch (result.outcome) {
    case 'not-managed':
      throw manageLinkInvalid();
    case 'too-late':
      throw new Problem({
        status: 409,
        code: 'too-late-to-cancel',
        title: 'Too late to cancel',
        detail: 'This event has already started, so it can no longer be cancelled here. Contact us.',
      });
    case 'cancelled':
    case 'already-cancelled':
      // A refund still pending (this cancellation's, or one a failed attempt left) is done now: the provider refunds once.
      if (result.payment?.refund?.status === 'pending') await giveBack(ctx, result.payment);
      return { booking: result.booking, refundCents: result.refundCents };
  }
}

async function giveBack({ store, gateways, now }: Pick<ManageContext, 'store' | 'gateways' | 'now'>, payment: StoredPayment): Promise<void> {
  const gateway = gateways[payment.provider];
  // The test provider is this server: recording the refund is the refund.
  if (gateway) await gateway.refund(payment);
  else if (payment.provider !== 'test') throw new Error(`No gateway to refund ${payment.provider} payment ${payment.id}.`);
  await store.finishRefund(payment.tenantId, payment.id, now);
}

/** How long a refund stays pending before another try: well past the cancelling request's own attempt. */
const REFUND_RETRY_AFTER_MS = 2 * 60_000;

/**
 * Tries again the refunds a cancellation left pending (its instance died, or
 * the provider was down and nobody retried): a few at a time, each safe to
 * repeat. Returns how many were done.
 */
export async function retryPendingRefunds(store: Store, gateways: ManageContext['gateways'], now: number): Promise<number> {
  let done = 0;
  for (const payment of await store.pendingRefunds(now - REFUND_RETRY_AFTER_MS, 20)) {
    try {
      await giveBack({ store, gateways, now }, payment);
      done += 1;
    } catch (error) {
      console.error(`[teppan] refund of payment ${payment.id} still pending: ${String(error instanceof Error ? error.message : error)}`);
    }
  }
  return done;
}
