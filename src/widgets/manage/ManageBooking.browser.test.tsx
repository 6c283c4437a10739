import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manageToken } from '../../../server/domain/manage-token';
import { createMemoryStore } from '../../../server/store/memory';
import type { Store } from '../../../server/store/types';
import { demoTenant } from '../../../server/tenants';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import type { Booking, ManageView, Payment, Quote } from '../../contract';
import { addDays, bookableDates, longDate } from '../../core';
import { createTeppanQueryClient } from '../../query';
import { ManageBooking, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), ManageBooking.preload()]));
afterAll(() => worker.stop());

let store: Store;
beforeEach(() => {
  localStorage.clear();
  // A store of the test's own: its secret mints the links, as the confirmation email does.
  store = createMemoryStore();
  freshReferenceApi({ store });
});

const first = bookableDates(demoTenant.catalog, Date.now()).first;
const auth = { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' };
const post = async <T,>(path: string, body: unknown, key = true): Promise<T> => {
  const res = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: { ...auth, ...(key && { 'idempotency-key': crypto.randomUUID() }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** A booking of 12 guests at 6:00 PM, `days` into the bookable window, its deposit paid; and its manage link's token. */
async function paidBooking(days: number): Promise<{ booking: Booking; token: string }> {
  const date = addDays(first, days);
  const quote = await post<Quote>('/quotes', { adults: 12, eventDate: date, zip: '90012' }, false);
  const booking = await post<Booking>('/bookings', {
    slotId: `${date}T18:00`,
    quoteId: quote.id,
    customer: { name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142' },
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
  });
  const payment = await post<Payment>(`/bookings/${booking.id}/payments`, {});
  await post(`/payments/${payment.id}/confirm`, { card: { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' } });
  return { booking: { ...booking, paymentId: payment.id }, token: await manageToken(store.secret, 'demo', booking.id) };
}

/** The server's view of the link: what the widget should now show. */
const serverView = async (token: string) => (await (await fetch(`/api/v1/manage/${token}?key=pk_test_demo`)).json()) as ManageView;
const seen = async () =>
  ((await (await fetch('/__chaos/requests')).json()) as { requests: { method: string; path: string; idempotencyKey?: string }[] }).requests;

let tests = 0;
/** A provider of its own per test (trailing slashes make each API base distinct), so no test reads another's cache. */
function Provider({ children }: { children: React.ReactNode }) {
  const [apiBase] = useState(() => '/'.repeat(++tests));
  return (
    <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase} queryClient={createTeppanQueryClient()} retry={{ baseDelayMs: 20 }}>
      {children}
    </TeppanProvider>
  );
}

describe('ManageBooking', () => {
  it('shows the booking as it stands, with calendar links and what may be done, and opening it sends nothing but reads', async () => {
    const { booking, token } = await paidBooking(20);
    render(
      <Provider>
        <ManageBooking token={token} />
      </Provider>,
    );
    const widget = await screen.findByRole('group', { name: 'Your booking' });
    expect(await within(widget).findByRole('heading', { name: 'Booking confirmed' })).toBeTruthy();
    for (const text of [longDate(booking.slotId.slice(0, 10)), '6:00 PM', '12 guests', '1 Sakura Way, Los Angeles 90012', '$100.00', booking.id]) {
      expect(widget.textContent).toContain(text);
    }
    expect(within(widget).getByRole('link', { name: 'Calendar file (.ics)' }).getAttribute('href')).toMatch(
      new RegExp(`/bookings/${booking.id}/calendar\\.ics\\?key=pk_test_demo$`),
    );
    const google = new URL(within(widget).getByRole('link', { name: 'Google Calendar' }).getAttribute('href') ?? '');
    const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const start = Date.parse(booking.start);
    expect(google.searchParams.get('dates')).toBe(`${utc(start)}/${utc(start + demoTenant.catalog.booking.eventMinutes * 60_000)}`);
    expect(google.searchParams.get('location')).toBe('1 Sakura Way, Los Angeles 90012');
    expect(within(widget).getByRole('link', { name: 'Outlook' }).getAttribute('href')).toContain('startdt=');
    expect(within(widget).getByRole('button', { name: 'Change date or time' })).toBeTruthy();
    expect(within(widget).getByRole('button', { name: 'Cancel booking' })).toBeTruthy();
    expect((await seen()).filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v1/manage'))).toEqual([]);
  });

  it('moves the booking to another seating after a confirmation, focus on each step’s heading, once however the answer is lost', async () => {
    const { booking, token } = await paidBooking(20);
    render(
      <Provider>
        <ManageBooking token={token} />
      </Provider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Change date or time' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Change date or time' }));
    // The booking's own seating is not a change.
    await userEvent.click(await screen.findByRole('radio', { name: '6:00 PM' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('That is your booking’s seating now. Choose another one to change to.')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '3:00 PM' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Confirm the new date' }));
    expect(screen.getByText(/nothing more is charged now/)).toBeTruthy();
    // Nothing is sent until the confirmation; then its first answer is lost after the change is made.
    expect((await seen()).filter((r) => r.method === 'POST' && r.path.includes('/manage/'))).toEqual([]);
    await fetch('/__chaos', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ method: 'POST', path: '/api/v1/manage/*', drop: true, times: 1 }]),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Confirm new date' }));
    const done = await screen.findByRole('heading', { name: 'Booking moved' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByRole('status').textContent).toContain('3:00 PM');
    expect(screen.getByText('Time').nextElementSibling?.textContent).toBe('3:00 PM');
    const sent = (await seen()).filter((r) => r.method === 'POST' && r.path.endsWith('/reschedule'));
    expect(sent.length).toBeGreaterThan(1);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
    const now = await serverView(token);
    expect(now.booking).toMatchObject({ id: booking.id, slotId: `${booking.slotId.slice(0, 10)}T15:00`, status: 'confirmed', paymentId: booking.paymentId });
  });

  it('says so when the seating filled meanwhile, and shows it full among fresh seatings', async () => {
    const { booking, token } = await paidBooking(20);
    const day = booking.slotId.slice(0, 10);
    render(
      <Provider>
        <ManageBooking token={token} />
      </Provider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Change date or time' }));
    await userEvent.click(await screen.findByRole('radio', { name: '12:00 PM' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    // Three other parties take the three chef teams of 12:00 PM.
    for (const name of ['B One', 'B Two', 'B Three'])
      await post('/bookings', {
        slotId: `${day}T12:00`,
        quoteId: (await post<Quote>('/quotes', { adults: 12, eventDate: day, zip: '90012' }, false)).id,
        customer: { name, email: 'b@example.com', phone: '(213) 555-0100' },
        address: { line1: '2 Elm St', city: 'Los Angeles', zip: '90012' },
      });
    await userEvent.click(screen.getByRole('button', { name: 'Confirm new date' }));
    expect(await screen.findByText('Sorry, that seating has just filled up. Choose another one.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Change date or time' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '12:00 PM' })).toHaveProperty('disabled', true));
    expect((await serverView(token)).booking.slotId).toBe(booking.slotId);
  });

  it('shows the refund before cancelling; "Keep my booking" sends nothing; "Confirm cancellation" cancels and refunds once', async () => {
    const { booking, token } = await paidBooking(20);
    render(
      <Provider>
        <ManageBooking token={token} />
      </Provider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Cancel booking' }));
    expect(screen.getByText('Your $100.00 deposit will be refunded.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Keep my booking' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Booking confirmed' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel booking' }));
    await userEvent.type(screen.getByLabelText('Reason (optional)'), 'We moved the party indoors');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm cancellation' }));
    const done = await screen.findByRole('heading', { name: 'Booking cancelled' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.getByText(/We refunded your \$100\.00 deposit/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change date or time' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
    expect((await serverView(token)).booking).toMatchObject({ id: booking.id, status: 'cancelled' });
    expect((await seen()).filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toHaveLength(1);
  });

  it('close to the event: says why the date can no longer change and that the deposit is kept', async () => {
    const { token } = await paidBooking(1);
    render(
      <Provider>
        <ManageBooking token={token} />
      </Provider>,
    );
    expect(await screen.findByText(/The date can no longer be changed here: changes were possible until/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change date or time' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel booking' }));
    expect(screen.getByText('Your $100.00 deposit is not refundable this close to the event.')).toBeTruthy();
  });

  it('a wrong link says so, in words, and nothing else; no link at all says where to find it', async () => {
    render(
      <Provider>
        <section aria-label="Wrong">
          <ManageBooking token={'A'.repeat(74)} />
        </section>
        <section aria-label="None">
          <ManageBooking />
        </section>
      </Provider>,
    );
    const wrong = within(screen.getByRole('region', { name: 'Wrong' }));
    expect((await wrong.findByRole('alert')).textContent).toContain('This link is not valid, or has expired.');
    expect(wrong.queryByRole('button')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'None' })).getByText(/Open that link to see yours/)).toBeTruthy();
  });

  it('speaks Spanish', async () => {
    const { token } = await paidBooking(20);
    render(
      <Provider>
        <ManageBooking token={token} locale="es" />
      </Provider>,
    );
    expect(await screen.findByRole('heading', { name: 'Reserva confirmada' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Tu reserva' }).textContent).toContain('12 invitados');
    await userEvent.click(screen.getByRole('button', { name: 'Cancelar la reserva' }));
    expect(screen.getByText('Te devolveremos tu anticipo de $100.00.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Confirmar la cancelación' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mantener mi reserva' })).toBeTruthy();
  });
});
