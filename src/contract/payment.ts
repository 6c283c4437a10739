import { cents, currencyCode, isoDateTime, resourceId } from './common';
import { lazySchema } from './lazy';
import { coded, singleLineText } from './text';
import { z } from './zod';

/**
 * Which payment provider takes a tenant's deposits: `test` (the reference
 * server's own test cards, for the demo and tests) or `stripe` (the Payment
 * Element; card data goes to Stripe only).
 */
export const paymentProvider = lazySchema(() => z.enum(['test', 'stripe']));
export type PaymentProvider = z.infer<typeof paymentProvider>;

/**
 * - `requires_confirmation`: started; waiting for the card (test) or for Stripe.js to confirm (stripe)
 * - `requires_action`: the card's bank wants the visitor to authenticate first
 * - `processing`: confirmed with the provider, its answer not yet in
 * - `succeeded`: paid; the booking is confirmed
 * - `failed`: not paid (see `declineCode`); a new attempt is a new payment
 */
export const paymentStatus = lazySchema(() => z.enum(['requires_confirmation', 'requires_action', 'processing', 'succeeded', 'failed']));
export type PaymentStatus = z.infer<typeof paymentStatus>;

export const declineCode = lazySchema(() => z.enum(['card_declined', 'insufficient_funds', 'expired_card', 'incorrect_cvc', 'authentication_failed']));
export type DeclineCode = z.infer<typeof declineCode>;

/** All that is ever kept of a card. */
export const cardSummary = lazySchema(() => z.object({ brand: z.string(), last4: z.string().check(z.regex(/^\d{4}$/)) }));
export type CardSummary = z.infer<typeof cardSummary>;

export const payment = lazySchema(() =>
  z.object({
    id: resourceId,
    bookingId: resourceId,
    provider: paymentProvider,
    status: paymentStatus,
    amountCents: cents,
    currency: currencyCode,
    declineCode: z.optional(declineCode),
    card: z.optional(cardSummary),
    /** What the visitor must do before the payment can go on: authenticate with the card's bank. */
    nextAction: z.optional(z.object({ type: z.literal('authenticate') })),
    /** Stripe only: the PaymentIntent's client secret, for Stripe.js. */
    clientSecret: z.optional(z.string()),
    /**
     * Stripe only, with `failed`: the money was taken and given back, because the
     * booking could no longer be confirmed (its hold expired and the seating was
     * taken, or another payment paid it first).
     */
    refunded: z.optional(z.literal(true)),
    /** A paid deposit given back because its booking was cancelled in the policy's refund window: `pending` until the provider has done it. */
    refund: z.optional(z.object({ amountCents: cents, status: z.enum(['pending', 'succeeded']) })),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  }),
);
export type Payment = z.infer<typeof payment>;

/** Starts the deposit payment of a held booking; the amount is the booking's, never the caller's. */
export const paymentStartRequest = lazySchema(() => z.strictObject({}));
export type PaymentStartRequest = z.input<typeof paymentStartRequest>;

/** The billing postal code, any country's: letters, digits, spaces and hyphens. */
export const cardPostalCode = lazySchema(() =>
  singleLineText('Postal code', 10, {
    required: 'Enter the postal code.',
    tooLong: 'A postal code has at most 10 characters.',
  }).check(z.refine((s: string) => /^[\p{L}\p{N} -]*$/u.test(s), coded('chars', 'Use only letters, digits, spaces and hyphens in the postal code.'))),
);

/**
 * The test provider's card, as typed (digits only). Only well-known test
 * numbers are accepted, and only brand and last 4 are kept.
 */
export const testCard = lazySchema(() =>
  z.strictObject({
    number: z.string('Enter your card number.').check(z.regex(/^\d{12,19}$/, 'Your card number is incomplete.')),
    expMonth: z.int('Enter the expiration month.').check(z.gte(1, 'Enter a month from 01 to 12.'), z.lte(12, 'Enter a month from 01 to 12.')),
    /** Four digits. */
    expYear: z.int('Enter the expiration year.').check(z.gte(2000, 'Enter the year as on the card.'), z.lte(2099, 'Enter the year as on the card.')),
    cvc: z.string('Enter the security code.').check(z.regex(/^\d{3,4}$/, 'Your card’s security code is incomplete.')),
    postalCode: cardPostalCode,
  }),
);
export type TestCard = z.infer<typeof testCard>;

export const paymentConfirmRequest = lazySchema(() => z.strictObject({ card: testCard }));
export type PaymentConfirmRequest = z.input<typeof paymentConfirmRequest>;

/** The visitor's answer to the test provider's extra authentication step. */
export const paymentAuthenticateRequest = lazySchema(() => z.strictObject({ outcome: z.enum(['approve', 'cancel'], 'Answer approve or cancel.') }));
export type PaymentAuthenticateRequest = z.input<typeof paymentAuthenticateRequest>;
