import { describe, expect, it } from 'vitest';
import { declineCodeOf } from './stripe-decline';

describe("Stripe's declines as ours", () => {
  it.each([
    [{ code: 'card_declined', decline_code: 'generic_decline' }, 'card_declined'],
    [{ code: 'card_declined', decline_code: 'insufficient_funds' }, 'insufficient_funds'],
    [{ code: 'expired_card', decline_code: 'expired_card' }, 'expired_card'],
    [{ code: 'expired_card' }, 'expired_card'],
    [{ code: 'incorrect_cvc', decline_code: 'incorrect_cvc' }, 'incorrect_cvc'],
    [{ code: 'card_declined', decline_code: 'authentication_required' }, 'authentication_failed'],
    [{ code: 'payment_intent_authentication_failure' }, 'authentication_failed'],
    [{ code: 'card_declined', decline_code: 'fraudulent' }, 'card_declined'],
    [{ code: 'processing_error' }, 'card_declined'],
    [{}, 'card_declined'],
  ])('%j → %s', (error, ours) => {
    expect(declineCodeOf(error)).toBe(ours);
  });
});
