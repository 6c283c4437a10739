import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Booking, Quote } from '../../contract';
import { addDays, bookableDates, type LogEntry, longDate } from '../../core';
import { createTeppanQueryClient, useFunnel } from '../../query';
import { BookingForm, QuoteCalculator, TeppanProvider } from '../../react';

// The widgets' code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), BookingForm.preload(), QuoteCalculator.preload()]));
afterAll(() => worker.stop());
beforeEach(() => {
  localStorage.clear();
  freshReferenceApi();
});

const first = bookableDates(demoTenant.catalog, Date.now()).first;

async function makeQuote(eventDate: string): Promise<Quote> {
  const res = await fetch('/api/v1/quotes', {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' },
    body: JSON.stringify({ adults: 12, eventDate, zip: '90012' }),
  });
  return (await res.json()) as Quote;
}

/**
 * A provider with a funnel of its own: there is one per scope (API base and key) per page, and every test here
 * shares the page. Trailing slashes make each API base distinct and are trimmed from requests.
 */
let tests = 0;
function Provider({ children }: { children: React.ReactNode }) {
  const [apiBase] = useState(() => '/'.repeat(++tests));
  return (
    <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={createTeppanQueryClient()}>
      {children}
    </TeppanProvider>
  );
}

/** What a quote calculator does on "Book this quote", without the calculator. */
function HandOff({ quoteId }: { quoteId: string }) {
  const { handOff } = useFunnel();
  return (
    <button type="button" onClick={() => handOff({ quoteId })}>
      Hand off
    </button>
  );
}

