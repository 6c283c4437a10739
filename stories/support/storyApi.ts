import type { FaultRule } from '../../server/chaos';
import { type MswOptions, referenceApiHandlers } from '../../server/msw';

/**
 * Where a story's own reference API answers, in this tab through MSW. A docs page renders every story
 * of a widget at once, in one page with one worker: at one address they would share one store and one
 * set of armed faults (one story's 503s reach the next, the seatings one story holds fill the next's).
 */
export const apiBase = (storyId: string) => `/story-api/${storyId}`;

/** A fresh reference API (its own in-memory store) for the story, with the options given (faults armed from the start). */
export const storyApi = (storyId: string, options: Omit<MswOptions, 'base'> = {}) => referenceApiHandlers({ ...options, base: apiBase(storyId) });

/** A call to the story's own API, e.g. `storyFetch(id, '/api/v1/quotes', …)`. */
export const storyFetch = (storyId: string, path: string, init?: RequestInit) => fetch(`${apiBase(storyId)}${path}`, init);

/** Faults for the requests that follow on the story's API (what it already holds stays). */
export const arm = (storyId: string, ...faults: FaultRule[]) =>
  storyFetch(storyId, '/__chaos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });

/** Clears the story's armed faults. */
export const disarm = (storyId: string) => storyFetch(storyId, '/__chaos', { method: 'DELETE' });

export interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
}

/** What reached the story's API (its chaos request log), to count calls from the server's side. */
export async function requestsSeen(storyId: string): Promise<SeenRequest[]> {
  return ((await (await storyFetch(storyId, '/__chaos/requests')).json()) as { requests: SeenRequest[] }).requests;
}

/** The widgets' storage scope in a story: its API's address and withTeppan's key (every key they keep in localStorage holds it). */
export const storyScope = (storyId: string) => `${apiBase(storyId)}|pk_test_demo`;

/** What the story's widgets keep in localStorage under a key that starts with `prefix` (`teppan:booking-draft:`), parsed. */
export function stored(storyId: string, prefix: string): unknown {
  const key = Object.keys(localStorage).find((k) => k.startsWith(prefix) && k.includes(storyScope(storyId)));
  return JSON.parse((key && localStorage.getItem(key)) || 'null');
}

/** Forgets what an earlier run of this story kept in the browser (drafts, conversations), and only that: other stories on the page keep theirs. */
export function forgetStory(storyId: string) {
  for (const key of Object.keys(localStorage)) if (key.includes(storyScope(storyId))) localStorage.removeItem(key);
}
