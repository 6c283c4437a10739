/**
 * The customer's mail in English: the source of the keys every other
 * language's catalog must have (see es.ts). The business's own notices stay
 * in English and are not here.
 */
export const en = {
  // The booking's facts, as table rows.
  'row.caterer': 'Caterer',
  'row.date': 'Date',
  'row.time': 'Time',
  'row.address': 'Address',
  'row.guests': 'Guests',
  'row.depositPaid': 'Deposit paid',
  'row.due': 'Due on the day',
  'row.total': 'Total',
  'row.refund': 'Refund',
  'row.reference': 'Reference',
  'table.booking': 'Your booking',
  'manage.intro': 'To change the date or cancel, use your booking’s page',
  'manage.link': 'Manage your booking',

  'confirmed.subject': 'Booking confirmed: {date}, {caterer}',
  'confirmed.title': 'Your booking with {caterer} is confirmed',
  'confirmed.intro': 'Hi {name}, thank you: your deposit is paid and your hibachi party is booked.',
  'confirmed.calendar': 'The event is attached as a calendar file (booking.ics).',

  'rescheduled.subject': 'Booking moved to {date}, {caterer}',
  'rescheduled.title': 'Your booking with {caterer} has moved',
  'rescheduled.intro': 'Hi {name}, your hibachi party has moved from {previous} to {date} at {time}. Your deposit moved with it: nothing more was charged.',
  'rescheduled.price': 'The price for the new date is {total}, so {due} is due on the day.',
  'rescheduled.calendar': 'The updated event is attached (booking.ics): opening it moves the event in your calendar.',

  'cancelled.subject': 'Booking cancelled: {date}, {caterer}',
  'cancelled.title': 'Your booking with {caterer} is cancelled',
  'cancelled.intro': 'Hi {name}, your hibachi party on {date} is cancelled, as you asked.',
  'cancelled.refund': 'Your {amount} deposit is being refunded to the card you paid with.',
  'cancelled.kept': 'Your {amount} deposit is not refundable this close to the event.',
  'cancelled.calendar': 'The attached calendar file (booking.ics) removes the event from your calendar.',

  'reminder.subject': 'Reminder: {date} at {time}, {caterer}',
  'reminder.title': 'Your hibachi party is coming up',
  'reminder.intro': 'Hi {name}, a reminder: {caterer} will be with you on {date} at {time}.',
  'reminder.due': 'The rest of the total, {due}, is due on the day.',

  // The calendar file's event (booking.ics, attached and on the manage page): a title, then a line each.
  'calendar.summary': 'Hibachi party with {caterer}',
  'calendar.guests': { one: '{count} guest. Booking reference {reference}.', other: '{count} guests. Booking reference {reference}.' },
  'calendar.cancelled': 'Cancelled.',
  'calendar.paid': 'Deposit of {deposit} paid; {due} left to pay.',
  'calendar.unpaid': 'Deposit of {deposit} not yet paid.',
  'calendar.total': 'Event total {total}.',
} as const;

export type MailWords = typeof en;
