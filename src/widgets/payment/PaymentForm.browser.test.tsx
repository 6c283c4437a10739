import type { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Booking, Quote } from '../../contract';
import { addDays, bookableDates, longDate } from '../../core';
import { createTeppanQueryClient } from '../../query';
import { BookingForm, PaymentForm, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), PaymentForm.preload(), BookingForm.preload()]));
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

/**
 * A provider with a funnel of its own (one per scope per page, and the tests share the page): each test's API base
 * differs by its trailing slashes, which requests trim.
 */
let scopes = 0;
function ownScope() {
  const apiBase = '/'.repeat(++scopes);
  return { apiBase, funnelKey: `teppan:funnel:${apiBase}|pk_test_demo` };
}

/** A page with a BookingForm, and then a PaymentForm too (once the booking form is drawn, as the embed's element is there at once). */
function BookingPage({ apiBase, client, withPayment }: { apiBase: string; client: QueryClient; withPayment: boolean }) {
  return (
    <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={client}>
      <BookingForm />
      {withPayment ? <PaymentForm /> : null}
    </TeppanProvider>
  );
}

describe('PaymentForm without a booking', () => {
  it('is a short prompt to book, on the page its bookingUrl names, in a frame as tall as what it shows', async () => {
    const { apiBase } = ownScope();
    render(
      <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={createTeppanQueryClient()}>
        <PaymentForm bookingUrl="/book.html" />
      </TeppanProvider>,
    );
    const form = await screen.findByRole('group', { name: 'Pay your deposit' });
    expect(within(form).getByRole('link', { name: 'Book a seating' })).toHaveAttribute('href', '/book.html');
    expect(form).toHaveTextContent('There is no booking to pay yet.');
    expect(within(form).queryByLabelText('Card number')).toBeNull();
    // Its heading, a line and the link: a few lines, not the card form's reserve.
    expect(form.getBoundingClientRect().height).toBeLessThan(16 * 12);
  });

  it('in Spanish, says the same', async () => {
    const { apiBase } = ownScope();
    render(
      <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={createTeppanQueryClient()}>
        <PaymentForm bookingUrl="/reservar" locale="es" />
      </TeppanProvider>,
    );
    const form = await screen.findByRole('group', { name: 'Paga tu anticipo' });
    expect(within(form).getByRole('link', { name: 'Reservar un horario' })).toHaveAttribute('href', '/reservar');
    expect(form).toHaveTextContent('Aún no hay reservas que pagar.');
    expect(form.textContent).not.toMatch(ENGLISH_UI);
  });

  it('on a page with a BookingForm, points to it; on a page with neither, says what to do first', async () => {
    const { apiBase } = ownScope();
    const client = createTeppanQueryClient();
    const { rerender, unmount } = render(<BookingPage apiBase={apiBase} client={client} withPayment={false} />);
    const bookingForm = await screen.findByRole('group', { name: 'Book your event' });
    rerender(<BookingPage apiBase={apiBase} client={client} withPayment />);
    const form = await screen.findByRole('group', { name: 'Pay your deposit' });
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    await userEvent.click(within(form).getByRole('button', { name: 'Book a seating' }));
    expect(scrolled.mock.contexts).toEqual([bookingForm]);
    scrolled.mockRestore();
    unmount();

    render(
      <TeppanProvider publishableKey="pk_test_demo" apiBase={ownScope().apiBase} queryClient={createTeppanQueryClient()}>
        <PaymentForm />
      </TeppanProvider>,
    );
    const alone = await screen.findByRole('group', { name: 'Pay your deposit' });
    expect(alone).toHaveTextContent('There is no booking to pay yet. Book a seating first.');
    expect(within(alone).queryByRole('button')).toBeNull();
    expect(within(alone).queryByRole('link')).toBeNull();
  });

  it('offers the booking this browser remembers, and opens it when asked, focus handed on to its form', async () => {
    const booking = await holdASeating();
    const { apiBase, funnelKey } = ownScope();
    // What an earlier visit left (its ?booking= link, say).
    localStorage.setItem(funnelKey, JSON.stringify({ quoteId: booking.quoteId, bookingId: booking.id }));
    render(
      <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={createTeppanQueryClient()}>
        <PaymentForm />
      </TeppanProvider>,
    );
    const form = await screen.findByRole('group', { name: 'Pay your deposit' });
    expect(within(form).getByText('Your booking is saved here.')).toBeTruthy();
    expect(within(form).queryByLabelText('Card number')).toBeNull();
    await userEvent.click(within(form).getByRole('button', { name: 'Show your booking' }));
    const number = await within(form).findByLabelText('Card number');
    expect(form.contains(document.activeElement)).toBe(true);
    await userEvent.tab();
    expect(number).toHaveFocus();
  });
});
