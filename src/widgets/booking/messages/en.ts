import { seatingEn } from '../../seatingMessages';
import { sharedEn } from '../../sharedMessages';
import type { Messages } from '../../useMessages';

/**
 * The booking form's own words in English: the source of its message keys (each other language's catalog is
 * typed by this one). Inline in the widget's chunk; other languages are chunks of their own (./load.ts).
 * `label.<field>` names a field; a field's problem is `field.<field>.<code>` or `field.<code>` (the form's
 * codes, from the contract's rules, and the server's `FieldError.code`), `field.<field>.invalid` for a refusal
 * the server sent without a code; a refusal of the whole booking is `problem.<code>` (the problem's `code`).
 * Its seating picker's words are the picker's own catalog (../../seatingMessages.ts), spread in.
 */
export const bookingEn = {
  ...seatingEn,
  heading: 'Book your event',
  loadingQuote: 'Loading your quote',
  loadingBooking: 'Loading your booking',
  resume: 'Continue your booking',
  saved: 'Your booking in progress is saved on this device.',
  startHeading: 'Start with a quote',
  startPrompt: 'Start with a quote: choose your guests and menu in the quote calculator, then book it here.',
  getQuote: 'Get a quote',
  steps: 'Booking steps',
  'step.0': 'Seating',
  'step.1': 'Address',
  'step.2': 'Contact',
  'step.3': 'Review',
  stepDone: 'Done: ',
  'heading.0': 'Choose a seating',
  'heading.1': 'Event address',
  'heading.2': 'Contact details',
  'heading.3': 'Review and confirm',
  stepOf: 'Step {step} of {steps}: ',
  back: 'Back',
  continue: 'Continue',
  confirm: 'Confirm booking',
  'status.pricing': 'Pricing your quote for {date}…',
  'status.checking': 'Checking on the booking you sent earlier…',
  'status.sending': 'Sending your booking…',
  'status.offline': 'You’re offline. Your booking is saved on this device and will be sent as soon as you’re back online.',
  adopted: 'Your quote already had this booking, so no second one was made.',
  'label.address.line1': 'Street address',
  'label.address.city': 'City',
  'label.address.zip': 'ZIP code',
  'label.notes': 'Notes',
  notesHint: 'Allergies, parking, where to set up: anything the chef should know.',
  'label.customer.name': 'Name',
  'label.customer.email': 'Email',
  'label.customer.phone': 'Phone',
  'review.seating': 'Seating',
  when: '{date} at {time}',
  'review.changeSeating': 'Change seating',
  'review.address': 'Event address',
  'review.notes': 'Notes: {notes}',
  'review.changeAddress': 'Change address',
  'review.contact': 'Contact',
  'review.changeContact': 'Change contact details',
  'review.quote': 'Your quote',
  'review.total': 'Total',
  'review.hold': 'Booking holds your seating for {minutes} minutes while you pay the {deposit} deposit.',
  notFound: 'We couldn’t find this booking any more. Book again to choose a seating: your details are kept.',
  bookAgain: 'Book again',
  confirmed: 'Booking confirmed',
  released: 'This booking’s hold has ended and its seating was released. Book again to choose a seating: your details are kept.',
  received: 'Booking received',
  holding: 'We’re holding {date} at {time} for {guests}.',
  payWithin: 'Pay the {deposit} deposit within {left} to confirm it. Total for the event: {total}.',
  reference: 'Booking reference: {id}',
  bookAnother: 'Book another event',
  'field.slotId.required': 'Choose a seating.',
  'field.slotId.unknown': 'There is no seating at that time. Choose one from the calendar.',
  'field.slotId.past': 'That seating is too soon to book: we need {hours} hours’ notice. Choose a later one.',
  'field.slotId.too-far': 'We take bookings up to {days} days ahead. Choose an earlier seating.',
  'field.slotId.other-day': 'Your quote is for {date}. Choose a seating on that day, or get a quote for {seatingDate}.',
  'field.slotId.invalid': 'That seating can’t be booked any more. Choose another one.',
  'field.quoteId.unknown': 'We couldn’t find your quote. Get a new quote and try again.',
  'field.quoteId.expired': 'Your quote has expired. Get a new quote and try again.',
  'field.quoteId.invalid': 'This quote can no longer be booked. Get a new quote and try again.',
  'field.eventDate.invalid': 'That day can’t be booked. Choose another day.',
  'field.address.line1.required': 'Street address is required.',
  'field.address.city.required': 'City is required.',
  'field.customer.name.required': 'Name is required.',
  'field.address.zip.required': 'Enter the ZIP code of the event.',
  'field.address.zip.format': 'Enter a 5-digit ZIP code.',
  'field.address.zip.mismatch': 'Your quote’s travel was priced for ZIP {zip}. Use that ZIP, or get a new quote for this one.',
  'field.customer.email.format': 'Enter an email address like name@example.com.',
  'field.customer.email.local-too-long': 'The part before the @ must be at most 64 characters.',
  'field.customer.phone.format': 'Enter a phone number like (213) 555-0142.',
  'field.customer.phone.digits': 'Enter a phone number with 7 to 15 digits, like (213) 555-0142.',
  'problem.seating-full': 'Sorry, that seating was just taken. Please choose another time.',
  'problem.quote-spent': 'This quote has held seatings several times without a deposit. Get a new quote to book.',
  'problem.too-many-holds':
    'You already hold as many seatings on that day as one guest may without paying. Pay the deposit for one of them, or try again once a hold ends.',
  'problem.idempotency-key-reused': 'This booking was sent before with other details. Check your details and confirm again.',
} as const;

export type BookingMessages = typeof bookingEn;

/** Its whole catalog: the words widgets share (src/widgets/sharedMessages.ts), then its own. */
export const en = { ...sharedEn, ...bookingEn };

/** The booking form's messages, as its parts receive them. */
export type BookingWords = Messages<typeof en>;
