import type { DeclineCode } from '../../contract';

/** Why a card was not charged, in words a visitor can act on. Each says "declined" or what stopped it. */
export const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  card_declined: 'Your card was declined. Nothing was charged. Try another card, or ask your bank why.',
  insufficient_funds: 'Your card was declined for insufficient funds. Nothing was charged. Try another card.',
  expired_card: 'Your card was declined: it has expired. Nothing was charged. Check the expiration date or try another card.',
  incorrect_cvc: 'Your card was declined: the security code is incorrect. Nothing was charged. Check it and try again.',
  authentication_failed: 'Your card was not charged: its authentication was cancelled or did not succeed. Try again, or use another card.',
};

export function declineMessage(code: DeclineCode | undefined): string {
  return DECLINE_MESSAGES[code ?? 'card_declined'];
}
