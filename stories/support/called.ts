import type { Mock } from 'storybook/test';

/**
 * Resolves once `spy` has been called (at once if it already was). Widgets call
 * `onReady` from an effect, which React runs in a task of its own after the
 * commit that put the fields on screen, after a paint; a play function's
 * `findBy…` resolves in that commit's MutationObserver callback, before it. So a
 * story waits for the call itself: a fixed window (waitFor's 1 s) is what a busy
 * machine overran.
 */
export function called(spy: Mock): Promise<void> {
  if (spy.mock.calls.length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    spy.mockImplementationOnce(() => resolve());
  });
}
