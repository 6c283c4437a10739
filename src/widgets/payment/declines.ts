import type { DeclineCode } from '../../contract';
import type { PaymentWords } from './messages/en';

/** Why a card was not charged, in words a visitor can act on (`decline.<code>`). Each says "declined" or what stopped it. */
export function declineMessage({ t }: PaymentWords, code: DeclineCode | undefined): string {
  return t(`decline.${code ?? 'card_declined'}`);
}
