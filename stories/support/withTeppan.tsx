import type { Decorator } from '@storybook/react-vite';
import { useLayoutEffect, useState } from 'react';
import { createTeppanQueryClient } from '../../src/query';
import { TeppanProvider } from '../../src/react';
import { apiBase } from './storyApi';

/**
 * Wraps a story in a TeppanProvider talking to the story's own reference API, which MSW runs in the
 * browser (.storybook/preview.ts), with a fresh cache per story so no story sees another's data, in the
 * toolbar's language (the `locale` global): the provider's `locale`, and the preview page's `<html lang>`, as a
 * host page in that language would have it.
 */
export const withTeppan: Decorator = (Story, { id, globals }) => {
  const [client] = useState(createTeppanQueryClient);
  const locale = typeof globals.locale === 'string' ? globals.locale : 'en';
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase(id)} queryClient={client} locale={locale} retry={{ baseDelayMs: 50 }}>
      <div style={{ maxWidth: '56rem' }}>
        <Story />
      </div>
    </TeppanProvider>
  );
};
