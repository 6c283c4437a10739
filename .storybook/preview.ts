import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { referenceApiHandlers } from '../server/msw';

const preview: Preview = {
  loaders: [mswLoader()],
  // A fresh reference API (in-memory store) for every story: stories never see each other's bookings.
  beforeEach({ msw }) {
    msw.use(...referenceApiHandlers());
  },
  parameters: {
    // Accessibility is part of done: a violation fails the story's test.
    a11y: { test: 'error' },
    layout: 'padded',
  },
};
export default preview;
