import type { CardSummary } from '../../src/contract';
import { type ManageLinks, manageLinkOfPayment } from '../domain/manage';
import type { PaymentGateway } from '../domain/payments';
import { Problem } from '../http/problem';
import { paidBookingMessages } from '../mail/messages';
import { isUnfinished } from '../store/settle';
import type { Store, StoredPayment } from '../store/types';
import type { Tenant } from '../tenants';
import { type StripeApi, StripeApiError } from './stripe-api';
import { declineCodeOf } from './stripe-decline';
import type { PaymentIntent } from './stripe-schemas';

export interface StripeGatewayDeps {
  api: StripeApi;
  store: Store;
  tenantById: (id: string) => Tenant | undefined;
  /** The app's clock (chaos may move it): holds expire by it. */
  now: () => number;
  /** The customer's manage link, for the confirmation a settle queues. */
  links: ManageLinks;
}

export interface StripeGateway extends PaymentGateway {
  /** Asks Stripe for the payment's intent and records what it says; throws when Stripe cannot be asked (the webhook's retry then comes later). */
  sync(payment: StoredPayment): Promise<StoredPayment>;
}

const providerProblem = (error: StripeApiError) =>
  error.status === 401 || error.status === 403
    ? new Problem({
        status: 503,
        code: 'payments-unavailable',
        title: 'Payments unavailable',
        detail: 'This server’s Stripe credentials were refused, so it cannot take payments now. Nothing was charged.',
      })
    : new Problem({
        status: 502,
        code: 'payment-provider-error',
        title: 'Payment provider unavailable',
        detail: 'Stripe did not answer as expected. Nothing was charged; try again in a moment.',
      });

function cardOf(method: PaymentIntent['payment_method']): CardSummary | undefined {
  const card = typeof method === 'object' ? method?.card : undefined;
  return card && /^\d{4}$/.test(card.last4) ? { brand: card.brand, last4: card.last4 } : undefined;
}

