import type { OutboxMessage, StoredBooking, StoredConversation, StoredLead } from '../store/types';
import type { Tenant } from '../tenants';
import { bookingFacts, bookingRows } from './booking-facts';
import { bookingCancelled, bookingConfirmed, bookingRescheduled, type CustomerOptions, reminder } from './customer';
import { type Draft, queued } from './draft';
import { type Html, heading2, htmlDocument, paragraph, table, textTable } from './html';
import { mailWords } from './words';

/**
 * The business's notices (in English, whatever the customer's language), and
 * the messages each change queues: every set is built inside the change's
 * transaction, from what the transaction decided.
 */

const ENGLISH = mailWords('en');

/** The visitor's language in English words ("Spanish"), so the team answers in it. */
const languageName = (language: string | undefined) => new Intl.DisplayNames('en', { type: 'language' }).of(language ?? 'en') ?? 'English';

const customerRows = (b: StoredBooking): [string, string][] => [
  ['Name', b.customer.name],
  ['Email', b.customer.email],
  ['Phone', b.customer.phone],
  ['Language', languageName(b.locale)],
  ['Notes', b.notes || '(none)'],
];

/** `team-new-booking`, to the business: who booked, for when, and what they wrote. */
export function teamNewBooking(tenant: Tenant, b: StoredBooking, to: string): Draft {
  const facts = bookingFacts(tenant, b, ENGLISH);
  const customer = customerRows(b);
  const rows = bookingRows(tenant, b, ENGLISH, facts);
  const title = `New booking: ${b.customer.name}, ${facts.date}`;
  return {
    kind: 'team-new-booking',
    to,
    subject: title,
    text: [title, '', 'The deposit is paid.', '', textTable(customer), '', textTable(rows)].join('\n'),
    html: htmlDocument(title, [paragraph('The deposit is paid.'), table('Customer', customer), table('Booking', rows)]),
  };
}

/** What changed, for `team-booking-changed`: a move from one seating to another, or a cancellation and its refund. */
export type BookingChange = { type: 'rescheduled'; previous: StoredBooking } | { type: 'cancelled'; refundCents: number };

/** `team-booking-changed`, to the business: the customer moved or cancelled their booking by its manage link. */
export function teamBookingChanged(tenant: Tenant, b: StoredBooking, change: BookingChange, to: string): Draft {
  const facts = bookingFacts(tenant, b, ENGLISH);
  const rows = bookingRows(tenant, b, ENGLISH, facts, change.type === 'cancelled' ? change.refundCents : undefined);
  let title: string;
  let said: string[];
  if (change.type === 'rescheduled') {
    const before = bookingFacts(tenant, change.previous, ENGLISH);
    title = `Booking moved: ${b.customer.name}, ${facts.date}`;
    said = [`${b.customer.name} moved their booking from ${before.when} to ${facts.when}. The deposit moved with it.`];
    if (b.totalCents !== change.previous.totalCents)
      said.push(`The new date is priced ${facts.money(b.totalCents)} (was ${facts.money(change.previous.totalCents)}).`);
  } else {
    title = `Booking cancelled: ${b.customer.name}, ${facts.date}`;
    said = [
      `${b.customer.name} cancelled their booking for ${facts.when}; the seating is free again.`,
      change.refundCents > 0 ? `Their deposit of ${facts.money(change.refundCents)} is refunded.` : 'The deposit is kept: the refund window had closed.',
    ];
    if (b.cancelReason) said.push(`Their reason: ${b.cancelReason}`);
  }
  const customer = customerRows(b);
  return {
    kind: 'team-booking-changed',
    to,
    subject: title,
    text: [title, '', ...said.flatMap((s) => [s, '']), textTable(customer), '', textTable(rows)].join('\n'),
    html: htmlDocument(title, [...said.map(paragraph), table('Customer', customer), table('Booking', rows)]),
  };
}

/** `team-lead`, to the business: a visitor asked for a person, with the conversation so far. */
export function teamLead(tenant: Tenant, lead: StoredLead, conversation: StoredConversation | undefined, to: string): Draft {
  const contact: [string, string][] = [
    ['Name', lead.name],
    ['Email', lead.email ?? '(not given)'],
    ['Phone', lead.phone ?? '(not given)'],
    ['Language', languageName(lead.locale)],
    ['Question', lead.question],
  ];
  const said = (conversation?.messages ?? []).map((m) => [m.role === 'visitor' ? lead.name : tenant.catalog.name, m.text] as const);
  const title = `${lead.name} would like to talk to the team`;
  const parts: Html[] = [table('Visitor', contact)];
  if (said.length > 0) parts.push(heading2('The conversation'), ...said.map(([who, text]) => paragraph(`${who}: ${text}`)));
  return {
    kind: 'team-lead',
    to,
    subject: `New question from ${lead.name}`,
    text: [title, '', textTable(contact), ...(said.length > 0 ? ['', 'The conversation:', ...said.map(([who, text]) => `${who}: ${text}`)] : [])].join('\n'),
    html: htmlDocument(title, parts),
  };
}

/** The business's notice, when it has an address. */
const toTeam = (tenant: Tenant, now: number, draft: (to: string) => Draft): OutboxMessage[] =>
  tenant.notifyEmail ? [queued(tenant.id, draft(tenant.notifyEmail), now)] : [];

/** The messages a paid deposit queues: the customer's confirmation, and the business's notice. */
export function paidBookingMessages(tenant: Tenant, now: number, options: CustomerOptions = {}) {
  return ({ booking }: { booking: StoredBooking }): OutboxMessage[] => [
    queued(tenant.id, bookingConfirmed(tenant, booking, now, options), now),
    ...toTeam(tenant, now, (to) => teamNewBooking(tenant, booking, to)),
  ];
}

/** The messages a reschedule queues: the customer's, with the moved event, and the business's notice. */
export function rescheduledMessages(tenant: Tenant, now: number, options: CustomerOptions = {}) {
  return ({ booking, previous }: { booking: StoredBooking; previous: StoredBooking }): OutboxMessage[] => [
    queued(tenant.id, bookingRescheduled(tenant, booking, previous, now, options), now),
    ...toTeam(tenant, now, (to) => teamBookingChanged(tenant, booking, { type: 'rescheduled', previous }, to)),
  ];
}

/** The messages a cancellation queues: the customer's, with what is refunded, and the business's notice. */
export function cancelledMessages(tenant: Tenant, now: number) {
  return ({ booking, refundCents }: { booking: StoredBooking; refundCents: number }): OutboxMessage[] => [
    queued(tenant.id, bookingCancelled(tenant, booking, refundCents, now), now),
    ...toTeam(tenant, now, (to) => teamBookingChanged(tenant, booking, { type: 'cancelled', refundCents }, to)),
  ];
}

/** The message a due reminder queues: the customer's alone. */
export function reminderMessages(tenant: Tenant, now: number, options: CustomerOptions = {}) {
  return (booking: StoredBooking): OutboxMessage[] => [queued(tenant.id, reminder(tenant, booking, options), now)];
}

/** The messages a lead queues: the business's notice. */
export function leadMessages(tenant: Tenant, lead: StoredLead, conversation: StoredConversation | undefined, now: number): OutboxMessage[] {
  return toTeam(tenant, now, (to) => teamLead(tenant, lead, conversation, to));
}
