import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Booking, Quote } from '../../contract';
import { addDays, bookableDates, type LogEntry, longDate } from '../../core';
import { createTeppanQueryClient, useFunnel } from '../../query';
import { BookingForm, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), BookingForm.preload()]));
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
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <section aria-label="Open form">
          <BookingForm />
        </section>
        <section aria-label="Pinned form">
          <BookingForm quoteId={pinned.id} draftId="pinned" />
        </section>
        <HandOff quoteId={handed.id} />
      </TeppanProvider>,
    );
    const open = within(screen.getByRole('region', { name: 'Open form' }));
    const pinnedForm = within(screen.getByRole('region', { name: 'Pinned form' }));
    expect(await open.findByText(/Start with a quote/)).toBeTruthy();
    expect(await pinnedForm.findByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Hand off' }));
    expect(await open.findByRole('group', { name: `Seatings on ${longDate(handed.eventDate)}` })).toBeTruthy();
    expect(document.activeElement).toBe(open.getByRole('heading', { name: /Choose a seating/ }));
    expect(pinnedForm.getByRole('group', { name: `Seatings on ${longDate(pinned.eventDate)}` })).toBeTruthy();
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
