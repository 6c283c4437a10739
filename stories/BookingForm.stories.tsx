import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Quote } from '../src/contract';
import { addDays, bookableDates } from '../src/core';
import { BookingForm, PaymentForm } from '../src/react';
import { bookingArgTypes } from './support/argTypes';
import { enterCard } from './support/card';
import { demoCatalog } from './support/demo';
import { apiBase, arm, forgetStory, stored, storyApi, storyFetch } from './support/storyApi';
import { WidgetDocs } from './support/WidgetDocs';
import { withTeppan } from './support/withTeppan';

const date = addDays(bookableDates(demoCatalog, Date.now()).first, 10);

/** A quote made on the story's reference API, which MSW runs in this browser tab. */
async function makeQuote(storyId: string): Promise<Quote> {
  const res = await storyFetch(storyId, '/api/v1/quotes', {
    method: 'POST',
    headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' },
    body: JSON.stringify({ adults: 12, eventDate: date, zip: '90012' }),
  });
  return (await res.json()) as Quote;
}

/** Fills a seating from "other visitors" so the next booking of it meets a 409. */
async function fillSeating(storyId: string, quote: Quote, slotId: string) {
  const auth = { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' };
  for (let i = 0; i < 3; i++) {
    // Three other parties, each with a quote of its own (a quote makes one booking).
    const theirs = (await (
      await storyFetch(storyId, '/api/v1/quotes', {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ adults: quote.adults, eventDate: quote.eventDate, zip: quote.zip }),
      })
    ).json()) as Quote;
    await storyFetch(storyId, '/api/v1/bookings', {
      method: 'POST',
      headers: { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json', 'idempotency-key': `other-visitor-${slotId}-${i}` },
      body: JSON.stringify({
        slotId,
        quoteId: theirs.id,
        customer: { name: 'Other', email: 'o@example.com', phone: '2135550100' },
        address: { line1: '2 Elm St', city: 'Los Angeles', zip: '90012' },
      }),
    });
  }
}

async function fillDetails(canvas: ReturnType<typeof within>) {
  await userEvent.type(canvas.getByLabelText('Street address'), '1 Sakura Way');
  await userEvent.type(canvas.getByLabelText('City'), 'Los Angeles');
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
  await userEvent.type(await canvas.findByLabelText('Name'), 'Ann Lee');
  await userEvent.type(canvas.getByLabelText('Email'), 'ann@example.com');
  await userEvent.type(canvas.getByLabelText('Phone'), '(213) 555-0142');
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
}

type Args = Parameters<typeof BookingForm>[0];

/** Each story's quote, by story id (made fresh for each, after its API is set up). */
const quotes = new Map<string, Quote>();
const quoteOf = (storyId: string): Quote => {
  const quote = quotes.get(storyId);
  if (!quote) throw new Error(`No quote was made for ${storyId}.`);
  return quote;
};

const meta = {
  title: 'Widgets/BookingForm',
  component: BookingForm,
  decorators: [withTeppan],
  tags: ['autodocs'],
  argTypes: bookingArgTypes,
  parameters: { docs: { page: () => <WidgetDocs widget="booking" label="BookingForm" /> } },
  args: { onBookingCreated: fn(), onError: fn() },
  async beforeEach({ id }) {
    forgetStory(id);
    // The widget's code first (and the deposit form it shows in place): a cold Vite transform must not eat the play's waits.
    await Promise.all([BookingForm.preload(), PaymentForm.preload()]);
    quotes.set(id, await makeQuote(id));
  },
  render: (args: Args, { id }) => <BookingForm {...args} quoteId={args.quoteId || quoteOf(id).id} />,
} satisfies Meta<typeof BookingForm>;
export default meta;

type Story = StoryObj<typeof meta>;

export const ChooseSeating: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: /Choose a seating/ })).toBeVisible();
    // The quote's own date is open, its four seatings offered by start time.
    const group = await canvas.findByRole('group', { name: /Seatings on/ });
    for (const time of ['12:00 PM', '3:00 PM', '6:00 PM', '8:30 PM']) await expect(await within(group).findByRole('radio', { name: time })).toBeEnabled();
  },
};

