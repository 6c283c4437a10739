import { formatMoney } from '../../src/core/money';
import { formatTime, longDate, toZonedIso } from '../../src/core/schedule';
import { eventEnd } from '../domain/calendar';
import type { StoredBooking } from '../store/types';
import type { Tenant } from '../tenants';
import type { MailLanguage } from './words';

/** A booking as its messages say it, in one language: each value as a person reads it, in the tenant's zone and currency. */
export interface BookingFacts {
  date: string;
  /** The start, "6:00 PM", and the whole event, "6:00 PM – 8:00 PM". */
  start: string;
  time: string;
  /** "Wednesday, March 3, 2027, 6:00 PM". */
  when: string;
  money: (cents: number) => string;
  /** What the deposit paid (nothing before it is paid). */
  paidCents: number;
  /** What is left to pay on the day: nothing for a cancelled event. */
  dueCents: number;
}

export function bookingFacts(tenant: Tenant, b: StoredBooking, { tag }: Pick<MailLanguage, 'tag'>): BookingFacts {
  const { timeZone } = tenant.catalog;
  const date = longDate(toZonedIso(b.start, timeZone).slice(0, 10), tag);
  const start = formatTime(b.start, timeZone, tag);
  // Only a confirmed booking is ever cancelled: either way, its deposit was paid.
  const paidCents = b.status === 'pending_deposit' ? 0 : b.depositCents;
  return {
    date,
    start,
    time: `${start} – ${formatTime(eventEnd(b, tenant.catalog), timeZone, tag)}`,
    when: `${date}, ${start}`,
    money: (cents) => formatMoney(cents, b.currency, tag),
    paidCents,
    dueCents: b.status === 'cancelled' ? 0 : b.totalCents - paidCents,
  };
}

/** The table every booking message shows: caterer, date, time, address, guests, amounts, reference. */
export function bookingRows(tenant: Tenant, b: StoredBooking, { t }: Pick<MailLanguage, 't'>, facts: BookingFacts, refundCents?: number): [string, string][] {
  return [
    [t('row.caterer'), tenant.catalog.name],
    [t('row.date'), facts.date],
    [t('row.time'), facts.time],
    [t('row.address'), `${b.address.line1}, ${b.address.city} ${b.address.zip}`],
    [t('row.guests'), String(b.guests)],
    [t('row.depositPaid'), facts.money(facts.paidCents)],
    ...(refundCents !== undefined ? [[t('row.refund'), facts.money(refundCents)] as [string, string]] : []),
    [t('row.due'), facts.money(facts.dueCents)],
    [t('row.total'), facts.money(b.totalCents)],
    [t('row.reference'), b.id],
  ];
}
