import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Countdown } from './Countdown';

// Only the clock and the ticking are faked; Testing Library's own waiting keeps real timeouts.
afterEach(() => {
  vi.useRealTimers();
});

describe('Countdown', () => {
  it('ticks each second, says the 5- and 1-minute marks once each, and ends once', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const onEnd = vi.fn();
    const until = new Date(Date.now() + 5 * 60_000 + 3_000).toISOString();
    render(
      <Countdown until={until} onEnd={onEnd} announce={(m) => `${m} minute${m === 1 ? '' : 's'} left to pay.`}>
        {(left) => `Held for ${left}.`}
      </Countdown>,
    );
    const live = () => document.querySelector('[aria-live="polite"]')?.textContent;
    expect(screen.getByRole('timer').textContent).toBe('Held for 5:03.');
    expect(live()).toBe('');

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.getByRole('timer').textContent).toBe('Held for 5:01.');
    expect(live()).toBe('');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(live()).toBe('5 minutes left to pay.');

    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    expect(screen.getByRole('timer').textContent).toBe('Held for 1:00.');
    expect(live()).toBe('1 minute left to pay.');
    expect(onEnd).not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(62_000));
    expect(screen.getByRole('timer').textContent).toBe('Held for 0:00.');
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('does not announce a mark already passed when it starts', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    render(
      <Countdown until={new Date(Date.now() + 3 * 60_000).toISOString()} announce={(m) => `${m} minutes left.`}>
        {(left) => left}
      </Countdown>,
    );
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('');
  });
});