export const MissingChoices: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('radio', { name: '6:00 PM' });
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByRole('group', { name: /Seatings on/ })).toHaveAccessibleDescription('Choose a seating.');
    await userEvent.click(canvas.getByRole('radio', { name: '6:00 PM' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Continue' }));
    await expect(canvas.getByLabelText('Street address')).toHaveAccessibleDescription('Street address is required.');
    await expect(canvas.getByLabelText('Street address')).toHaveFocus();
  },
};

export const Booked: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: '6:00 PM' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await fillDetails(canvas);
    await expect(await canvas.findByRole('heading', { name: /Review and confirm/ })).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    await expect(await canvas.findByRole('heading', { name: 'Booking received' })).toHaveFocus();
    await expect(args.onBookingCreated).toHaveBeenCalledWith(expect.objectContaining({ status: 'pending_deposit', slotId: `${date}T18:00` }));
    // The hold counts down, and its deposit is paid right here.
    await expect(canvas.getByRole('timer')).toHaveTextContent(/Pay the \$100\.00 deposit within 1[45]:\d\d/);
    await expect(await canvas.findByLabelText('Card number')).toBeVisible();
    // The draft no longer waits for an answer; it remembers the booking (a reload comes back to it), and so does the funnel.
    await expect(stored(id, 'teppan:booking-draft:')).toMatchObject({ pending: null, bookingId: expect.any(String) });
    await expect(stored(id, 'teppan:funnel:')).toMatchObject({ bookingId: expect.any(String) });
  },
};

export const BookedAndPaid: Story = {
  args: { onPaymentSucceeded: fn() },
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    await enterCard(canvas, '4242424242424242');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay deposit' }));
    await expect(await canvas.findByRole('heading', { name: 'Deposit paid' })).toHaveFocus();
    await expect(args.onPaymentSucceeded).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'succeeded' }),
      expect.objectContaining({ status: 'confirmed', amountDueCents: 0 }),
    );
    await expect(canvas.getByRole('button', { name: 'Book another event' })).toBeVisible();
    // Paid: the visitor's details are no longer kept on this device, only which booking it was.
    await expect(stored(id, 'teppan:booking-draft:')).toMatchObject({
      customer: { name: '', email: '', phone: '' },
      bookingId: expect.any(String),
    });
  },
};

export const SeatingTakenMeanwhile: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: '6:00 PM' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await fillDetails(canvas);
    await fillSeating(id, quoteOf(id), `${date}T18:00`);
    await userEvent.click(await canvas.findByRole('button', { name: 'Confirm booking' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('that seating was just taken');
    await expect(canvas.getByRole('heading', { name: /Choose a seating/ })).toHaveFocus();
    await waitFor(() => expect(canvas.getByRole('radio', { name: '6:00 PM' })).toBeDisabled());
    await userEvent.click(canvas.getByRole('radio', { name: '8:30 PM' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    // Everything typed before the 409 is still there.
    await expect(canvas.getByLabelText('Street address')).toHaveValue('1 Sakura Way');
  },
};

/** Walks from the seating step to the review step. */
async function toReview(canvas: ReturnType<typeof within>) {
  await userEvent.click(await canvas.findByRole('radio', { name: '6:00 PM' }));
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
  await fillDetails(canvas);
}

export const Loading: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', delayMs: 600_000 }] }));
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: 'Loading the booking form' })).toBeVisible();
  },
};

export const ServerErrorThenRetry: Story = {
  play: async ({ canvasElement, args, id }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await arm(id, { method: 'POST', path: '/api/v1/bookings', status: 500, times: 1 });
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    await expect(args.onError).toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('heading', { name: 'Booking received' })).toBeVisible();
  },
};

export const Offline: Story = {
  play: async ({ canvasElement, id }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await arm(id, { method: 'POST', path: '/api/v1/bookings', reset: true });
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('couldn’t reach the server');
    // The request waits in the draft, to be sent again with the same key.
    await expect(stored(id, 'teppan:booking-draft:')).toMatchObject({ pending: { slotId: `${date}T18:00`, customer: { name: 'Ann Lee' } } });
  },
};

export const ServerRejectsAField: Story = {
  beforeEach({ msw, id }) {
    msw.use(
      http.post(`*${apiBase(id)}/api/v1/bookings`, () =>
        HttpResponse.json(
          {
            type: 'https://teppan.dev/problems/validation',
            title: 'Some fields are invalid',
            status: 422,
            code: 'validation',
            detail: 'customer.email: This mailbox does not accept mail.',
            errors: [{ field: 'customer.email', pointer: '/customer/email', detail: 'This mailbox does not accept mail.' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReview(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm booking' }));
    // Back to the step that holds the field, with the server's words beside it.
    await expect(await canvas.findByRole('heading', { name: /Contact details/ })).toHaveFocus();
    await expect(canvas.getByLabelText('Email')).toHaveAccessibleDescription('This mailbox does not accept mail.');
    await expect(canvas.getByLabelText('Email')).toHaveValue('ann@example.com');
  },
};

/** No quote, and no calculator on the page: the booking form starts at one, in place, as its first step. */
export const NoQuote: Story = {
  render: (args: Args) => <BookingForm {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { level: 3, name: 'Start with a quote' })).toBeVisible();
    await expect(canvas.getByLabelText('ZIP code')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Book this quote' })).toBeVisible();
  },
};