/** Stripe keys are per account and 255 characters at most: scope ours to the booking, which is unique across tenants. */
async function stripeKeyFor(payment: StoredPayment, key: string): Promise<string> {
  const scoped = `teppan:${payment.bookingId}:${key}`;
  if (scoped.length <= 255) return scoped;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return `teppan:${payment.bookingId}:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Deposits through Stripe PaymentIntents. Our payment follows its intent, and
 * only what Stripe itself says moves it: the intent as retrieved with our
 * secret key (on a webhook, or when the payment is read), never the browser's word.
 */
export function createStripeGateway({ api, store, tenantById, now, links }: StripeGatewayDeps): StripeGateway {
  /** Gives back money Stripe took for a payment that cannot pay its booking, and records it. */
  async function refund(payment: StoredPayment, intent: PaymentIntent): Promise<StoredPayment> {
    try {
      await api.refundPaymentIntent(intent.id);
    } catch (error) {
      // A full refund made earlier (by us, or by hand in the dashboard) is what we wanted.
      if (!(error instanceof StripeApiError && error.error.code === 'charge_already_refunded')) throw error;
    }
    console.warn(`[teppan] refunded ${intent.id} (payment ${payment.id}): its booking could no longer be confirmed`);
    return (await store.markPaymentRefunded(payment.tenantId, payment.id, now())) ?? payment;
  }

  async function succeeded(payment: StoredPayment, intent: PaymentIntent, tenant: Tenant): Promise<StoredPayment> {
    if (payment.status === 'succeeded') return payment;
    const card = cardOf(intent.payment_method);
    if (isUnfinished(payment)) {
      // The money already moved, so a hold that expired still counts while its seating has a free team.
      const manageUrl = await manageLinkOfPayment(store, links, tenant, payment);
      const at = now();
      const result = await store.settlePayment(tenant.id, payment.id, card, at, {
        late: { capacity: tenant.catalog.booking.teamsPerSeating },
        messages: paidBookingMessages(tenant, at, { manageUrl }),
      });
      if (result.outcome === 'paid' || result.outcome === 'already-settled') return result.payment;
      // Failed first, so no concurrent check can settle what is about to be refunded.
      const failed = await store.updateUnfinishedPayment(tenant.id, payment.id, { status: 'failed', ...(card ? { card } : {}) }, now());
      if (!failed || failed.status === 'succeeded') return failed ?? payment;
      payment = failed;
    }
    return payment.refunded ? payment : refund(payment, intent);
  }

  async function reconcile(payment: StoredPayment, intent: PaymentIntent): Promise<StoredPayment> {
    const tenant = tenantById(payment.tenantId);
    if (!tenant || intent.id !== payment.providerRef) return payment;
    const update = async (change: Parameters<Store['updateUnfinishedPayment']>[2]) =>
      (await store.updateUnfinishedPayment(tenant.id, payment.id, change, now())) ?? payment;
    switch (intent.status) {
      case 'succeeded':
        return succeeded(payment, intent, tenant);
      case 'processing':
      case 'requires_capture':
        return update({ status: 'processing' });
      case 'requires_action':
        return update({ status: 'requires_action' });
      case 'canceled':
        return update({ status: 'failed' });
      case 'requires_payment_method': {
        const error = intent.last_payment_error;
        // A fresh intent waits for its card; one with an error was declined.
        if (!error) return payment;
        const card = cardOf(error.payment_method);
        const failed = await update({ status: 'failed', declineCode: declineCodeOf(error), ...(card ? { card } : {}) });
        // A failed payment is final: cancel its intent, so its client secret can take no money later.
        if (isUnfinished(payment) && failed.status === 'failed') {
          await api.cancelPaymentIntent(intent.id).catch((e: unknown) => console.warn(`[teppan] could not cancel ${intent.id}: ${String(e)}`));
        }
        return failed;
      }
      case 'requires_confirmation':
        return payment;
    }
  }

  async function sync(payment: StoredPayment): Promise<StoredPayment> {
    if (!payment.providerRef) return payment;
    try {
      return await reconcile(payment, await api.retrievePaymentIntent(payment.providerRef));
    } catch (error) {
      if (error instanceof StripeApiError) {
        console.error(`[teppan] Stripe, payment ${payment.id}: ${error.message}`);
        throw providerProblem(error);
      }
      throw error;
    }
  }

  return {
    async open(payment, idempotencyKey) {
      const currency = payment.currency.toLowerCase();
      try {
        const intent = await api.createPaymentIntent(
          {
            amount: payment.amountCents,
            currency,
            description: `Deposit for booking ${payment.bookingId}`,
            // No payment id here: a retry after a lost answer makes a new one, and Stripe refuses a key reused with other parameters.
            metadata: { booking_id: payment.bookingId, tenant_id: payment.tenantId },
          },
          await stripeKeyFor(payment, idempotencyKey),
        );
        if (!intent.client_secret || intent.amount !== payment.amountCents || intent.currency !== currency) {
          throw new StripeApiError(200, { type: 'api_error', message: `intent ${intent.id} does not match the deposit asked for` });
        }
        return { providerRef: intent.id, clientSecret: intent.client_secret };
      } catch (error) {
        if (!(error instanceof StripeApiError)) throw error;
        console.error(`[teppan] Stripe, opening a payment for booking ${payment.bookingId}: ${error.message}`);
        throw providerProblem(error);
      }
    },
    async refresh(payment) {
      try {
        return await sync(payment);
      } catch (error) {
        // A read must not fail because Stripe is slow: the payment as we last knew it, and the webhook brings the rest.
        if (error instanceof Problem) return (await store.getPayment(payment.tenantId, payment.id)) ?? payment;
        throw error;
      }
    },
    async refund(payment) {
      // Deposits are refunded whole or not at all: Stripe's full refund of the intent, under the intent's own idempotency key.
      if (!payment.providerRef || payment.refund?.amountCents !== payment.amountCents) {
        throw new Error(`Payment ${payment.id}: only a whole deposit taken by Stripe is refunded here.`);
      }
      try {
        await api.refundPaymentIntent(payment.providerRef);
      } catch (error) {
        if (error instanceof StripeApiError && error.error.code === 'charge_already_refunded') return;
        if (!(error instanceof StripeApiError)) throw error;
        console.error(`[teppan] Stripe, refunding ${payment.providerRef} (payment ${payment.id}): ${error.message}`);
        throw new Problem({
          status: 502,
          code: 'payment-provider-error',
          title: 'Payment provider unavailable',
          detail: 'Your booking is cancelled, but Stripe has not confirmed the refund yet. Try again in a moment: the deposit is refunded once.',
        });
      }
    },
    sync,
  };
}
