import { z } from '../../src/contract/zod';

/**
 * What we read of Stripe's answers and events, validated: a field we rely on
 * that changed shape fails loudly here instead of settling a booking wrongly.
 * Loose objects: Stripe adds fields in every API version.
 */

const card = z.looseObject({ brand: z.string(), last4: z.string() });
const paymentMethod = z.looseObject({ id: z.string(), card: z.nullish(card) });

/** Why Stripe refused a confirmation (the PaymentIntent's `last_payment_error`, or an error answer). */
export const stripeError = z.looseObject({
  type: z.string(),
  code: z.nullish(z.string()),
  decline_code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  /** The card that was refused, on a `last_payment_error`. */
  payment_method: z.nullish(paymentMethod),
});
export type StripeError = z.infer<typeof stripeError>;

export const stripeErrorBody = z.looseObject({ error: stripeError });

export const paymentIntentStatus = z.enum([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
]);

export const paymentIntent = z.looseObject({
  id: z.string().check(z.regex(/^pi_\w+$/)),
  object: z.literal('payment_intent'),
  amount: z.int(),
  currency: z.string(),
  status: paymentIntentStatus,
  client_secret: z.nullish(z.string()),
  last_payment_error: z.nullish(stripeError),
  /** An id, or the object when asked for with `expand[]=payment_method`. */
  payment_method: z.nullish(z.union([z.string(), paymentMethod])),
  metadata: z.optional(z.record(z.string(), z.string())),
});
export type PaymentIntent = z.infer<typeof paymentIntent>;

export const refund = z.looseObject({
  id: z.string().check(z.regex(/^re_\w+$/)),
  object: z.literal('refund'),
  status: z.nullish(z.string()),
  payment_intent: z.nullish(z.string()),
});

/**
 * A webhook event: only its id and type are trusted as they come. For the
 * PaymentIntent events we handle, the object's id names the intent, whose
 * state we then ask Stripe for.
 */
export const stripeEvent = z.looseObject({
  id: z.string().check(z.regex(/^evt_\w+$/)),
  object: z.literal('event'),
  type: z.string(),
  data: z.looseObject({ object: z.looseObject({ id: z.string(), object: z.string() }) }),
});
export type StripeEvent = z.infer<typeof stripeEvent>;
