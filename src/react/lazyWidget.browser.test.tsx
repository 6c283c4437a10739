import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshReferenceApi, startReferenceApi, worker } from '../../test/support/msw-browser';
import { catalogQuery, createTeppanConfig, createTeppanQueryClient } from '../query';
import { bookingSpec } from '../widgets/booking/spec';
import { quoteSpec } from '../widgets/quote/spec';
import { lazyWidget } from './lazyWidget';
import { TeppanProvider } from './TeppanProvider';

beforeAll(startReferenceApi);
afterAll(() => worker.stop());
beforeEach(() => freshReferenceApi());

type HelloProps = { name: string; onError?: () => void };

function Hello({ name }: HelloProps) {
  return <p>Hello {name}</p>;
}

const wrap = (ui: React.ReactNode) => (
  <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
    {ui}
  </TeppanProvider>
);

describe('lazyWidget', () => {
  it('holds the widget’s space with a skeleton, then renders it once its code is there', async () => {
    let finish: (m: { default: typeof Hello }) => void = () => {};
    const Widget = lazyWidget<HelloProps>({ ...quoteSpec, label: { en: 'the greeting', es: 'el saludo' } }, () => new Promise((resolve) => (finish = resolve)));
    render(wrap(<Widget name="Ann" />));
    const skeleton = screen.getByRole('status', { name: 'Loading the greeting' });
    expect(skeleton.getBoundingClientRect().height).toBeGreaterThan(600);
    finish({ default: Hello });
    expect(await screen.findByText('Hello Ann')).toBeTruthy();
  });

  it('offers a failed chunk again instead of caching the failure, and reports it', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Hello }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({ default: Hello });
    const onError = vi.fn();
    const Widget = lazyWidget({ ...bookingSpec, label: { en: 'the greeting', es: 'el saludo' } }, load);
    render(wrap(<Widget name="Bo" onError={onError} />));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('didn’t load'));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'network' }));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello Bo')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('preload() fetches the code once, before anything renders', async () => {
    const load = vi.fn(async () => ({ default: Hello }));
    const Widget = lazyWidget({ ...quoteSpec, label: { en: 'the greeting', es: 'el saludo' } }, load);
    await Promise.all([Widget.preload(), Widget.preload()]);
    const client = createTeppanQueryClient();
    await client.prefetchQuery(catalogQuery(createTeppanConfig({ publishableKey: 'pk_test_demo' })));
    render(
      <TeppanProvider publishableKey="pk_test_demo" queryClient={client}>
        <Widget name="Cy" />
      </TeppanProvider>,
    );
    // Its code loaded and the page's catalog read: no skeleton at all.
    expect(screen.getByText('Hello Cy')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('mounts the widget once its catalog is read too, not before (it never suspends on its first read)', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get('*/api/v1/catalog', async () => void (await held)));
    const Widget = lazyWidget({ ...quoteSpec, label: { en: 'the greeting', es: 'el saludo' } }, async () => ({ default: Hello }));
    await Widget.preload();
    render(wrap(<Widget name="Di" />));
    await new Promise((wait) => setTimeout(wait, 200));
    expect(screen.getByRole('status', { name: 'Loading the greeting' })).toBeTruthy();
    expect(screen.queryByText('Hello Di')).toBeNull();
    release();
    expect(await screen.findByText('Hello Di')).toBeTruthy();
  });
});
