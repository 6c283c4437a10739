import { setupWorker } from 'msw/browser';

/**
 * MSW's worker, registered beside Storybook's own pages wherever they are served:
 * at the root under `storybook dev`, under `/storybook/` from `npm start`. The
 * worker's default URL (`/mockServiceWorker.js`) would miss the sub-path, and a
 * worker only controls pages at or below its own folder.
 * The vitest runner serves the static folder at its root and its pages elsewhere.
 */
function workerUrl(): URL {
  const preview = location.pathname.endsWith('/iframe.html');
  return new URL(preview ? 'mockServiceWorker.js' : '/mockServiceWorker.js', location.href);
}

export async function startWorker() {
  const url = workerUrl();
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: url.pathname, options: { scope: new URL('./', url).pathname } },
    // Storybook's own files and anything not the API go to the network untouched.
    onUnhandledRequest: 'bypass',
  });
  return worker;
}
