import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { addDays, bookableDates } from '../src/core';
import { QuoteCalculator } from '../src/react';
import { quoteArgTypes } from './support/argTypes';
import { called } from './support/called';
import { demoCatalog } from './support/demo';
import { forgetStory, storyApi } from './support/storyApi';
import { WidgetDocs } from './support/WidgetDocs';
import { withTeppan } from './support/withTeppan';

const onReady = fn();
const date = addDays(bookableDates(demoCatalog, Date.now()).first, 10);

/** Guests, menu, date and ZIP in; a live estimate, then the server's authoritative quote. */
const meta = {
  title: 'Widgets/QuoteCalculator',
  component: QuoteCalculator,
  decorators: [withTeppan],
  tags: ['autodocs'],
  argTypes: quoteArgTypes,
  parameters: { docs: { page: () => <WidgetDocs widget="quote" label="QuoteCalculator" /> } },
  args: { onQuote: fn(), onError: fn(), onReady },
  async beforeEach({ id }) {
    forgetStory(id);
    // The widget's code first: a cold Vite transform must not eat the play function's waits.
    await QuoteCalculator.preload();
  },
} satisfies Meta<typeof QuoteCalculator>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // What a visitor waits for: the fields on screen, with the tenant's menu from the catalog among them.
    await expect(await canvas.findByLabelText('Lobster tail')).toBeVisible();
    await expect(canvas.getByLabelText('Adults')).toHaveValue('10');
    // The live estimate needs only guests and menu.
    await expect(canvas.getByRole('heading', { name: 'Your estimate' })).toBeVisible();
    await expect(canvas.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
    // Then the call itself, however long the effect that makes it waits behind a busy machine's paint.
    await called(onReady);
    await expect(onReady).toHaveBeenCalled();
  },
};

export const Loading: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', delayMs: 600_000 }] }));
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: 'Loading the quote calculator' })).toBeVisible();
  },
};

export const Quoted: Story = {
  args: { defaultEventDate: date, defaultZip: '91320', defaultAdults: 12 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Your quote' }, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('row', { name: /Travel: 41 miles/ })).toHaveTextContent('$22.00');
    await expect(canvas.getByRole('row', { name: 'Total $742.00' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Book this quote' }));
    await expect(args.onQuote).toHaveBeenCalledWith(expect.objectContaining({ totalCents: 74_200, zip: '91320' }));
  },
};

export const InvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const adults = await canvas.findByLabelText('Adults');
    await userEvent.clear(adults);
    await userEvent.type(adults, '2.5');
    await expect(adults).toHaveAccessibleDescription('Enter a whole number.');
    await expect(adults).toHaveAttribute('aria-invalid', 'true');
    // Nothing typed is lost.
    await expect(adults).toHaveValue('2.5');
    await userEvent.type(canvas.getByLabelText('Lobster tail'), '9');
    await userEvent.clear(adults);
    await userEvent.type(adults, '4');
    await expect(canvas.getByLabelText('Lobster tail')).toHaveAccessibleDescription(/At most one Lobster tail per guest \(4\)/);
  },
};

export const OutOfServiceArea: Story = {
  args: { defaultEventDate: date },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const zip = await canvas.findByLabelText('ZIP code');
    await userEvent.type(zip, '93301');
    await waitFor(() => expect(zip).toHaveAccessibleDescription(/outside our service area/), { timeout: 5000 });
    await expect(zip).toHaveValue('93301');
  },
};

export const ServerErrorThenRetry: Story = {
  args: { defaultEventDate: date, defaultZip: '90012' },
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ method: 'POST', path: '/api/v1/quotes', status: 500, times: 1 }] }));
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Something went wrong on our side');
    await expect(args.onError).toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('heading', { name: 'Your quote' }, { timeout: 5000 })).toBeVisible();
  },
};

export const Offline: Story = {
  args: { defaultEventDate: date, defaultZip: '90012' },
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ method: 'POST', path: '/api/v1/quotes', reset: true }] }));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('couldn’t reach the server');
    // The estimate stays on screen and the inputs keep what was typed.
    await expect(canvas.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
    await expect(canvas.getByLabelText('ZIP code')).toHaveValue('90012');
  },
};

/** On a phone (390 px): the fields stack and nothing scrolls sideways. */
export const Phone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('ZIP code')).toBeVisible();
    await expect(window.innerWidth).toBe(390);
    const page = canvasElement.ownerDocument.documentElement;
    await expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  },
};

/** On a desktop page (1280 px), as the demo's landing page shows it. */
export const Desktop: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('ZIP code')).toBeVisible();
    await expect(canvas.getByRole('row', { name: 'Total $600.00' })).toBeVisible();
  },
};
