import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import { storyApi } from '../stories/support/storyApi';
import { startWorker } from './msw';

/** The widths the widgets are designed for: a phone (the chat fills it) and a desktop page. */
export const VIEWPORTS = {
  phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  desktop: { name: 'Desktop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

// Play functions wait for outcomes, not speed: a busy 2-core machine can take seconds to answer from MSW (the default is 1 s).
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  // The widgets' language, from the toolbar: the decorator hands it to TeppanProvider (stories/support/withTeppan.tsx).
  globalTypes: {
    locale: {
      description: 'The language the widgets speak',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English', right: 'en' },
          { value: 'es', title: 'Español', right: 'es' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  loaders: [mswLoader(startWorker)],
  // A fresh reference API (in-memory store) for every story, at its own address: stories never see each other's
  // bookings or faults, even on a docs page that renders them all at once.
  beforeEach({ msw, id }) {
    msw.use(...storyApi(id));
  },
  parameters: {
    // Accessibility is part of done: a violation fails the story's test.
    a11y: { test: 'error' },
    layout: 'padded',
    viewport: { options: VIEWPORTS },
    options: { storySort: { order: ['Introduction', 'Theming', 'Bundle report', 'Widgets', '*'] } },
  },
};
export default preview;
