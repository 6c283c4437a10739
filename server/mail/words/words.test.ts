import { describe, expect, it } from 'vitest';
import type { Translation } from '../../../src/core/i18n';
import { booking, T0 } from '../../../test/support/store-records';
import { languageOf } from '../../domain/language';
import { demoTenant } from '../../tenants';
import { bookingCancelled, bookingConfirmed, bookingRescheduled, reminder } from '../customer';
import { teamNewBooking } from '../messages';
import type { MailWords } from './en';
import { es } from './es';

const spanish = booking({ status: 'confirmed', paymentId: 'pay_1', paidAt: T0, locale: 'es' });

describe('the customer’s mail in their language', () => {
  it('keeps the language a visitor’s tag names, if the server writes mail in it; English otherwise', () => {
    expect(['es', 'es-MX', 'ES-419', 'en-GB', 'fr', 'español', '', undefined].map(languageOf)).toEqual(['es', 'es', 'es', 'en', 'en', 'en', 'en', 'en']);
  });

  it('writes a Spanish booking’s messages in Spanish: words, dates and money the Spanish way, in the tenant’s zone and currency', () => {
    const m = bookingConfirmed(demoTenant, spanish, T0, { manageUrl: 'https://example.com/manage.html?token=abc' });
    expect(m.subject).toBe('Reserva confirmada: miércoles, 3 de marzo de 2027, Sakura Hibachi Catering');
    expect(m.html).toMatch(/^<!doctype html>\n<html lang="es">/);
    for (const shown of [
      'Fecha del evento: miércoles, 3 de marzo de 2027',
      'Hora: 6:00 p.m. – 8:00 p.m.',
      'Anticipo pagado: $120.00',
      'A pagar el día del evento: $480.00',
      'Gestionar su reserva',
    ]) {
      expect(`${m.text}\n${m.html}`).toContain(shown);
    }
    expect(m.text).not.toMatch(/Deposit|Your booking|confirmed/);
    expect(bookingCancelled(demoTenant, { ...spanish, status: 'cancelled' }, 12_000, T0).text).toContain('Le estamos reembolsando su anticipo de $120.00');
    const reminded = reminder(demoTenant, spanish);
    expect(reminded.subject).toBe('Recordatorio: miércoles, 3 de marzo de 2027 a las 6:00 p.m., Sakura Hibachi Catering');
    // A sentence never ends on the time's own period.
    expect(reminded.text).not.toContain('p.m..');
  });

  it('writes the attached calendar file in the booking’s language too, the rest of the event as in English (UID, SEQUENCE, METHOD, status)', () => {
    const english = { ...spanish, locale: 'en' as const };
    const moved = (b: typeof spanish) => ({ ...b, slotId: '2027-03-05T18:00', start: b.start + 2 * 86_400_000, reschedules: 1, rescheduledAt: T0 });
    const cancelled = (b: typeof spanish) => ({ ...b, status: 'cancelled' as const, cancelledAt: T0 });
    const files = (b: typeof spanish) =>
      [bookingConfirmed(demoTenant, b, T0), bookingRescheduled(demoTenant, moved(b), b, T0), bookingCancelled(demoTenant, cancelled(b), 12_000, T0)].map(
        (m) => ({ type: m.attachments?.[0]?.contentType, lines: (m.attachments?.[0]?.content ?? '').replace(/\r\n /g, '').split('\r\n') }),
      );
    const said = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
    const [es, en] = [files(spanish), files(english)];
    const reference = spanish.id;
    expect(es.map((f) => [said(f.lines, 'SUMMARY'), said(f.lines, 'DESCRIPTION')])).toEqual([
      [
        'Fiesta hibachi con Sakura Hibachi Catering',
        `10 invitados. Referencia de la reserva ${reference}.\\nAnticipo de $120.00 pagado\\; quedan $480.00 por pagar.\\nTotal del evento: $600.00.`,
      ],
      [
        'Fiesta hibachi con Sakura Hibachi Catering',
        `10 invitados. Referencia de la reserva ${reference}.\\nAnticipo de $120.00 pagado\\; quedan $480.00 por pagar.\\nTotal del evento: $600.00.`,
      ],
      ['Fiesta hibachi con Sakura Hibachi Catering', `10 invitados. Referencia de la reserva ${reference}.\\nCancelada.\\nTotal del evento: $600.00.`],
    ]);
    // English, as it was before the calendar spoke Spanish.
    expect(en.map((f) => [said(f.lines, 'SUMMARY'), said(f.lines, 'DESCRIPTION')])).toEqual([
      [
        'Hibachi party with Sakura Hibachi Catering',
        `10 guests. Booking reference ${reference}.\\nDeposit of $120.00 paid\\; $480.00 left to pay.\\nEvent total $600.00.`,
      ],
      [
        'Hibachi party with Sakura Hibachi Catering',
        `10 guests. Booking reference ${reference}.\\nDeposit of $120.00 paid\\; $480.00 left to pay.\\nEvent total $600.00.`,
      ],
      ['Hibachi party with Sakura Hibachi Catering', `10 guests. Booking reference ${reference}.\\nCancelled.\\nEvent total $600.00.`],
    ]);
    // Only the words differ: every other line (METHOD, UID, SEQUENCE, STATUS, the times) is the English file's, and so is the attachment's type.
    const rest = (f: (typeof es)[number]) => [f.type, ...f.lines.filter((l) => !/^(SUMMARY|DESCRIPTION):/.test(l))];
    expect(es.map(rest)).toEqual(en.map(rest));
    expect(es.map((f) => [said(f.lines, 'METHOD'), said(f.lines, 'SEQUENCE')])).toEqual([
      ['PUBLISH', '0'],
      ['PUBLISH', '1'],
      ['CANCEL', '1'],
    ]);
  });

  it('keeps the business’s notice in English, saying the customer’s language', () => {
    const notice = teamNewBooking(demoTenant, spanish, 'team@example.com');
    expect(notice.subject).toBe('New booking: Aiko Tanaka, Wednesday, March 3, 2027');
    expect(notice.text).toContain('Language: Spanish');
    expect(notice.html).toMatch(/<html lang="en">/);
  });
});

// Catalogs that do not match English fail to compile: the build is the check.
const { 'row.date': _, ...missing } = es;
// @ts-expect-error a missing key
missing satisfies Translation<MailWords>;
// @ts-expect-error an extra key
({ ...es, extra: 'x' }) satisfies Translation<MailWords>;
