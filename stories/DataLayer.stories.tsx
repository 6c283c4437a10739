import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MenuPreview } from './support/MenuPreview';
import { storyApi } from './support/storyApi';
import { withTeppan } from './support/withTeppan';

/**
 * The shared data layer against the reference API: one cached catalog query,
 * retries in the HTTP client only, and every failure as a message a visitor
 * understands, with a retry where one can help.
 */
const meta = {
  title: 'Foundation/Data layer',
  component: MenuPreview,
  decorators: [withTeppan],
} satisfies Meta<typeof MenuPreview>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Sakura Hibachi Catering' })).toBeVisible();
    await expect(canvas.getByText('Adults: $60.00')).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', delayMs: 600_000 }] }));
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Loading the menu' })).toBeVisible();
  },
};

export const ServerErrorThenRetry: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', status: 500, times: 1 }] }));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong on our side');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('heading', { name: 'Sakura Hibachi Catering' })).toBeVisible();
  },
};

export const RecoversFromTransient503: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', status: 503, times: 2 }] }));
  },
  play: async ({ canvasElement }) => {
    // Two 503s are retried by the HTTP layer: the visitor only ever sees the menu.
    await expect(await within(canvasElement).findByRole('heading', { name: 'Sakura Hibachi Catering' })).toBeVisible();
  },
};

export const Busy: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', status: 429, retryAfter: 120 }] }));
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('busy right now');
  },
};

export const Offline: Story = {
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id, { faults: [{ path: '/api/v1/catalog', reset: true }] }));
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('couldn’t reach the server');
  },
};
