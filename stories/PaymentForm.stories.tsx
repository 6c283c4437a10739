import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Booking, Payment, Quote } from '../src/contract';
import { addDays, bookableDates } from '../src/core';
import { PaymentForm } from '../src/react';
import { paymentArgTypes } from './support/argTypes';
import { enterCard } from './support/card';
import { demoCatalog } from './support/demo';
import { arm, disarm, forgetStory, requestsSeen, storyFetch } from './support/storyApi';
import { WidgetDocs } from './support/WidgetDocs';
import { withTeppan } from './support/withTeppan';

const date = addDays(bookableDates(demoCatalog, Date.now()).first, 10);
const HOLD_MS = 15 * 60_000;

/** A call to the story's reference API (MSW runs it in this browser tab), as the demo tenant's page would make it. */
async function post<T>(storyId: string, path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const res = await storyFetch(storyId, path, {
    method: 'POST',
    headers: {
      authorization: 'Bearer pk_test_demo',
      'content-type': 'application/json',
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A booking held for 15 minutes, its deposit not yet paid. */
async function holdASeating(storyId: string): Promise<Booking> {
  const quote = await post<Quote>(storyId, '/api/v1/quotes', { adults: 12, eventDate: date, zip: '90012' });
  return post<Booking>(
    storyId,
    '/api/v1/bookings',
    {
      slotId: `${date}T18:00`,
      quoteId: quote.id,
      customer: { name: 'Ann Lee', email: 'ann@example.com', phone: '(213) 555-0142' },
      address: { line1: '1 Sakura Way', city: 'Los Angeles', zip: '90012' },
    },
    crypto.randomUUID(),
  );
}

/** What reached the story's server, to count charges from its side. */
const seen = async (storyId: string, method: string, path: RegExp) => (await requestsSeen(storyId)).filter((r) => r.method === method && path.test(r.path));

type Canvas = ReturnType<typeof within>;

async function payWith(canvas: Canvas, number: string) {
  await enterCard(canvas, number);
  await userEvent.click(canvas.getByRole('button', { name: 'Pay deposit' }));
}

type Args = Parameters<typeof PaymentForm>[0];

/** Each story's held booking, by story id (made fresh for each, on its own in-browser server). */
const bookings = new Map<string, Booking>();
const bookingOf = (storyId: string): Booking => {
  const booking = bookings.get(storyId);
  if (!booking) throw new Error(`No booking was held for ${storyId}.`);
  return booking;
};

/** Pays a held booking's deposit with the reference API's test provider, then shows the receipt. */
const meta = {
  title: 'Widgets/PaymentForm',
  component: PaymentForm,
  decorators: [withTeppan],
  tags: ['autodocs'],
  argTypes: paymentArgTypes,
  parameters: { docs: { page: () => <WidgetDocs widget="payment" label="PaymentForm" /> } },
  args: { onPaymentSucceeded: fn(), onError: fn(), onReady: fn() },
  async beforeEach({ id }) {
    // No payment attempt or funnel hand-off from an earlier run of the story.
    forgetStory(id);
    // The widget's code first: a cold Vite transform under load must not eat the play function's waits.
    await PaymentForm.preload();
    bookings.set(id, await holdASeating(id));
  },
  render: (args: Args, { id }) => <PaymentForm {...args} bookingId={args.bookingId || bookingOf(id).id} />,
} satisfies Meta<typeof PaymentForm>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Card number')).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Pay your deposit' })).toHaveTextContent(/Pay the \$\d+\.\d\d deposit to confirm your event/);
    await expect(canvas.getByRole('timer')).toHaveTextContent(/held for 1[45]:\d\d/);
    for (const label of ['Card number', 'Expiration date', 'Security code', 'Postal code']) await expect(canvas.getByLabelText(label)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Pay deposit' })).toBeEnabled();
    // Formatted as typed, the way it is printed on the card.
    await userEvent.type(canvas.getByLabelText('Card number'), '4242424242424242');
    await expect(canvas.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    await userEvent.type(canvas.getByLabelText('Expiration date'), '1234');
    await expect(canvas.getByLabelText('Expiration date')).toHaveValue('12 / 34');
    await expect(args.onReady).toHaveBeenCalled();
  },
};

export const InvalidCard: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    // A number that fails its check digit, and a card that expired in January 2020.
    await userEvent.type(await canvas.findByLabelText('Card number'), '4242424242424241');
    await userEvent.type(canvas.getByLabelText('Expiration date'), '0120');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay deposit' }));
    await expect(canvas.getByLabelText('Card number')).toHaveAccessibleDescription('Your card number is invalid.');
    await expect(canvas.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByLabelText('Expiration date')).toHaveAccessibleDescription('Your card’s expiration date is in the past.');
    await expect(canvas.getByLabelText('Security code')).toHaveAccessibleDescription('Enter the security code.');
    await expect(canvas.getByLabelText('Postal code')).toHaveAccessibleDescription('Enter the postal code.');
    await expect(canvas.getByLabelText('Card number')).toHaveFocus();
    // Nothing typed is lost, and nothing was sent.
    await expect(canvas.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4241');
    await expect(await seen(id, 'POST', /payments/)).toEqual([]);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

export const NotATestCard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // A real-looking Visa number: the test provider refuses it beside the field, before anything happens.
    await payWith(canvas, '4111111111111111');
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveAccessibleDescription(/Use a test card, such as 4242 4242 4242 4242/));
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveFocus());
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
  },
};

