import { randomBytes } from 'node:crypto';
import { brandOf, type CardError, LIVE_CARD_IN_TEST_MODE, luhnValid, TEST_CARDS } from './cards';

/**
 * The fake's accounts: PaymentIntents, their payment methods, charges and
 * refunds, moving through Stripe's states. Every state change is reported to
 * `emit` as the event type Stripe would send.
 */

export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface FakePaymentMethod {
  id: string;
  object: 'payment_method';
  type: 'card';
  card: { brand: string; last4: string; exp_month: number; exp_year: number; funding: 'credit'; country: 'US' };
  billing_details: { address: { postal_code: string | null } };
  created: number;
  livemode: false;
}

export interface LastPaymentError {
  type: string;
  code: string;
  decline_code?: string;
  message: string;
  payment_method: FakePaymentMethod;
}

export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: IntentStatus;
  client_secret: string;
  created: number;
  livemode: false;
  description: string | null;
  metadata: Record<string, string>;
  automatic_payment_methods: { enabled: boolean } | null;
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: LastPaymentError | null;
  next_action: { type: 'use_stripe_sdk'; use_stripe_sdk: { type: 'three_d_secure_redirect' } } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: 'automatic';
  confirmation_method: 'automatic';
  payment_method_types: string[];
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'succeeded';
  created: number;
}

/** What a confirm carries: the card as typed into the Payment Element. */
export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  postal_code?: string;
}

/** A refusal as Stripe answers it: HTTP status and the `error` object. */
export class StripeFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 404,
    readonly error: { type: string; code?: string; decline_code?: string; message: string; param?: string; payment_intent?: FakeIntent },
  ) {
    super(error.message);
  }
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
const seconds = () => Math.floor(Date.now() / 1000);

const unexpectedState = (intent: FakeIntent, action: string, allowed: IntentStatus[]) =>
  new StripeFailure(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `You cannot ${action} this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be ${action === 'confirm' ? 'confirmed' : `${action}ed`}: ${allowed.join(', ')}.`,
    payment_intent: intent,
  });

export interface LedgerOptions {
  emit: (type: string, object: Record<string, unknown>) => void;
  /** How long a card payment stays `processing` before it succeeds; 0 succeeds at once, as cards do. */
  processingMs: () => number;
}

