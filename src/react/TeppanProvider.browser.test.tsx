import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshReferenceApi, seenRequests, startReferenceApi, worker } from '../../test/support/msw-browser';
import type { LogEntry } from '../core';
import { createTeppanQueryClient, useCatalog } from '../query';
import { TeppanProvider } from './TeppanProvider';

beforeAll(startReferenceApi);
afterAll(() => worker.stop());
beforeEach(() => freshReferenceApi());

function TenantName({ label }: { label: string }) {
  const { data } = useCatalog();
  return (
    <p>
      {label}: {data.name}
    </p>
  );
}

describe('TeppanProvider', () => {
  it('tells the developer what to do when a widget is rendered without it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<TenantName label="Alone" />)).toThrow('Teppan widgets must be rendered inside <TeppanProvider publishableKey="pk_…">');
  });

  it('shares one catalog request among every consumer on the page, and logs it once', async () => {
    const logs: LogEntry[] = [];
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} onLog={(e) => logs.push(e)}>
        <Suspense fallback={<p>Loading</p>}>
          <TenantName label="Quote" />
          <TenantName label="Booking" />
        </Suspense>
      </TeppanProvider>,
    );
    expect(await screen.findByText('Quote: Sakura Hibachi Catering')).toBeTruthy();
    expect(screen.getByText('Booking: Sakura Hibachi Catering')).toBeTruthy();
    expect(await seenRequests('/api/v1/catalog')).toBe(1);
    expect(logs).toEqual([expect.objectContaining({ type: 'request', route: '/catalog', status: 200, attempts: 1, ok: true })]);
  });

  it('sends the catalog read as a simple request: key in the query, no Authorization header', async () => {
    const seen: Request[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.url.includes('/api/v1/catalog')) seen.push(request);
    });
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
        <Suspense fallback={null}>
          <TenantName label="Menu" />
        </Suspense>
      </TeppanProvider>,
    );
    await screen.findByText('Menu: Sakura Hibachi Catering');
    worker.events.removeAllListeners();
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]?.url ?? '').searchParams.get('key')).toBe('pk_test_demo');
    expect(seen[0]?.headers.get('authorization')).toBeNull();
  });
});
