import type { HoldRules, OutboxMessage, StoredBooking, StoredChatMessage, StoredLead, StoredPayment, StoredQuote } from '../../server/store/types';

/** Records as a store keeps them, for the store tests: a booking on one seating, its payment, a quote, a chat message, a lead. */
export const T0 = Date.parse('2027-01-10T18:00:00Z');
export const MINUTE = 60_000;
export const SLOT = '2027-03-03T18:00';
export const RULES: HoldRules = { capacity: 3, holdsPerQuote: 3, holdsPerVisitorPerDate: 2, unpaidHoldsPerVisitorPerDate: 4, renewalWindowMs: 24 * 3_600_000 };
/** Rules where only capacity can refuse. */
export const CAPACITY_ONLY: HoldRules = { ...RULES, holdsPerVisitorPerDate: 1000, unpaidHoldsPerVisitorPerDate: 1000 };

let serial = 0;
export const nextId = (prefix: string) => `${prefix}_${(++serial).toString().padStart(6, '0')}`;

export function booking(extra: Partial<StoredBooking> = {}): StoredBooking {
  return {
    id: nextId('bk'),
    tenantId: 'demo',
    slotId: SLOT,
    start: Date.parse('2027-03-04T02:00:00Z'),
    quoteId: nextId('qt'),
    guests: 10,
    totalCents: 60_000,
    depositCents: 12_000,
    currency: 'USD',
    customer: { name: 'Aiko Tanaka', email: 'aiko@example.com', phone: '2135550142' },
    address: { line1: '1 Main St', city: 'Los Angeles', zip: '90012' },
    notes: '',
    status: 'pending_deposit',
    holdExpiresAt: T0 + 15 * MINUTE,
    createdAt: T0,
    ...extra,
  };
}

export function payment(b: StoredBooking, extra: Partial<StoredPayment> = {}): StoredPayment {
  return {
    id: nextId('pay'),
    tenantId: b.tenantId,
    bookingId: b.id,
    provider: 'test',
    status: 'requires_confirmation',
    amountCents: b.depositCents,
    currency: b.currency,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

export function quote(extra: Partial<StoredQuote> = {}): StoredQuote {
  return {
    id: nextId('qt'),
    tenantId: 'demo',
    lines: [{ kind: 'adults', label: '10 adults', quantity: 10, amountCents: 60_000 }],
    totalCents: 60_000,
    depositCents: 12_000,
    currency: 'USD',
    adults: 10,
    children: 0,
    upgrades: {},
    addOns: {},
    eventDate: '2027-03-03',
    zip: '90012',
    distanceMiles: 0,
    createdAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 30 * MINUTE).toISOString(),
    ...extra,
  };
}

export const message = (id: string, text: string, extra: Partial<StoredChatMessage> = {}): StoredChatMessage => ({
  id,
  role: 'visitor',
  text,
  createdAt: '2027-01-10T18:00:00.000Z',
  ...extra,
});

export const lead = (id: string, tenantId = 'demo'): StoredLead => ({
  id,
  tenantId,
  name: 'Aiko',
  question: 'Do you travel to Pasadena?',
  createdAt: '2027-01-10T18:00:00.000Z',
});

/** A message as queued in the outbox, due at once. */
export function outboxMessage(extra: Partial<OutboxMessage> = {}): OutboxMessage {
  const id = nextId('msg');
  return {
    id,
    tenantId: 'demo',
    kind: 'booking-confirmed',
    to: 'aiko@example.com',
    subject: 'Your hibachi party is booked',
    text: 'See you then.',
    html: '<p>See you then.</p>',
    attachments: [{ filename: 'booking.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    messageId: `<${id}@teppan.test>`,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: T0,
    ...extra,
  };
}