export function createLedger({ emit, processingMs }: LedgerOptions) {
  const intents = new Map<string, FakeIntent>();
  const methods = new Map<string, FakePaymentMethod>();
  const charges = new Map<string, { id: string; payment_intent: string; amount: number; refunded: boolean }>();
  const refunds: FakeRefund[] = [];
  const snapshot = <T>(value: T): T => structuredClone(value);

  const changed = (intent: FakeIntent, type: string) => emit(type, { ...snapshot(intent) });

  function succeed(intent: FakeIntent) {
    const charge = { id: id('ch'), payment_intent: intent.id, amount: intent.amount, refunded: false };
    charges.set(charge.id, charge);
    Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: charge.id, next_action: null, last_payment_error: null });
    changed(intent, 'payment_intent.succeeded');
  }

  function pay(intent: FakeIntent) {
    const wait = processingMs();
    if (wait <= 0) return succeed(intent);
    intent.status = 'processing';
    changed(intent, 'payment_intent.processing');
    setTimeout(() => {
      if (intent.status === 'processing') succeed(intent);
    }, wait).unref();
  }

  function decline(intent: FakeIntent, error: CardError | { type: string; code: string; message: string }, method: FakePaymentMethod): never {
    Object.assign(intent, {
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_payment_error: { ...error, payment_method: method },
    });
    changed(intent, 'payment_intent.payment_failed');
    throw new StripeFailure(402, { ...error, payment_intent: snapshot(intent) });
  }

  function cardProblem(card: CardInput): StripeFailure | undefined {
    const digits = card.number.replace(/\s/g, '');
    const failure = (code: string, message: string, param: string) => new StripeFailure(402, { type: 'card_error', code, message, param });
    if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return failure('incorrect_number', 'Your card number is incorrect.', 'number');
    const now = new Date();
    const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
    if (!(card.exp_month >= 1 && card.exp_month <= 12)) return failure('invalid_expiry_month', 'Your card’s expiration month is invalid.', 'exp_month');
    if (year < now.getFullYear() || (year === now.getFullYear() && card.exp_month < now.getMonth() + 1)) {
      return failure('invalid_expiry_year', 'Your card’s expiration year is invalid.', 'exp_year');
    }
    if (!/^\d{3,4}$/.test(card.cvc)) return failure('invalid_cvc', 'Your card’s security code is invalid.', 'cvc');
    return undefined;
  }

  const mustFind = (intentId: string) => {
    const intent = intents.get(intentId);
    if (!intent) {
      throw new StripeFailure(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such payment_intent: '${intentId}'`,
        param: 'intent',
      });
    }
    return intent;
  };

  return {
    intents,
    methods,
    refunds,
    find: mustFind,
    view(intent: FakeIntent, expand: string[] = []) {
      const out: Record<string, unknown> = { ...snapshot(intent) };
      if (expand.includes('payment_method') && intent.payment_method) out.payment_method = snapshot(methods.get(intent.payment_method));
      return out;
    },
    create(input: { amount: number; currency: string; description?: string; metadata: Record<string, string>; automaticPaymentMethods: boolean }) {
      const intentId = id('pi');
      const intent: FakeIntent = {
        id: intentId,
        object: 'payment_intent',
        amount: input.amount,
        amount_received: 0,
        currency: input.currency,
        status: 'requires_payment_method',
        client_secret: `${intentId}_secret_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`,
        created: seconds(),
        livemode: false,
        description: input.description ?? null,
        metadata: input.metadata,
        automatic_payment_methods: input.automaticPaymentMethods ? { enabled: true } : null,
        payment_method: null,
        latest_charge: null,
        last_payment_error: null,
        next_action: null,
        canceled_at: null,
        cancellation_reason: null,
        capture_method: 'automatic',
        confirmation_method: 'automatic',
        payment_method_types: ['card'],
      };
      intents.set(intentId, intent);
      changed(intent, 'payment_intent.created');
      return intent;
    },
    /** Confirms with a card, as Stripe.js does for the Payment Element. */
    confirm(intentId: string, card: CardInput) {
      const intent = mustFind(intentId);
      const confirmable: IntentStatus[] = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
      if (!confirmable.includes(intent.status)) throw unexpectedState(intent, 'confirm', confirmable);
      const problem = cardProblem(card);
      if (problem) throw problem;
      const digits = card.number.replace(/\s/g, '');
      // All that is kept of the card, as Stripe shows it back: never the number.
      const method: FakePaymentMethod = {
        id: id('pm'),
        object: 'payment_method',
        type: 'card',
        card: { brand: brandOf(digits), last4: digits.slice(-4), exp_month: card.exp_month, exp_year: card.exp_year, funding: 'credit', country: 'US' },
        billing_details: { address: { postal_code: card.postal_code ?? null } },
        created: seconds(),
        livemode: false,
      };
      methods.set(method.id, method);
      const behaviour = TEST_CARDS[digits] ?? LIVE_CARD_IN_TEST_MODE;
      if (behaviour.result === 'decline') decline(intent, behaviour.error, method);
      Object.assign(intent, { payment_method: method.id, last_payment_error: null });
      if (behaviour.result === 'authenticate') {
        Object.assign(intent, { status: 'requires_action', next_action: { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } } });
        changed(intent, 'payment_intent.requires_action');
      } else {
        pay(intent);
      }
      return intent;
    },
    /** The visitor's answer in the bank's authentication step (the fake Stripe.js's dialog). */
    authenticate(intentId: string, outcome: 'complete' | 'fail') {
      const intent = mustFind(intentId);
      if (intent.status !== 'requires_action') throw unexpectedState(intent, 'authenticate', ['requires_action']);
      const method = intent.payment_method ? methods.get(intent.payment_method) : undefined;
      if (outcome === 'complete' || !method) {
        pay(intent);
        return intent;
      }
      return decline(
        intent,
        {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
        },
        method,
      );
    },
    cancel(intentId: string, reason?: string) {
      const intent = mustFind(intentId);
      const cancelable: IntentStatus[] = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
      if (!cancelable.includes(intent.status)) throw unexpectedState(intent, 'cancel', cancelable);
      Object.assign(intent, { status: 'canceled', canceled_at: seconds(), cancellation_reason: reason ?? null, next_action: null });
      changed(intent, 'payment_intent.canceled');
      return intent;
    },
    refund(intentId: string) {
      const intent = mustFind(intentId);
      const charge = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
      if (intent.status !== 'succeeded' || !charge) {
        throw new StripeFailure(400, {
          type: 'invalid_request_error',
          code: 'charge_not_refundable',
          message: `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        });
      }
      if (charge.refunded) {
        throw new StripeFailure(400, {
          type: 'invalid_request_error',
          code: 'charge_already_refunded',
          message: `Charge ${charge.id} has already been refunded.`,
        });
      }
      charge.refunded = true;
      const refund: FakeRefund = {
        id: id('re'),
        object: 'refund',
        amount: charge.amount,
        currency: intent.currency,
        charge: charge.id,
        payment_intent: intent.id,
        status: 'succeeded',
        created: seconds(),
      };
      refunds.push(refund);
      emit('charge.refunded', {
        id: charge.id,
        object: 'charge',
        amount: charge.amount,
        amount_refunded: charge.amount,
        refunded: true,
        payment_intent: intent.id,
      });
      emit('refund.created', { ...refund });
      return refund;
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
