import type { DeclineCode } from '../../src/contract';
import type { StripeError } from './stripe-schemas';

/** Stripe's decline codes (`decline_code`, else `code`) that say more than "declined", as ours. */
const SPECIFIC: Readonly<Record<string, DeclineCode>> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  authentication_required: 'authentication_failed',
  payment_intent_authentication_failure: 'authentication_failed',
  setup_intent_authentication_failure: 'authentication_failed',
};

/**
 * Our decline code for Stripe's `last_payment_error`. Anything not named above
 * (generic_decline, do_not_honor, fraudulent, lost_card, …) is a plain decline:
 * the visitor is told to try another card, never why the bank said no.
 */
export function declineCodeOf(error: Pick<StripeError, 'code' | 'decline_code'>): DeclineCode {
  return (error.decline_code && SPECIFIC[error.decline_code]) || (error.code && SPECIFIC[error.code]) || 'card_declined';
}
