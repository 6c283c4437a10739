import { bookingCalendar } from '../domain/calendar';
import type { MailAttachment, StoredBooking } from '../store/types';
import type { Tenant } from '../tenants';
import { bookingFacts, bookingRows } from './booking-facts';
import type { Draft } from './draft';
import { type Html, htmlDocument, link, paragraph, table, textTable } from './html';
import { type MailLanguage, mailWords } from './words';

/**
 * The customer's messages, each in the language the customer booked in
 * (stored with the booking), with the booking's facts and its manage link.
 */

export interface CustomerOptions {
  /** The customer's link to see, change or cancel the booking; left out while there is none. */
  manageUrl?: string;
}

interface Parts {
  kind: string;
  subject: string;
  title: string;
  /** Paragraphs before the booking's table, and after the manage link. */
  before: string[];
  after: string[];
  rows: [string, string][];
  calendar?: MailAttachment;
}

/** One message in text and HTML from its parts: the same words, in the same order, in both. */
function draft(b: StoredBooking, { t, language }: MailLanguage, p: Parts, manageUrl: string | undefined): Draft {
  const html: Html[] = [...p.before.map(paragraph), table(t('table.booking'), p.rows)];
  const text = [p.title, '', ...p.before.flatMap((line) => [line, '']), textTable(p.rows), ''];
  if (manageUrl) {
    html.push(paragraph(`${t('manage.intro')}:`), link(t('manage.link'), manageUrl));
    text.push(`${t('manage.intro')}: ${manageUrl}`, '');
  }
  html.push(...p.after.map(paragraph));
  text.push(...p.after.flatMap((line) => [line, '']));
  return {
    kind: p.kind,
    to: b.customer.email,
    subject: p.subject,
    text: text.join('\n').trimEnd(),
    html: htmlDocument(p.title, html, language),
    ...(p.calendar ? { attachments: [p.calendar] } : {}),
  };
}

const calendarFile = (tenant: Tenant, b: StoredBooking, now: number, method: 'PUBLISH' | 'CANCEL' = 'PUBLISH'): MailAttachment => ({
  filename: 'booking.ics',
  contentType: `text/calendar; charset=utf-8; method=${method}`,
  content: bookingCalendar(b, tenant.catalog, now, method),
});

/** `booking-confirmed`, once the deposit is paid, with the event as an .ics file. */
export function bookingConfirmed(tenant: Tenant, b: StoredBooking, now: number, { manageUrl }: CustomerOptions = {}): Draft {
  const words = mailWords(b.locale);
  const { t } = words;
  const facts = bookingFacts(tenant, b, words);
  const caterer = tenant.catalog.name;
  return draft(
    b,
    words,
    {
      kind: 'booking-confirmed',
      subject: t('confirmed.subject', { date: facts.date, caterer }),
      title: t('confirmed.title', { caterer }),
      before: [t('confirmed.intro', { name: b.customer.name })],
      after: [t('confirmed.calendar')],
      rows: bookingRows(tenant, b, words, facts),
      calendar: calendarFile(tenant, b, now),
    },
    manageUrl,
  );
}

/** `booking-rescheduled`: the new date, the price if it changed, and the event again (same UID, a higher SEQUENCE). */
export function bookingRescheduled(tenant: Tenant, b: StoredBooking, previous: StoredBooking, now: number, { manageUrl }: CustomerOptions = {}): Draft {
  const words = mailWords(b.locale);
  const { t } = words;
  const facts = bookingFacts(tenant, b, words);
  const caterer = tenant.catalog.name;
  const intro = t('rescheduled.intro', { name: b.customer.name, previous: bookingFacts(tenant, previous, words).when, date: facts.date, time: facts.start });
  const repriced = b.totalCents !== previous.totalCents ? [t('rescheduled.price', { total: facts.money(b.totalCents), due: facts.money(facts.dueCents) })] : [];
  return draft(
    b,
    words,
    {
      kind: 'booking-rescheduled',
      subject: t('rescheduled.subject', { date: facts.date, caterer }),
      title: t('rescheduled.title', { caterer }),
      before: [intro, ...repriced],
      after: [t('rescheduled.calendar')],
      rows: bookingRows(tenant, b, words, facts),
      calendar: calendarFile(tenant, b, now),
    },
    manageUrl,
  );
}

/** `booking-cancelled`: what is refunded or kept, and the calendar file that removes the event. No manage link: nothing is left to change. */
export function bookingCancelled(tenant: Tenant, b: StoredBooking, refundCents: number, now: number): Draft {
  const words = mailWords(b.locale);
  const { t } = words;
  const facts = bookingFacts(tenant, b, words);
  const caterer = tenant.catalog.name;
  const deposit = facts.money(facts.paidCents);
  const money = refundCents > 0 ? t('cancelled.refund', { amount: facts.money(refundCents) }) : t('cancelled.kept', { amount: deposit });
  return draft(
    b,
    words,
    {
      kind: 'booking-cancelled',
      subject: t('cancelled.subject', { date: facts.date, caterer }),
      title: t('cancelled.title', { caterer }),
      before: [t('cancelled.intro', { name: b.customer.name, date: facts.date }), ...(facts.paidCents > 0 ? [money] : [])],
      after: [t('cancelled.calendar')],
      rows: bookingRows(tenant, b, words, facts, refundCents),
      calendar: calendarFile(tenant, b, now, 'CANCEL'),
    },
    undefined,
  );
}

/** `reminder`, some hours before the event (the tenant's `reminders`): when, where, and what is left to pay. */
export function reminder(tenant: Tenant, b: StoredBooking, { manageUrl }: CustomerOptions = {}): Draft {
  const words = mailWords(b.locale);
  const { t } = words;
  const facts = bookingFacts(tenant, b, words);
  const caterer = tenant.catalog.name;
  const time = facts.start;
  return draft(
    b,
    words,
    {
      kind: 'reminder',
      subject: t('reminder.subject', { date: facts.date, time, caterer }),
      title: t('reminder.title'),
      before: [
        t('reminder.intro', { name: b.customer.name, caterer, date: facts.date, time }),
        ...(facts.dueCents > 0 ? [t('reminder.due', { due: facts.money(facts.dueCents) })] : []),
      ],
      after: [],
      rows: bookingRows(tenant, b, words, facts),
    },
    manageUrl,
  );
}
