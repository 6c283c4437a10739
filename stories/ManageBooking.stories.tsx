import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { manageToken } from '../server/domain/manage-token';
import { createMemoryStore } from '../server/store/memory';
import type { Booking, Payment, Quote } from '../src/contract';
import { addDays, bookableDates } from '../src/core';
import { ManageBooking } from '../src/react';
import { manageArgTypes } from './support/argTypes';
import { demoCatalog } from './support/demo';
import { forgetStory, requestsSeen, storyApi, storyFetch } from './support/storyApi';
import { WidgetDocs } from './support/WidgetDocs';
import { withTeppan } from './support/withTeppan';

const first = bookableDates(demoCatalog, Date.now()).first;

/** A call to the story's reference API (MSW runs it in this tab), as the demo tenant's page would make it. */
async function post<T>(storyId: string, path: string, body: unknown): Promise<T> {
  const res = await storyFetch(storyId, path, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A booking of 12 guests at 6:00 PM, `days` into the bookable window, its deposit paid with the test provider. */
async function payABooking(storyId: string, days: number): Promise<Booking> {
  const date = addDays(first, days);
  const quote = await post<Quote>(storyId, '/api/v1/quotes', { adults: 12, eventDate: date, zip: '90012' });
  const booking = await post<Booking>(storyId, '/api/v1/bookings', {
    slotId: `${date}T18:00`,
    quoteId: quote.id,
    customer: { name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142' },
    address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
  });
  const payment = await post<Payment>(storyId, `/api/v1/bookings/${booking.id}/payments`, {});
  const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
  await post<Payment>(storyId, `/api/v1/payments/${payment.id}/confirm`, { card });
  return booking;
}

/** Each story's manage link token, by story id: a booking paid on the story's own server, and the link its email would carry. */
const tokens = new Map<string, string>();
const tokenOf = (storyId: string): string => {
  const token = tokens.get(storyId);
  if (!token) throw new Error(`No booking was paid for ${storyId}.`);
  return token;
};

type Args = Parameters<typeof ManageBooking>[0];
type Canvas = ReturnType<typeof within>;

/** How far into the bookable window the story's booking is: well outside the policy's 7 days, unless a story says otherwise. */
const DAYS = 20;

/**
 * The booking behind a manage link, from the confirmation email: the booking as it stands, calendar links,
 * "Change date or time" and "Cancel booking" with the refund said first. Each story pays a booking on its
 * own reference API (MSW, a memory store whose secret mints the link, as the email's sender does).
 */
const meta = {
  title: 'Widgets/ManageBooking',
  component: ManageBooking,
  decorators: [withTeppan],
  tags: ['autodocs'],
  argTypes: manageArgTypes,
  parameters: { docs: { page: () => <WidgetDocs widget="manage" label="ManageBooking" /> } },
  args: { onError: fn(), onReady: fn() },
  async beforeEach({ id, msw, parameters }) {
    forgetStory(id);
    // The story's API answers from a store of its own, so the link can be minted with its secret.
    const store = createMemoryStore();
    msw.use(...storyApi(id, { store }));
    await ManageBooking.preload();
    const booking = await payABooking(id, (parameters.daysAhead as number | undefined) ?? DAYS);
    tokens.set(id, await manageToken(store.secret, 'demo', booking.id));
  },
  render: (args: Args, { id }) => <ManageBooking {...args} token={args.token || tokenOf(id)} />,
} satisfies Meta<typeof ManageBooking>;
export default meta;

type Story = StoryObj<typeof meta>;

const changeTo = async (canvas: Canvas, time: string) => {
  await userEvent.click(await canvas.findByRole('button', { name: 'Change date or time' }));
  await userEvent.click(await canvas.findByRole('radio', { name: time }));
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
};

export const Confirmed: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Booking confirmed' })).toBeVisible();
    for (const text of ['6:00 PM', '12 guests', '1 Sakura Way, Los Angeles 90012', '$100.00']) await expect(canvas.getByRole('group')).toHaveTextContent(text);
    await expect(canvas.getByRole('link', { name: 'Calendar file (.ics)' })).toHaveAttribute('download');
    await expect(canvas.getByRole('link', { name: 'Google Calendar' })).toHaveAttribute('href', expect.stringContaining('calendar.google.com'));
    await expect(canvas.getByRole('link', { name: 'Outlook' })).toHaveAttribute('href', expect.stringContaining('outlook.live.com'));
    await expect(args.onReady).toHaveBeenCalled();
    // Opening the link only reads.
    await expect((await requestsSeen(id)).filter((r) => r.path.startsWith('/api/v1/manage') && r.method !== 'GET')).toEqual([]);
  },
};

/** Ends on the seatings, to look at (and check) the step. */
export const ChangeDate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Change date or time' }));
    await expect(canvas.getByRole('heading', { name: 'Change date or time' })).toHaveFocus();
    await expect(await canvas.findByRole('radio', { name: '3:00 PM' })).toBeEnabled();
  },
};

/** Ends on the confirmation: nothing is sent until "Confirm new date". */
export const ConfirmChange: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await changeTo(canvas, '3:00 PM');
    await expect(canvas.getByRole('heading', { name: 'Confirm the new date' })).toHaveFocus();
    await expect(canvas.getByText(/nothing more is charged now/)).toBeVisible();
    await expect((await requestsSeen(id)).filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/manage'))).toEqual([]);
  },
};

export const Moved: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await changeTo(canvas, '3:00 PM');
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm new date' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Booking moved' })).toHaveFocus());
    await expect(canvas.getByRole('status')).toHaveTextContent(/now on .+ at 3:00 PM/);
    const sent = (await requestsSeen(id)).filter((r) => r.method === 'POST' && r.path.endsWith('/reschedule'));
    await expect(sent).toHaveLength(1);
  },
};

/** Ends on the policy and the two buttons, before anything is sent. */
export const ConfirmCancellation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel booking' }));
    await expect(canvas.getByRole('heading', { name: 'Cancel booking' })).toHaveFocus();
    await expect(canvas.getByText('Your $100.00 deposit will be refunded.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Keep my booking' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirm cancellation' })).toBeVisible();
  },
};

export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel booking' }));
    await userEvent.type(canvas.getByLabelText('Reason (optional)'), 'Rain is forecast');
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() => expect(canvas.getByRole('heading', { name: 'Booking cancelled' })).toHaveFocus());
    await expect(canvas.getByText(/We refunded your \$100\.00 deposit/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
  },
};

/** A booking inside the policy's window: what is no longer possible is said, with its date, instead of a button. */
export const CloseToTheEvent: Story = {
  parameters: { daysAhead: 1 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/The date can no longer be changed here/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Change date or time' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel booking' }));
    await expect(canvas.getByText('Your $100.00 deposit is not refundable this close to the event.')).toBeVisible();
  },
};

export const InvalidLink: Story = {
  args: { token: 'A'.repeat(74) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This link is not valid, or has expired.');
    await expect(canvas.queryByRole('button')).toBeNull();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'not_found' }));
  },
};

export const Spanish: Story = {
  args: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Reserva confirmada' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cambiar fecha u hora' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancelar la reserva' })).toBeVisible();
  },
};
