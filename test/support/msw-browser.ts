import { setupWorker } from 'msw/browser';
import { referenceApiHandlers } from '../../server/msw';

/** The reference API in the browser through MSW; one worker per test file, a fresh store per `use()`. */
export const worker = setupWorker();

export async function startReferenceApi(): Promise<void> {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
}

export function freshReferenceApi(options?: Parameters<typeof referenceApiHandlers>[0]): void {
  worker.resetHandlers(...referenceApiHandlers(options));
}

/** Requests the in-browser reference API received (its chaos request log). */
export async function seenRequests(path: string): Promise<number> {
  const { requests } = (await (await fetch('/__chaos/requests')).json()) as { requests: { path: string }[] };
  return requests.filter((r) => r.path === path).length;
}
