import type { ReactNode } from 'react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatWidget, TeppanProvider } from '../../../src/react';

/** Mounts a demo page the way a React customer would: one provider, the public entry only. */
export function mount(app: ReactNode) {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing');
  createRoot(root).render(
    <StrictMode>
      <TeppanProvider publishableKey="pk_test_demo" apiBase={window.location.origin}>
        {app}
        {/* Every page carries the chat. */}
        <ChatWidget quoteUrl="/react/quote.html" />
      </TeppanProvider>
    </StrictMode>,
  );
}
