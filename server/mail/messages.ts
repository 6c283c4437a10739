import { formatMoney } from '../../src/core/money';
import { formatTime, longDate, toZonedIso } from '../../src/core/schedule';
import { bookingCalendar, eventEnd } from '../domain/calendar';
import { newResourceId } from '../domain/ids';
import type { MailAttachment, OutboxMessage, StoredBooking, StoredConversation, StoredLead } from '../store/types';
import type { Tenant } from '../tenants';
import { type Html, heading2, htmlDocument, link, paragraph, table, textTable } from './html';

/** What a message says; `queued` makes it an outbox row. */
interface Draft {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** The domain in every Message-ID we make: ours, whatever the sending address. */
const MESSAGE_ID_DOMAIN = 'teppan.mail';

/** A new outbox row for `draft`, due at once, with the Message-ID it keeps through every retry. */
export function queued(tenantId: string, draft: Draft, now: number): OutboxMessage {
  const id = newResourceId('msg');
  return {
    id,
    tenantId,
    ...draft,
    attachments: draft.attachments ?? [],
    messageId: `<${id}@${MESSAGE_ID_DOMAIN}>`,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: now,
  };
}

/** The event's day as a person reads it, in the tenant's time zone. */
const eventDate = (tenant: Tenant, b: StoredBooking) => longDate(toZonedIso(b.start, tenant.catalog.timeZone).slice(0, 10));

/** What a booking's messages show, each value as a person reads it. */
function bookingRows(tenant: Tenant, b: StoredBooking): [string, string][] {
  const { timeZone } = tenant.catalog;
  const money = (cents: number) => formatMoney(cents, b.currency, 'en-US');
  const end = eventEnd(b, tenant.catalog);
  const paid = b.status === 'confirmed' ? b.depositCents : 0;
  return [
    ['Caterer', tenant.catalog.name],
    ['Date', eventDate(tenant, b)],
    ['Time', `${formatTime(b.start, timeZone, 'en-US')} – ${formatTime(end, timeZone, 'en-US')}`],
    ['Address', `${b.address.line1}, ${b.address.city} ${b.address.zip}`],
    ['Guests', String(b.guests)],
    ['Deposit paid', money(paid)],
    ['Due on the day', money(b.totalCents - paid)],
    ['Total', money(b.totalCents)],
    ['Reference', b.id],
  ];
}

export interface ConfirmationOptions {
  /** The customer's link to see, change or cancel the booking; left out while there is none. */
  manageUrl?: string;
}

/** `booking-confirmed`, to the customer once the deposit is paid, with the event as an .ics file. */
export function bookingConfirmed(tenant: Tenant, b: StoredBooking, now: number, { manageUrl }: ConfirmationOptions = {}): Draft {
  const rows = bookingRows(tenant, b);
  const title = `Your booking with ${tenant.catalog.name} is confirmed`;
  const intro = `Hi ${b.customer.name}, thank you: your deposit is paid and your hibachi party is booked.`;
  const manage = manageUrl ? 'To change the date or cancel, use your booking’s page' : undefined;
  const parts: Html[] = [paragraph(intro), table('Your booking', rows)];
  if (manage && manageUrl) parts.push(paragraph(`${manage}:`), link('Manage your booking', manageUrl));
  parts.push(paragraph('The event is attached as a calendar file (booking.ics).'));
  return {
    kind: 'booking-confirmed',
    to: b.customer.email,
    subject: `Booking confirmed: ${eventDate(tenant, b)}, ${tenant.catalog.name}`,
    text: [
      title,
      '',
      intro,
      '',
      textTable(rows),
      '',
      ...(manage && manageUrl ? [`${manage}: ${manageUrl}`, ''] : []),
      'The event is attached as a calendar file (booking.ics).',
    ].join('\n'),
    html: htmlDocument(title, parts),
    attachments: [{ filename: 'booking.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: bookingCalendar(b, tenant.catalog, now) }],
  };
}

/** `team-new-booking`, to the business: who booked, for when, and what they wrote. */
export function teamNewBooking(tenant: Tenant, b: StoredBooking, to: string): Draft {
  const customer: [string, string][] = [
    ['Name', b.customer.name],
    ['Email', b.customer.email],
    ['Phone', b.customer.phone],
    ['Notes', b.notes || '(none)'],
  ];
  const rows = bookingRows(tenant, b);
  const title = `New booking: ${b.customer.name}, ${eventDate(tenant, b)}`;
  return {
    kind: 'team-new-booking',
    to,
    subject: title,
    text: [title, '', 'The deposit is paid.', '', textTable(customer), '', textTable(rows)].join('\n'),
    html: htmlDocument(title, [paragraph('The deposit is paid.'), table('Customer', customer), table('Booking', rows)]),
  };
}

/** `team-lead`, to the business: a visitor asked for a person, with the conversation so far. */
export function teamLead(tenant: Tenant, lead: StoredLead, conversation: StoredConversation | undefined, to: string): Draft {
  const contact: [string, string][] = [
    ['Name', lead.name],
    ['Email', lead.email ?? '(not given)'],
    ['Phone', lead.phone ?? '(not given)'],
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

/** The messages a paid deposit queues: the customer's confirmation, and the business's notice when it has an address. */
export function paidBookingMessages(tenant: Tenant, now: number, options: ConfirmationOptions = {}) {
  return ({ booking }: { booking: StoredBooking }): OutboxMessage[] => [
    queued(tenant.id, bookingConfirmed(tenant, booking, now, options), now),
    ...(tenant.notifyEmail ? [queued(tenant.id, teamNewBooking(tenant, booking, tenant.notifyEmail), now)] : []),
  ];
}

/** The messages a lead queues: the business's notice, when it has an address. */
export function leadMessages(tenant: Tenant, lead: StoredLead, conversation: StoredConversation | undefined, now: number): OutboxMessage[] {
  return tenant.notifyEmail ? [queued(tenant.id, teamLead(tenant, lead, conversation, tenant.notifyEmail), now)] : [];
}
