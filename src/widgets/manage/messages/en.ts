import { seatingEn } from '../../seatingMessages';
import { sharedEn } from '../../sharedMessages';

/**
 * The manage link's words in English: the source of its message keys (each other language's catalog is typed by
 * this one). Inline in the widget's chunk; other languages are chunks of their own (./load.ts). `problem.<code>`
 * words the server's refusals by their code, never by its English `detail`.
 */
export const manageEn = {
  ...seatingEn,
  heading: 'Your booking',
  loading: 'Loading your booking',
  noToken: 'This page shows a booking from the link in your confirmation email. Open that link to see yours.',
  'status.confirmed': 'Booking confirmed',
  'status.moved': 'Booking moved',
  'status.cancelled': 'Booking cancelled',
  'status.other': 'Booking not confirmed',
  'fact.date': 'Date',
  'fact.time': 'Time',
  'fact.guests': 'Guests',
  'fact.address': 'Address',
  'fact.total': 'Event total',
  'fact.paid': 'Deposit paid',
  'fact.due': 'Due on the day',
  'fact.reference': 'Booking reference',
  'addToCalendar.heading': 'Add to calendar',
  'addToCalendar.ics': 'Calendar file (.ics)',
  'addToCalendar.google': 'Google Calendar',
  'addToCalendar.outlook': 'Outlook',
  'addToCalendar.title': 'Hibachi party with {business}',
  'addToCalendar.details': '{guests}. Booking reference {reference}.',
  'policy.heading': 'Changes and cancellation',
  'policy.reschedule': 'You can change the date or time until {deadline}.',
  'policy.refund': 'Cancel until {deadline} and your deposit is refunded in full; after that it is kept.',
  'policy.tooLateToReschedule': 'The date can no longer be changed here: changes were possible until {deadline}. To change it now, contact us.',
  'policy.tooLateToCancel': 'This event has started, so it can no longer be cancelled here. Contact us.',
  'policy.cancelled': 'This booking was cancelled, so it can no longer be changed.',
  change: 'Change date or time',
  cancel: 'Cancel booking',
  'change.current': 'Now: {date} at {time}.',
  'change.same': 'That is your booking’s seating now. Choose another one to change to.',
  'change.choose': 'Choose a new seating.',
  continue: 'Continue',
  back: 'Back',
  'confirmChange.heading': 'Confirm the new date',
  'confirmChange.from': 'From',
  'confirmChange.to': 'To',
  'confirmChange.when': '{date} at {time}',
  'confirmChange.deposit':
    'Your {deposit} deposit moves with your booking: nothing more is charged now. If the new date is priced differently, the rest due on the day changes.',
  'confirmChange.button': 'Confirm new date',
  'moved.text': 'Your event is now on {date} at {time}. Your deposit moved with it; nothing more was charged.',
  'moved.price': 'The price for the new date is {total}: {due} is due on the day.',
  'announce.moved': 'Date changed to {date} at {time}.',
  'announce.seatingFull': 'That seating has just filled up. The list of seatings is refreshed.',
  'cancel.refund': 'Your {amount} deposit will be refunded.',
  'cancel.noRefund': 'Your {amount} deposit is not refundable this close to the event.',
  'cancel.refundUntil': 'Deposits are refunded for cancellations until {deadline}.',
  'cancel.reason': 'Reason (optional)',
  'cancel.reasonHint': 'Anything you tell us helps us improve.',
  'cancel.confirm': 'Confirm cancellation',
  'cancel.keep': 'Keep my booking',
  'cancelled.refunded': 'We refunded your {amount} deposit. It reaches your card within a few business days.',
  'cancelled.notRefunded': 'Your deposit was not refunded: the booking was cancelled too close to the event.',
  'cancelled.when': 'Cancelled on {date}.',
  'announce.cancelled': 'Booking cancelled.',
  'problem.manage-link-invalid': 'This link is not valid, or has expired. Use the link in your latest email from us, or contact us.',
  'problem.seating-full': 'Sorry, that seating has just filled up. Choose another one.',
  'problem.too-late-to-reschedule': 'Bookings can be moved up to {days} days before the event. To change it now, contact us.',
  'problem.too-late-to-cancel': 'This event has already started, so it can no longer be cancelled here. Contact us.',
  'problem.booking-cancelled': 'This booking was cancelled, so it can no longer be changed.',
  'problem.validation': 'That seating can’t be booked. Choose another one.',
} as const;

/** Its own words, the keys its other languages' chunks hold (the shared ones load with them: ./load.ts). */
export type ManageOwnMessages = typeof manageEn;

/** Its whole catalog: the words widgets share (src/widgets/sharedMessages.ts), then its own. */
export const en = { ...sharedEn, ...manageEn };

export type ManageMessages = typeof en;
