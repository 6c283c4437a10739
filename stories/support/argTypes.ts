import type { ArgTypes } from '@storybook/react-vite';

/**
 * Every public prop of each widget, as controls. The widgets' exports are lazy
 * wrappers (each widget is its own chunk), which docgen cannot see through, so
 * the props are listed here, in README's words (src/widgets/<name>/*.tsx holds
 * their JSDoc).
 */
const text = (description: string, category = 'Props') => ({ description, control: 'text', table: { category, type: { summary: 'string' } } }) as const;
const number = (description: string) =>
  ({ description, control: { type: 'number', min: 0 }, table: { category: 'Starting values', type: { summary: 'number' } } }) as const;
const flag = (description: string, defaultValue: boolean) =>
  ({ description, control: 'boolean', table: { category: 'Props', type: { summary: 'boolean' }, defaultValue: { summary: String(defaultValue) } } }) as const;
const event = (description: string, signature: string) =>
  ({ description, control: false, table: { category: 'Events', type: { summary: signature } } }) as const;

const ready = event('The widget is ready for input (also the `teppan:ready` event).', '() => void');
const error = event(
  'A failure the visitor was shown: a TeppanError with kind, status, userMessage, fieldErrors, retryable (also `teppan:error`).',
  '(error: TeppanError) => void',
);

export const quoteArgTypes: ArgTypes = {
  heading: text('The calculator’s heading ("Get an instant quote").'),
  defaultAdults: number('Starting number of adults (the visitor’s own entries, kept in localStorage, win after a reload).'),
  defaultChildren: number('Starting number of children under 12.'),
  defaultEventDate: text('Starting event date, `YYYY-MM-DD`.', 'Starting values'),
  defaultZip: text('Starting ZIP code of the event.', 'Starting values'),
  bookingUrl: text('A page with a BookingForm: "Book this quote" opens it with `?quote=<id>`; without it the quote goes to a BookingForm on the same page.'),
  onQuote: event('The visitor chose to book this quote (also `teppan:quote`).', '(quote: Quote) => void'),
  onReady: ready,
  onError: error,
};

export const bookingArgTypes: ArgTypes = {
  heading: text('The form’s heading ("Book your event").'),
  quoteId: text(
    'The quote to book; else a quote handed over by a calculator on the page, else the URL’s `quote` parameter, else the quote remembered from an earlier visit. (These stories make a fresh quote when it is empty.)',
  ),
  quoteUrl: text('Where visitors without a quote can get one.'),
  draftId: text('Tells apart the drafts of several booking forms on one page; one form needs none.'),
  payDeposit: flag('Show the PaymentForm for the new booking in place, right after "Confirm booking".', true),
  onBookingCreated: event(
    'The server acknowledged the booking (status `pending_deposit`, `holdExpiresAt`, `amountDueCents`; also `teppan:booking-created`).',
    '(booking: Booking) => void',
  ),
  onPaymentSucceeded: event(
    'The deposit was paid in place; the booking is `confirmed` (also `teppan:payment-succeeded`).',
    '(payment: Payment, booking: Booking) => void',
  ),
  onReady: ready,
  onError: error,
};

export const paymentArgTypes: ArgTypes = {
  heading: text('The form’s heading ("Pay your deposit").'),
  bookingId: text(
    'The booking whose deposit to pay; else the booking just made on the page, else the URL’s `booking` parameter, else the one remembered. (These stories hold a fresh booking when it is empty.)',
  ),
  bookingUrl: text('A page with a BookingForm: after a hold expired, "Book again" opens it with `?quote=<the booking’s quote>`.'),
  inline: flag('For a place that already shows the hold (the BookingForm’s last step): no frame, heading or countdown of its own.', false),
  onBookAgain: event('"Book again" after the hold expired does this instead of opening `bookingUrl`.', '() => void'),
  onPaymentSucceeded: event(
    'Paid: `payment` has `amountCents`, `card: { brand, last4 }`; the booking is `confirmed` (also `teppan:payment-succeeded`).',
    '(payment: Payment, booking: Booking) => void',
  ),
  onReady: ready,
  onError: error,
};

export const chatArgTypes: ArgTypes = {
  heading: text('The panel’s heading ("Questions? Ask Sakura Hibachi Catering").'),
  quoteUrl: text('Where "Get a quote" goes when the page has no calculator (with one, the chat scrolls to it).'),
  open: flag('Opens and closes the panel from your own button (controlled); leave it unset and the widget keeps its own state.', false),
  defaultOpen: flag('Whether the panel starts open (uncontrolled).', false),
  launcher: flag('Draw the "Open chat" button. Turn it off when something else opens the chat.', true),
  onOpenChange: event('The panel opened or closed.', '(open: boolean) => void'),
  onReady: ready,
  onError: error,
};

export const manageArgTypes: ArgTypes = {
  heading: text('The widget’s heading ("Your booking").'),
  token: text(
    'The manage link’s token, from the confirmation email’s link; else the page URL’s `token` parameter. (These stories pay a fresh booking and mint its link when it is empty.)',
  ),
  locale: text('The language it speaks (`es`, `es-MX`, or `auto` for the visitor’s browser); else the provider’s, else the page’s `<html lang>`.'),
  onReady: ready,
  onError: error,
};
