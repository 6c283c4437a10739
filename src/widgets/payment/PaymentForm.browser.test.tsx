import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Booking, Quote } from '../../contract';
import { addDays, bookableDates, longDate } from '../../core';
import { createTeppanQueryClient } from '../../query';
import { PaymentForm, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), PaymentForm.preload()]));
afterAll(() => worker.stop());
beforeEach(() => {
  localStorage.clear();
  freshReferenceApi();
});

const date = addDays(bookableDates(demoTenant.catalog, Date.now()).first, 9);

async function post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** A seating held for one adult (the event minimum prices it), its deposit unpaid. */
async function holdASeating(): Promise<Booking> {
  const quote = await post<Quote>('/api/v1/quotes', { adults: 1, eventDate: date, zip: '90012' });
  return post<Booking>(
    '/api/v1/bookings',
    {
      slotId: `${date}T18:00`,
      quoteId: quote.id,
      customer: { name: 'Ana López', email: 'ana@example.com', phone: '(213) 555-0142' },
      address: { line1: '1 Sakura Way', city: 'Los Ángeles', zip: '90012' },
    },
    crypto.randomUUID(),
  );
}

const ENGLISH_UI = /Pay your deposit|Card number|Expiration date|Security code|Postal code|Pay deposit|held for|Test mode|declined|Nothing was charged|guest/;

describe('PaymentForm in Spanish', () => {
  it('speaks Spanish with its locale prop: labels, the hold in the tenant’s zone and Spanish plurals, checks beside the fields, a decline', async () => {
    const booking = await holdASeating();
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <PaymentForm bookingId={booking.id} locale="es" />
      </TeppanProvider>,
    );
    const form = await screen.findByRole('group', { name: 'Paga tu anticipo' });
    const number = await within(form).findByLabelText('Número de tarjeta');
    // One guest is singular; the seating's day and time in Spanish, the deposit in dollars the Spanish way.
    expect(form).toHaveTextContent(`Paga el anticipo de $100.00 para confirmar tu evento del ${longDate(date, 'es')} a las 18:00 para 1 invitado.`);
    expect(within(form).getByRole('timer')).toHaveTextContent(/Tu horario está apartado durante 1[45]:\d\d\./);
    expect(form.textContent).not.toMatch(ENGLISH_UI);

    await userEvent.type(number, '4242424242424241');
    await userEvent.click(within(form).getByRole('button', { name: 'Pagar anticipo' }));
    expect(number).toHaveAccessibleDescription('El número de tu tarjeta no es válido.');
    expect(within(form).getByLabelText('Fecha de vencimiento')).toHaveAccessibleDescription('Escribe la fecha de vencimiento.');
    expect(within(form).getByLabelText('Código de seguridad')).toHaveAccessibleDescription('Escribe el código de seguridad.');
    expect(within(form).getByLabelText('Código postal')).toHaveAccessibleDescription('Escribe el código postal.');
    expect(number).toHaveFocus();

    await userEvent.clear(number);
    await userEvent.type(number, '4000000000009995');
    await userEvent.type(within(form).getByLabelText('Fecha de vencimiento'), '1234');
    await userEvent.type(within(form).getByLabelText('Código de seguridad'), '123');
    await userEvent.type(within(form).getByLabelText('Código postal'), '90012');
    await userEvent.click(within(form).getByRole('button', { name: 'Pagar anticipo' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Tu tarjeta fue rechazada por fondos insuficientes. No se cobró nada. Prueba con otra tarjeta.',
    );
    expect(form.textContent).not.toMatch(ENGLISH_UI);

    // Paid: the receipt in Spanish.
    await userEvent.clear(number);
    await userEvent.type(number, '4242424242424242');
    await userEvent.click(within(form).getByRole('button', { name: 'Pagar anticipo' }));
    expect(await within(form).findByRole('heading', { name: 'Anticipo pagado' })).toBeTruthy();
    expect(within(form).getByText('Visa terminada en 4242')).toBeTruthy();
    expect(within(form).getByRole('link', { name: 'Añadir al calendario' })).toBeTruthy();
  });

  it('English stays English: the page decides, not the browser', async () => {
    const booking = await holdASeating();
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <PaymentForm bookingId={booking.id} />
      </TeppanProvider>,
    );
    const form = await screen.findByRole('group', { name: 'Pay your deposit' });
    expect(await within(form).findByLabelText('Card number')).toBeTruthy();
    expect(form).toHaveTextContent('for 1 guest.');
  });
});
