import type { Decorator } from '@storybook/react-vite';
import { useState } from 'react';
import { createTeppanQueryClient } from '../../src/query';
import { TeppanProvider } from '../../src/react';

/**
 * Wraps a story in a TeppanProvider talking to the reference API that MSW runs
 * in the browser, with a fresh cache per story so no story sees another's data.
 */
export const withTeppan: Decorator = (Story) => {
  const [client] = useState(createTeppanQueryClient);
  return (
    <TeppanProvider publishableKey="pk_test_demo" queryClient={client} retry={{ baseDelayMs: 50 }}>
      <div style={{ maxWidth: '56rem' }}>
        <Story />
      </div>
    </TeppanProvider>
  );
};
