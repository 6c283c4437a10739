import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TeppanError } from '../src/core';
import { ErrorNotice } from '../src/ui';

const meta = {
  title: 'UI/ErrorNotice',
  component: ErrorNotice,
  args: { onRetry: fn() },
} satisfies Meta<typeof ErrorNotice>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Retryable: Story = {
  args: { error: new TeppanError({ kind: 'network' }) },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('couldn’t reach the server');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const NotRetryable: Story = {
  args: { error: new TeppanError({ kind: 'unauthorized' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('key was refused');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const MessageIsText: Story = {
  args: { error: { userMessage: '<img src=x onerror="alert(1)"> is not a ZIP', retryable: false } },
  play: async ({ canvasElement }) => {
    // Whatever a server or visitor put in the message is shown as text, never parsed as HTML.
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('<img src=x onerror="alert(1)"> is not a ZIP');
  },
};
