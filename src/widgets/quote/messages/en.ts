import { sharedEn } from '../../sharedMessages';

/**
 * The quote calculator's own words in English: the source of its message keys (each other language's catalog is
 * typed by this one). Inline in the widget's chunk; other languages are chunks of their own (./load.ts).
 * `field.<code>` words a field error by its code, the server's (`FieldError.code`) or the form's own.
 */
export const quoteEn = {
  heading: 'Get an instant quote',
  adults: 'Adults',
  children: 'Children',
  childrenHint: 'Under {age}',
  upgrades: 'Menu upgrades',
  addOns: 'Add-ons',
  eventDate: 'Event date',
  zip: 'ZIP code',
  yourQuote: 'Your quote',
  yourEstimate: 'Your estimate',
  quoteCaption: 'Quote',
  estimateCaption: 'Estimate',
  total: 'Total',
  'status.quote': 'Includes travel to {zip}. Valid until {date}.',
  'status.checking': 'Checking travel and the final price…',
  'status.estimate': 'Estimate. Enter the event date and ZIP code for your quote, with travel.',
  'status.empty': 'Enter your guests to see a price.',
  deposit: '{deposit} deposit to book your date.',
  book: 'Book this quote',
  'announce.updated': 'Quote updated: {total} total, {deposit} deposit to book.',
  'announce.handedOff': 'Quote added to the booking form.',
  'field.required-number': 'Enter a number.',
  'field.whole-number': 'Enter a whole number.',
  'field.negative': 'Cannot be negative.',
  'field.too-many-guests': 'That is far more than one event can seat.',
  'field.too-many-items': 'That is more than one event can serve.',
  'field.min-adults': { one: 'At least one adult is needed.', other: 'At least {count} adults are needed.' },
  'field.max-guests': 'We can serve up to {max} guests at one event; you entered {guests}.',
  'field.item-per-guest': 'At most one {item} per guest ({max}).',
  'field.item-max': 'At most {max} of {item}.',
  'field.unknown-upgrade': 'There is no upgrade called “{item}”.',
  'field.unknown-add-on': 'There is no add-on called “{item}”.',
  'field.date-required': 'Choose a date.',
  'field.date-format': 'Use a date like 2027-03-14.',
  'field.date-unreal': 'Not a real calendar date.',
  'field.date-too-early': 'Choose {date} or later: we need {hours} hours’ notice.',
  'field.date-too-late': 'Choose {date} or earlier: we take bookings up to {days} days ahead.',
  'field.zip-required': 'Enter the ZIP code of the event.',
  'field.zip-format': 'Enter a 5-digit ZIP code.',
  'field.zip-unknown': 'We don’t recognise the ZIP code {zip}. Check it and try again.',
  'field.zip-outside-area': 'Sorry, {zip} is outside our service area: it is {miles} miles away and we travel up to {max} miles.',
} as const;

export type QuoteMessages = typeof quoteEn;

/** Its whole catalog: the words widgets share (src/widgets/sharedMessages.ts), then its own. */
export const en = { ...sharedEn, ...quoteEn };
