import { describe, expect, it } from 'vitest';
import type { Translation } from '../../../src/core/i18n';
import { booking, T0 } from '../../../test/support/store-records';
import { languageOf } from '../../domain/language';
import { demoTenant } from '../../tenants';
import { bookingCancelled, bookingConfirmed, reminder } from '../customer';
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
      'Depósito pagado: $120.00',
      'A pagar el día del evento: $480.00',
      'Gestionar su reserva',
    ]) {
      expect(`${m.text}\n${m.html}`).toContain(shown);
    }
    expect(m.text).not.toMatch(/Deposit|Your booking|confirmed/);
    expect(bookingCancelled(demoTenant, { ...spanish, status: 'cancelled' }, 12_000, T0).text).toContain('Le estamos reembolsando su depósito de $120.00');
    const reminded = reminder(demoTenant, spanish);
    expect(reminded.subject).toBe('Recordatorio: miércoles, 3 de marzo de 2027 a las 6:00 p.m., Sakura Hibachi Catering');
    // A sentence never ends on the time's own period.
    expect(reminded.text).not.toContain('p.m..');
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
