import { CARD_MESSAGES } from '../../../core';
import { sharedEn } from '../../sharedMessages';
import type { Messages } from '../../useMessages';

/**
 * The payment form's own words in English: the source of its message keys (each other language's catalog is
 * typed by this one). Inline in the widget's chunk; other languages are chunks of their own (./load.ts).
 * A field's problem is `field.<field>.<code>` or `field.<code>` (the form's codes: core's card rules and the
 * contract's postal code), `field.<field>.invalid` for a refusal the server sent without a code; a card's
 * decline is `decline.<declineCode>`.
 */
export const paymentEn = {
  heading: 'Pay your deposit',
  noBooking: 'There is no booking to pay yet.',
  bookFirst: 'There is no booking to pay yet. Book a seating first.',
  bookSeating: 'Book a seating',
  saved: 'Your booking is saved here.',
  resume: 'Show your booking',
  loadingBooking: 'Loading your booking',
  loadingReceipt: 'Loading your receipt',
  loadingCardForm: 'Loading the card form',
  cancelled: 'This booking was cancelled, so there is no deposit to pay.',
  when: '{date} at {time}',
  payIntro: 'Pay the {deposit} deposit to confirm your event on {seating} for {guests}. Event total: {total}.',
  heldFor: 'Your seating is held for {left}.',
  'label.number': 'Card number',
  'label.expiry': 'Expiration date',
  'label.cvc': 'Security code',
  'label.postalCode': 'Postal code',
  'placeholder.expiry': 'MM / YY',
  'placeholder.cvc': 'CVC',
  testMode: 'Test mode: pay with 4242 4242 4242 4242, any future date and any three digits. Nothing is charged.',
  pay: 'Pay deposit',
  'status.paying': 'Paying your deposit…',
  'status.checking': 'Checking your payment…',
  'status.authenticating': 'Waiting for your bank’s approval…',
  'status.paid': 'Deposit paid. Loading your receipt…',
  checkAgain: 'Check again',
  unsettled: 'We couldn’t check whether your payment went through. Please don’t pay again yet: check again in a moment.',
  notCharged: '{failure} Nothing was charged.',
  'notice.finished': 'That payment attempt had ended without a charge. Enter your card details to try again.',
  'notice.not-charged': 'Your payment didn’t go through, and nothing was charged. Enter your card details to try again.',
  'decline.card_declined': 'Your card was declined. Nothing was charged. Try another card, or ask your bank why.',
  'decline.insufficient_funds': 'Your card was declined for insufficient funds. Nothing was charged. Try another card.',
  'decline.expired_card': 'Your card was declined: it has expired. Nothing was charged. Check the expiration date or try another card.',
  'decline.incorrect_cvc': 'Your card was declined: the security code is incorrect. Nothing was charged. Check it and try again.',
  'decline.authentication_failed': 'Your card was not charged: its authentication was cancelled or did not succeed. Try again, or use another card.',
  'auth.title': 'Approve this payment',
  'auth.text': 'Your card’s bank asks you to approve paying {amount} to {merchant}. This is a test card: no real bank is involved.',
  'auth.cancel': 'Cancel',
  'auth.approve': 'Approve payment',
  expired:
    'Your hold on this seating ended at {time}, so nothing was charged and the seating was released. Book again to choose a seating: your details are kept.',
  bookAgain: 'Book again',
  paid: 'Deposit paid',
  confirmed: 'Your event is confirmed. Keep your booking reference for any questions.',
  'receipt.paid': 'Paid',
  'receipt.card': 'Card',
  'receipt.cardEnding': '{brand} ending in {last4}',
  'receipt.anyCard': 'Card',
  'receipt.reference': 'Booking reference',
  'receipt.seating': 'Seating',
  'receipt.seatingGuests': '{seating}, {guests}',
  'receipt.total': 'Event total',
  'receipt.left': 'Left to pay',
  addToCalendar: 'Add to calendar',
  stripeFailed: 'The card form didn’t load. Check your connection and try again.',
  checkCard: 'Check your card details.',
  // Core's card codes, the form's and the server's alike, in their own English (not a second copy of it).
  'field.number-required': CARD_MESSAGES['number-required'],
  'field.number-incomplete': CARD_MESSAGES['number-incomplete'],
  'field.number-invalid': CARD_MESSAGES['number-invalid'],
  'field.number-test-only': CARD_MESSAGES['number-test-only'],
  'field.expiry-month': CARD_MESSAGES['expiry-month'],
  'field.expiry-past': CARD_MESSAGES['expiry-past'],
  'field.expiry-year': CARD_MESSAGES['expiry-year'],
  'field.cvc-incomplete': CARD_MESSAGES['cvc-incomplete'],
  'field.expiry-required': 'Enter the expiration date.',
  'field.expiry-incomplete': 'Your card’s expiration date is incomplete.',
  'field.cvc-required': 'Enter the security code.',
  'field.postalCode.required': 'Enter the postal code.',
  'field.postalCode.too-long': 'A postal code has at most 10 characters.',
  'field.postalCode.chars': 'Use only letters, digits, spaces and hyphens in the postal code.',
  // A refusal without a code (a backend of the business's own that sends none).
  'field.number.invalid': 'Check the card number.',
  'field.expiry.invalid': 'Check the expiration date.',
  'field.cvc.invalid': 'Check the security code.',
} as const;

export type PaymentMessages = typeof paymentEn;

/** Its whole catalog: the words widgets share (src/widgets/sharedMessages.ts), then its own. */
export const en = { ...sharedEn, ...paymentEn };

/** The payment form's messages, as its parts receive them. */
export type PaymentWords = Messages<typeof en>;
