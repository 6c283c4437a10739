/**
 * The seating picker's words in English (./SeatingPicker.tsx, ./Calendar.tsx), shared by the widgets that pick a
 * seating: each spreads them into its own catalog, and its other languages spread ./seatingMessages.es.ts.
 */
export const seatingEn = {
  'calendar.previous': 'Previous month',
  'calendar.next': 'Next month',
  'calendar.free': { one: '{count} seating free', other: '{count} seatings free' },
  'calendar.full': 'fully booked',
  'calendar.closed': 'not available',
  'calendar.checking': 'checking availability',
  'calendar.day': '{date}: {state}',
  'seatings.legend': 'Seatings on {date}',
  'seatings.none': 'No seatings can be booked on this day. Choose another day.',
  'seatings.checkingDay': 'Checking seatings…',
  'seatings.checking': 'Checking…',
  'seatings.full': 'Full',
  'seatings.free': { one: 'Last chef team', other: '{count} chef teams free' },
  'seatings.chooseDay': 'Choose a day, then a seating.',
} as const;

export type SeatingMessages = typeof seatingEn;