export const Declined: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4000000000000002');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your card was declined. Nothing was charged.');
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveFocus());
    // Everything typed stays, to correct or replace.
    await expect(canvas.getByLabelText('Card number')).toHaveValue('4000 0000 0000 0002');
    await expect(canvas.getByRole('button', { name: 'Pay deposit' })).toBeVisible();
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
  },
};

export const InsufficientFunds: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4000000000009995');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('declined for insufficient funds');
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveFocus());
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
    // Another card is a new attempt, and it pays.
    await userEvent.clear(canvas.getByLabelText('Card number'));
    await userEvent.type(canvas.getByLabelText('Card number'), '4242424242424242');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay deposit' }));
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toHaveFocus();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledTimes(1);
    await expect(new Set((await seen(id, 'POST', /\/payments$/)).map((r) => r.idempotencyKey)).size).toBe(2);
  },
};

/** Ends with the bank's question open, so the accessibility check sees the dialog. */
export const AwaitingApproval: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4000002500003155');
    const dialog = await canvas.findByRole('dialog', { name: 'Approve this payment' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(/Your card’s bank asks you to approve paying \$\d+\.\d\d to .+\. This is a test card/);
    await expect(within(dialog).getByRole('button', { name: 'Approve payment' })).toHaveFocus();
    await expect(canvas.getByText('Waiting for your bank’s approval…')).toHaveAttribute('role', 'status');
  },
};

export const AuthenticationStep: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4000002500003155');
    const dialog = await canvas.findByRole('dialog', { name: 'Approve this payment' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve payment' }));
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toHaveFocus();
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledTimes(1);
    await expect(args.onPaymentSucceeded).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'succeeded', card: { brand: 'visa', last4: '3155' } }),
      expect.objectContaining({ id: bookingOf(id).id, status: 'confirmed', amountDueCents: 0 }),
    );
  },
};

export const AuthenticationCancelled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4000002500003155');
    const dialog = await canvas.findByRole('dialog', { name: 'Approve this payment' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('its authentication was cancelled');
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(canvas.getByLabelText('Card number')).toHaveFocus());
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
  },
};

export const CheckingAfterLostAnswer: Story = {
  async beforeEach({ id }) {
    await arm(
      id,
      // The card is charged, then the answer never arrives.
      { method: 'POST', path: '/api/v1/payments/*', drop: true, times: 1 },
      // Asking how it stands takes a while, so the visitor sees the check.
      { method: 'GET', path: '/api/v1/payments/*', delayMs: 1500, times: 1 },
    );
  },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4242424242424242');
    await expect(await canvas.findByText('Checking your payment…')).toHaveAttribute('role', 'status');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' }, { timeout: 5000 })).toHaveFocus();
    await expect(canvas.getByText('Visa ending in 4242')).toBeVisible();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledTimes(1);
    // Settled by asking, never by paying again: the card went to the server once.
    await expect(await seen(id, 'POST', /\/confirm$/)).toHaveLength(1);
  },
};

