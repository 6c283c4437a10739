import type { DeclineCode } from '../../src/contract';

/**
 * What the test provider does with each card number it accepts: Stripe's
 * well-known test numbers, so a developer's habits carry over. Any other
 * number is refused before anything happens: no real card is ever taken.
 */
export type TestCardBehaviour = { result: 'succeed' } | { result: 'decline'; code: DeclineCode } | { result: 'authenticate' };

export const TEST_CARDS: Readonly<Record<string, TestCardBehaviour>> = {
  '4242424242424242': { result: 'succeed' },
  '4000056655665556': { result: 'succeed' },
  '5555555555554444': { result: 'succeed' },
  '2223003122003222': { result: 'succeed' },
  '378282246310005': { result: 'succeed' },
  '6011111111111117': { result: 'succeed' },
  '4000000000000002': { result: 'decline', code: 'card_declined' },
  '4000000000009995': { result: 'decline', code: 'insufficient_funds' },
  '4000000000000069': { result: 'decline', code: 'expired_card' },
  '4000000000000127': { result: 'decline', code: 'incorrect_cvc' },
  '4000002500003155': { result: 'authenticate' },
};
