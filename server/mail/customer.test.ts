import { describe, expect, it } from 'vitest';
import { booking, T0 } from '../../test/support/store-records';
import { demoTenant } from '../tenants';
import { bookingCancelled, bookingRescheduled, reminder } from './customer';
import { cancelledMessages, reminderMessages, rescheduledMessages, teamBookingChanged } from './messages';

const SCRIPT = '<script>alert(1)</script>';
const DAY = 86_400_000;
const LINK = 'https://example.com/manage.html?token=abc&x=1';
const paid = booking({
  status: 'confirmed',
  paymentId: 'pay_1',
  paidAt: T0,
  customer: { name: `Aiko ${SCRIPT}`, email: 'aiko@example.com', phone: '2135550142' },
  notes: `Gate code ${SCRIPT}`,
});
/** The booking moved two days later, as a store's reschedule leaves it. */
const moved = (from = paid, totalCents = from.totalCents) => ({
  ...from,
  slotId: '2027-03-05T18:00',
  start: from.start + 2 * DAY,
  totalCents,
  reschedules: (from.reschedules ?? 0) + 1,
  rescheduledAt: T0,
});
const cancelled = { ...paid, status: 'cancelled' as const, cancelledAt: T0, cancelReason: `Moving ${SCRIPT}` };
const calendarOf = (m: { attachments?: { content: string; contentType: string }[] }) => m.attachments?.[0];
const field = (ics: string | undefined, name: string) => new RegExp(`^${name}:(.+)\\r$`, 'm').exec(ics ?? '')?.[1];

describe('the customer’s messages after a change', () => {
  it('a reschedule says the new date, with the event again: the same UID, SEQUENCE raised on every move', () => {
    const once = moved();
    const twice = moved(once);
    const first = bookingRescheduled(demoTenant, once, paid, T0, { manageUrl: LINK });
    const second = bookingRescheduled(demoTenant, twice, once, T0);
    expect(first.kind).toBe('booking-rescheduled');
    expect(first.subject).toBe('Booking moved to Friday, March 5, 2027, Sakura Hibachi Catering');
    expect(first.text).toContain('has moved from Wednesday, March 3, 2027, 6:00 PM to Friday, March 5, 2027 at 6:00 PM');
    expect(first.text).toContain(LINK);
    expect(first.html).toContain('href="https://example.com/manage.html?token=abc&amp;x=1"');
    const [a, b] = [calendarOf(first)?.content, calendarOf(second)?.content];
    expect(field(a, 'UID')).toBe(`${paid.id}@teppan`);
    expect(field(b, 'UID')).toBe(field(a, 'UID'));
    expect([field(a, 'SEQUENCE'), field(b, 'SEQUENCE')]).toEqual(['1', '2']);
    expect(a).toContain('DTSTART;TZID=America/Los_Angeles:20270305T180000');
    // The same price: nothing said of it. Another: the new total and what is due.
    expect(first.text).not.toContain('price for the new date');
    const dearer = bookingRescheduled(demoTenant, moved(paid, 66_000), paid, T0);
    expect(dearer.text).toContain('The price for the new date is $660.00, so $540.00 is due on the day.');
  });

  it('a cancellation says what is refunded, and its calendar file cancels the event (METHOD:CANCEL, STATUS:CANCELLED)', () => {
    const refunded = bookingCancelled(demoTenant, cancelled, 12_000, T0);
    expect(refunded.subject).toBe('Booking cancelled: Wednesday, March 3, 2027, Sakura Hibachi Catering');
    expect(refunded.text).toContain('Your $120.00 deposit is being refunded');
    expect(refunded.text).toContain('Refund: $120.00');
    expect(refunded.text).toContain('Due on the day: $0.00');
    const ics = calendarOf(refunded);
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(field(ics?.content, 'METHOD')).toBe('CANCEL');
    expect(field(ics?.content, 'STATUS')).toBe('CANCELLED');
    expect(field(ics?.content, 'UID')).toBe(`${paid.id}@teppan`);
    // It supersedes every version sent before it.
    expect(field(calendarOf(bookingCancelled(demoTenant, { ...cancelled, reschedules: 2 }, 0, T0))?.content, 'SEQUENCE')).toBe('3');
    expect(bookingCancelled(demoTenant, cancelled, 0, T0).text).toContain('Your $120.00 deposit is not refundable this close to the event.');
  });

  it('a reminder says when and where, what is left to pay, and links to the booking', () => {
    const m = reminder(demoTenant, paid, { manageUrl: LINK });
    expect(m.kind).toBe('reminder');
    expect(m.subject).toBe('Reminder: Wednesday, March 3, 2027 at 6:00 PM, Sakura Hibachi Catering');
    for (const shown of ['1 Main St, Los Angeles 90012', 'Guests: 10', 'The rest of the total, $480.00, is due on the day.', LINK])
      expect(m.text).toContain(shown);
    expect(m.attachments).toBeUndefined();
  });

  it('queues the customer’s message and the team’s notice of each change; the team’s says what changed', () => {
    const reschedule = rescheduledMessages(demoTenant, T0)({ booking: moved(), previous: paid });
    expect(reschedule.map((m) => [m.kind, m.to])).toEqual([
      ['booking-rescheduled', 'aiko@example.com'],
      ['team-booking-changed', demoTenant.notifyEmail],
    ]);
    expect(reschedule[1]?.subject).toBe(`Booking moved: Aiko ${SCRIPT}, Friday, March 5, 2027`);
    expect(reschedule[1]?.text).toContain('from Wednesday, March 3, 2027, 6:00 PM to Friday, March 5, 2027, 6:00 PM');
    const cancel = cancelledMessages(demoTenant, T0)({ booking: cancelled, refundCents: 0 });
    expect(cancel.map((m) => [m.kind, m.to])).toEqual([
      ['booking-cancelled', 'aiko@example.com'],
      ['team-booking-changed', demoTenant.notifyEmail],
    ]);
    expect(cancel[1]?.text).toContain('The deposit is kept');
    expect(cancel[1]?.text).toContain(`Their reason: Moving ${SCRIPT}`);
    expect(cancelledMessages({ ...demoTenant, notifyEmail: undefined }, T0)({ booking: cancelled, refundCents: 0 }).map((m) => m.kind)).toEqual([
      'booking-cancelled',
    ]);
    expect(reminderMessages(demoTenant, T0)(paid).map((m) => [m.kind, m.to])).toEqual([['reminder', 'aiko@example.com']]);
  });

  it('renders what a visitor typed (name, notes, reason) as text in every one, never as markup', () => {
    const all = [
      bookingRescheduled(demoTenant, moved(), paid, T0, { manageUrl: LINK }),
      bookingCancelled(demoTenant, cancelled, 12_000, T0),
      reminder(demoTenant, paid, { manageUrl: LINK }),
      teamBookingChanged(demoTenant, moved(), { type: 'rescheduled', previous: paid }, 'team@example.com'),
      teamBookingChanged(demoTenant, cancelled, { type: 'cancelled', refundCents: 0 }, 'team@example.com'),
    ];
    for (const m of all) {
      expect(m.html).not.toContain('<script');
      expect(m.html).toContain('Aiko &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(m.html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(m.html).toContain('<h1');
      expect(m.text).toContain(`Aiko ${SCRIPT}`);
    }
    expect(all[4]?.html).toContain('Moving &lt;script&gt;');
  });
});