export const CouldNotCheck: Story = {
  async beforeEach({ id }) {
    await arm(
      id,
      // The answer to the card is lost, and so is the first answer to "how does it stand?".
      { method: 'POST', path: '/api/v1/payments/*', drop: true, times: 1 },
      { method: 'GET', path: '/api/v1/payments/*', status: 500, times: 1 },
    );
  },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4242424242424242');
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('We couldn’t check whether your payment went through');
    await expect(alert).toHaveTextContent('Please don’t pay again yet');
    // "Check again", never "Pay" while the outcome is unknown.
    await expect(canvas.queryByRole('button', { name: 'Pay deposit' })).toBeNull();
    await expect(args.onError).toHaveBeenCalledTimes(1);
    await userEvent.click(within(alert).getByRole('button', { name: 'Check again' }));
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toHaveFocus();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledTimes(1);
    await expect(await seen(id, 'POST', /\/confirm$/)).toHaveLength(1);
  },
};

export const ExpiredHold: Story = {
  args: { bookingUrl: '/book' },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await canvas.findByLabelText('Card number');
    // The visitor took longer than the hold: on the server's clock it has ended.
    await post(id, '/__chaos/clock', { advanceMs: HOLD_MS + 60_000 });
    await payWith(canvas, '4242424242424242');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Your hold on this seating ended at .+, so nothing was charged/);
    const again = canvas.getByRole('link', { name: 'Book again' });
    await expect(new URL(again.getAttribute('href') ?? '', location.href)).toMatchObject({ pathname: '/book', search: `?quote=${bookingOf(id).quoteId}` });
    await expect(canvas.queryByLabelText('Card number')).toBeNull();
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = {
  async beforeEach({ id }) {
    // Every attempt to start the payment is refused, the client's retries included.
    await arm(id, { method: 'POST', path: '/api/v1/bookings/*', status: 503 });
  },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await payWith(canvas, '4242424242424242');
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('We’re busy right now. Please try again shortly. Nothing was charged.');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'busy' }));
    // One intent: every retry carried the same key.
    const starts = await seen(id, 'POST', /\/payments$/);
    await expect(new Set(starts.map((r) => r.idempotencyKey)).size).toBe(1);
    // The card details stay and the visitor can pay once the server is back.
    await expect(canvas.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    const pay = canvas.getByRole('button', { name: 'Pay deposit' });
    await expect(pay).not.toHaveAttribute('aria-disabled');
    await disarm(id);
    await userEvent.click(pay);
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toHaveFocus();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledTimes(1);
  },
};

export const Paid: Story = {
  async beforeEach({ id }) {
    // Paid earlier (another tab, another visit): the form shows the receipt.
    const started = await post<Payment>(id, `/api/v1/bookings/${bookingOf(id).id}/payments`, {}, crypto.randomUUID());
    const card = { number: '4242424242424242', expMonth: 12, expYear: 2034, cvc: '123', postalCode: '90012' };
    await post<Payment>(id, `/api/v1/payments/${started.id}/confirm`, { card }, crypto.randomUUID());
  },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toBeVisible();
    await expect(canvas.getByText('Visa ending in 4242')).toBeVisible();
    await expect(canvas.getByText(bookingOf(id).id)).toBeVisible();
    const calendar = canvas.getByRole('link', { name: 'Add to calendar' });
    await expect(calendar).toHaveAttribute('href', expect.stringMatching(new RegExp(`/bookings/${bookingOf(id).id}/calendar\\.ics\\?key=pk_test_demo$`)));
    await expect(canvas.queryByLabelText('Card number')).toBeNull();
    await expect(args.onPaymentSucceeded).not.toHaveBeenCalled();
  },
};

export const NoBooking: Story = {
  render: (args: Args) => <PaymentForm {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/There is no booking to pay yet/)).toBeVisible();
    await expect(canvas.queryByLabelText('Card number')).toBeNull();
  },
};