describe('BookingForm and the funnel', () => {
  it('takes a quote handed off on the page and brings its first step into focus; a form pinned to its own quote keeps it', async () => {
    const [handed, pinned] = [await makeQuote(addDays(first, 10)), await makeQuote(addDays(first, 20))];
    render(
      <Provider>
        <section aria-label="Open form">
          <BookingForm />
        </section>
        <section aria-label="Pinned form">
          <BookingForm quoteId={pinned.id} draftId="pinned" />
        </section>
        <HandOff quoteId={handed.id} />
      </Provider>,
    );
    const open = within(screen.getByRole('region', { name: 'Open form' }));
    const pinnedForm = within(screen.getByRole('region', { name: 'Pinned form' }));
    expect(await open.findByLabelText('Adults')).toBeTruthy();
    expect(await pinnedForm.findByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Hand off' }));
    expect(await open.findByRole('group', { name: `Seatings on ${longDate(handed.eventDate)}` })).toBeTruthy();
    expect(document.activeElement).toBe(open.getByRole('heading', { name: /Choose a seating/ }));
    expect(pinnedForm.getByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();
  });
});

/** A page whose booking form may have a calculator beside it. */
function Page({ withCalculator }: { withCalculator: boolean }) {
  return (
    <>
      {withCalculator ? <QuoteCalculator /> : null}
      <section aria-label="Booking">
        <BookingForm />
      </section>
    </>
  );
}

/** Fills the calculator in `scope` and waits for the server's quote. */
async function getQuote(scope: ReturnType<typeof within>, eventDate: string) {
  await userEvent.type(scope.getByLabelText('Event date'), eventDate);
  await userEvent.type(scope.getByLabelText('ZIP code'), '90012');
  expect(await scope.findByRole('heading', { name: 'Your quote' })).toBeTruthy();
}

describe('BookingForm without a quote', () => {
  it('on a page with no calculator, starts at the calculator in place and goes on to the seatings there', async () => {
    const onQuote = vi.fn();
    const date = addDays(first, 12);
    render(
      <Provider>
        <section aria-label="Booking">
          <BookingForm onQuote={onQuote} />
        </section>
      </Provider>,
    );
    const booking = within(screen.getByRole('region', { name: 'Booking' }));
    expect(await booking.findByLabelText('Adults')).toBeTruthy();
    // Its headings nest under the form's own.
    expect(booking.getByRole('heading', { level: 2, name: 'Book your event' })).toBeTruthy();
    expect(booking.getByRole('heading', { level: 3, name: 'Start with a quote' })).toBeTruthy();
    expect(booking.getByRole('heading', { level: 4, name: 'Your estimate' })).toBeTruthy();
    await getQuote(booking, date);
    await userEvent.click(booking.getByRole('button', { name: 'Book this quote' }));

    expect(await booking.findByRole('group', { name: `Seatings on ${longDate(date)}` })).toBeTruthy();
    expect(document.activeElement).toBe(booking.getByRole('heading', { name: /Choose a seating/ }));
    expect(booking.queryByLabelText('Adults')).toBeNull();
    expect(onQuote).toHaveBeenCalledWith(expect.objectContaining({ eventDate: date }));
  });

  it('on a page with a calculator, is a short prompt that grows into the seatings when that calculator hands a quote over', async () => {
    const date = addDays(first, 13);
    render(
      <Provider>
        <section aria-label="Quote">
          <QuoteCalculator />
        </section>
        <section aria-label="Booking">
          <BookingForm quoteUrl="#quote" />
        </section>
      </Provider>,
    );
    const booking = within(screen.getByRole('region', { name: 'Booking' }));
    expect((await booking.findByRole('link', { name: 'Get a quote' })).getAttribute('href')).toBe('#quote');
    expect(booking.queryByLabelText('Adults')).toBeNull();
    // Only as tall as what it shows: a heading, a sentence and a button.
    expect(screen.getByRole('region', { name: 'Booking' }).getBoundingClientRect().height).toBeLessThan(16 * 15);

    const calculator = within(screen.getByRole('region', { name: 'Quote' }));
    await getQuote(calculator, date);
    await userEvent.click(calculator.getByRole('button', { name: 'Book this quote' }));
    expect(await booking.findByRole('group', { name: `Seatings on ${longDate(date)}` })).toBeTruthy();
    expect(document.activeElement).toBe(booking.getByRole('heading', { name: /Choose a seating/ }));
  });

  it('follows the page: a calculator mounted later turns the calculator in place into the prompt, and back when it goes', async () => {
    const { rerender } = render(<Page withCalculator={false} />, { wrapper: Provider });
    const booking = within(screen.getByRole('region', { name: 'Booking' }));
    expect(await booking.findByLabelText('Adults')).toBeTruthy();
    rerender(<Page withCalculator />);
    expect(await booking.findByRole('button', { name: 'Get a quote' })).toBeTruthy();
    expect(booking.queryByLabelText('Adults')).toBeNull();
    rerender(<Page withCalculator={false} />);
    expect(await booking.findByLabelText('Adults')).toBeTruthy();
  });

  it('offers a booking remembered from an earlier visit, and opens it when asked, focus on its step', async () => {
    const remembered = await makeQuote(addDays(first, 14));
    // What an earlier visit left: the funnel's quote (for the scope of the next test's provider).
    localStorage.setItem(`teppan:funnel:${'/'.repeat(tests + 1)}|pk_test_demo`, JSON.stringify({ quoteId: remembered.id, bookingId: null }));
    render(
      <Provider>
        <QuoteCalculator />
        <section aria-label="Booking">
          <BookingForm />
        </section>
      </Provider>,
    );
    const booking = within(screen.getByRole('region', { name: 'Booking' }));
    await userEvent.click(await booking.findByRole('button', { name: 'Continue your booking' }));
    expect(await booking.findByRole('group', { name: `Seatings on ${longDate(remembered.eventDate)}` })).toBeTruthy();
    expect(document.activeElement).toBe(booking.getByRole('heading', { name: /Choose a seating/ }));
  });
});

describe('BookingForm and the page’s callbacks', () => {
  it('a booking whose onBookingCreated throws is still shown as made, and the throw is logged, never reported as a failure', async () => {
    const quote = await makeQuote(addDays(first, 5));
    const logs: LogEntry[] = [];
    const made: Booking[] = [];
    const failures: unknown[] = [];
    const thrown = new Error('The page’s analytics failed');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} onLog={(e) => logs.push(e)}>
        <BookingForm
          quoteId={quote.id}
          payDeposit={false}
          onError={(e) => failures.push(e)}
          onBookingCreated={(booking) => {
            made.push(booking);
            throw thrown;
          }}
        />
      </TeppanProvider>,
    );
    await userEvent.click(await screen.findByRole('radio', { name: '6:00 PM' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await userEvent.type(await screen.findByLabelText('Street address'), '1 Sakura Way');
    await userEvent.type(screen.getByLabelText('City'), 'Los Angeles');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await userEvent.type(await screen.findByLabelText('Name'), 'Callback Test');
    await userEvent.type(screen.getByLabelText('Email'), 'callback@example.com');
    await userEvent.type(screen.getByLabelText('Phone'), '+1 213 555 0100');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm booking' }));

    expect(await screen.findByRole('heading', { name: 'Booking received' })).toBeTruthy();
    expect(made).toHaveLength(1);
    expect(screen.getByText(made[0]?.id ?? 'no booking')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // Nor is the page told of a failure: nothing failed.
    expect(failures).toEqual([]);
    expect(logs.filter((e) => e.type === 'callback-error')).toEqual([{ type: 'callback-error', callback: 'onBookingCreated', error: thrown }]);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('onBookingCreated'), thrown);
    // The draft on this device says the booking was made: a reload shows it, never sends it again.
    expect(JSON.parse(localStorage.getItem('teppan:booking-draft:|pk_test_demo') ?? '{}')).toMatchObject({ bookingId: made[0]?.id, pending: null });
    consoleError.mockRestore();
  });
});

describe('BookingForm in Spanish', () => {
  /** English a visitor could meet on these steps: none of it may show. */
  const ENGLISH_UI =
    /Book your event|Choose a seating|Seatings on|Street address|\bCity\b|ZIP code|Contact details|\bName\b|\bEmail\b|\bPhone\b|\bContinue\b|\bBack\b|Confirm booking|Booking received|Card number|Pay deposit|declined/;
  const noEnglish = (scope: HTMLElement) => expect(scope.textContent ?? '').not.toMatch(ENGLISH_UI);

  it('speaks Spanish with its locale prop: the glossary’s labels, Spanish checks beside their fields, a Spanish decline in the deposit form in place', async () => {
    const date = addDays(first, 8);
    const quote = await makeQuote(date);
    render(
      <Provider>
        <section aria-label="Reserva">
          <BookingForm quoteId={quote.id} locale="es" />
        </section>
      </Provider>,
    );
    const form = within(screen.getByRole('region', { name: 'Reserva' }));
    // The first Spanish render also fetches the form's Spanish words: a cold transform on a fresh clone takes more than a second.
    const seatings = await form.findByRole('group', { name: `Horarios del ${longDate(date, 'es')}` }, { timeout: 5000 });
    expect(form.getByRole('heading', { level: 2, name: 'Reserva tu evento' })).toBeTruthy();
    // Times in the tenant's zone, written the Spanish way.
    expect(await within(seatings).findByRole('radio', { name: '18:00' })).toBeTruthy();
    // The shared seating picker speaks the form's language, its calendar too.
    expect(form.getByRole('button', { name: 'Mes siguiente' })).toBeTruthy();
    expect(form.getByRole('button', { pressed: true })).toHaveAccessibleName(new RegExp(`^${longDate(date, 'es')}: \\d+ horarios? libres?$`));
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));
    expect(seatings).toHaveAccessibleDescription('Elige un horario.');
    noEnglish(screen.getByRole('region', { name: 'Reserva' }));

    await userEvent.click(within(seatings).getByRole('radio', { name: '18:00' }));
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));
    const street = await form.findByLabelText('Dirección');
    expect(form.getByLabelText('Ciudad')).toBeTruthy();
    expect(form.getByLabelText('Código postal')).toHaveValue('90012');
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));
    expect(street).toHaveAccessibleDescription('Escribe la dirección.');
    expect(street).toHaveFocus();
    await userEvent.type(street, '1 Sakura Way');
    await userEvent.type(form.getByLabelText('Ciudad'), 'Los Ángeles');
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));

    const email = await form.findByLabelText('Correo electrónico');
    await userEvent.type(form.getByLabelText('Nombre'), 'Ana López');
    await userEvent.type(email, 'ana@');
    await userEvent.type(form.getByLabelText('Teléfono'), '(213) 555-0142');
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));
    expect(email).toHaveAccessibleDescription('Escribe un correo electrónico como nombre@ejemplo.com.');
    noEnglish(screen.getByRole('region', { name: 'Reserva' }));
    await userEvent.type(email, 'example.com');
    await userEvent.click(form.getByRole('button', { name: 'Continuar' }));

    // The review: the quote's lines from what they are, with Spanish plurals; dollars the Spanish way.
    expect(await form.findByRole('heading', { name: /Revisa y confirma/ })).toBeTruthy();
    expect(form.getByRole('row', { name: (name) => name.replace(/\s/g, ' ') === '12 adultos $720.00' })).toBeTruthy();
    await userEvent.click(form.getByRole('button', { name: 'Confirmar reserva' }));

    expect(await form.findByRole('heading', { name: 'Reserva recibida' })).toBeTruthy();
    expect(form.getByText(/para 12 invitados/)).toBeTruthy();
    await userEvent.type(await form.findByLabelText('Número de tarjeta'), '4000000000000002');
    await userEvent.type(form.getByLabelText('Fecha de vencimiento'), '1234');
    await userEvent.type(form.getByLabelText('Código de seguridad'), '123');
    await userEvent.type(form.getByLabelText('Código postal'), '90012');
    await userEvent.click(form.getByRole('button', { name: 'Pagar anticipo' }));
    expect(await form.findByRole('alert')).toHaveTextContent(
      'Tu tarjeta fue rechazada. No se cobró nada. Prueba con otra tarjeta o pregunta a tu banco el motivo.',
    );
    noEnglish(screen.getByRole('region', { name: 'Reserva' }));
  });

  it('the calculator it starts with speaks the form’s language, whatever the page’s', async () => {
    render(
      <Provider>
        <section aria-label="Reserva">
          <BookingForm locale="es" />
        </section>
      </Provider>,
    );
    const form = within(screen.getByRole('region', { name: 'Reserva' }));
    expect(await form.findByLabelText('Adultos')).toBeTruthy();
    expect(form.getByRole('heading', { level: 3, name: 'Empieza con una cotización' })).toBeTruthy();
    expect(form.getByLabelText('Fecha del evento')).toBeTruthy();
    expect(form.queryByText(/Adults|Event date|Book this quote/)).toBeNull();
  });
});
