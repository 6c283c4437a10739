import { describe, expect, it } from 'vitest';
import { booking, lead, T0 } from '../../test/support/store-records';
import { demoTenant } from '../tenants';
import { bookingConfirmed } from './customer';
import { leadMessages, paidBookingMessages, teamLead, teamNewBooking } from './messages';

const SCRIPT = '<script>alert(1)</script>';
const paid = booking({
  status: 'confirmed',
  paidAt: T0,
  customer: { name: `Aiko ${SCRIPT}`, email: 'aiko@example.com', phone: '2135550142' },
  notes: `Gate code ${SCRIPT} & "6"`,
});

describe('messages', () => {
  it('confirms a booking in text and accessible HTML: language, a heading, a table of date, time, address, guests and amounts', () => {
    const m = bookingConfirmed(demoTenant, paid, T0);
    expect(m.subject).toBe('Booking confirmed: Wednesday, March 3, 2027, Sakura Hibachi Catering');
    expect(m.to).toBe('aiko@example.com');
    for (const part of [m.text, m.html]) {
      for (const shown of [
        'Sakura Hibachi Catering',
        'Wednesday, March 3, 2027',
        '6:00 PM',
        '1 Main St, Los Angeles 90012',
        '$120.00',
        '$480.00',
        '$600.00',
        paid.id,
      ]) {
        expect(part).toContain(shown);
      }
    }
    expect(m.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(m.html).toContain('<h1');
    expect(m.html).toMatch(/<th scope="row"[^>]*>Guests<\/th><td[^>]*>10<\/td>/);
    expect(m.html).not.toContain('manage');
  });

  it('attaches the event as text/calendar with a UID that stays the booking’s', () => {
    const [first, again] = [bookingConfirmed(demoTenant, paid, T0), bookingConfirmed(demoTenant, paid, T0 + 60_000)];
    expect(first.attachments).toEqual([expect.objectContaining({ filename: 'booking.ics', contentType: expect.stringMatching(/^text\/calendar/) })]);
    const uid = (m: typeof first) => m.attachments?.[0]?.content.match(/^UID:(.+)$/m)?.[1];
    expect(uid(first)).toBe(`${paid.id}@teppan`);
    expect(uid(again)).toBe(uid(first));
  });

  it('shows the manage link only when there is one', () => {
    const m = bookingConfirmed(demoTenant, paid, T0, { manageUrl: 'https://example.com/manage.html?token=abc&x=1' });
    expect(m.text).toContain('https://example.com/manage.html?token=abc&x=1');
    expect(m.html).toContain('href="https://example.com/manage.html?token=abc&amp;x=1"');
  });

  it('renders whatever a visitor typed as text, never as markup', () => {
    const question = lead('ld_1');
    const typed = { ...question, name: `Ken ${SCRIPT}`, question: `Do you cater ${SCRIPT}?` };
    const conversation = {
      id: 'cv_1',
      tenantId: 'demo',
      createdAt: T0,
      messages: [{ id: 'm1', role: 'visitor' as const, text: `Hi <img src=x onerror=alert(1)>`, createdAt: new Date(T0).toISOString() }],
    };
    for (const m of [
      bookingConfirmed(demoTenant, paid, T0),
      teamNewBooking(demoTenant, paid, 'team@example.com'),
      teamLead(demoTenant, typed, conversation, 'team@example.com'),
    ]) {
      expect(m.html).not.toContain('<script');
      expect(m.html).not.toContain('<img');
      expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect(teamNewBooking(demoTenant, paid, 'team@example.com').html).toContain('Gate code &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;6&quot;');
    // The text part is the words as typed.
    expect(teamLead(demoTenant, typed, conversation, 'team@example.com').text).toContain(`Ken ${SCRIPT}: Hi <img src=x onerror=alert(1)>`);
  });

  it('queues the confirmation and the team’s notice for a paid deposit, each with its own stable Message-ID; a lead notice to the team', () => {
    const queued = paidBookingMessages(demoTenant, T0)({ booking: paid });
    expect(queued.map((m) => [m.kind, m.to, m.status, m.attempts])).toEqual([
      ['booking-confirmed', 'aiko@example.com', 'queued', 0],
      ['team-new-booking', demoTenant.notifyEmail, 'queued', 0],
    ]);
    for (const m of queued) expect(m.messageId).toBe(`<${m.id}@teppan.mail>`);
    expect(leadMessages(demoTenant, lead('ld_1'), undefined, T0).map((m) => [m.kind, m.to])).toEqual([['team-lead', demoTenant.notifyEmail]]);
    expect(leadMessages({ ...demoTenant, notifyEmail: undefined }, lead('ld_1'), undefined, T0)).toEqual([]);
  });
});
