/**
 * Stripe's documented test cards, as the fake's confirm treats them
 * (https://docs.stripe.com/testing). Kept apart from the server's own test
 * provider table on purpose: the fake stands for Stripe, not for us.
 */
export interface CardError {
  type: 'card_error';
  code: string;
  decline_code?: string;
  message: string;
}

export type CardBehaviour = { result: 'succeed' } | { result: 'decline'; error: CardError } | { result: 'authenticate' };

const declined = (decline_code: string, message = 'Your card was declined.'): CardBehaviour => ({
  result: 'decline',
  error: { type: 'card_error', code: 'card_declined', decline_code, message },
});

export const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  '4242424242424242': { result: 'succeed' },
  '4000056655665556': { result: 'succeed' },
  '5555555555554444': { result: 'succeed' },
  '2223003122003222': { result: 'succeed' },
  '378282246310005': { result: 'succeed' },
  '6011111111111117': { result: 'succeed' },
  '4000000000000002': declined('generic_decline'),
  '4000000000009995': declined('insufficient_funds', 'Your card has insufficient funds.'),
  '4000000000009987': declined('lost_card'),
  '4000000000009979': declined('stolen_card'),
  '4000000000000069': {
    result: 'decline',
    error: { type: 'card_error', code: 'expired_card', decline_code: 'expired_card', message: 'Your card has expired.' },
  },
  '4000000000000127': {
    result: 'decline',
    error: { type: 'card_error', code: 'incorrect_cvc', decline_code: 'incorrect_cvc', message: 'Your card’s security code is incorrect.' },
  },
  '4000002500003155': { result: 'authenticate' },
  '4000000000003220': { result: 'authenticate' },
};

/** A real-looking number in test mode: Stripe declines it without charging anything. */
export const LIVE_CARD_IN_TEST_MODE = declined(
  'test_mode_live_card',
  'Your card was declined. Your request was in test mode, but used a non test (live) card.',
);

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

export function brandOf(digits: string): string {
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^6(011|5|4[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}
