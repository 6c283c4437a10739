import type { Decorator } from '@storybook/react-vite';
import { useState } from 'react';
import { createTeppanQueryClient } from '../../src/query';
import { TeppanProvider } from '../../src/react';
import { apiBase } from './storyApi';

/**
 * Wraps a story in a TeppanProvider talking to the story's own reference API, which MSW runs in the
 * browser (.storybook/preview.ts), with a fresh cache per story so no story sees another's data.
 */
export const withTeppan: Decorator = (Story, { id }) => {
  const [client] = useState(createTeppanQueryClient);
  return (
    <TeppanProvider publishableKey="pk_test_demo" apiBase={apiBase(id)} queryClient={client} retry={{ baseDelayMs: 50 }}>
      <div style={{ maxWidth: '56rem' }}>
        <Story />
      </div>
    </TeppanProvider>
  );
};
